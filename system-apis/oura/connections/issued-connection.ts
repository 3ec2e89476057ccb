/** A stored connection built from the tokens Oura just issued. */
import type { VendorConnection } from '../../../shared/state/ports.ts';
import type { IssuedTokens } from '../oauth/token-endpoint.ts';
import { VENDOR } from './connection-view.ts';

/**
 * The connected record for newly issued tokens.
 * @param requestedAt - when the token request left, in epoch ms: Oura counts `expires_in`
 * from when it issued the token, so counting from our request errs on the early side.
 * @param asked - the scopes asked for, kept when Oura does not list what it granted.
 * @param previousRefreshToken - kept when a refresh answer carries no new refresh token.
 */
export function issuedConnection(
  patientId: string,
  issued: IssuedTokens,
  requestedAt: number,
  asked: readonly string[],
  previousRefreshToken?: string,
): VendorConnection {
  const connection: VendorConnection = {
    patientId,
    vendor: VENDOR,
    tokens: { accessToken: issued.accessToken },
    scopes: [...(issued.scopes ?? asked)],
    status: 'connected',
  };
  const refreshToken = issued.refreshToken ?? previousRefreshToken;
  if (refreshToken) connection.tokens.refreshToken = refreshToken;
  if (issued.tokenType) connection.tokens.tokenType = issued.tokenType;
  if (issued.expiresIn !== undefined) {
    connection.expiresAt = new Date(requestedAt + issued.expiresIn * 1000).toISOString();
  }
  return connection;
}
