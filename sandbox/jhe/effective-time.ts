/**
 * Derives FHIR effective[x] from an OMH `body.effective_time_frame`, as JHE does on every
 * save (reference §4.5). An unrecognised or malformed frame yields no effective time: the
 * row still stores, it just cannot be found by `date` and sorts last under `_sort=date`.
 */
import type { EffectiveTime } from './model.ts';
import {
  civilFromDays, daysFromCivil, daysInMonth, isParseFailure, parseIsoDate, parseIsoDateTime,
  utcDay, type ParsedInstant,
} from './iso-time.ts';

const NONE: EffectiveTime = { dateTime: null, periodStart: null, periodEnd: null };

/** part_of_day windows, in whole UTC hours of the given date. */
const PART_OF_DAY: Record<string, [number, number]> = {
  night: [0, 6], morning: [6, 12], afternoon: [12, 18], evening: [18, 24],
};

/** Fixed-length OMH duration units, in microseconds. */
const UNIT_MICROS: Record<string, number> = {
  ps: 1e-6, ns: 1e-3, us: 1, ms: 1e3, sec: 1e6, min: 6e7, h: 3.6e9, d: 8.64e10, wk: 6.048e11,
};

const MICROS_PER_DAY = 86_400_000_000;

/** The effective time of an OMH data point, or all nulls when it cannot be derived. */
export function deriveEffectiveTime(omhData: unknown): EffectiveTime {
  const frame = objectAt(objectAt(omhData, 'body'), 'effective_time_frame');
  if (!frame) return NONE;
  if ('date_time' in frame) return { ...NONE, dateTime: instant(frame.date_time)?.micros ?? null };
  const interval = objectAt(frame, 'time_interval');
  return interval ? periodOf(interval) : NONE;
}

function periodOf(interval: Record<string, unknown>): EffectiveTime {
  const start = instant(interval.start_date_time);
  const end = instant(interval.end_date_time);
  const duration = durationOf(interval.duration);
  if (start && end) return period(start.micros, end.micros);
  if (start && duration) return period(start.micros, shift(start, duration, 1));
  if (end && duration) return period(shift(end, duration, -1), end.micros);
  return partOfDayPeriod(interval);
}

function partOfDayPeriod(interval: Record<string, unknown>): EffectiveTime {
  const day = typeof interval.date === 'string' ? parseIsoDate(interval.date) : undefined;
  const window = typeof interval.part_of_day === 'string'
    ? PART_OF_DAY[interval.part_of_day] : undefined;
  if (typeof day !== 'number' || !window) return NONE;
  const midnight = day * MICROS_PER_DAY;
  return period(midnight + window[0] * 3.6e9, midnight + window[1] * 3.6e9);
}

function period(start: number | null, end: number | null): EffectiveTime {
  return { dateTime: null, periodStart: start, periodEnd: end };
}

function instant(value: unknown): ParsedInstant | null {
  if (typeof value !== 'string') return null;
  const parsed = parseIsoDateTime(value);
  return isParseFailure(parsed) ? null : parsed;
}

interface Duration {
  unit: unknown;
  value: number;
}

function durationOf(value: unknown): Duration | undefined {
  if (!isObject(value) || value.unit == null || value.value == null) return undefined;
  // Python's float() takes numbers, numeric strings and booleans; anything else drops it.
  const amount = Number(value.value);
  if (typeof value.value === 'object' || !Number.isFinite(amount)) return undefined;
  return { unit: value.unit, value: amount };
}

/** Moves an instant by an OMH duration; null for units JHE does not know. */
function shift(anchor: ParsedInstant, duration: Duration, sign: 1 | -1): number | null {
  const unit = String(duration.unit);
  if (unit in UNIT_MICROS) {
    return anchor.micros + Math.round(sign * duration.value * UNIT_MICROS[unit]);
  }
  if (unit === 'Mo') return addMonths(anchor, sign * Math.trunc(duration.value));
  if (unit === 'yr') return addMonths(anchor, sign * Math.trunc(duration.value) * 12);
  return null;
}

/**
 * Calendar month arithmetic that clamps the day, as JHE's `_add_months` does. Python moves
 * the wall-clock date in the value's own offset, so the month step happens in local time.
 */
function addMonths(anchor: ParsedInstant, months: number): number {
  const local = anchor.micros + anchor.offsetMicros;
  const day = utcDay(local);
  const timeOfDay = local - day * MICROS_PER_DAY;
  const [year, month, date] = civilFromDays(day);
  const monthIndex = month - 1 + months;
  const newYear = year + Math.floor(monthIndex / 12);
  const newMonth = (((monthIndex % 12) + 12) % 12) + 1;
  const newDate = Math.min(date, daysInMonth(newYear, newMonth));
  const shiftedLocal = daysFromCivil(newYear, newMonth, newDate) * MICROS_PER_DAY + timeOfDay;
  return shiftedLocal - anchor.offsetMicros;
}

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  const inner = value[key];
  return isObject(inner) ? inner : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
