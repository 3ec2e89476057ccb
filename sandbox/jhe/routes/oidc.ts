/**
 * django-oauth-toolkit's OIDC endpoints under `/o/` (reference §2.1): discovery, the JWK
 * Set that verifies id_tokens, userinfo, and the authorization endpoint, which sends a
 * browser without a session to the login page.
 */
import express, { type Request, type Response, type Router } from 'express';
import { bearerToken } from '../auth.ts';
import type { SandboxContext } from '../context.ts';
import { sendOauthJson } from '../oauth/oauth-json.ts';
import { SCOPES } from '../oauth/scopes.ts';
import { sendDjangoJson } from '../outcome.ts';
import { requestUrl } from '../paging.ts';
import { signingKey } from '../signing-keys.ts';
import { oidcIssuer } from './token.ts';

const INVALID_TOKEN = 'The access token provided is expired, revoked, malformed, or invalid '
  + 'for other reasons.';

/** `/o/.well-known/*`, `/o/userinfo/` and `/o/authorize/`. */
export function oidcRouter(ctx: SandboxContext): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.get('/o/.well-known/openid-configuration', (req, res) => {
    sendDjangoJson(res, 200, discoveryDocument(req));
  });
  router.get('/o/.well-known/jwks.json', (_req, res) => {
    sendDjangoJson(res, 200, { keys: [signingKey('oidc').publicJwk] });
  });
  router.all('/o/userinfo/', (req, res) => userinfo(ctx, req, res));
  router.get('/o/authorize/', (req, res) => {
    // No session cookie can exist here, so every visitor is sent to log in first.
    const next = encodeURIComponent(req.originalUrl).replace(/%2F/g, '/');
    res.redirect(302, `/accounts/login/?next=${next}`);
  });
  return router;
}

/** DOT's discovery document for this host. */
function discoveryDocument(req: Request): Record<string, string | string[]> {
  const origin = requestUrl(req).origin;
  return {
    issuer: oidcIssuer(req),
    authorization_endpoint: `${origin}/o/authorize/`,
    token_endpoint: `${origin}/o/token/`,
    userinfo_endpoint: `${origin}/o/userinfo/`,
    jwks_uri: `${origin}/o/.well-known/jwks.json`,
    scopes_supported: SCOPES,
    response_types_supported: ['code', 'token', 'id_token', 'id_token token', 'code token',
      'code id_token', 'code id_token token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256', 'HS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    code_challenge_methods_supported: ['plain', 'S256'],
    claims_supported: ['sub'],
  };
}

/** `sub` (the JheUser id as text) and, with the `email` scope, `email`. */
function userinfo(ctx: SandboxContext, req: Request, res: Response): void {
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST, OPTIONS');
    res.status(405).end();
    return;
  }
  const value = bearerToken(req);
  const token = value ? ctx.store.oauth.liveToken(value, ctx.now().getTime()) : undefined;
  const user = token ? ctx.store.user(token.jheUserId) : undefined;
  if (!token || !user) {
    res.setHeader('WWW-Authenticate',
      `Bearer error="invalid_token", error_description="${INVALID_TOKEN}"`);
    sendOauthJson(res, 401, { error: 'invalid_token', error_description: INVALID_TOKEN });
    return;
  }
  if (!token.scope.split(' ').includes('openid')) {
    sendOauthJson(res, 403, { error: 'insufficient_scope' });
    return;
  }
  const claims: Record<string, string> = { sub: String(user.id) };
  if (token.scope.split(' ').includes('email')) claims.email = user.email;
  sendDjangoJson(res, 200, claims);
}
