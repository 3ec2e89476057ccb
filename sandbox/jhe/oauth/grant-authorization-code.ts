/**
 * `grant_type=authorization_code` with PKCE (reference §2.2, §2.5), checked in oauthlib's
 * order: the code is present, parameters are not repeated, the client authenticates (a
 * public client by `client_id`), may use the grant, owns an unexpired code, proves the
 * PKCE verifier, and repeats the code's redirect URI. A code works once.
 */
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { SandboxContext } from '../context.ts';
import type { ApplicationRow, GrantRow } from '../model.ts';
import type { DumpableValue } from '../python-json.ts';
import { authenticateAnyClient } from './client-auth.ts';
import { issueTokens } from './issue-tokens.ts';
import { invalidClient, invalidGrant, invalidRequest, OauthError } from './oauth-json.ts';

/** Runs the grant; failures are thrown as OauthError. */
export async function authorizationCodeGrant(
  ctx: SandboxContext, req: Request, form: URLSearchParams, issuer: string,
): Promise<Record<string, DumpableValue>> {
  if (!form.get('code')) throw invalidRequest('Missing code parameter.');
  rejectDuplicates(form, ['client_id', 'grant_type', 'redirect_uri']);
  const client = authenticateAnyClient(ctx.store.oauth, req, form);
  if (!client) throw invalidClient();
  if (client.grantType !== 'authorization-code') throw new OauthError(400, 'unauthorized_client');

  const grant = liveGrant(ctx, client, form.get('code') ?? '');
  checkVerifier(grant, form.get('code_verifier'));
  checkRedirectUri(grant, client, form.get('redirect_uri'));

  // DOT deletes the code once it is exchanged, so a second use is invalid_grant.
  ctx.store.oauth.deleteGrants((row) => row === grant);
  const user = ctx.store.user(grant.jheUserId);
  if (!user) throw invalidGrant();
  return issueTokens(ctx, { user, clientId: client.clientId, scope: grant.scope,
    withRefreshToken: true, withIdToken: true, issuer });
}

/** oauthlib rejects a repeated parameter before anything else is read. */
export function rejectDuplicates(form: URLSearchParams, names: string[]): void {
  for (const name of names) {
    if (form.getAll(name).length > 1) throw invalidRequest(`Duplicate ${name} parameter.`);
  }
}

/** DOT's `validate_code`: the code exists, belongs to this client and has not expired. */
function liveGrant(ctx: SandboxContext, client: ApplicationRow, code: string): GrantRow {
  const grant = ctx.store.oauth.grant(code);
  if (!grant || grant.clientId !== client.clientId) throw invalidGrant();
  if (ctx.now().getTime() >= grant.expiresAt) throw invalidGrant();
  return grant;
}

/** PKCE (RFC 7636): the verifier must hash to the challenge the code was issued with. */
function checkVerifier(grant: GrantRow, verifier: string | null): void {
  if (verifier === null) throw invalidRequest('Code verifier required.');
  const computed = grant.codeChallengeMethod === 'S256'
    ? createHash('sha256').update(verifier, 'ascii').digest('base64url')
    : verifier;
  if (computed !== grant.codeChallenge) throw invalidGrant();
}

/** The redirect URI must equal the code's; without one, the client's default is used. */
function checkRedirectUri(grant: GrantRow, client: ApplicationRow, sent: string | null): void {
  const redirectUri = sent || client.redirectUris[0];
  if (!redirectUri) throw invalidRequest('Missing redirect URI.');
  if (redirectUri !== grant.redirectUri) throw invalidRequest('Mismatching redirect URI.');
}
