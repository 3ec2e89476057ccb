/**
 * The three OW read routes the layer uses, each turning its parameters into a selection of
 * the sample rows with OW's filter rules (shared/reference/wearables-omh.md §3.2):
 *
 * - timeseries: `start_time <= timestamp < end_time`, optionally only some `types`;
 * - summaries/activity: dates from `start_date` up to, not including, `end_date`;
 * - events/sleep: sessions starting at or after `start_date` and ending before `end_date`.
 *
 * A user the sandbox holds no rows for gets empty pages, as OW answers for a user without
 * data (see sandbox-data.ts for whose rows are held).
 */
import type { RequestHandler } from 'express';
import { pageOf, type Selection } from './paged-listing.ts';
import { ParamReader } from './query-params.ts';
import type { OwSandboxData } from './sandbox-data.ts';

const DAY_MS = 86_400_000;

/** The page cap; the control API may change it while the sandbox runs. */
export interface RouteSettings {
  pageSize: number;
}

/** `GET /users/{user_id}/timeseries`. */
export function timeseriesRoute(data: OwSandboxData, settings: RouteSettings): RequestHandler {
  return (req, res) => {
    const read = new ParamReader(req);
    const userId = read.userId();
    const window = { start: read.time('start_time'), end: read.time('end_time') };
    const types = read.seriesTypes();
    const selection: Selection = { window, order: 'asc', limit: read.limit(100),
      cursor: read.cursor(), keep: (entry) => inWindow(entry.at, window)
        && (types.length === 0 || types.includes(String(entry.item.type))) };
    read.done();
    res.json(pageOf(data.rows('timeseries', userId), selection, settings.pageSize));
  };
}

/** `GET /users/{user_id}/summaries/activity`: whole UTC dates, end date exclusive. */
export function activityRoute(data: OwSandboxData, settings: RouteSettings): RequestHandler {
  return (req, res) => {
    const read = new ParamReader(req);
    const userId = read.userId();
    const window = dateWindow(read);
    const selection: Selection = { window, order: read.sortOrder(), limit: read.limit(400),
      cursor: read.cursor(), keep: (entry) => inWindow(entry.at, window) };
    read.done();
    res.json(pageOf(data.rows('summaries_activity', userId), selection, settings.pageSize));
  };
}

/** `GET /users/{user_id}/events/sleep`: whole sessions inside the window. */
export function sleepRoute(data: OwSandboxData, settings: RouteSettings): RequestHandler {
  return (req, res) => {
    const read = new ParamReader(req);
    const userId = read.userId();
    const window = { start: read.time('start_date'), end: read.time('end_date') };
    const selection: Selection = { window, order: 'asc', limit: read.limit(100),
      cursor: read.cursor(),
      keep: (entry) => entry.at >= window.start && entry.until < window.end };
    read.done();
    res.json(pageOf(data.rows('events_sleep', userId), selection, settings.pageSize));
  };
}

function inWindow(at: number, window: Selection['window']): boolean {
  return at >= window.start && at < window.end;
}

/** Summary days compare as dates: each bound counts from 00:00 UTC of its own date. */
function dateWindow(read: ParamReader): Selection['window'] {
  const start = read.time('start_date');
  const end = read.time('end_date');
  return { start: startOfDay(start), end: startOfDay(end) };
}

function startOfDay(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS) * DAY_MS;
}
