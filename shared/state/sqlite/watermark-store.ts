/**
 * Watermarks in the `watermarks` table. Beside the value as written, each row keeps its
 * instant as a fixed-width sort key, so the forward-only check is one text comparison.
 */
import { instantSortKey } from '../instant.ts';
import type { AdvanceResult, Watermark, WatermarkStore } from '../ports.ts';
import type { Database } from './database.ts';

interface StoredMark {
  value: string;
  sort_key: string;
}

/** The SQLite {@link WatermarkStore}. */
export class SqliteWatermarkStore implements WatermarkStore {
  constructor(private readonly db: Database) {}

  async get(accountKey: string, dataType: string): Promise<string | undefined> {
    return this.read(accountKey, dataType)?.value;
  }

  async advance(accountKey: string, dataType: string, value: string): Promise<AdvanceResult> {
    const sortKey = instantSortKey(value);

    const step = this.db.transaction((): AdvanceResult => {
      const stored = this.read(accountKey, dataType);
      if (stored && stored.sort_key >= sortKey) {
        return { advanced: false, backwards: stored.sort_key > sortKey, current: stored.value };
      }
      this.write(accountKey, dataType, value, sortKey);
      return { advanced: true, backwards: false, current: value };
    });
    // IMMEDIATE takes the write lock before reading, so two processes cannot both read the
    // old mark and both "advance" from it.
    return step.immediate();
  }

  async set(accountKey: string, dataType: string, value: string | undefined): Promise<void> {
    if (value === undefined) {
      this.db
        .prepare('DELETE FROM watermarks WHERE account_key = ? AND data_type = ?')
        .run(accountKey, dataType);
      return;
    }
    this.write(accountKey, dataType, value, instantSortKey(value));
  }

  async list(accountKey?: string): Promise<Watermark[]> {
    const columns = 'account_key AS accountKey, data_type AS dataType, value';
    const order = 'ORDER BY account_key, data_type';
    const rows = accountKey === undefined
      ? this.db.prepare(`SELECT ${columns} FROM watermarks ${order}`).all()
      : this.db.prepare(`SELECT ${columns} FROM watermarks WHERE account_key = ? ${order}`)
        .all(accountKey);
    return rows as Watermark[];
  }

  private read(accountKey: string, dataType: string): StoredMark | undefined {
    return this.db
      .prepare('SELECT value, sort_key FROM watermarks WHERE account_key = ? AND data_type = ?')
      .get(accountKey, dataType) as StoredMark | undefined;
  }

  private write(accountKey: string, dataType: string, value: string, sortKey: string): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO watermarks (account_key, data_type, value, sort_key, updated_at) ' +
          'VALUES (?, ?, ?, ?, ?)',
      )
      .run(accountKey, dataType, value, sortKey, new Date().toISOString());
  }
}
