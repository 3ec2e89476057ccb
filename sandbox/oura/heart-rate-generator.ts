/**
 * Synthetic heart-rate rows for volume tests: one row every `everySeconds` from `start` up
 * to, not including, `end`. The rows are invented and the same for the same request, so a
 * test can load tens of thousands of them in one call and know exactly what to expect.
 */
import { parseInstant } from './query-window.ts';
import type { HeartRateRow } from './sample-data.ts';
import { OuraSandboxError } from './sandbox-error.ts';

/** A request for generated rows, as the control API takes it. */
export interface HeartRateSeries {
  /** RFC 3339 date-time with an offset; the first row's instant. */
  start: string;
  /** RFC 3339 date-time with an offset; no row at or after it. */
  end: string;
  everySeconds: number;
  /** Every row's bpm; without it, row i has 60 + (i mod 40). */
  bpm?: number;
  /** Oura's `source` of every row; `awake` by default. */
  source?: string;
}

/** Enough for years of 5-minute rows, small enough that a typo cannot exhaust memory. */
export const MAX_GENERATED_ROWS = 1_000_000;

/**
 * The rows of `series`, timestamps in UTC written as Oura writes them (`+00:00`).
 * @throws OuraSandboxError 400 when the series is malformed or too long.
 */
export function generateHeartRate(series: HeartRateSeries): HeartRateRow[] {
  const { startMs, endMs, stepMs } = readSeries(series);
  const count = Math.ceil((endMs - startMs) / stepMs);
  if (count > MAX_GENERATED_ROWS) {
    throw new OuraSandboxError(400,
      `The series would have ${count} rows; at most ${MAX_GENERATED_ROWS} are generated`);
  }
  const rows: HeartRateRow[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = startMs + index * stepMs;
    rows.push({ bpm: series.bpm ?? 60 + (index % 40), source: series.source ?? 'awake',
      timestamp: ouraInstant(at), timestamp_unix: at });
  }
  return rows;
}

function readSeries(series: HeartRateSeries) {
  const startMs = instant(series.start, 'start');
  const endMs = instant(series.end, 'end');
  if (endMs <= startMs) throw new OuraSandboxError(400, 'end must be after start');
  if (!Number.isSafeInteger(series.everySeconds) || series.everySeconds < 1) {
    throw new OuraSandboxError(400, 'everySeconds must be a whole number, 1 or more');
  }
  const { bpm, source } = series;
  if (bpm !== undefined && !(Number.isInteger(bpm) && bpm >= 1 && bpm <= 300)) {
    throw new OuraSandboxError(400, 'bpm must be a whole number from 1 to 300');
  }
  if (source !== undefined && (typeof source !== 'string' || source === '')) {
    throw new OuraSandboxError(400, 'source must be a non-empty string');
  }
  return { startMs, endMs, stepMs: series.everySeconds * 1000 };
}

function instant(value: unknown, name: string): number {
  const ms = typeof value === 'string' ? parseInstant(value) : undefined;
  if (ms === undefined) {
    throw new OuraSandboxError(400,
      `${name} must be an RFC 3339 date-time with an offset, e.g. 2026-03-10T00:00:00+00:00`);
  }
  return ms;
}

function ouraInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z').replace(/Z$/, '+00:00');
}
