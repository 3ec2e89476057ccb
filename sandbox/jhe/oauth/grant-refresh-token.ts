/**
 * `grant_type=refresh_token` (reference §2.2): DOT rotates refresh tokens, so a used one
 * stops working and the access token issued with it is revoked. A narrower `scope` may be
 * asked for; a wider one is `invalid_scope`.
 */
import type { Request } from 'express';
import type { SandboxContext } from '../context.ts';
import type { DumpableValue } from '../python-json.ts';
import { rejectDuplicates } from './grant-authorization-code.ts';
import { authenticateAnyClient } from './client-auth.ts';
import { issueTokens } from './issue-tokens.ts';
import { invalidClient, invalidGrant, invalidRequest, OauthError } from './oauth-json.ts';
import { grantedScope } from './scopes.ts';

/** Runs the grant; failures are thrown as OauthError. */
export async function refreshTokenGrant(
  ctx: SandboxContext, req: Request, form: URLSearchParams, issuer: string,
): Promise<Record<string, DumpableValue>> {
  const value = form.get('refresh_token');
  if (value === null) throw invalidRequest('Missing refresh token parameter.');
  rejectDuplicates(form, ['client_id', 'grant_type', 'scope']);
  const client = authenticateAnyClient(ctx.store.oauth, req, form);
  if (!client) throw invalidClient();
  // DOT lets only authorization-code (and password) clients refresh.
  if (client.grantType !== 'authorization-code') throw new OauthError(400, 'unauthorized_client');

  const row = ctx.store.oauth.refreshToken(value);
  if (!row || row.revoked || row.clientId !== client.clientId) throw invalidGrant();
  const user = ctx.store.user(row.jheUserId);
  if (!user) throw invalidGrant();
  const scope = grantedScope(form.get('scope'), row.scope.split(' '));

  ctx.store.oauth.rotateRefreshToken(row);
  return issueTokens(ctx, { user, clientId: client.clientId, scope,
    withRefreshToken: true, withIdToken: true, issuer });
}
