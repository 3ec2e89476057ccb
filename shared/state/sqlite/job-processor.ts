/**
 * The SQLite worker pool: polls the jobs table, leases due jobs up to its concurrency, runs
 * them, and records the outcome. A lease is renewed while its handler runs; if the process
 * dies, the lease runs out and another pool (here or in another process) takes the job.
 */
import { decideRetry } from '../retry-policy.ts';
import type { JobContext, JobHandler, JobProcessor, ProcessOptions } from '../ports.ts';
import type { JobTable, LeasedJob } from './job-table.ts';

/** Timings of the SQLite queue. */
export interface SqliteQueueSettings {
  /** How often an idle pool looks for due jobs. */
  pollIntervalMs: number;
  /** How long a lease lasts without renewal: the time before a dead worker's job moves on. */
  leaseMs: number;
  /** How long a completed job's id keeps deduplicating. */
  retentionMs: number;
}

/** How often completed jobs past retention are swept. */
const PURGE_EVERY_MS = 60_000;

/** One pool of workers for one job name. */
export class SqliteJobProcessor implements JobProcessor {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly concurrency: number;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private lastPurge = 0;

  constructor(
    private readonly table: JobTable,
    private readonly name: string,
    private readonly handler: JobHandler<unknown>,
    private readonly options: ProcessOptions,
    private readonly settings: SqliteQueueSettings,
    private readonly onError: (error: unknown) => void,
  ) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
    this.wake();
  }

  /** Looks for work now rather than at the next poll (called when a job is enqueued here). */
  wake(): void {
    if (!this.closed) setImmediate(() => this.pump());
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  private pump(): void {
    clearTimeout(this.timer);
    if (this.closed) return;

    try {
      this.purgeNowAndThen();
      while (this.inFlight.size < this.concurrency) {
        const job = this.table.claimNext(this.name, Date.now(), this.settings.leaseMs);
        if (!job) break;
        this.track(this.run(job));
      }
    } catch (error) {
      // Typically SQLITE_BUSY past busy_timeout under another process's write: try later.
      this.onError(error);
    }
    this.timer = setTimeout(() => this.pump(), this.settings.pollIntervalMs);
  }

  private track(running: Promise<void>): void {
    this.inFlight.add(running);
    void running.finally(() => {
      this.inFlight.delete(running);
      this.wake();
    });
  }

  private async run(job: LeasedJob): Promise<void> {
    const renew = setInterval(() => this.renew(job), Math.max(10, this.settings.leaseMs / 3));
    let outcome: { failed: false } | { failed: true; error: unknown } = { failed: false };
    try {
      await this.handler(contextOf(job));
    } catch (error) {
      outcome = { failed: true, error };
    } finally {
      clearInterval(renew);
    }

    // A store error after a successful handler must not be mistaken for a job failure.
    if (outcome.failed) this.settle(job, outcome.error);
    else this.finish(job);
  }

  private finish(job: LeasedJob): void {
    try {
      this.table.complete(job, Date.now());
    } catch (error) {
      this.onError(error);
    }
  }

  private settle(job: LeasedJob, error: unknown): void {
    try {
      const decision = decideRetry({
        error,
        attempt: job.attempt,
        maxAttempts: job.maxAttempts,
        backoff: job.backoff,
        classify: this.options.classify,
      });
      const now = Date.now();
      if (decision.retry) this.table.retryLater(job, now, decision.delayMs, decision.reason);
      else this.table.bury(job, now, decision.kind, decision.reason);
    } catch (storeError) {
      this.onError(storeError);
    }
  }

  private renew(job: LeasedJob): void {
    try {
      this.table.heartbeat(job, Date.now(), this.settings.leaseMs);
    } catch (error) {
      this.onError(error);
    }
  }

  private purgeNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    this.table.purgeCompleted(now, this.settings.retentionMs);
  }
}

function contextOf(job: LeasedJob): JobContext<unknown> {
  return {
    id: job.id,
    name: job.name,
    data: job.data,
    attempt: job.attempt,
    maxAttempts: job.maxAttempts,
  };
}
