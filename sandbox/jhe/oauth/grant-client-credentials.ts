/**
 * `grant_type=client_credentials` (reference §2.3): a confidential client authenticates
 * and gets a token that acts as the client's owner, with no refresh token or id_token.
 */
import type { Request } from 'express';
import type { SandboxContext } from '../context.ts';
import type { DumpableValue } from '../python-json.ts';
import { authenticateConfidential } from './client-auth.ts';
import { issueTokens } from './issue-tokens.ts';
import { invalidClient, OauthError } from './oauth-json.ts';
import { grantedScope } from './scopes.ts';

/** Runs the grant; failures are thrown as OauthError. */
export async function clientCredentialsGrant(
  ctx: SandboxContext, req: Request, form: URLSearchParams, issuer: string,
): Promise<Record<string, DumpableValue>> {
  const client = authenticateConfidential(ctx.store.oauth, req, form);
  if (!client) throw invalidClient();
  if (client.grantType !== 'client-credentials') throw new OauthError(400, 'unauthorized_client');
  const owner = client.ownerJheUserId === null ? undefined : ctx.store.user(client.ownerJheUserId);
  // DOT saves such tokens with user=None; JHE then has nobody to act as.
  if (!owner) throw new OauthError(400, 'unauthorized_client');
  const scope = grantedScope(form.get('scope'));
  ctx.logger.debug({ clientId: client.clientId }, 'JHE sandbox issued an access token');
  return issueTokens(ctx, { user: owner, clientId: client.clientId, scope,
    withRefreshToken: false, withIdToken: false, issuer });
}
