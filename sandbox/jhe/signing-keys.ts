/**
 * RSA key pairs the sandbox signs with: one for its own OIDC id_tokens (JHE signs with
 * `OIDC_RSA_PRIVATE_KEY`, §2.1) and one for the emulated EHR (§2.4). They are generated
 * once per process, on first use, so every sandbox in a test run shares them and helpers
 * such as `signEhrIdToken` need no handle on a particular sandbox.
 */
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** A private key with its public JWK (carrying `kid`, `use` and `alg`). */
export interface SigningKey {
  privateKey: KeyObject;
  publicJwk: Record<string, string>;
  kid: string;
}

const keys = new Map<string, SigningKey>();

/** The process's key pair for a purpose, generated the first time it is asked for. */
export function signingKey(purpose: 'oidc' | 'ehr'): SigningKey {
  let key = keys.get(purpose);
  if (!key) {
    key = generateSigningKey();
    keys.set(purpose, key);
  }
  return key;
}

function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  const kid = thumbprint(jwk);
  return { privateKey, kid, publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e, kid,
    use: 'sig', alg: 'RS256' } };
}

/** RFC 7638 JWK thumbprint: SHA-256 over the required members in lexical order. */
function thumbprint(jwk: Record<string, string>): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}
