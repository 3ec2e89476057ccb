/**
 * Synthetic heart-rate rows for volume tests: one row every `everySeconds` from `start` up
 * to, not including, `end`. The rows are invented and the same for the same request, so a
 * test can load tens of thousands of them in one call and know exactly what to expect.
 */
import { ControlError } from '../control/control-error.ts';
import {
  checkRowCount, readSeriesWindow, seriesRows, type TimeReading,
} from '../control/series-window.ts';
import { parseInstant } from './query-window.ts';
import type { HeartRateRow } from './sample-data.ts';

export { MAX_GENERATED_ROWS } from '../control/series-window.ts';

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

/**
 * The rows of `series`, timestamps in UTC written as Oura writes them (`+00:00`).
 * @throws ControlError 400 when the series is malformed or too long.
 */
export function generateHeartRate(series: HeartRateSeries): HeartRateRow[] {
  const window = readSeries(series);
  checkRowCount(window, 'rows');
  return seriesRows(window, (at, index) => ({ bpm: series.bpm ?? 60 + (index % 40),
    source: series.source ?? 'awake', timestamp: ouraInstant(at), timestamp_unix: at }));
}

const OURA_TIMES: TimeReading = {
  parse: parseInstant,
  rule: 'must be an RFC 3339 date-time with an offset, e.g. 2026-03-10T00:00:00+00:00',
};

function readSeries(series: HeartRateSeries) {
  const window = readSeriesWindow(series, OURA_TIMES);
  const { bpm, source } = series;
  if (bpm !== undefined && !(Number.isInteger(bpm) && bpm >= 1 && bpm <= 300)) {
    throw new ControlError(400, 'bpm must be a whole number from 1 to 300');
  }
  if (source !== undefined && (typeof source !== 'string' || source === '')) {
    throw new ControlError(400, 'source must be a non-empty string');
  }
  return window;
}

function ouraInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z').replace(/Z$/, '+00:00');
}
