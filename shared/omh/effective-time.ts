/**
 * The latest instant of a data point's effective time frame: a date_time itself, an
 * interval's end, or its start plus its duration. A sync watermark is taken from it, so it
 * is written in the offset the data has, and compared as an instant, never as text.
 */

interface DurationValue {
  value?: unknown;
  unit?: unknown;
}

interface TimeFrame {
  date_time?: unknown;
  time_interval?: { start_date_time?: unknown; end_date_time?: unknown; duration?: unknown };
}

/** Milliseconds per OMH duration unit of fixed length (months and years are calendar units). */
const UNIT_MS: Record<string, number> = {
  ps: 1e-9, ns: 1e-6, us: 1e-3, ms: 1, sec: 1_000, min: 60_000, h: 3_600_000,
  d: 86_400_000, wk: 604_800_000,
};

const MONTHS: Record<string, number> = { Mo: 1, yr: 12 };

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * The end of a body's effective time frame, or undefined when the frame names no instant
 * (a date with a part of the day) or cannot be read.
 * @example
 * latestInstant({ effective_time_frame: { time_interval: {
 *   start_date_time: '2026-03-09T23:00:00-07:00', duration: { value: 8, unit: 'h' } } } });
 * // '2026-03-10T07:00:00-07:00'
 */
export function latestInstant(body: Record<string, unknown>): string | undefined {
  const frame = body.effective_time_frame as TimeFrame | undefined;
  if (typeof frame?.date_time === 'string') return frame.date_time;
  const interval = frame?.time_interval;
  if (typeof interval?.end_date_time === 'string') return interval.end_date_time;
  if (typeof interval?.start_date_time !== 'string') return undefined;
  return addDuration(interval.start_date_time, interval.duration as DurationValue | undefined);
}

/** Milliseconds since the epoch of an RFC 3339 instant; NaN when it is not one. */
export function instantMs(text: string): number {
  return Date.parse(text);
}

function addDuration(start: string, duration: DurationValue | undefined): string | undefined {
  const offset = OFFSET.exec(start)?.[0];
  const startMs = instantMs(start);
  const { value, unit } = duration ?? {};
  if (offset === undefined || Number.isNaN(startMs) || typeof value !== 'number'
    || typeof unit !== 'string') return undefined;
  if (unit in UNIT_MS) return render(startMs + value * UNIT_MS[unit], offset);
  if (unit in MONTHS && Number.isInteger(value)) {
    return render(addMonths(startMs, offset, value * MONTHS[unit]), offset);
  }
  return undefined;
}

/**
 * Calendar months are added to the local date, as a person in that offset counts them; a
 * day the target month lacks becomes its last day (31 January + 1 month = 28 February).
 */
function addMonths(ms: number, offset: string, months: number): number {
  const shift = offsetMinutes(offset) * 60_000;
  const local = new Date(ms + shift);
  const target = new Date(local.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(local.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0))
    .getUTCDate();
  target.setUTCDate(Math.min(local.getUTCDate(), lastDay));
  return target.getTime() - shift;
}

/** An instant written as wall-clock time in `offset`, with milliseconds only when it has any. */
function render(ms: number, offset: string): string {
  const whole = Math.round(ms);
  const local = new Date(whole + offsetMinutes(offset) * 60_000).toISOString();
  const clock = whole % 1000 === 0 ? local.slice(0, 19) : local.slice(0, 23);
  return clock + offset;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}
