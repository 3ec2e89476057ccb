/**
 * `POST /o/token/` (reference §2.2, §2.3, §2.5), answering as django-oauth-toolkit and
 * oauthlib do: Python-spaced JSON, no-store headers, opaque 30-character tokens that last
 * 14 days. Grants: `client_credentials` (acts as the client's owner), `authorization_code`
 * with PKCE and `refresh_token` (both act as the user the code was issued to). Anything
 * else is `unsupported_grant_type`.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { SandboxContext } from '../context.ts';
import { authorizationCodeGrant, rejectDuplicates } from '../oauth/grant-authorization-code.ts';
import { clientCredentialsGrant } from '../oauth/grant-client-credentials.ts';
import { refreshTokenGrant } from '../oauth/grant-refresh-token.ts';
import {
  OauthError, sendOauthError, sendOauthJson,
} from '../oauth/oauth-json.ts';
import { requestUrl } from '../paging.ts';

/** The OAuth token routes. */
export function tokenRouter(ctx: SandboxContext): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.post('/o/token/', express.raw({ type: () => true, limit: '64kb' }), async (req, res) => {
    await issueToken(ctx, req, res);
  });
  // DOT's token view takes POST only; Django answers other methods 405 with no body.
  router.all('/o/token/', (_req, res) => {
    res.setHeader('Allow', 'POST, OPTIONS');
    res.status(405).end();
  });
  // Django's APPEND_SLASH sends the slashless path, query and all, to the real one.
  router.all('/o/token', (req, res) => {
    res.redirect(301, req.originalUrl.replace(/^\/o\/token/, '/o/token/'));
  });
  return router;
}

/** The OAuth issuer JHE's DOT reports for a request: `<origin>/o`, no trailing slash. */
export function oidcIssuer(req: Request): string {
  return `${requestUrl(req).origin}/o`;
}

async function issueToken(ctx: SandboxContext, req: Request, res: Response): Promise<void> {
  const form = new URLSearchParams(Buffer.isBuffer(req.body) ? req.body.toString('latin1') : '');
  try {
    const body = await runGrant(ctx, req, form);
    sendOauthJson(res, 200, body);
  } catch (error) {
    if (!(error instanceof OauthError)) throw error;
    sendOauthError(res, error);
  }
}

function runGrant(ctx: SandboxContext, req: Request, form: URLSearchParams) {
  const issuer = oidcIssuer(req);
  switch (form.getAll('grant_type')[0]) {
    case 'client_credentials':
      rejectDuplicates(form, ['grant_type', 'scope']);
      return clientCredentialsGrant(ctx, req, form, issuer);
    case 'authorization_code':
      return authorizationCodeGrant(ctx, req, form, issuer);
    case 'refresh_token':
      return refreshTokenGrant(ctx, req, form, issuer);
    default:
      throw new OauthError(400, 'unsupported_grant_type');
  }
}
