/**
 * Creating the bearer token a grant ends in: an opaque 30-character access token that
 * lasts 14 days (reference §2.2), plus a refresh token and an id_token for the
 * authorization-code family of grants.
 */
import { randomInt } from 'node:crypto';
import type { SandboxContext } from '../context.ts';
import type { UserRow } from '../model.ts';
import type { DumpableValue } from '../python-json.ts';
import { signIdToken } from './id-token.ts';

/** DOT's ACCESS_TOKEN_EXPIRE_SECONDS on JHE. */
export const TOKEN_LIFETIME_SECONDS = 1_209_600;

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** What to issue, for whom. */
export interface TokenIssue {
  user: UserRow;
  clientId: string;
  scope: string;
  /** Authorization-code and refresh grants also hand out a refresh token. */
  withRefreshToken: boolean;
  /** The OIDC grants add an id_token when `openid` is granted; client credentials do not. */
  withIdToken: boolean;
  /** `<origin>/o`, the id_token issuer. */
  issuer: string;
}

/** Stores the tokens and returns the response body in oauthlib's key order. */
export async function issueTokens(
  ctx: SandboxContext, issue: TokenIssue,
): Promise<Record<string, DumpableValue>> {
  const accessToken = randomToken();
  const expiresAt = ctx.now().getTime() + TOKEN_LIFETIME_SECONDS * 1000;
  const { user, clientId, scope } = issue;
  ctx.store.oauth.saveToken({ token: accessToken, jheUserId: user.id, clientId, scope,
    expiresAt });
  const body: Record<string, DumpableValue> = {
    access_token: accessToken, expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'Bearer', scope,
  };
  if (issue.withRefreshToken) {
    const refreshToken = randomToken();
    ctx.store.oauth.saveRefreshToken({ token: refreshToken, accessToken, jheUserId: user.id,
      clientId, scope, revoked: false });
    body.refresh_token = refreshToken;
  }
  if (issue.withIdToken && scope.split(' ').includes('openid')) {
    body.id_token = await signIdToken({ issuer: issue.issuer, clientId, jheUserId: user.id,
      email: user.email, scope, accessToken, now: ctx.now() });
  }
  return body;
}

/** oauthlib's `generate_token`: 30 characters from letters and digits. */
export function randomToken(length = 30): string {
  let token = '';
  for (let index = 0; index < length; index += 1) {
    token += TOKEN_CHARS[randomInt(TOKEN_CHARS.length)];
  }
  return token;
}
