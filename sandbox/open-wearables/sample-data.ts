/**
 * The rows the sandbox serves, read from the copied fixtures in `data/` (all invented; see
 * `data/NOTICE.md`) and put in the order OW lists them: by their time, then by position.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOwTime } from './ow-time.ts';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

/** One row with the times the filters and the ordering use, read once. */
export interface Entry {
  item: Record<string, unknown>;
  /** Sort time, epoch ms: a sample's timestamp, a summary's date, a session's start. */
  at: number;
  /** A session's end, epoch ms; equal to `at` for rows that are a moment or a day. */
  until: number;
  /** Position in the data file, the tie-breaker between rows with the same time. */
  index: number;
}

/** Every row the sandbox can list, per collection, in ascending order. */
export interface SampleData {
  timeseries: readonly Entry[];
  activity: readonly Entry[];
  sleep: readonly Entry[];
}

/**
 * Reads the sample rows afresh on each call, so sandboxes never share edits.
 * @throws Error naming the file and row when a time the filters rely on is unreadable.
 */
export function loadSampleData(): SampleData {
  return {
    timeseries: entries('constructed_timeseries_response.json', 'timestamp', 'timestamp'),
    activity: entries('constructed_summaries_activity_response.json', 'date', 'date'),
    sleep: entries('constructed_events_sleep_response.json', 'start_time', 'end_time'),
  };
}

function entries(file: string, startField: string, endField: string): Entry[] {
  const rows = readRows(file);
  const list = rows.map((item, index) => ({
    item,
    at: timeOf(item, startField, file, index),
    until: timeOf(item, endField, file, index),
    index,
  }));
  return list.sort((a, b) => a.at - b.at || a.index - b.index);
}

function readRows(file: string): Record<string, unknown>[] {
  const page = JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as { data?: unknown };
  if (!Array.isArray(page.data)) throw new Error(`OW sample ${file} has no data array`);
  return page.data as Record<string, unknown>[];
}

function timeOf(item: Record<string, unknown>, field: string, file: string, index: number) {
  const value = typeof item[field] === 'string' ? parseOwTime(item[field]) : undefined;
  if (value === undefined) {
    throw new Error(`OW sample ${file} row ${index} has an unreadable ${field}`);
  }
  return value;
}
