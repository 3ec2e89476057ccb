/**
 * A stand-in for the Oura API v2 routes the layer reads, serving the invented rows in
 * `data/`. It exists so the Oura system API can be run and tested without an Oura account;
 * it is for development and tests only and never holds real data.
 *
 * Imitated: the six list routes the layer maps (heartrate, sleep, daily_spo2,
 * daily_activity, daily_readiness, workout) with their time windows, `{data, next_token}`
 * pages with an opaque token, a 30-day heart-rate window limit; Bearer auth (401
 * `{"detail"}`) and per-scope 403s; an OAuth 2 authorization server (authorize with instant
 * consent, code and refresh grants with PKCE, revocation); a per-token rate limit answering
 * 429 with `Retry-After` and `X-RateLimit-*`; scripted faults; a request log. Not imitated:
 * `fields`, `latest`, document-by-id routes, the default windows a real account applies.
 * Sandbox only: the `/_sandbox` control API (control-routes.ts) and per-user rows.
 */
import express from 'express';
import { silentLogger, type Logger } from '../../shared/logging/logger.ts';
import { fixedToken, requireBearer, type TokenResolver } from './bearer-auth.ts';
import { collectionRouter, type CollectionSettings } from './collections.ts';
import { controlRouter } from './control-routes.ts';
import { SandboxFaults } from './faults.ts';
import { DEFAULT_SANDBOX_CLIENT, type SandboxClient } from './oauth/clients.ts';
import { GrantRegistry } from './oauth/grants.ts';
import { oauthRouter } from './oauth/oauth-router.ts';
import { rateLimiter, type RateLimit } from './rate-limit.ts';
import { SandboxRequestLog } from './request-log.ts';
import type { SampleData } from './sample-data.ts';
import { OuraSandboxData } from './sandbox-data.ts';
import { errorResponder, notFound } from './sandbox-error.ts';

export { DEFAULT_SANDBOX_CLIENT, type SandboxClient } from './oauth/clients.ts';

/** The fixed token the sandbox accepts unless told otherwise; it guards nothing real. */
export const DEFAULT_SANDBOX_TOKEN = 'oura-sandbox-token';

/** Small enough that the sample heart-rate rows span several pages. */
export const DEFAULT_PAGE_SIZE = 10;

/** Oura's access tokens are said to last a day (third-party guides; unverified). */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 86_400;

/** The heart-rate window limit OW cites for Oura (unverified). */
export const DEFAULT_MAX_HEART_RATE_WINDOW_DAYS = 30;

export interface OuraSandboxOptions {
  logger?: Logger;
  /** Rows per page; defaults to {@link DEFAULT_PAGE_SIZE}. */
  pageSize?: number;
  /**
   * A fixed bearer token with every scope, accepted beside the tokens the sandbox's OAuth
   * server issues; defaults to {@link DEFAULT_SANDBOX_TOKEN}.
   */
  accessToken?: string;
  /** Rows to serve instead of the sample files, per collection. */
  data?: Partial<SampleData>;
  /** The rows served, to change while it runs; built from `data` when absent. */
  sandboxData?: OuraSandboxData;
  /** Registered OAuth clients; defaults to {@link DEFAULT_SANDBOX_CLIENT} alone. */
  clients?: readonly SandboxClient[];
  /** `expires_in` of issued access tokens. */
  accessTokenLifetimeSeconds?: number;
  /** Heart-rate windows longer than this answer 400; default 30. */
  maxHeartRateWindowDays?: number;
  /**
   * Include rows exactly at a window's end. Off by default (Oura's reported behaviour for a
   * date-only `end_date`); on, it imitates an API whose windows overlap at their bounds.
   */
  endInclusive?: boolean;
  /** Per-token limit on the list routes; none by default. */
  rateLimit?: RateLimit;
  /** Scripted failures, injected while the sandbox runs (a new script when absent). */
  faults?: SandboxFaults;
  /** Where every request is recorded (a new log when absent). */
  requestLog?: SandboxRequestLog;
  /** The clock for token expiry and rate windows, in epoch ms; tests move it. */
  now?: () => number;
}

/**
 * Builds the sandbox app: `GET /v2/usercollection/<collection>` (also under Oura's own
 * `/v2/sandbox/usercollection/` prefix), `/oauth/{authorize,token,revoke}` and `/_sandbox`.
 * @throws TypeError when `pageSize` is not a positive integer or `rateLimit` is malformed.
 * @example
 * const response = await request(createOuraSandbox())
 *   .get('/v2/usercollection/sleep?start_date=2026-03-10&end_date=2026-03-11')
 *   .set('Authorization', `Bearer ${DEFAULT_SANDBOX_TOKEN}`);
 */
export function createOuraSandbox(options: OuraSandboxOptions = {}): express.Express {
  const logger = options.logger ?? silentLogger();
  const now = options.now ?? Date.now;
  const grants = new GrantRegistry(now,
    options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS);
  const guards = [requireBearer(tokenResolver(options, grants))];
  if (options.rateLimit) guards.push(rateLimiter(options.rateLimit, now));
  const settings: CollectionSettings = {
    pageSize: checkedPageSize(options.pageSize ?? DEFAULT_PAGE_SIZE),
    maxHeartRateWindowMs: (options.maxHeartRateWindowDays
      ?? DEFAULT_MAX_HEART_RATE_WINDOW_DAYS) * 86_400_000,
    endInclusive: options.endInclusive ?? false,
  };
  const data = options.sandboxData ?? new OuraSandboxData(options.data);
  const requests = options.requestLog ?? new SandboxRequestLog();
  const faults = options.faults ?? new SandboxFaults();

  const app = express();
  app.disable('x-powered-by');
  // Before the log and the faults: controlling the sandbox is not calling Oura.
  app.use('/_sandbox', controlRouter({ faults, requests, data, settings }));
  app.use(requests.middleware());
  app.use(faults.middleware());
  app.use('/oauth', oauthRouter(options.clients ?? [DEFAULT_SANDBOX_CLIENT], grants));
  app.use(['/v2/usercollection', '/v2/sandbox/usercollection'],
    collectionRouter(data, settings, guards));
  app.use(notFound);
  app.use(errorResponder(logger));
  return app;
}

/** The fixed token first, then the tokens the OAuth server issued. */
function tokenResolver(options: OuraSandboxOptions, grants: GrantRegistry): TokenResolver {
  const fixed = fixedToken(options.accessToken ?? DEFAULT_SANDBOX_TOKEN);
  return (token) => fixed(token) ?? grants.resolveAccessToken(token);
}

function checkedPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new TypeError(`pageSize must be a positive integer, got ${pageSize}`);
  }
  return pageSize;
}
