/**
 * `POST /o/token-exchange` (reference §2.4): an EHR id_token in, a JHE access token out
 * (RFC 8693). Every check runs in JHE's order and answers `{"error": "..."}` with JHE's
 * status. The EHR's keys are resolved in process (see `ehr-issuer.ts`).
 */
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { SandboxContext } from '../context.ts';
import { siteUrl } from '../context.ts';
import { authenticateConfidential } from '../oauth/client-auth.ts';
import { TOKEN_LIFETIME_SECONDS } from '../oauth/issue-tokens.ts';
import { sendDjangoJson } from '../outcome.ts';
import { verifyEhrIdToken } from '../token-exchange/verify-id-token.ts';
import { resolvePractitioner } from '../token-exchange/practitioner.ts';
import { ExchangeError } from '../token-exchange/exchange-error.ts';

const GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** The form fields JHE requires, in the order it checks them. */
const REQUIRED = ['audience', 'requested_token_type', 'subject_token_type', 'subject_token',
  'grant_type'];

/** The token-exchange route; JHE takes POST only (`require_POST`). */
export function tokenExchangeRouter(ctx: SandboxContext): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const form = express.raw({ type: () => true, limit: '64kb' });
  router.post('/o/token-exchange', form, async (req, res) => {
    try {
      await exchange(ctx, req, res);
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
      sendDjangoJson(res, error.status, { error: error.message });
    }
  });
  router.all('/o/token-exchange', (_req, res) => {
    res.setHeader('Allow', 'POST');
    res.status(405).end();
  });
  return router;
}

async function exchange(ctx: SandboxContext, req: Request, res: Response): Promise<void> {
  const form = new URLSearchParams(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
  checkArguments(form, siteUrl(ctx, req));

  const client = authenticateConfidential(ctx.store.oauth, req, form);
  if (!client) throw new ExchangeError(401, 'invalid_client');

  const claims = await verifyEhrIdToken(ctx, form.get('subject_token') ?? '');
  const user = resolvePractitioner(ctx.store, claims);

  const accessToken = randomBytes(32).toString('base64url');
  ctx.store.oauth.saveToken({ token: accessToken, jheUserId: user.id,
    clientId: client.clientId, scope: 'openid',
    expiresAt: ctx.now().getTime() + TOKEN_LIFETIME_SECONDS * 1000 });
  sendDjangoJson(res, 200, {
    access_token: accessToken,
    issued_token_type: ACCESS_TOKEN_TYPE,
    token_type: 'Bearer',
    // JHE reads the expiry back from the database a moment later and truncates.
    expires_in: TOKEN_LIFETIME_SECONDS - 1,
    scope: 'openid',
  });
}

/** Presence first, then each value, as JHE checks them before any client auth. */
function checkArguments(form: URLSearchParams, site: string): void {
  for (const name of REQUIRED) {
    if (!form.get(name)) throw new ExchangeError(400, `Missing required argument: ${name}`);
  }
  const expect = (name: string, wanted: string) => {
    const value = form.get(name);
    if (value !== wanted) throw new ExchangeError(400, `${name} must be ${wanted}, not ${value}`);
  };
  expect('grant_type', GRANT);
  expect('subject_token_type', ID_TOKEN_TYPE);
  expect('requested_token_type', ACCESS_TOKEN_TYPE);
  const audience = form.get('audience');
  if (audience !== site) throw new ExchangeError(400, `audience must be ${site}, not ${audience}`);
  const scope = form.get('scope') ?? 'openid';
  if (scope !== 'openid') {
    throw new ExchangeError(400, `Only 'openid' scope is supported, not ${scope}`);
  }
}
