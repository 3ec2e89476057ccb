/**
 * Opening the SQLite file through better-sqlite3, with the settings every store relies on.
 *
 * better-sqlite3 ships no type declarations and the project does not depend on
 * `@types/better-sqlite3`, so the few calls used here are typed below and the module is
 * loaded with `createRequire` (it is CommonJS).
 *
 * better-sqlite3 is synchronous. Every transaction here runs to its end inside one call,
 * with no `await` in it, so a connection never holds a lock while the event loop runs
 * something else; that is what lets two connections in one process (two state instances on
 * one file, as in the tests) share the file without deadlocking on each other.
 */
import { createRequire } from 'node:module';

/** The result of a write. */
export interface RunResult {
  changes: number;
}

/** A prepared statement; parameters bind by position or by `@name`. */
export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** A function wrapped in a transaction, with the `BEGIN IMMEDIATE` variant used for claims. */
export type Transaction<A extends unknown[], R> = ((...args: A) => R) & {
  immediate: (...args: A) => R;
};

/** The subset of a better-sqlite3 database this adapter uses. */
export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): Transaction<A, R>;
  close(): void;
  readonly open: boolean;
}

type DatabaseConstructor = new (file: string, options?: { timeout?: number }) => Database;

const require = createRequire(import.meta.url);

/**
 * Opens (creating if needed) the database file in WAL mode.
 *
 * @param file - a path, or `:memory:` for a private in-memory database
 * @param busyTimeoutMs - how long a writer waits for another process's write lock
 */
export function openDatabase(file: string, busyTimeoutMs = 5_000): Database {
  const BetterSqlite = require('better-sqlite3') as DatabaseConstructor;
  const db = new BetterSqlite(file, { timeout: busyTimeoutMs });

  // WAL lets readers run beside the one writer and survives a killed process intact.
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode can lose the last commits on power loss, never corrupt the file;
  // a lost watermark or job row is re-done, and re-doing is idempotent by design.
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('foreign_keys = ON');
  return db;
}
