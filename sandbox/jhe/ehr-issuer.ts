/**
 * The emulated EHR behind `/o/token-exchange` (reference §2.4): it mints id_tokens the way
 * an EHR's OIDC server would, and tells the exchange which keys a trusted issuer signs
 * with. Real JHE discovers those keys over HTTPS; the sandbox looks them up here so that it
 * never leaves the machine, and answers a trusted issuer it cannot resolve as JHE answers
 * a failed discovery (502).
 */
import type { KeyObject } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { EHR_SANDBOX_AUDIENCE, EHR_SANDBOX_ISSUER } from './ehr-constants.ts';
import { DEMO } from './seed.ts';
import { signingKey } from './signing-keys.ts';

/** Claims of an EHR id_token; a claim set to `undefined` is left out of the token. */
export type EhrIdTokenClaims = Record<string, unknown>;

/** How to sign, for tests that need a token the exchange must refuse. */
export interface EhrSigningOptions {
  /** The instant `iat` and the default `exp` count from (a sandbox's fake clock, say). */
  now?: Date;
  /** `RS256` (the default), `RS384`, or `HS256` together with `secret`. */
  alg?: 'RS256' | 'RS384' | 'HS256';
  /** A different RSA private key: the signature then fails to verify. */
  privateKey?: KeyObject;
  /** The shared secret for `HS256`. */
  secret?: string;
}

/**
 * Signs an id_token as the sandbox EHR. Defaults: `iss` {@link EHR_SANDBOX_ISSUER}, `aud`
 * {@link EHR_SANDBOX_AUDIENCE}, `fhirUser` the demo practitioner, `iat` now, `exp` in an
 * hour. Any claim passed replaces its default; `undefined` removes it.
 * @example
 * const idToken = await signEhrIdToken({ fhirUser: 'Practitioner/ehr-practitioner-0001' });
 */
export async function signEhrIdToken(
  claims: EhrIdTokenClaims = {}, options: EhrSigningOptions = {},
): Promise<string> {
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const defaults: EhrIdTokenClaims = {
    iss: EHR_SANDBOX_ISSUER,
    aud: EHR_SANDBOX_AUDIENCE,
    sub: 'ehr-user-0001',
    fhirUser: `Practitioner/${DEMO.ehrPractitionerIdentifier}`,
    iat: nowSeconds,
    exp: nowSeconds + 3600,
  };
  const merged = { ...defaults, ...claims };
  const payload = Object.fromEntries(Object.entries(merged)
    .filter(([, value]) => value !== undefined)) as JWTPayload;
  const alg = options.alg ?? 'RS256';
  const key = alg === 'HS256'
    ? new TextEncoder().encode(options.secret ?? 'not-a-real-secret')
    : options.privateKey ?? signingKey('ehr').privateKey;
  return new SignJWT(payload)
    .setProtectedHeader({ alg, kid: signingKey('ehr').kid, typ: 'JWT' })
    .sign(key);
}

/** The sandbox EHR's public keys as a JWK Set. */
export function ehrJwks(): { keys: Array<Record<string, string>> } {
  return { keys: [signingKey('ehr').publicJwk] };
}

/**
 * The JWK Set a trusted issuer signs with, or undefined when discovery would fail. Only the
 * sandbox EHR resolves; trailing slashes are ignored as JHE ignores them.
 */
export function discoverIssuerKeys(issuer: string): { keys: Array<Record<string, string>> }
  | undefined {
  return stripSlashes(issuer) === stripSlashes(EHR_SANDBOX_ISSUER) ? ehrJwks() : undefined;
}

/** An issuer without trailing slashes, as JHE compares them. */
export function stripSlashes(issuer: string): string {
  return issuer.replace(/\/+$/, '');
}
