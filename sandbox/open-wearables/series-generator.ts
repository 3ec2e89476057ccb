/**
 * Synthetic timeseries samples for volume tests: one sample every `everySeconds` from
 * `start` up to, not including, `end`. Invented and the same for the same request, so a
 * test can load tens of thousands of samples in one call and know exactly what to expect.
 */
import { ControlError } from '../control/control-error.ts';
import {
  checkRowCount, MAX_GENERATED_ROWS, readSeriesWindow, seriesRows, type TimeReading,
} from '../control/series-window.ts';
import { owInstant, parseOwTime } from './ow-time.ts';
import { SERIES_TYPES } from './query-params.ts';

/** A request for generated samples, as the control API takes it. */
export interface SeriesRequest {
  /** An OW time (ISO 8601, a date, or Unix seconds); the first sample's instant. */
  start: string;
  /** An OW time; no sample at or after it. */
  end: string;
  everySeconds: number;
  /** A series type OW knows; `heart_rate` by default. */
  type?: string;
  /** Every sample's value; for heart rate, sample i has 60 + (i mod 40) without one. */
  value?: number;
  /** Needed for any type but heart rate (whose unit is `bpm`). */
  unit?: string;
}

/** Enough for years of 5-minute samples, small enough that a typo cannot exhaust memory. */
export const MAX_GENERATED_SAMPLES = MAX_GENERATED_ROWS;

/**
 * The samples of `request`, in OW's timeseries row shape, times in UTC.
 * @throws ControlError 400 when the request is malformed or too long.
 */
export function generateSeries(request: SeriesRequest): Record<string, unknown>[] {
  const { window, type, unit } = readRequest(request);
  return seriesRows(window, (atMs, index) => ({
    timestamp: owInstant(atMs),
    zone_offset: null,
    type,
    value: request.value ?? 60 + (index % 40),
    unit,
    source: { provider: 'oura', source: 'oura', device: null, device_type: 'ring',
      device_name: null },
    is_daily_total: null,
  }));
}

const OW_TIMES: TimeReading = {
  parse: parseOwTime,
  rule: 'must be an ISO 8601 date-time, a date or Unix seconds',
};

function readRequest(request: SeriesRequest) {
  const window = readSeriesWindow(request, OW_TIMES);
  checkRowCount(window, 'samples');
  const type = request.type ?? 'heart_rate';
  if (typeof type !== 'string' || !SERIES_TYPES.has(type)) {
    throw new ControlError(400, `type must be a series type OW knows, e.g. heart_rate`);
  }
  if (request.value !== undefined && !Number.isFinite(request.value)) {
    throw new ControlError(400, 'value must be a number');
  }
  if (type !== 'heart_rate' && request.value === undefined) {
    throw new ControlError(400, `value is needed for ${type}`);
  }
  const unit = request.unit ?? (type === 'heart_rate' ? 'bpm' : undefined);
  if (typeof unit !== 'string' || unit === '') {
    throw new ControlError(400, `unit must be a non-empty string (needed for ${type})`);
  }
  return { window, type, unit };
}
