/**
 * The connection operations: start and complete the OAuth flow, read a connection's
 * status, renew its token, disconnect. No answer carries a token; those that concern the
 * flow are marked `no-store`, since the authorize URL holds the sealed state.
 */
import type { ApiRequest, ApiResponse, Handlers } from '../../shared/api-kit/handlers.ts';
import { ApiError } from '../../shared/errors/problem.ts';
import type { VendorConnectionStore } from '../../shared/state/ports.ts';
import type { components } from '../../specs/types/oura.ts';
import type { ConnectFlow } from './connections/connect-flow.ts';
import { connectionView, notConnected, VENDOR } from './connections/connection-view.ts';
import { disconnect, type DisconnectDeps } from './connections/disconnect.ts';
import type { TokenKeeper } from './connections/token-keeper.ts';
import { patientKey } from './patient-key.ts';

type ConnectBody = { scopes?: components['schemas']['OuraScope'][] } | undefined;
type Callback = components['schemas']['OuraCallback'];

/** What the connection handlers work with; each part is absent when not configured. */
export interface ConnectionDeps {
  store?: VendorConnectionStore;
  keeper?: TokenKeeper;
  flow?: ConnectFlow;
  disconnect?: DisconnectDeps;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Handlers of the connection operations. */
export function connectionHandlers(deps: ConnectionDeps): Handlers {
  return {
    async getOuraConnection(request: ApiRequest) {
      const connection = await need(deps.store, 'connections').get(patientKey(request), VENDOR);
      if (!connection) throw notConnected(404, 'The patient has not connected an Oura account');
      return ok(connectionView(connection));
    },

    async disconnectOura(request: ApiRequest) {
      const result = await disconnect(need(deps.disconnect, 'connections'), patientKey(request));
      return ok({ connection: connectionView(result.connection),
        upstreamRevocation: result.upstreamRevocation });
    },

    async connectOura(request: ApiRequest<ConnectBody>) {
      const authorization = need(deps.flow, 'oauth')
        .start(patientKey(request), request.body?.scopes);
      return { status: 201, body: authorization, headers: NO_STORE };
    },

    async ouraCallback(request: ApiRequest<Callback>) {
      const connection = await need(deps.flow, 'oauth').complete(request.body);
      return { ...ok(connectionView(connection)), headers: NO_STORE };
    },

    async refreshOuraConnection(request: ApiRequest) {
      need(deps.flow, 'oauth');
      const connection = await need(deps.keeper, 'connections').renewNow(patientKey(request));
      return ok(connectionView(connection));
    },
  };
}

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

function need<T>(part: T | undefined, what: 'connections' | 'oauth'): T {
  if (part !== undefined) return part;
  const detail = what === 'oauth'
    ? 'No Oura OAuth client is configured for this gateway'
    : 'No connection store is configured for this gateway';
  throw new ApiError(501, 'OURA.NOT_CONFIGURED', 'Oura connections are not configured here',
    { detail });
}
