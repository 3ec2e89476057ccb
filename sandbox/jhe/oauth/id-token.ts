/**
 * The OIDC id_token django-oauth-toolkit adds to a token response when `openid` is granted
 * (reference §2.1, §2.2): RS256 with the sandbox's signing key, `iss` = `<origin>/o`,
 * `aud` = the client id and `sub` = the JheUser id as a string.
 */
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { signingKey } from '../signing-keys.ts';

/** DOT's ID_TOKEN_EXPIRE_SECONDS default. */
const ID_TOKEN_LIFETIME_SECONDS = 36_000;

/** Who and what the id_token is about. */
export interface IdTokenSubject {
  issuer: string;
  clientId: string;
  jheUserId: number;
  email: string;
  scope: string;
  accessToken: string;
  now: Date;
}

/** Signs the id_token for one token response. */
export async function signIdToken(subject: IdTokenSubject): Promise<string> {
  const iat = Math.floor(subject.now.getTime() / 1000);
  const claims: Record<string, unknown> = {
    aud: subject.clientId,
    iat,
    at_hash: accessTokenHash(subject.accessToken),
    sub: String(subject.jheUserId),
    iss: subject.issuer,
    exp: iat + ID_TOKEN_LIFETIME_SECONDS,
    auth_time: iat,
    jti: randomUUID().replace(/-/g, ''),
  };
  // JHE's validator adds `email`; DOT keeps a claim only when its scope was granted.
  if (subject.scope.split(' ').includes('email')) claims.email = subject.email;
  const key = signingKey('oidc');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

/** OIDC `at_hash`: the left half of SHA-256 of the access token, base64url. */
function accessTokenHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}
