/**
 * `POST /o/token/` for the client-credentials grant (reference §2.2, §2.3), answering as
 * django-oauth-toolkit and oauthlib do: Python-spaced JSON, no-store headers, opaque
 * 30-character tokens that last 14 days and act as the client's owner.
 *
 * Only client credentials are emulated; every other grant is reported unsupported.
 */
import { randomInt } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { pythonB64Decode } from '../base64-python.ts';
import type { SandboxContext } from '../context.ts';
import type { ClientRow } from '../model.ts';
import { pythonJsonDumps } from '../python-json.ts';

/** DOT's ACCESS_TOKEN_EXPIRE_SECONDS on JHE. */
export const TOKEN_LIFETIME_SECONDS = 1_209_600;

/** JHE's only scopes, in settings order; a request without `scope` gets all of them. */
const SCOPES = ['openid', 'email'];

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The OAuth token routes. */
export function tokenRouter(ctx: SandboxContext): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.post('/o/token/', express.raw({ type: () => true, limit: '64kb' }), (req, res) => {
    issueToken(ctx, req, res);
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

function issueToken(ctx: SandboxContext, req: Request, res: Response): void {
  const form = new URLSearchParams(Buffer.isBuffer(req.body) ? req.body.toString('latin1') : '');
  const grantTypes = form.getAll('grant_type');
  if (grantTypes[0] !== 'client_credentials') {
    return oauthError(res, 400, 'unsupported_grant_type');
  }
  for (const name of ['grant_type', 'scope']) {
    if (form.getAll(name).length > 1) {
      return oauthError(res, 400, 'invalid_request', `Duplicate ${name} parameter.`);
    }
  }
  const client = authenticateClient(ctx, req, form);
  if (!client) return oauthError(res, 401, 'invalid_client');
  const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
  if (requested.some((scope) => !SCOPES.includes(scope))) {
    return oauthError(res, 400, 'invalid_scope');
  }
  const scope = (requested.length > 0 ? requested : SCOPES).join(' ');
  const token = randomToken();
  const expiresAt = ctx.now().getTime() + TOKEN_LIFETIME_SECONDS * 1000;
  ctx.store.saveToken({ token, jheUserId: client.ownerJheUserId, scope, expiresAt });
  ctx.logger.debug({ clientId: client.clientId }, 'JHE sandbox issued an access token');
  sendOauthJson(res, 200, {
    access_token: token, expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'Bearer', scope,
  });
}

/** HTTP Basic first, then `client_id`/`client_secret` form fields, as DOT tries them. */
function authenticateClient(
  ctx: SandboxContext, req: Request, form: URLSearchParams,
): ClientRow | undefined {
  const attempts = [
    basicCredentials(req.headers.authorization),
    [form.get('client_id') ?? '', form.get('client_secret') ?? ''] as const,
  ];
  for (const attempt of attempts) {
    const client = attempt ? ctx.store.client(attempt[0]) : undefined;
    if (client && attempt && client.clientSecret === attempt[1]) return client;
  }
  return undefined;
}

function basicCredentials(header: string | undefined): [string, string] | undefined {
  const parts = (header ?? '').split(/\s+/).filter(Boolean);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'basic') return undefined;
  const decoded = pythonB64Decode(parts[1])?.toString('utf8');
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === undefined || colon < 0) return undefined;
  // RFC 6749 §2.3.1: both halves are form-encoded before they are joined.
  return [unquotePlus(decoded.slice(0, colon)), unquotePlus(decoded.slice(colon + 1))];
}

function unquotePlus(text: string): string {
  return new URLSearchParams(`v=${text.replace(/&/g, '%26')}`).get('v') ?? text;
}

function randomToken(): string {
  let token = '';
  for (let index = 0; index < 30; index += 1) token += TOKEN_CHARS[randomInt(TOKEN_CHARS.length)];
  return token;
}

function oauthError(res: Response, status: number, error: string, description?: string): void {
  if (status === 401) res.setHeader('WWW-Authenticate', `Bearer error="${error}"`);
  sendOauthJson(res, status, description ? { error, error_description: description } : { error });
}

/** oauthlib writes `json.dumps` output with its no-store headers, errors included. */
function sendOauthJson(res: Response, status: number, body: Record<string, string | number>) {
  res.status(status);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  res.end(pythonJsonDumps(body));
}
