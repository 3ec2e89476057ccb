/** PKCE with S256 (RFC 7636): a random verifier and its hashed challenge. */
import { createHash, randomBytes } from 'node:crypto';

/** A verifier to keep and the challenge to send. */
export interface Pkce {
  verifier: string;
  challenge: string;
}

/** 32 random bytes give a 43-character verifier, the shortest RFC 7636 allows. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
