/**
 * Reads times the way OW's read routes do (shared/reference/wearables-omh.md §3.2): an ISO
 * date-time (one without an offset is UTC), Unix seconds, or a bare date meaning 00:00 UTC.
 * Everything becomes epoch milliseconds, so instants written in different offsets compare
 * as the same moment.
 */

const DATE_TIME = new RegExp('^(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})'
  + '(?::(\\d{2})(\\.\\d{1,9})?)?([Zz]|[+-]\\d{2}:?\\d{2})?)?$');
const UNIX_SECONDS = /^\d{1,12}(\.\d+)?$/;

/** Epoch ms of an OW time parameter or row time, or undefined when it is none of the forms. */
export function parseOwTime(text: string): number | undefined {
  if (UNIX_SECONDS.test(text)) return Math.floor(Number(text) * 1000);
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
  const wall = wallClockMs([y, mo, d, h, mi, s].map(Number));
  const offset = offsetMs(zone);
  if (wall === undefined || offset === undefined) return undefined;
  // Digits below the millisecond are dropped, for rows and bounds alike.
  const fractionMs = fraction === '' ? 0 : Math.floor(Number(fraction) * 1000);
  return wall + fractionMs - offset;
}

/** The UTC calendar date (YYYY-MM-DD) of an instant. */
export function utcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** An instant as OW writes it in metadata: UTC, `Z`, no fraction when it is zero. */
export function owInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

function offsetMs(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** Epoch ms of a UTC wall-clock time, or undefined for a day or time that does not exist. */
function wallClockMs([y, mo, d, h, mi, s]: number[]): number | undefined {
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const valid = mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h < 24 && mi < 60 && s < 60;
  return valid ? Date.UTC(y, mo - 1, d, h, mi, s) : undefined;
}
