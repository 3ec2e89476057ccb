/**
 * Sync status in the `sync_status` table, one row per account and data type. Each record
 * is a single upsert that adds to the counters in SQL, read back in the same IMMEDIATE
 * transaction, so concurrent runs in any number of processes never lose an increment.
 */
import type { SyncCounts, SyncStatus, SyncStatusStore } from '../ports.ts';
import {
  boundSyncError, checkSyncCounts, checkSyncInstant, checkSyncKey, SYNC_COUNT_NAMES,
  type SyncKey, type SyncSubject,
} from '../sync-run.ts';
import type { Database } from './database.ts';

type CounterColumn =
  'fetched' | 'stored' | 'duplicate' | 'rejected' | 'skipped' | 'held' | 'dead_lettered';

/** The column of each counter. */
const COUNT_COLUMNS: Record<keyof SyncCounts, CounterColumn> = {
  fetched: 'fetched',
  stored: 'stored',
  duplicate: 'duplicate',
  rejected: 'rejected',
  skipped: 'skipped',
  held: 'held',
  deadLettered: 'dead_lettered',
};

interface StatusRow {
  account_key: string;
  data_type: string;
  vendor: string;
  patient_id: string;
  last_run_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  error_code: string | null;
  error_message: string | null;
  consecutive_failures: number;
  watermark: string | null;
  fetched: number;
  stored: number;
  duplicate: number;
  rejected: number;
  skipped: number;
  held: number;
  dead_lettered: number;
}

const counterColumns = SYNC_COUNT_NAMES.map((name) => COUNT_COLUMNS[name]);
const counterSlots = SYNC_COUNT_NAMES.map((name) => `@${name}`);
const addCounters = counterColumns
  .map((column) => `${column} = sync_status.${column} + excluded.${column}`)
  .join(', ');

/** A first success inserts the row; a later one adds to it and resets the failure run. */
const RECORD_SUCCESS = `
  INSERT INTO sync_status (account_key, data_type, vendor, patient_id, last_run_at,
    last_success_at, consecutive_failures, watermark, ${counterColumns.join(', ')})
  VALUES (@accountKey, @dataType, @vendor, @patientId, @at, @at, 0, @watermark,
    ${counterSlots.join(', ')})
  ON CONFLICT (account_key, data_type) DO UPDATE SET
    last_run_at = excluded.last_run_at, last_success_at = excluded.last_success_at,
    consecutive_failures = 0, error_code = NULL, error_message = NULL,
    watermark = COALESCE(excluded.watermark, sync_status.watermark), ${addCounters}`;

/** A failure keeps the last success and watermark, and lengthens the failure run. */
const RECORD_FAILURE = `
  INSERT INTO sync_status (account_key, data_type, vendor, patient_id, last_run_at,
    last_failure_at, error_code, error_message, consecutive_failures,
    ${counterColumns.join(', ')})
  VALUES (@accountKey, @dataType, @vendor, @patientId, @at, @at, @code, @message, 1,
    ${counterSlots.join(', ')})
  ON CONFLICT (account_key, data_type) DO UPDATE SET
    last_run_at = excluded.last_run_at, last_failure_at = excluded.last_failure_at,
    error_code = excluded.error_code, error_message = excluded.error_message,
    consecutive_failures = sync_status.consecutive_failures + 1, ${addCounters}`;

/** The SQLite {@link SyncStatusStore}. */
export class SqliteSyncStatusStore implements SyncStatusStore {
  constructor(private readonly db: Database) {}

  async get(accountKey: string, dataType: string): Promise<SyncStatus | undefined> {
    const row = this.read(accountKey, dataType);
    return row && fromRow(row);
  }

  async list(query: { accountKey?: string; vendor?: string; patientId?: string } = {}):
    Promise<SyncStatus[]> {
    const where: string[] = [];
    const params: string[] = [];
    const filters = [
      ['account_key', query.accountKey], ['vendor', query.vendor],
      ['patient_id', query.patientId],
    ] as const;
    for (const [column, value] of filters) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }

    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT * FROM sync_status ${filter} ORDER BY account_key, data_type`)
      .all(...params) as StatusRow[];
    return rows.map(fromRow);
  }

  async recordSuccess(
    key: SyncKey,
    run: { at: string; counts: Partial<SyncCounts>; watermark?: string },
  ): Promise<SyncStatus> {
    const subject = checkSyncKey(key);
    const params = {
      ...subject,
      ...checkSyncCounts(run.counts),
      at: checkSyncInstant(run.at),
      watermark: run.watermark === undefined ? null : checkSyncInstant(run.watermark),
    };
    return this.upsert(RECORD_SUCCESS, subject, params);
  }

  async recordFailure(
    key: SyncKey,
    run: { at: string; error: { code: string; message: string }; counts?: Partial<SyncCounts> },
  ): Promise<SyncStatus> {
    const subject = checkSyncKey(key);
    const params = {
      ...subject,
      ...checkSyncCounts(run.counts),
      ...boundSyncError(run.error),
      at: checkSyncInstant(run.at),
    };
    return this.upsert(RECORD_FAILURE, subject, params);
  }

  /** Writes and reads back under one write lock, so the result is exactly this call's. */
  private upsert(sql: string, subject: SyncSubject, params: Record<string, unknown>):
    SyncStatus {
    const step = this.db.transaction((): StatusRow => {
      this.db.prepare(sql).run(params);
      return this.read(subject.accountKey, subject.dataType) as StatusRow;
    });
    return fromRow(step.immediate());
  }

  private read(accountKey: string, dataType: string): StatusRow | undefined {
    return this.db
      .prepare('SELECT * FROM sync_status WHERE account_key = ? AND data_type = ?')
      .get(accountKey, dataType) as StatusRow | undefined;
  }
}

function fromRow(row: StatusRow): SyncStatus {
  const counts = {} as SyncCounts;
  for (const name of SYNC_COUNT_NAMES) counts[name] = row[COUNT_COLUMNS[name]];

  const status: SyncStatus = {
    accountKey: row.account_key,
    vendor: row.vendor,
    patientId: row.patient_id,
    dataType: row.data_type,
    consecutiveFailures: row.consecutive_failures,
    counts,
  };
  if (row.last_run_at !== null) status.lastRunAt = row.last_run_at;
  if (row.last_success_at !== null) status.lastSuccessAt = row.last_success_at;
  if (row.last_failure_at !== null) status.lastFailureAt = row.last_failure_at;
  if (row.error_code !== null) {
    status.lastError = { code: row.error_code, message: row.error_message ?? '' };
  }
  if (row.watermark !== null) status.watermark = row.watermark;
  return status;
}
