/**
 * Synthetic timeseries samples for volume tests: one sample every `everySeconds` from
 * `start` up to, not including, `end`. Invented and the same for the same request, so a
 * test can load tens of thousands of samples in one call and know exactly what to expect.
 */
import { owInstant, parseOwTime } from './ow-time.ts';
import { SERIES_TYPES } from './query-params.ts';
import { OwSandboxError } from './sandbox-error.ts';

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
export const MAX_GENERATED_SAMPLES = 1_000_000;

/**
 * The samples of `request`, in OW's timeseries row shape, times in UTC.
 * @throws OwSandboxError 400 when the request is malformed or too long.
 */
export function generateSeries(request: SeriesRequest): Record<string, unknown>[] {
  const { startMs, stepMs, count, type, unit } = readRequest(request);
  const rows: Record<string, unknown>[] = [];
  for (let index = 0; index < count; index += 1) {
    rows.push({
      timestamp: owInstant(startMs + index * stepMs),
      zone_offset: null,
      type,
      value: request.value ?? 60 + (index % 40),
      unit,
      source: { provider: 'oura', source: 'oura', device: null, device_type: 'ring',
        device_name: null },
      is_daily_total: null,
    });
  }
  return rows;
}

function readRequest(request: SeriesRequest) {
  const startMs = time(request.start, 'start');
  const endMs = time(request.end, 'end');
  if (endMs <= startMs) throw new OwSandboxError(400, 'end must be after start');
  if (!Number.isSafeInteger(request.everySeconds) || request.everySeconds < 1) {
    throw new OwSandboxError(400, 'everySeconds must be a whole number, 1 or more');
  }
  const stepMs = request.everySeconds * 1000;
  const count = Math.ceil((endMs - startMs) / stepMs);
  if (count > MAX_GENERATED_SAMPLES) {
    throw new OwSandboxError(400,
      `The series would have ${count} samples; at most ${MAX_GENERATED_SAMPLES} are generated`);
  }
  const type = request.type ?? 'heart_rate';
  if (typeof type !== 'string' || !SERIES_TYPES.has(type)) {
    throw new OwSandboxError(400, `type must be a series type OW knows, e.g. heart_rate`);
  }
  if (request.value !== undefined && !Number.isFinite(request.value)) {
    throw new OwSandboxError(400, 'value must be a number');
  }
  if (type !== 'heart_rate' && request.value === undefined) {
    throw new OwSandboxError(400, `value is needed for ${type}`);
  }
  const unit = request.unit ?? (type === 'heart_rate' ? 'bpm' : undefined);
  if (typeof unit !== 'string' || unit === '') {
    throw new OwSandboxError(400, `unit must be a non-empty string (needed for ${type})`);
  }
  return { startMs, stepMs, count, type, unit };
}

function time(value: unknown, name: string): number {
  const ms = typeof value === 'string' ? parseOwTime(value) : undefined;
  if (ms === undefined) {
    throw new OwSandboxError(400, `${name} must be an ISO 8601 date-time, a date or Unix seconds`);
  }
  return ms;
}
