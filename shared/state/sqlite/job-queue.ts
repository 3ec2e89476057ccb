/** The SQLite {@link JobQueue}: rows in `jobs`, worked by polling pools. */
import { checkJobName, normalizeJob } from '../job-spec.ts';
import type {
  EnqueueResult, JobHandler, JobProcessor, JobQueue, JobSpec, ProcessOptions,
} from '../ports.ts';
import { SqliteJobProcessor, type SqliteQueueSettings } from './job-processor.ts';
import type { JobTable } from './job-table.ts';

/** Jobs in an SQLite file, with the pools started from this instance. */
export class SqliteJobQueue implements JobQueue {
  private readonly pools = new Set<SqliteJobProcessor>();
  private readonly poolsByName = new Map<string, Set<SqliteJobProcessor>>();

  constructor(
    private readonly table: JobTable,
    private readonly settings: SqliteQueueSettings,
    private readonly onError: (error: unknown) => void,
  ) {}

  async enqueue<T>(job: JobSpec<T>): Promise<EnqueueResult> {
    const normalized = normalizeJob(job);
    const added = this.table.insert(normalized, Date.now(), this.settings.retentionMs);
    // Local pools start at once; pools in other processes find it at their next poll.
    if (added) this.wakePools(normalized.name);
    return { added };
  }

  process<T>(name: string, handler: JobHandler<T>, options: ProcessOptions = {}): JobProcessor {
    checkJobName(name);
    const pool = new SqliteJobProcessor(this.table, name, handler as JobHandler<unknown>, options,
      this.settings, this.onError);
    this.pools.add(pool);
    const named = this.poolsByName.get(name) ?? new Set();
    this.poolsByName.set(name, named.add(pool));

    return {
      close: async () => {
        this.pools.delete(pool);
        named.delete(pool);
        await pool.close();
      },
    };
  }

  /** Wakes the local pools of `name` (after a replay, say). */
  wakePools(name: string): void {
    for (const pool of this.poolsByName.get(name) ?? []) pool.wake();
  }

  /** Closes every pool started here, waiting for their jobs in hand. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.pools].map((pool) => pool.close()));
    this.pools.clear();
    this.poolsByName.clear();
  }
}
