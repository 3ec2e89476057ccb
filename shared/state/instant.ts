/**
 * Instants written as RFC 3339 text with an offset, compared as points in time.
 *
 * Watermarks come from vendor data, which keeps each sample's own UTC offset and may carry
 * more than three fraction digits. Comparing the strings would order `06:30+05:00` after
 * `02:00Z` although it is earlier, and `Date` would drop digits past the millisecond, so
 * instants are reduced to nanoseconds since the epoch as a bigint.
 */

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

const NANOS_PER_MS = 1_000_000n;

/** Added to every sort key so that instants before 1970 still sort as unsigned text. */
const SORT_KEY_BIAS = 10n ** 22n;

/** Characters in every key from {@link instantSortKey}. */
export const SORT_KEY_WIDTH = 23;

/**
 * Nanoseconds since 1970-01-01T00:00:00Z of an RFC 3339 instant with offset.
 *
 * @param text - e.g. `2024-05-01T06:30:00.94756+05:00`
 * @returns the instant; fraction digits past the ninth are dropped
 * @throws RangeError when the text has no offset or is not a real date and time
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 * @example
 * ```ts
 * instantNanos('2024-05-01T06:30:00+05:00') === instantNanos('2024-05-01T01:30:00Z'); // true
 * ```
 */
export function instantNanos(text: string): bigint {
  const match = INSTANT.exec(text);
  if (!match) {
    throw new RangeError(`not an instant with offset (RFC 3339): ${JSON.stringify(text)}`);
  }
  const [, year, month, day, hour, minute, second, fraction = '', offset] = match;

  const wallMs = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  if (!fieldsRoundTrip(wallMs, +year, +month, +day, +hour, +minute, +second)) {
    throw new RangeError(`not a real date and time: ${JSON.stringify(text)}`);
  }

  const digits = fraction.padEnd(9, '0').slice(0, 9);
  const utcMs = BigInt(wallMs) - BigInt(offsetMinutes(offset, text)) * 60_000n;
  return utcMs * NANOS_PER_MS + BigInt(digits);
}

/** Negative, zero or positive as `a` is before, at or after `b` in time. */
export function compareInstants(a: string, b: string): number {
  const difference = instantNanos(a) - instantNanos(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/**
 * A fixed-width decimal string that sorts like the instant, for stores that can only
 * compare text (a Redis script, an SQL index).
 */
export function instantSortKey(text: string): string {
  return (instantNanos(text) + SORT_KEY_BIAS).toString().padStart(SORT_KEY_WIDTH, '0');
}

/** Date.UTC silently rolls 31 February into March; reject such dates instead. */
function fieldsRoundTrip(ms: number, ...fields: number[]): boolean {
  const date = new Date(ms);
  const actual = [
    date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(),
    date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(),
  ];
  return actual.every((value, index) => value === fields[index]);
}

function offsetMinutes(offset: string, text: string): number {
  if (offset === 'Z' || offset === 'z') return 0;

  const sign = offset.startsWith('-') ? -1 : 1;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 23 || minutes > 59) {
    throw new RangeError(`offset out of range: ${JSON.stringify(text)}`);
  }
  return sign * (hours * 60 + minutes);
}
