/**
 * The window of a generated series, as the sandboxes' generate calls take it: one row every
 * `everySeconds` from `start` up to, not including, `end`. Each sandbox reads times its
 * vendor's way and builds its own rows; the checks and the row limit are shared.
 */
import { ControlError } from './control-error.ts';

/** Enough for years of 5-minute rows, small enough that a typo cannot exhaust memory. */
export const MAX_GENERATED_ROWS = 1_000_000;

/** How a sandbox reads the times of a window. */
export interface TimeReading {
  /** Epoch milliseconds of `text`, undefined when the vendor would not take it. */
  parse(text: string): number | undefined;
  /** What a time must be, completing "start ...", e.g. "must be an ISO 8601 date-time". */
  rule: string;
}

/** A checked window: first instant, end (excluded), step, all in ms, and the row count. */
export interface SeriesWindow {
  startMs: number;
  endMs: number;
  stepMs: number;
  count: number;
}

/**
 * Reads `start`, `end` and `everySeconds` of a generate call.
 * @throws ControlError 400 naming the field at fault.
 */
export function readSeriesWindow(
  request: { start?: unknown; end?: unknown; everySeconds?: unknown }, times: TimeReading,
): SeriesWindow {
  const startMs = readTime(request.start, 'start', times);
  const endMs = readTime(request.end, 'end', times);
  if (endMs <= startMs) throw new ControlError(400, 'end must be after start');
  const everySeconds = request.everySeconds;
  if (!Number.isSafeInteger(everySeconds) || (everySeconds as number) < 1) {
    throw new ControlError(400, 'everySeconds must be a whole number, 1 or more');
  }
  const stepMs = (everySeconds as number) * 1000;
  return { startMs, endMs, stepMs, count: Math.ceil((endMs - startMs) / stepMs) };
}

/**
 * Refuses a window with more rows than are generated; `noun` is what the sandbox calls them.
 * @throws ControlError 400 saying how many rows the window would have.
 */
export function checkRowCount(window: SeriesWindow, noun: string): void {
  if (window.count > MAX_GENERATED_ROWS) {
    throw new ControlError(400, `The series would have ${window.count} ${noun}; `
      + `at most ${MAX_GENERATED_ROWS} are generated`);
  }
}

function readTime(value: unknown, name: string, times: TimeReading): number {
  const ms = typeof value === 'string' ? times.parse(value) : undefined;
  if (ms === undefined) throw new ControlError(400, `${name} ${times.rule}`);
  return ms;
}

/** One row per instant of `window`, in order, each built by `row` from its instant and index. */
export function seriesRows<R>(window: SeriesWindow, row: (atMs: number, index: number) => R)
  : R[] {
  const rows: R[] = [];
  for (let index = 0; index < window.count; index += 1) {
    rows.push(row(window.startMs + index * window.stepMs, index));
  }
  return rows;
}
