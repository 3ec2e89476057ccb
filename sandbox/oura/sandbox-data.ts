/**
 * The rows the Oura sandbox serves, changeable while it runs: the shared rows (the sample
 * files unless replaced) that every token reads, and rows set for one sandbox user, which
 * that user's tokens read instead. A user is named at consent (`sandbox_user` on
 * `/oauth/authorize`); the fixed token has none. Each row's time is read once, when it is
 * set, so a listing of tens of thousands of rows filters numbers, not text.
 */
import { parseInstant, parseWallClock } from './query-window.ts';
import {
  COLLECTION_NAMES, loadSampleData, type CollectionName, type DailyDocument, type SampleData,
} from './sample-data.ts';

/** A row with the instant (heart rate) or wall-clock time (the rest) the windows test. */
export interface TimedRow {
  row: unknown;
  at: number;
}

/** A row whose time cannot be read; the control API answers it with a 400. */
export class UnreadableRowError extends Error {
  constructor(collection: CollectionName, index: number) {
    super(`${collection} row ${index} has no readable time: heartrate rows need an RFC 3339 `
      + '"timestamp" with an offset; other collections a "day" (YYYY-MM-DD) or "timestamp"');
    this.name = 'UnreadableRowError';
  }
}

type Rows = Record<CollectionName, readonly TimedRow[]>;

/** The sandbox's rows, shared and per user. */
export class OuraSandboxData {
  private shared: Rows;
  private readonly byUser = new Map<string, Partial<Rows>>();

  /**
   * @param overrides - rows to serve instead of a collection's sample file.
   * @throws UnreadableRowError when a row's time cannot be read.
   */
  constructor(private readonly overrides: Partial<SampleData> = {}) {
    this.shared = timedSample(overrides);
  }

  /** What `user` reads from `collection`: their own rows if set, else the shared ones. */
  rows(collection: CollectionName, user?: string): readonly TimedRow[] {
    const own = user === undefined ? undefined : this.byUser.get(user)?.[collection];
    return own ?? this.shared[collection];
  }

  /**
   * Serves `rows` instead of what `collection` held, for `user` or, without one, for all.
   * @throws UnreadableRowError and changes nothing when a row's time cannot be read.
   */
  replace(collection: CollectionName, rows: readonly unknown[], user?: string): number {
    return this.store(collection, user, timed(collection, rows));
  }

  /** Adds `rows` to what `user` (or everyone) reads, after any rows with the same time. */
  append(collection: CollectionName, rows: readonly unknown[], user?: string): number {
    const merged = [...this.rows(collection, user), ...timed(collection, rows)];
    return this.store(collection, user, merged.sort((a, b) => a.at - b.at));
  }

  /**
   * Adds one row served exactly as given, at instant `at`, whatever its own fields say: a
   * malformed record for fault tests (an impossible date, a wrong type), which a real
   * vendor's listing would still place somewhere in time.
   */
  appendMalformed(collection: CollectionName, row: unknown, at: number, user?: string): number {
    const merged = [...this.rows(collection, user), { row, at }];
    return this.store(collection, user, merged.sort((a, b) => a.at - b.at));
  }

  /** Back to the rows the sandbox started with, for every user. */
  reset(): void {
    this.shared = timedSample(this.overrides);
    this.byUser.clear();
  }

  private store(collection: CollectionName, user: string | undefined,
    rows: TimedRow[]): number {
    if (user === undefined) {
      this.shared = { ...this.shared, [collection]: rows };
    } else {
      this.byUser.set(user, { ...this.byUser.get(user), [collection]: rows });
    }
    return rows.length;
  }
}

/** The time the windows of `collection` compare, or undefined when unreadable. */
export function timeOf(collection: CollectionName, row: unknown): number | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  if (collection === 'heartrate') {
    const { timestamp } = row as { timestamp?: unknown };
    return typeof timestamp === 'string' ? parseInstant(timestamp) : undefined;
  }
  // Oura filters day-based documents on `timestamp` where they have one, else on `day`.
  const { timestamp, day } = row as DailyDocument;
  const text = typeof timestamp === 'string' ? timestamp : day;
  return typeof text === 'string' ? parseWallClock(text) : undefined;
}

/**
 * The rows with their times, in time order as Oura lists them (the listings search them
 * by time); the sort is stable, so rows with the same time keep the order given.
 */
function timed(collection: CollectionName, rows: readonly unknown[]): TimedRow[] {
  const list = rows.map((row, index) => {
    const at = timeOf(collection, row);
    if (at === undefined) throw new UnreadableRowError(collection, index);
    return { row, at };
  });
  return list.sort((a, b) => a.at - b.at);
}

function timedSample(overrides: Partial<SampleData>): Rows {
  const sample = loadSampleData(overrides);
  const rows = {} as Rows;
  for (const name of COLLECTION_NAMES) rows[name] = timed(name, sample[name]);
  return rows;
}
