/**
 * `/oauth/revoke`: ends a grant. It takes the token as RFC 7009 describes (`token` in a
 * POST form) and as third-party Oura clients send it (`access_token` in the query), and,
 * as RFC 7009 (section 2.2) requires, answers 200 even for a token it does not know.
 */
import type { RequestHandler } from 'express';
import type { GrantRegistry } from './grants.ts';
import { OAuthSandboxError } from './oauth-error.ts';

/** The revocation endpoint over the registry. */
export function revokeRoute(grants: GrantRegistry): RequestHandler {
  return (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const token = form.token ?? req.query.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new OAuthSandboxError(400, 'invalid_request', 'No token to revoke');
    }
    grants.revoke(token);
    res.set('Cache-Control', 'no-store').status(200).end();
  };
}
