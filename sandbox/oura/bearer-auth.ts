/**
 * The sandbox's stand-in for Oura's token check: a bearer token is looked up, and a route
 * then asks for the scope it needs. Fixed tokens are compared in constant time so the
 * sandbox does not teach callers a timing-leaky pattern.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { OuraSandboxError } from './sandbox-error.ts';

const BEARER = /^Bearer +([^\s]+)$/i;

/** What a valid token may read: its scopes, or every scope. */
export interface BearerGrant {
  scopes: readonly string[] | 'all';
  /** The sandbox user who consented, whose own rows the token reads when they have some. */
  user?: string;
}

/** Finds the grant behind a presented token, or `undefined` when the token is no good. */
export type TokenResolver = (token: string) => BearerGrant | undefined;

/** Lets a request through only with a bearer token `resolve` accepts. */
export function requireBearer(resolve: TokenResolver): RequestHandler {
  return (req, res, next) => {
    const presented = BEARER.exec(req.get('authorization') ?? '')?.[1];
    const grant = presented === undefined ? undefined : resolve(presented);
    if (grant) {
      res.locals.grant = grant;
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

/** Answers 403, as Oura does for a token without the route's scope. */
export function requireScope(scope: string): RequestHandler {
  return (_req, res, next) => {
    const { scopes } = res.locals.grant as BearerGrant;
    if (scopes === 'all' || scopes.includes(scope)) {
      next();
      return;
    }
    throw new OuraSandboxError(403, `The access token lacks the "${scope}" scope`);
  };
}

/** A resolver for one fixed token that may read everything. */
export function fixedToken(expectedToken: string): TokenResolver {
  const expected = digest(expectedToken);
  return (token) => (timingSafeEqual(digest(token), expected) ? { scopes: 'all' } : undefined);
}

// Hashing first gives both sides the same length, which timingSafeEqual requires.
function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
