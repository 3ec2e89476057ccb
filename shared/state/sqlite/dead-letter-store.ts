/** The SQLite {@link DeadLetterStore}: rows in `dead_letters`, replayed into `jobs`. */
import type {
  BackoffPolicy, DeadLetter, DeadLetterKind, DeadLetterQuery, DeadLetterStore,
} from '../ports.ts';
import type { Database } from './database.ts';
import type { JobTable } from './job-table.ts';

interface DeadLetterRow {
  name: string;
  job_id: string;
  data: string;
  kind: DeadLetterKind;
  reason: string;
  attempts: number;
  max_attempts: number;
  backoff: string;
  first_failed_at: string;
  last_failed_at: string;
}

/** Dead letters in the same file as the jobs, so a replay is one transaction. */
export class SqliteDeadLetterStore implements DeadLetterStore {
  constructor(
    private readonly db: Database,
    private readonly table: JobTable,
    private readonly retentionMs: number,
    private readonly onReplay: (name: string) => void,
  ) {}

  async list(query: DeadLetterQuery = {}): Promise<DeadLetter[]> {
    const limit = query.limit ?? 100;
    const order = 'ORDER BY last_failed_at DESC, name, job_id LIMIT ?';
    const rows = (query.name === undefined
      ? this.db.prepare(`SELECT * FROM dead_letters ${order}`).all(limit)
      : this.db.prepare(`SELECT * FROM dead_letters WHERE name = ? ${order}`)
        .all(query.name, limit)) as DeadLetterRow[];
    return rows.map(fromRow);
  }

  async get(name: string, jobId: string): Promise<DeadLetter | undefined> {
    const row = this.read(name, jobId);
    return row && fromRow(row);
  }

  async replay(name: string, jobId: string): Promise<boolean> {
    const move = this.db.transaction((): boolean => {
      const row = this.read(name, jobId);
      if (!row) return false;
      const job = {
        id: row.job_id, name: row.name, dataJson: row.data,
        maxAttempts: row.max_attempts, backoff: JSON.parse(row.backoff) as BackoffPolicy,
      };
      if (!this.table.insert(job, Date.now(), this.retentionMs)) return false;
      this.db.prepare('DELETE FROM dead_letters WHERE name = ? AND job_id = ?').run(name, jobId);
      return true;
    });

    const replayed = move.immediate();
    if (replayed) this.onReplay(name);
    return replayed;
  }

  async remove(name: string, jobId: string): Promise<boolean> {
    return this.db
      .prepare('DELETE FROM dead_letters WHERE name = ? AND job_id = ?')
      .run(name, jobId).changes === 1;
  }

  private read(name: string, jobId: string): DeadLetterRow | undefined {
    return this.db
      .prepare('SELECT * FROM dead_letters WHERE name = ? AND job_id = ?')
      .get(name, jobId) as DeadLetterRow | undefined;
  }
}

function fromRow(row: DeadLetterRow): DeadLetter {
  return {
    jobId: row.job_id,
    name: row.name,
    data: JSON.parse(row.data) as unknown,
    kind: row.kind,
    reason: row.reason,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    backoff: JSON.parse(row.backoff) as BackoffPolicy,
    firstFailedAt: row.first_failed_at,
    lastFailedAt: row.last_failed_at,
  };
}
