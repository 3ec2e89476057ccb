/**
 * Idempotency keys in the `idempotency` table. Expiry is by wall clock in milliseconds;
 * an expired row counts as absent and is deleted by the next claim.
 */
import type { IdempotencyEntry, IdempotencyStore } from '../ports.ts';
import { checkTtlMs } from '../ttl.ts';
import type { Database } from './database.ts';

interface KeyRow {
  value: string | null;
  expires_at: number | null;
}

/** The SQLite {@link IdempotencyStore}. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: Database) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const insert = this.db.transaction(() => {
      this.db.prepare('DELETE FROM idempotency WHERE expires_at <= ?').run(now);
      return this.db
        .prepare('INSERT OR IGNORE INTO idempotency (key, value, expires_at) VALUES (?, NULL, ?)')
        .run(key, now + checkTtlMs(ttlMs));
    });
    // The primary key decides between racing claims: only one INSERT can add the row.
    return insert.immediate().changes === 1;
  }

  async record<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    const now = Date.now();
    const expiresAt = ttlMs === undefined ? null : now + checkTtlMs(ttlMs);
    const upsert = this.db.transaction(() => {
      this.db.prepare('DELETE FROM idempotency WHERE key = ? AND expires_at <= ?').run(key, now);
      this.db
        .prepare(
          'INSERT INTO idempotency (key, value, expires_at) VALUES (@key, @value, @expiresAt) ' +
            'ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = ' +
            'CASE WHEN @keepExpiry THEN idempotency.expires_at ELSE excluded.expires_at END',
        )
        .run({
          key,
          value: JSON.stringify(value) ?? null,
          expiresAt,
          keepExpiry: ttlMs === undefined ? 1 : 0,
        });
    });
    upsert.immediate();
  }

  async get<T = unknown>(key: string): Promise<IdempotencyEntry<T> | undefined> {
    const row = this.db
      .prepare('SELECT value, expires_at FROM idempotency WHERE key = ?')
      .get(key) as KeyRow | undefined;
    if (!row || (row.expires_at !== null && row.expires_at <= Date.now())) return undefined;

    const entry: IdempotencyEntry<T> = { key };
    if (row.value !== null) entry.value = JSON.parse(row.value) as T;
    if (row.expires_at !== null) entry.expiresAt = new Date(row.expires_at).toISOString();
    return entry;
  }

  async release(key: string): Promise<void> {
    this.db.prepare('DELETE FROM idempotency WHERE key = ?').run(key);
  }
}
