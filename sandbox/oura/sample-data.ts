/**
 * The rows the sandbox serves, read once from the copied fixtures in `data/`. Every value in
 * them is invented; see `data/NOTICE.md`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

/** One `/v2/usercollection/heartrate` row as Oura sends it. */
export interface HeartRateRow {
  bpm: number;
  source: string;
  timestamp: string;
  timestamp_unix?: number;
}

/** One `/v2/usercollection/sleep` document; only the fields the sandbox reads are named. */
export interface SleepPeriod {
  id: string;
  day: string;
  [field: string]: unknown;
}

/** Everything the sandbox can list, in the order Oura would list it. */
export interface SampleData {
  heartRate: readonly HeartRateRow[];
  sleep: readonly SleepPeriod[];
}

/** Reads the sample rows; each call reads the files afresh, so callers can't share edits. */
export function loadSampleData(): SampleData {
  return {
    heartRate: readRows<HeartRateRow>('constructed_heartrate_response.json'),
    sleep: readRows<SleepPeriod>('constructed_sleep_response.json'),
  };
}

function readRows<T>(file: string): T[] {
  const page = JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as { data?: unknown };
  if (!Array.isArray(page.data)) throw new Error(`Oura sample ${file} has no data array`);
  return page.data as T[];
}
