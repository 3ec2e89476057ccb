/**
 * The sandbox's stand-in for Oura's token check: one fixed bearer token, compared in
 * constant time so the sandbox does not teach callers a timing-leaky pattern.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { OuraSandboxError } from './sandbox-error.ts';

const BEARER = /^Bearer +([^\s]+)$/i;

/** Lets a request through only with `Authorization: Bearer <expectedToken>`. */
export function requireBearer(expectedToken: string): RequestHandler {
  const expected = digest(expectedToken);

  return (req, res, next) => {
    const presented = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer');
    const detail = presented === undefined
      ? 'Authorization header with a Bearer token is required'
      : 'Invalid or expired access token';
    throw new OuraSandboxError(401, detail);
  };
}

// Hashing first gives both sides the same length, which timingSafeEqual requires.
function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
