/**
 * A stand-in for the Open Wearables read API (`/api/v1`), serving the invented rows in
 * `data/` as one invented user's. It lets the Open Wearables system API run and be tested
 * with no OW server and no network; it is for development and tests only and never holds
 * real data.
 *
 * Imitated: the `X-Open-Wearables-API-Key` check (401 `{"detail"}`), FastAPI's 422 for bad
 * parameters, the time filters of each route (end exclusive), `limit` bounds and its default
 * of 50, forward cursor paging with opaque cursors and `total_count`, a 400 for a cursor it did
 * not issue, and on request 429 and 500 bursts. Not imitated: backward paging
 * (`previous_cursor` is always null), `resolution`, `filter_by_priority`, the other routes.
 * Sandbox only: the `/_sandbox` control API (control-routes.ts).
 */
import express from 'express';
import { silentLogger, type Logger } from '../../shared/logging/logger.ts';
import { requireApiKey } from './api-key.ts';
import { controlRouter } from './control-routes.ts';
import { OwFaultScript } from './fault-script.ts';
import { injectFaults, type FaultBurst } from './faults.ts';
import { recordRequests, type SandboxRequest } from './request-log.ts';
import { activityRoute, sleepRoute, timeseriesRoute, type RouteSettings } from './routes.ts';
import { OwSandboxData } from './sandbox-data.ts';
import { errorResponder, notFound } from './sandbox-error.ts';

/** The API key the sandbox accepts unless told otherwise; it guards nothing real. */
export const DEFAULT_SANDBOX_API_KEY = 'sk-open-wearables-sandbox';

/** The invented OW user who owns the sample rows. */
export const SANDBOX_USER_ID = '5a1d0c3e-7b2f-4e8a-9c61-0d2b4f6a8e10';

/**
 * Most rows on one page, whatever `limit` asks: small enough that the sample rows span
 * several pages, so paging is exercised even in development. OW itself fills a page to
 * `limit`.
 */
export const DEFAULT_PAGE_SIZE = 4;

export interface OpenWearablesSandboxOptions {
  logger?: Logger;
  /** Rows per page at most; defaults to {@link DEFAULT_PAGE_SIZE}. */
  pageSize?: number;
  /** The only API key accepted; defaults to {@link DEFAULT_SANDBOX_API_KEY}. */
  apiKey?: string;
  /** Bursts of failures on the read routes, placed by request number from start-up. */
  faults?: readonly FaultBurst[];
  /** Faults scripted while it runs (a new script when absent; see fault-script.ts). */
  faultScript?: OwFaultScript;
  /** Receives one entry per request (a new log when absent). */
  requests?: SandboxRequest[];
  /** The rows served, to change while it runs; the sample rows when absent. */
  sandboxData?: OwSandboxData;
}

/**
 * Builds the sandbox app: `GET /api/v1/users/{user_id}/timeseries`, `/summaries/activity`
 * and `/events/sleep`, and `/_sandbox`.
 * @throws TypeError when `pageSize` is not a positive integer or a fault burst is malformed.
 * @example
 * const response = await request(createOpenWearablesSandbox())
 *   .get(`/api/v1/users/${SANDBOX_USER_ID}/events/sleep`)
 *   .query({ start_date: '2026-03-10', end_date: '2026-03-11' })
 *   .set('X-Open-Wearables-API-Key', DEFAULT_SANDBOX_API_KEY);
 */
export function createOpenWearablesSandbox(
  options: OpenWearablesSandboxOptions = {},
): express.Express {
  const data = options.sandboxData ?? new OwSandboxData(SANDBOX_USER_ID);
  const settings: RouteSettings = { pageSize: checkedPageSize(options.pageSize) };
  const faults = options.faultScript ?? new OwFaultScript();
  const requests = options.requests ?? [];

  const users = express.Router();
  users.use(injectFaults(options.faults ?? []));
  users.use(faults.middleware());
  users.use(requireApiKey(options.apiKey ?? DEFAULT_SANDBOX_API_KEY));
  users.get('/:user_id/timeseries', timeseriesRoute(data, settings));
  users.get('/:user_id/summaries/activity', activityRoute(data, settings));
  users.get('/:user_id/events/sleep', sleepRoute(data, settings));

  const app = express();
  app.disable('x-powered-by');
  // Before the log: controlling the sandbox is not calling OW.
  app.use('/_sandbox', controlRouter({ faults, requests, data, settings,
    defaultUser: SANDBOX_USER_ID }));
  app.use(recordRequests(requests));
  app.use('/api/v1/users', users);
  app.use(notFound);
  app.use(errorResponder(options.logger ?? silentLogger()));
  return app;
}

function checkedPageSize(pageSize = DEFAULT_PAGE_SIZE): number {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new TypeError(`pageSize must be a positive integer, got ${pageSize}`);
  }
  return pageSize;
}
