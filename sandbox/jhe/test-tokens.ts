/**
 * Shortcuts for tests that need a bearer token without walking an OAuth flow: the token is
 * stored exactly as a real grant would store it, so the sandbox cannot tell the difference.
 * Use the HTTP flows (client credentials, invitation + code) when the flow is under test.
 */
import { randomToken, TOKEN_LIFETIME_SECONDS } from './oauth/issue-tokens.ts';
import { DEMO } from './seed.ts';
import type { JheStore } from './store.ts';

/** What to mint. */
export interface MintOptions {
  /** The instant the 14-day lifetime counts from; the sandbox's clock, if it is faked. */
  now?: Date;
  /** The OAuth client the token is recorded against. */
  clientId?: string;
  scope?: string;
}

/**
 * A live access token acting as the patient (by Patient id), as if the patient app had
 * redeemed an invitation.
 * @example
 * const token = mintPatientToken(sandbox.store, sandbox.demo.patientId);
 * await request(sandbox.app).get('/FHIR/R5/Observation').auth(token, { type: 'bearer' });
 */
export function mintPatientToken(
  store: JheStore, patientId: number = DEMO.patientId, options: MintOptions = {},
): string {
  const patient = store.patient(patientId);
  if (!patient) throw new Error(`No patient ${patientId} in the sandbox`);
  return mintUserToken(store, patient.jheUserId,
    { clientId: DEMO.patientAppClientId, scope: 'openid email', ...options });
}

/** A live access token acting as any JheUser (by JheUser id). */
export function mintUserToken(
  store: JheStore, jheUserId: number, options: MintOptions = {},
): string {
  const token = randomToken();
  const issuedAt = (options.now ?? new Date()).getTime();
  store.oauth.saveToken({
    token, jheUserId, clientId: options.clientId ?? DEMO.clientId,
    scope: options.scope ?? 'openid email',
    expiresAt: issuedAt + TOKEN_LIFETIME_SECONDS * 1000,
  });
  return token;
}
