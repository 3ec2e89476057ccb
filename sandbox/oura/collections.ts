/**
 * The Oura v2 list routes: which rows each serves, the scope its token needs, and how a
 * request's window picks rows. Heart rate is picked by instant, and refuses windows longer
 * than the limit OW cites (30 days, unverified: shared/reference/wearables-omh.md, section
 * 4.2); day-based documents by their `timestamp` or `day` on the local wall clock.
 */
import express, { type Request, type RequestHandler, type Router } from 'express';
import { requireScope } from './bearer-auth.ts';
import { pagedListing } from './paged-listing.ts';
import {
  dayWindow, instantWindow, inWindow, parseInstant, parseWallClock,
} from './query-window.ts';
import type { CollectionName, DailyDocument, HeartRateRow, SampleData } from './sample-data.ts';

/** The scope Oura asks of a token for each collection. */
export const COLLECTION_SCOPES: Record<CollectionName, string> = {
  heartrate: 'heartrate',
  sleep: 'daily',
  daily_spo2: 'spo2Daily',
  daily_activity: 'daily',
  daily_readiness: 'daily',
  workout: 'workout',
};

const DAY_BASED = ['sleep', 'daily_spo2', 'daily_activity', 'daily_readiness', 'workout'] as const;

/** How the list routes page and filter. */
export interface CollectionSettings {
  pageSize: number;
  /** Longest heart-rate window accepted, in ms. */
  maxHeartRateWindowMs: number;
  /** Whether a row exactly at a window's end is included. */
  endInclusive: boolean;
}

/**
 * The list routes, each behind `guards` (bearer auth, rate limit) and its scope.
 * @throws Error when a sample row has a time the filters cannot read.
 */
export function collectionRouter(data: SampleData, settings: CollectionSettings,
  guards: RequestHandler[]): Router {
  checkSampleTimes(data);
  const router = express.Router();
  router.use(...guards);
  router.get('/heartrate', requireScope(COLLECTION_SCOPES.heartrate),
    pagedListing(data.heartrate, heartRateSelector(settings), settings.pageSize));
  for (const name of DAY_BASED) {
    router.get(`/${name}`, requireScope(COLLECTION_SCOPES[name]),
      pagedListing(data[name], daySelector(settings), settings.pageSize));
  }
  return router;
}

function heartRateSelector(settings: CollectionSettings) {
  return (req: Request) => {
    const window = { ...instantWindow(req, settings.maxHeartRateWindowMs),
      endInclusive: settings.endInclusive };
    return (row: HeartRateRow) => inWindow(window, parseInstant(row.timestamp) as number);
  };
}

function daySelector(settings: CollectionSettings) {
  return (req: Request) => {
    const window = { ...dayWindow(req), endInclusive: settings.endInclusive };
    return (doc: DailyDocument) => inWindow(window, wallClockOf(doc) as number);
  };
}

/** The wall-clock time Oura filters a day-based document on. */
function wallClockOf(doc: DailyDocument): number | undefined {
  return parseWallClock(typeof doc.timestamp === 'string' ? doc.timestamp : doc.day);
}

// The filters above trust these fields; a broken sample file should fail at start-up.
function checkSampleTimes(data: SampleData): void {
  const badRow = data.heartrate.find((row) => parseInstant(row.timestamp) === undefined);
  const badDoc = DAY_BASED.flatMap((name) => data[name])
    .find((doc) => wallClockOf(doc) === undefined);
  if (badRow || badDoc) {
    throw new Error(`Oura sample data has an unreadable time: ${JSON.stringify(badRow ?? badDoc)}`);
  }
}
