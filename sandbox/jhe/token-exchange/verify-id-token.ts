/**
 * Verifying the EHR id_token of a token exchange (reference §2.4), in JHE's order: the
 * trust settings exist (else 500), the token is a JWT (else 400), its issuer is trusted
 * with trailing slashes ignored (else 403), its keys can be found (else 502), and the
 * signature, `exp`, `aud` and `iss` hold with RS256/RS384/ES384, 30 s of leeway and
 * `exp`, `iat`, `iss`, `aud` required (else 401).
 */
import {
  createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload,
} from 'jose';
import type { SandboxContext } from '../context.ts';
import { discoverIssuerKeys, stripSlashes } from '../ehr-issuer.ts';
import { ExchangeError } from './exchange-error.ts';

const ALGORITHMS = ['RS256', 'RS384', 'ES384'];
const LEEWAY_SECONDS = 30;

/** The verified claims, or an ExchangeError with JHE's status. */
export async function verifyEhrIdToken(
  ctx: SandboxContext, idToken: string,
): Promise<JWTPayload> {
  const { issuers, audience } = trustSettings(ctx);
  const issuer = unverifiedIssuer(idToken);
  const trusted = issuers.some((candidate) => stripSlashes(candidate) === stripSlashes(issuer));
  if (!trusted) throw new ExchangeError(403, `Untrusted issuer: ${issuer}`);

  const jwks = discoverIssuerKeys(issuer);
  if (!jwks) {
    throw new ExchangeError(502, `Could not discover jwks_uri for issuer '${issuer}'`);
  }
  // PyJWKClient picks the key by `kid` alone; no match is a key lookup failure.
  const kid = decodeProtectedHeader(idToken).kid;
  const key = jwks.keys.find((candidate) => candidate.kid === kid);
  if (!key) throw new ExchangeError(502, 'Could not resolve signing key');
  // PyJWT then verifies with the bare key, so the JWK's own `alg` does not narrow it.
  const { alg: _alg, ...bareKey } = key;
  try {
    const { payload } = await jwtVerify(idToken, createLocalJWKSet({ keys: [bareKey] }), {
      algorithms: ALGORITHMS,
      audience,
      // JHE verifies against the token's own spelling of a trusted issuer.
      issuer,
      clockTolerance: LEEWAY_SECONDS,
      currentDate: ctx.now(),
      requiredClaims: ['exp', 'iat', 'iss', 'aud'],
    });
    return payload;
  } catch {
    throw new ExchangeError(401, 'id_token failed validation');
  }
}

/** `auth.sof.trusted_issuers` and `auth.sof.trusted_audience`; unset is a 500. */
function trustSettings(ctx: SandboxContext): { issuers: string[]; audience: string } {
  const issuers = ctx.store.setting('auth.sof.trusted_issuers');
  const audience = ctx.store.setting('auth.sof.trusted_audience');
  if (!Array.isArray(issuers) || issuers.length === 0 || typeof audience !== 'string'
    || !audience) {
    throw new ExchangeError(500, 'Token exchange is not configured.');
  }
  return { issuers: issuers.map(String), audience };
}

/** The `iss` of a token read without verification; a non-JWT is a 400. */
function unverifiedIssuer(idToken: string): string {
  try {
    decodeProtectedHeader(idToken);
    const { iss } = decodeJwt(idToken);
    return typeof iss === 'string' ? iss : '';
  } catch {
    throw new ExchangeError(400, 'subject_token is not a valid JWT');
  }
}
