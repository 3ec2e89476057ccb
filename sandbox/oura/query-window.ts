/**
 * Reads the time-window query parameters of the Oura list routes into comparable numbers.
 *
 * Heart rate is filtered on instants: `start_datetime`/`end_datetime` must carry an offset,
 * and rows are compared as epoch milliseconds, so `23:22:04-07:00` and `06:22:04+00:00` are
 * the same moment. Day-based documents are filtered on their `timestamp` (daily_activity,
 * daily_readiness) or, lacking one, their `day`, both read on the local wall clock:
 * `start_date`/`end_date` are read on the same wall clock (a date means its midnight, a
 * date-time's offset is not used because `day` has none), which makes a date-only
 * `end_date` exclusive, as reported for the real API (shared/reference/wearables-omh.md,
 * section 4.2).
 */
import type { Request } from 'express';
import { OuraSandboxError } from './sandbox-error.ts';

/** Half-open window `[start, end)` unless `endInclusive`; a missing bound is open. */
export interface Window {
  start?: number;
  end?: number;
  /** Whether a value equal to `end` is in (a sandbox switch, see `OuraSandboxOptions`). */
  endInclusive?: boolean;
}

const OFFSET_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;
const DATE_OR_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The `start_datetime`/`end_datetime` window of the heart-rate route, in epoch ms.
 * @param maxSpanMs - longest window accepted when both bounds are given.
 */
export function instantWindow(req: Request, maxSpanMs = Infinity): Window {
  const start = optionalParam(req, 'start_datetime', parseInstant);
  const end = optionalParam(req, 'end_datetime', parseInstant);
  const window = orderedWindow(start, end, 'start_datetime', 'end_datetime');
  if (start !== undefined && end !== undefined && end - start > maxSpanMs) {
    const days = maxSpanMs / 86_400_000;
    throw new OuraSandboxError(400,
      `start_datetime and end_datetime must be at most ${days} days apart`);
  }
  return window;
}

/** The `start_date`/`end_date` window of the day-based routes, on the local wall clock. */
export function dayWindow(req: Request): Window {
  const start = optionalParam(req, 'start_date', parseWallClock);
  const end = optionalParam(req, 'end_date', parseWallClock);
  return orderedWindow(start, end, 'start_date', 'end_date');
}

/** Epoch ms of an RFC 3339 date-time with an offset, or undefined when it is not one. */
export function parseInstant(text: string): number | undefined {
  const match = OFFSET_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone, offH = '0', offM = '0'] = match;
  const local = wallClock(y, mo, d, h, mi, s);
  if (local === undefined || Number(offH) > 23 || Number(offM) > 59) return undefined;

  // Digits below a millisecond are dropped, for rows and bounds alike.
  const fractionMs = fraction === '' ? 0 : Math.floor(Number(fraction) * 1000);
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMs = sign * (Number(offH) * 60 + Number(offM)) * 60_000;
  return local + fractionMs - offsetMs;
}

/** A date or date-time read on the wall clock (offset ignored), as ms since 1970 "UTC". */
export function parseWallClock(text: string): number | undefined {
  const match = DATE_OR_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  return wallClock(y, mo, d, h, mi, s);
}

function optionalParam(
  req: Request,
  name: string,
  parse: (text: string) => number | undefined,
): number | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' ? parse(raw) : undefined;
  if (value === undefined) {
    throw new OuraSandboxError(400, `${name} is not a valid ${describe(name)}`);
  }
  return value;
}

function orderedWindow(start: number | undefined, end: number | undefined,
  startName: string, endName: string): Window {
  if (start !== undefined && end !== undefined && start > end) {
    throw new OuraSandboxError(400, `${startName} is after ${endName}`);
  }
  return { start, end };
}

// Date.UTC silently rolls 2026-02-30 over to March; reading the parts back catches that.
function wallClock(...parts: string[]): number | undefined {
  const [y, mo, d, h, mi, s] = parts.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  const same = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1
    && back.getUTCDate() === d && back.getUTCHours() === h && back.getUTCMinutes() === mi
    && back.getUTCSeconds() === s;
  return same ? ms : undefined;
}

function describe(name: string): string {
  return name.endsWith('datetime')
    ? 'date-time with an offset, e.g. 2026-03-10T00:00:00+00:00 (URL-encode the "+")'
    : 'date (YYYY-MM-DD) or date-time';
}
