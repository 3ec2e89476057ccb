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

/** The OW listings the sandbox serves, named as the ingest process API names them. */
export const COLLECTION_NAMES = ['timeseries', 'summaries_activity', 'events_sleep'] as const;

export type OwCollection = (typeof COLLECTION_NAMES)[number];

/** Every row the sandbox can list, per collection, in ascending order. */
export type SampleData = Record<OwCollection, readonly Entry[]>;

/** Where each collection's rows come from, and which fields give their start and end. */
const SOURCES: Record<OwCollection, { file: string; start: string; end: string }> = {
  timeseries: { file: 'constructed_timeseries_response.json', start: 'timestamp',
    end: 'timestamp' },
  summaries_activity: { file: 'constructed_summaries_activity_response.json', start: 'date',
    end: 'date' },
  events_sleep: { file: 'constructed_events_sleep_response.json', start: 'start_time',
    end: 'end_time' },
};

/** A row whose time the filters rely on cannot be read. */
export class UnreadableRowError extends Error {
  constructor(where: string, index: number, field: string) {
    super(`${where} row ${index} has an unreadable ${field} (an ISO 8601 date-time or date)`);
    this.name = 'UnreadableRowError';
  }
}

/**
 * Reads the sample rows afresh on each call, so sandboxes never share edits.
 * @throws UnreadableRowError naming the file and row when a time is unreadable.
 */
export function loadSampleData(): SampleData {
  const data = {} as Record<OwCollection, Entry[]>;
  for (const name of COLLECTION_NAMES) {
    data[name] = toEntries(name, readRows(SOURCES[name].file), SOURCES[name].file);
  }
  return data;
}

/**
 * `rows` with their times read, in the order OW lists them.
 * @param where - names the rows' origin in an error (a file, a control call).
 * @throws UnreadableRowError when a row is not an object or a time is unreadable.
 */
export function toEntries(collection: OwCollection, rows: readonly unknown[],
  where: string = collection): Entry[] {
  const { start, end } = SOURCES[collection];
  const list = rows.map((row, index) => {
    const item = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    return { item, at: timeOf(item, start, where, index), until: timeOf(item, end, where, index),
      index };
  });
  return list.sort((a, b) => a.at - b.at || a.index - b.index);
}

function readRows(file: string): Record<string, unknown>[] {
  const page = JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as { data?: unknown };
  if (!Array.isArray(page.data)) throw new Error(`OW sample ${file} has no data array`);
  return page.data as Record<string, unknown>[];
}

function timeOf(item: Record<string, unknown>, field: string, where: string, index: number) {
  const value = typeof item[field] === 'string' ? parseOwTime(item[field]) : undefined;
  if (value === undefined) throw new UnreadableRowError(where, index, field);
  return value;
}
