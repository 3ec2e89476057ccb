/**
 * The date-time text this layer accepts in a data point: RFC 3339 in the form JHE can place
 * in time. JHE derives `effective[x]` with Python's `datetime.fromisoformat`, which has no
 * leap second, no year 0 and no offset of a day or more; a lowercase `t`/`z`, a space for
 * `T` or an offset without its colon pass Ajv's `date-time` format but are not what we
 * emit. A data point JHE cannot place is stored yet invisible to every date search, so such
 * text is refused before upload.
 */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** True for `2024-05-01T06:30:00+05:00`, `2024-05-01T01:30:00.123Z` and the like. */
export function isPlaceableInstant(text: string): boolean {
  const match = INSTANT.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  const offsetHours = match[10] === undefined ? 0 : Number(match[10]);
  const offsetMinutes = match[11] === undefined ? 0 : Number(match[11]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
    && hour < 24 && minute < 60 && second < 60 && offsetHours < 24 && offsetMinutes < 60;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian month lengths, counted rather than asked of Date: this runs per data point. */
function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}
