/**
 * A stand-in for the Oura API v2 routes the layer reads, serving the invented rows in
 * `data/`. It exists so the Oura system API can be run and tested without an Oura account;
 * it is for development and tests only and never holds real data.
 *
 * Imitated: Bearer auth (401 `{"detail"}`), `{data, next_token}` pages with an opaque
 * token, the time-window parameters, 400 on a bad parameter. Not imitated: scopes (403),
 * rate limits (429), `fields`, `latest`, the default windows a real account applies.
 */
import express, { type Request } from 'express';
import { silentLogger, type Logger } from '../../shared/logging/logger.ts';
import { requireBearer } from './bearer-auth.ts';
import { pagedListing } from './paged-listing.ts';
import {
  dayWindow, instantWindow, inWindow, parseInstant, parseWallClock,
} from './query-window.ts';
import { loadSampleData, type HeartRateRow, type SleepPeriod } from './sample-data.ts';
import { errorResponder, notFound } from './sandbox-error.ts';

/** The token the sandbox accepts unless told otherwise; it guards nothing real. */
export const DEFAULT_SANDBOX_TOKEN = 'oura-sandbox-token';

/** Small enough that the sample heart-rate rows span several pages. */
export const DEFAULT_PAGE_SIZE = 10;

export interface OuraSandboxOptions {
  logger?: Logger;
  /** Rows per page; defaults to {@link DEFAULT_PAGE_SIZE}. */
  pageSize?: number;
  /** The only bearer token accepted; defaults to {@link DEFAULT_SANDBOX_TOKEN}. */
  accessToken?: string;
}

/**
 * Builds the sandbox app: `GET /v2/usercollection/heartrate` and `/sleep`, also reachable
 * under Oura's own `/v2/sandbox/usercollection/` prefix.
 * @throws TypeError when `pageSize` is not a positive integer.
 * @example
 * const response = await request(createOuraSandbox())
 *   .get('/v2/usercollection/sleep?start_date=2026-03-10&end_date=2026-03-11')
 *   .set('Authorization', `Bearer ${DEFAULT_SANDBOX_TOKEN}`);
 */
export function createOuraSandbox(options: OuraSandboxOptions = {}): express.Express {
  const logger = options.logger ?? silentLogger();
  const pageSize = checkedPageSize(options.pageSize ?? DEFAULT_PAGE_SIZE);
  const data = loadSampleData();
  checkSampleTimes(data.heartRate, data.sleep);

  const collection = express.Router();
  collection.use(requireBearer(options.accessToken ?? DEFAULT_SANDBOX_TOKEN));
  collection.get('/heartrate', pagedListing(data.heartRate, heartRateInWindow, pageSize));
  collection.get('/sleep', pagedListing(data.sleep, sleepInWindow, pageSize));

  const app = express();
  app.disable('x-powered-by');
  app.use(['/v2/usercollection', '/v2/sandbox/usercollection'], collection);
  app.use(notFound);
  app.use(errorResponder(logger));
  return app;
}

function heartRateInWindow(req: Request): (row: HeartRateRow) => boolean {
  const window = instantWindow(req);
  return (row) => inWindow(window, parseInstant(row.timestamp) as number);
}

function sleepInWindow(req: Request): (period: SleepPeriod) => boolean {
  const window = dayWindow(req);
  return (period) => inWindow(window, parseWallClock(period.day) as number);
}

function checkedPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new TypeError(`pageSize must be a positive integer, got ${pageSize}`);
  }
  return pageSize;
}

// The filters above trust these fields; a broken sample file should fail at start-up.
function checkSampleTimes(heartRate: readonly HeartRateRow[], sleep: readonly SleepPeriod[]) {
  const badRow = heartRate.find((row) => parseInstant(row.timestamp) === undefined);
  const badDay = sleep.find((period) => parseWallClock(period.day) === undefined);
  if (badRow || badDay) {
    throw new Error(`Oura sample data has an unreadable time: ${JSON.stringify(badRow ?? badDay)}`);
  }
}
