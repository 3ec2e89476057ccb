/**
 * The sandbox's stand-in for OW's API-key check: one fixed key in `X-Open-Wearables-API-Key`,
 * refused with a 401 `{"detail": ...}` when missing or wrong, before any parameter is read
 * (FastAPI resolves the key dependency first).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { OwSandboxError } from './sandbox-error.ts';

export const API_KEY_HEADER = 'X-Open-Wearables-API-Key';

/** Lets a request through only with the expected API key. */
export function requireApiKey(expectedKey: string): RequestHandler {
  const expected = sha256(expectedKey);
  return (req, _res, next) => {
    const presented = req.get(API_KEY_HEADER);
    if (!presented) throw new OwSandboxError(401, 'An API key is required');
    // Equal-length digests let the comparison take the same time for every wrong key.
    if (!timingSafeEqual(sha256(presented), expected)) {
      throw new OwSandboxError(401, 'The API key is not valid');
    }
    next();
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
