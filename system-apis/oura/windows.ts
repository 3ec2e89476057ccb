/**
 * Splits a requested window into consecutive windows no longer than a collection allows.
 * Windows are half-open and share their bounds, `[a, b)`, `[b, c)`, ..., so together they
 * cover the request exactly once. The request's own first and last bounds are sent exactly
 * as the caller wrote them; bounds in between are written in the first bound's style (its
 * UTC offset, or a bare date).
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { WindowRule } from './collections.ts';

/** One window as sent to Oura. */
export interface WindowBounds {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The windows to request, in order.
 * @throws ApiError `REQUEST.INVALID` when a bound cannot be read or the end is before the start.
 */
export function splitWindow(rule: WindowRule, start: string, end: string): WindowBounds[] {
  const read = rule.kind === 'instant' ? readInstant : readDate;
  const first = read(start, rule.startParam);
  const last = read(end, rule.endParam);
  if (last.ms < first.ms) {
    throw new ApiError(400, 'REQUEST.INVALID', 'The window ends before it starts', {
      errors: [{ pointer: `/query/${rule.endParam}`, detail: `is before ${rule.startParam}` }],
    });
  }
  const bounds = [start];
  for (let at = first.ms + rule.maxDays * DAY_MS; at < last.ms; at += rule.maxDays * DAY_MS) {
    bounds.push(first.format(at));
  }
  bounds.push(end);
  return bounds.slice(0, -1).map((bound, i) => ({ start: bound, end: bounds[i + 1] }));
}

interface ReadBound {
  ms: number;
  /** Writes another instant in this bound's style. */
  format(ms: number): string;
}

function readInstant(text: string, param: string): ReadBound {
  const match = INSTANT.exec(text);
  if (!match) throw unreadable(param, 'a date-time with a UTC offset');
  const [, y, mo, d, h, mi, s, fraction = '', zone, sign, offH, offM] = match;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + Math.floor(Number(`0${fraction}`) * 1000);
  const offsetMinutes = sign ? (sign === '-' ? -1 : 1) * (+offH * 60 + +offM) : 0;
  const suffix = /^[Zz]$/.test(zone) ? 'Z' : zone;
  return {
    ms: wall - offsetMinutes * 60_000,
    format: (ms) => writeInstant(ms, offsetMinutes, suffix),
  };
}

function readDate(text: string, param: string): ReadBound {
  const match = DATE.exec(text);
  if (!match) throw unreadable(param, 'a date (YYYY-MM-DD)');
  const [, y, mo, d] = match;
  return {
    ms: Date.UTC(+y, +mo - 1, +d),
    format: (ms) => new Date(ms).toISOString().slice(0, 10),
  };
}

/** `ms` on the wall clock of `offsetMinutes`, milliseconds only when there are some. */
function writeInstant(ms: number, offsetMinutes: number, suffix: string): string {
  const wall = new Date(ms + offsetMinutes * 60_000).toISOString();
  const trimmed = wall.endsWith('.000Z') ? wall.slice(0, 19) : wall.slice(0, 23);
  return trimmed + suffix;
}

function unreadable(param: string, expected: string): ApiError {
  return new ApiError(400, 'REQUEST.INVALID', 'The window cannot be read', {
    errors: [{ pointer: `/query/${param}`, detail: `must be ${expected}` }],
  });
}
