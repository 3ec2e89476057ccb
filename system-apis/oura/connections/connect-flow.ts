/**
 * The OAuth 2 authorization-code flow that connects a patient's Oura account: `start`
 * builds the authorize URL with a sealed state (and a PKCE challenge), `complete` checks
 * the state Oura sent back, exchanges the code and stores the connection.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 */
import { ApiError } from '../../../shared/errors/problem.ts';
import type { Logger } from '../../../shared/logging/logger.ts';
import type { VendorConnection, VendorConnectionStore } from '../../../shared/state/ports.ts';
import type { components } from '../../../specs/types/oura.ts';
import type { StateSealer } from '../oauth/authorization-state.ts';
import { createPkce } from '../oauth/pkce.ts';
import type { OuraScope, ResolvedOAuth } from '../oauth/settings.ts';
import { InvalidGrantError, type OuraTokenEndpoint } from '../oauth/token-endpoint.ts';
import { issuedConnection } from './issued-connection.ts';
import type { PatientLanes } from './patient-lanes.ts';

type Authorization = components['schemas']['OuraAuthorization'];
type Callback = components['schemas']['OuraCallback'];

/** What the flow works with. */
export interface ConnectFlowDeps {
  settings: ResolvedOAuth;
  sealer: StateSealer;
  endpoint: OuraTokenEndpoint;
  store: VendorConnectionStore;
  lanes: PatientLanes;
  now: () => number;
  log: Logger;
}

/** Starts and completes connect flows. */
export class ConnectFlow {
  constructor(private readonly deps: ConnectFlowDeps) {}

  /** Where to send the patient to consent, for `scopes` or the configured default. */
  start(patientId: string, scopes?: OuraScope[]): Authorization {
    const { settings, sealer, now } = this.deps;
    const chosen = scopes ?? settings.scopes;
    const pkce = settings.pkce ? createPkce() : undefined;
    const expiresAt = now() + settings.stateTtlMs;
    const state = sealer.seal({ patientId, scopes: chosen, verifier: pkce?.verifier, expiresAt });

    const url = new URL(settings.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', settings.clientId);
    url.searchParams.set('redirect_uri', settings.redirectUri);
    url.searchParams.set('scope', chosen.join(' '));
    url.searchParams.set('state', state);
    if (pkce) {
      url.searchParams.set('code_challenge', pkce.challenge);
      url.searchParams.set('code_challenge_method', 'S256');
    }
    return { patientId: Number(patientId), authorizeUrl: url.href, state,
      redirectUri: settings.redirectUri, scopes: chosen,
      expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * Completes a flow with what Oura sent to the redirect URI.
   * @throws ApiError `OURA.STATE_INVALID`, `OURA.CONSENT_DENIED`, `OURA.CODE_REJECTED`,
   * `OURA.AUTH_FAILED`, or an upstream failure.
   */
  async complete(callback: Callback): Promise<VendorConnection> {
    const { sealer, endpoint, store, lanes, now, log } = this.deps;
    const state = sealer.consume(callback.state);
    if (!state) {
      throw new ApiError(400, 'OURA.STATE_INVALID', 'The connect flow is unknown or over', {
        detail: 'The state is not one this gateway issued, or it expired, or it was used',
      });
    }
    if (callback.error !== undefined) throw authorizationRefused(callback.error);
    if (!callback.code) {
      throw new ApiError(400, 'REQUEST.INVALID', 'The callback has neither code nor error', {
        errors: [{ pointer: '/body/code', detail: 'is required when error is absent' }],
      });
    }
    const requestedAt = now();
    const issued = await endpoint.exchangeCode(callback.code, state.verifier)
      .catch((error: unknown) => { throw codeRefused(error); });
    const stored = await lanes.run(state.patientId, () =>
      store.put(issuedConnection(state.patientId, issued, requestedAt, state.scopes)));
    log.info({ patientId: state.patientId, scopes: stored.scopes }, 'Oura connection stored');
    return stored;
  }
}

function authorizationRefused(error: string): ApiError {
  if (error === 'access_denied') {
    return new ApiError(403, 'OURA.CONSENT_DENIED', 'The patient declined to connect Oura');
  }
  // Any other error means Oura refused our request (client, scope, redirect URI).
  return new ApiError(502, 'OURA.AUTH_FAILED', 'Oura refused the authorization request', {
    cause: new Error(`authorize: ${error.slice(0, 100)}`),
  });
}

function codeRefused(error: unknown): unknown {
  if (!(error instanceof InvalidGrantError)) return error;
  return new ApiError(400, 'OURA.CODE_REJECTED', 'Oura refused the authorization code', {
    detail: 'The code expired or was already used; start the connect flow again',
    cause: error,
  });
}
