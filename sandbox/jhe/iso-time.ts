/**
 * ISO 8601 parsing and UTC formatting with Python/Django semantics, at microsecond
 * precision. Instants are epoch microseconds in a plain number (exact for any date before
 * the year 2255, which covers wearable data).
 *
 * The grammar accepted is the union, approximately, of Python 3.11's `fromisoformat` and
 * Django's `parse_datetime` fallback regex, which is what JHE runs (reference §3.3, §4.5).
 */

/** A parsed instant plus the calendar day written in the text (before any offset shift). */
export interface ParsedInstant {
  micros: number;
  /** Days since 1970-01-01 of the wall-clock date as written. */
  writtenDay: number;
  /** The written UTC offset (zero when none was written). */
  offsetMicros: number;
}

/** Why parsing failed: the text is not a date at all, or a field is out of range. */
export type ParseFailure = { malformed: true } | { outOfRange: string };

const MICROS_PER_DAY = 86_400_000_000;
const DATE_EXTENDED = /^(\d{4})-(\d{1,2})-(\d{1,2})/;
const DATE_BASIC = /^(\d{4})(\d{2})(\d{2})/;
const CLOCK = String.raw`[T ](\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?`;
const ZONE = String.raw`\s*(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?`;
const TIME_PART = new RegExp(`^(?:${CLOCK}${ZONE})?$`);

/** Parses a date or date-time; a value without an offset is taken as UTC. */
export function parseIsoDateTime(text: string): ParsedInstant | ParseFailure {
  const date = DATE_EXTENDED.exec(text) ?? DATE_BASIC.exec(text);
  const time = date ? TIME_PART.exec(text.slice(date[0].length)) : null;
  if (!date || !time) return { malformed: true };
  const [year, month, day] = date.slice(1, 4).map(Number);
  const [hour, minute, second] = time.slice(1, 4).map((field) => Number(field ?? 0));
  const problem = calendarProblem(year, month, day) ?? clockProblem(hour, minute, second);
  if (problem) return { outOfRange: problem };
  const fraction = Number((time[4] ?? '').slice(0, 6).padEnd(6, '0'));
  const writtenDay = daysFromCivil(year, month, day);
  const localMicros = writtenDay * MICROS_PER_DAY
    + ((hour * 60 + minute) * 60 + second) * 1_000_000 + fraction;
  const offset = offsetMicros(time[5]);
  return { micros: localMicros - offset, writtenDay, offsetMicros: offset };
}

/** Parses a calendar date (`YYYY-MM-DD`, `YYYYMMDD`, Django's `YYYY-M-D`) to a day number. */
export function parseIsoDate(text: string): number | ParseFailure {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return { malformed: true };
  const [year, month, day] = match.slice(1, 4).map(Number);
  const problem = calendarProblem(year, month, day);
  return problem ? { outOfRange: problem } : daysFromCivil(year, month, day);
}

/** True when a parse result is a failure rather than a value. */
export function isParseFailure(value: unknown): value is ParseFailure {
  return typeof value === 'object' && value !== null
    && ('malformed' in value || 'outOfRange' in value);
}

/** The UTC day number of an instant. */
export function utcDay(micros: number): number {
  return Math.floor(micros / MICROS_PER_DAY);
}

/** Epoch microseconds of a JavaScript Date. */
export function dateToMicros(date: Date): number {
  return date.getTime() * 1000;
}

/**
 * An instant as DRF renders an aware UTC datetime: `isoformat()` with `+00:00` turned into
 * `Z`, and microseconds only when they are not zero.
 */
export function formatUtc(micros: number): string {
  const day = utcDay(micros);
  const inDay = micros - day * MICROS_PER_DAY;
  const [year, month, date] = civilFromDays(day);
  const seconds = Math.floor(inDay / 1_000_000);
  const fraction = inDay - seconds * 1_000_000;
  const clock = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60]
    .map((part) => String(part).padStart(2, '0')).join(':');
  const calendar = [String(year).padStart(4, '0'), pad2(month), pad2(date)].join('-');
  const micro = fraction === 0 ? '' : `.${String(fraction).padStart(6, '0')}`;
  return `${calendar}T${clock}${micro}Z`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function offsetMicros(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(/:/g, '');
  const seconds = Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || 0) * 60
    + Number(digits.slice(4, 6) || 0);
  return sign * seconds * 1_000_000;
}

/** Python's datetime constructor messages for out-of-range fields. */
function calendarProblem(year: number, month: number, day: number): string | undefined {
  if (year < 1) return `year ${year} is out of range`;
  if (month < 1 || month > 12) return 'month must be in 1..12';
  if (day < 1 || day > daysInMonth(year, month)) return 'day is out of range for month';
  return undefined;
}

function clockProblem(hour: number, minute: number, second: number): string | undefined {
  if (hour > 23) return 'hour must be in 0..23';
  if (minute > 59) return 'minute must be in 0..59';
  if (second > 59) return 'second must be in 0..59';
  return undefined;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Day number since 1970-01-01 (Howard Hinnant's civil-calendar arithmetic). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100)
    + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The `[year, month, day]` of a day number since 1970-01-01. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460)
    + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4)
    - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
