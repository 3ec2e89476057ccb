/**
 * `GET /oauth/authorize`: where Oura shows the user a sign-in and consent page. The sandbox
 * has no user to ask, so it consents at once and redirects back with a code, which lets the
 * whole connect flow run without a browser. `sandbox_consent=deny` imitates a user who
 * declines; `sandbox_user=<name>` says which sandbox user consents, so the tokens of the
 * grant read that user's rows (see `sandbox-data.ts`). As RFC 6749 (section 4.1.2.1)
 * requires, a request with an unknown client or a redirect URI the client has not
 * registered is answered here and never redirected.
 */
import type { Request, RequestHandler, Response } from 'express';
import { findClient, OURA_SCOPES, redirectAllowed, type SandboxClient } from './clients.ts';
import type { GrantRegistry } from './grants.ts';
import { OAuthSandboxError } from './oauth-error.ts';

/** The authorization endpoint over the given clients and registry. */
export function authorizeRoute(clients: readonly SandboxClient[], grants: GrantRegistry):
  RequestHandler {
  return (req, res) => {
    const client = findClient(clients, req.query.client_id);
    if (!client) throw new OAuthSandboxError(400, 'invalid_client', 'Unknown client_id');
    const redirectUri = req.query.redirect_uri;
    if (!redirectAllowed(client, redirectUri)) {
      throw new OAuthSandboxError(400, 'invalid_request', 'redirect_uri is not registered');
    }
    const back = (params: Record<string, string>) => redirect(res, redirectUri, req, params);

    const refusal = refusalOf(req);
    if (refusal) {
      back(refusal);
      return;
    }
    const scopes = String(req.query.scope ?? '').split(' ').filter(Boolean);
    const challenge = req.query.code_challenge as string | undefined;
    const user = typeof req.query.sandbox_user === 'string' ? req.query.sandbox_user : undefined;
    back({ code: grants.issueCode(client.clientId, scopes, redirectUri, challenge, user) });
  };
}

/** Why the request is refused back to the client, or undefined when it may proceed. */
function refusalOf(req: Request): Record<string, string> | undefined {
  const { query } = req;
  if (query.response_type !== 'code') {
    return { error: 'unsupported_response_type', error_description: 'response_type must be code' };
  }
  const scopes = String(query.scope ?? '').split(' ').filter(Boolean);
  const unknown = scopes.filter((scope) => !OURA_SCOPES.includes(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    return { error: 'invalid_scope', error_description: `Unknown or missing scope ${unknown}` };
  }
  if (query.code_challenge !== undefined && query.code_challenge_method !== 'S256') {
    return { error: 'invalid_request', error_description: 'Only S256 PKCE is supported' };
  }
  if (query.sandbox_consent === 'deny') {
    return { error: 'access_denied', error_description: 'The user declined' };
  }
  return undefined;
}

function redirect(res: Response, redirectUri: string, req: Request,
  params: Record<string, string>): void {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  if (typeof req.query.state === 'string') target.searchParams.set('state', req.query.state);
  res.set('Cache-Control', 'no-store').redirect(302, target.href);
}
