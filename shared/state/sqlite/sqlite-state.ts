/** The embedded state: every port over one SQLite file. */
import type { State } from '../ports.ts';
import type { ResolvedStateOptions } from '../state-options.ts';
import { SqliteConnectionStore } from './connection-store.ts';
import { openDatabase } from './database.ts';
import { SqliteDeadLetterStore } from './dead-letter-store.ts';
import { SqliteHeldDataPointStore } from './held-data-point-store.ts';
import { SqliteIdempotencyStore } from './idempotency-store.ts';
import { SqliteJobQueue } from './job-queue.ts';
import { JobTable } from './job-table.ts';
import { SqliteLockService } from './lock-service.ts';
import { migrate } from './schema.ts';
import { SqliteSyncStatusStore } from './sync-status-store.ts';
import { SqliteWatermarkStore } from './watermark-store.ts';

/**
 * Opens `file` (creating and migrating it as needed) and builds the ports on it.
 *
 * @param file - a path, or `:memory:`
 */
export function openSqliteState(file: string, options: ResolvedStateOptions): State {
  const db = openDatabase(file);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const table = new JobTable(db);
  const queue = new SqliteJobQueue(table, options.queue, options.onError);
  const deadLetters = new SqliteDeadLetterStore(db, table, options.queue.retentionMs,
    (name) => queue.wakePools(name));

  return {
    backend: 'sqlite',
    connections: new SqliteConnectionStore(db, options.ring),
    watermarks: new SqliteWatermarkStore(db),
    idempotency: new SqliteIdempotencyStore(db),
    locks: new SqliteLockService(db),
    queue,
    deadLetters,
    held: new SqliteHeldDataPointStore(db),
    syncStatus: new SqliteSyncStatusStore(db),
    async close() {
      await queue.closeAll();
      if (db.open) db.close();
    },
  };
}
