/**
 * The Oura v2 list routes: which rows each serves, the scope its token needs, and how a
 * request's window picks rows. Heart rate is picked by instant, and refuses windows longer
 * than the limit OW cites (30 days, unverified: shared/reference/wearables-omh.md, section
 * 4.2); day-based documents by their `timestamp` or `day` on the local wall clock.
 */
import express, { type Request, type RequestHandler, type Router } from 'express';
import { requireScope, type BearerGrant } from './bearer-auth.ts';
import { pagedListing, type RowSource, type WindowReader } from './paged-listing.ts';
import { dayWindow, instantWindow } from './query-window.ts';
import type { CollectionName } from './sample-data.ts';
import type { OuraSandboxData } from './sandbox-data.ts';

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

/** How the list routes page and filter; `pageSize` may be changed while the sandbox runs. */
export interface CollectionSettings {
  pageSize: number;
  /** Longest heart-rate window accepted, in ms. */
  maxHeartRateWindowMs: number;
  /** Whether a row exactly at a window's end is included. */
  endInclusive: boolean;
}

/** The list routes, each behind `guards` (bearer auth, rate limit) and its scope. */
export function collectionRouter(data: OuraSandboxData, settings: CollectionSettings,
  guards: RequestHandler[]): Router {
  const router = express.Router();
  router.use(...guards);
  const pageSize = () => settings.pageSize;
  router.get('/heartrate', requireScope(COLLECTION_SCOPES.heartrate),
    pagedListing(rowsOf(data, 'heartrate'), heartRateSelector(settings), pageSize));
  for (const name of DAY_BASED) {
    router.get(`/${name}`, requireScope(COLLECTION_SCOPES[name]),
      pagedListing(rowsOf(data, name), daySelector(settings), pageSize));
  }
  return router;
}

// The token's sandbox user, if it has one, decides whose rows are listed.
function rowsOf(data: OuraSandboxData, collection: CollectionName): RowSource {
  return (_req, res) => data.rows(collection, (res.locals.grant as BearerGrant).user);
}

function heartRateSelector(settings: CollectionSettings): WindowReader {
  return (req: Request) => ({ ...instantWindow(req, settings.maxHeartRateWindowMs),
    endInclusive: settings.endInclusive });
}

function daySelector(settings: CollectionSettings): WindowReader {
  return (req: Request) => ({ ...dayWindow(req), endInclusive: settings.endInclusive });
}
