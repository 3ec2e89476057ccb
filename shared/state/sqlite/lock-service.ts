/**
 * Leases in the `locks` table. Each statement checks the token and the expiry itself, so
 * acquire, extend and release are each one atomic write with no read before it.
 */
import { randomUUID } from 'node:crypto';
import type { Lock, LockService } from '../ports.ts';
import { checkTtlMs } from '../ttl.ts';
import type { Database } from './database.ts';

/** The SQLite {@link LockService}. */
export class SqliteLockService implements LockService {
  constructor(private readonly db: Database) {}

  async acquire(name: string, ttlMs: number): Promise<Lock | undefined> {
    const token = randomUUID();
    const now = Date.now();
    // Insert, or take over a row whose lease ran out; a live lease makes this a no-op.
    const taken = this.db
      .prepare(
        'INSERT INTO locks (name, token, expires_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT (name) DO UPDATE SET token = excluded.token, ' +
          'expires_at = excluded.expires_at WHERE locks.expires_at <= ?',
      )
      .run(name, token, now + checkTtlMs(ttlMs), now);
    return taken.changes === 1 ? this.handle(name, token) : undefined;
  }

  private handle(name: string, token: string): Lock {
    const db = this.db;
    return {
      name,
      token,
      async extend(ttlMs: number): Promise<boolean> {
        const now = Date.now();
        const result = db
          .prepare(
            'UPDATE locks SET expires_at = ? WHERE name = ? AND token = ? AND expires_at > ?',
          )
          .run(now + checkTtlMs(ttlMs), name, token, now);
        return result.changes === 1;
      },
      async release(): Promise<boolean> {
        const result = db
          .prepare('DELETE FROM locks WHERE name = ? AND token = ? AND expires_at > ?')
          .run(name, token, Date.now());
        return result.changes === 1;
      },
    };
  }
}
