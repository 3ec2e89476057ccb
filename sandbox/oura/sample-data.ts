/**
 * The rows the sandbox serves, read once from the copied fixtures in `data/`. Every value in
 * them is invented; see `data/NOTICE.md`. Tests may replace any collection's rows.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

/** The Oura v2 list routes the sandbox serves, below `/v2/usercollection/`. */
export const COLLECTION_NAMES = [
  'heartrate', 'sleep', 'daily_spo2', 'daily_activity', 'daily_readiness', 'workout',
] as const;

export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** One `/v2/usercollection/heartrate` row as Oura sends it. */
export interface HeartRateRow {
  bpm: number;
  source: string;
  timestamp: string;
  timestamp_unix?: number;
}

/**
 * One document of a day-based collection; only the fields the sandbox reads are named.
 * `timestamp` is present on daily_activity and daily_readiness, absent elsewhere.
 */
export interface DailyDocument {
  id: string;
  day: string;
  timestamp?: string;
  [field: string]: unknown;
}

/** Everything the sandbox can list, in the order Oura would list it. */
export interface SampleData {
  heartrate: readonly HeartRateRow[];
  sleep: readonly DailyDocument[];
  daily_spo2: readonly DailyDocument[];
  daily_activity: readonly DailyDocument[];
  daily_readiness: readonly DailyDocument[];
  workout: readonly DailyDocument[];
}

const FILES: Record<CollectionName, string> = {
  heartrate: 'constructed_heartrate_response.json',
  sleep: 'constructed_sleep_response.json',
  daily_spo2: 'constructed_daily_spo2_response.json',
  daily_activity: 'constructed_daily_activity_response.json',
  daily_readiness: 'constructed_daily_readiness_response.json',
  workout: 'jupyterhealth-omh-shim_oura_raw_workout_input.json',
};

/**
 * Reads the sample rows; each call reads the files afresh, so callers can't share edits.
 * @param overrides - rows to serve instead of a collection's file (tests).
 */
export function loadSampleData(overrides: Partial<SampleData> = {}): SampleData {
  const read = <T>(name: CollectionName) => (overrides[name] ?? readRows(FILES[name])) as T;
  return {
    heartrate: read('heartrate'),
    sleep: read('sleep'),
    daily_spo2: read('daily_spo2'),
    daily_activity: read('daily_activity'),
    daily_readiness: read('daily_readiness'),
    workout: read('workout'),
  };
}

// A fixture is either a whole response page or, for workout, one bare document.
function readRows(file: string): unknown[] {
  const parsed = JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as { data?: unknown };
  if (Array.isArray(parsed.data)) return parsed.data;
  if (typeof (parsed as { id?: unknown }).id === 'string') return [parsed];
  throw new Error(`Oura sample ${file} is neither a page nor a document`);
}
