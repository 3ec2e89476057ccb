/**
 * The `jobs` and `dead_letters` tables: every state change of a job is one statement or
 * one transaction here, and every change a worker makes checks its lease token, so a
 * worker whose lease ran out cannot overwrite what the worker that took over has done.
 *
 * A row's `due_at` is when something next happens to it: for a waiting job, when it may
 * run; for an active one, when its lease runs out and another worker may take it.
 */
import { randomUUID } from 'node:crypto';
import type { NormalizedJob } from '../job-spec.ts';
import type { BackoffPolicy, DeadLetterKind } from '../ports.ts';
import type { Database } from './database.ts';

/** A job this worker holds the lease on. */
export interface LeasedJob {
  name: string;
  id: string;
  data: unknown;
  /** 1-based number of the attempt now running. */
  attempt: number;
  maxAttempts: number;
  backoff: BackoffPolicy;
  leaseToken: string;
}

interface JobRow {
  name: string;
  id: string;
  data: string;
  max_attempts: number;
  backoff: string;
  attempts_made: number;
  state: 'waiting' | 'active';
  last_error: string | null;
}

/** Why a job whose worker vanished is given up on. */
const STALLED_REASON = 'worker lease expired on the last attempt (worker stopped or hung)';

/** Row-level operations on jobs, each atomic. */
export class JobTable {
  constructor(private readonly db: Database) {}

  /**
   * Adds a waiting job unless one with its name and id exists; a completed one older than
   * the retention window no longer counts.
   */
  insert(job: NormalizedJob, now: number, retentionMs: number): boolean {
    const add = this.db.transaction((): boolean => {
      this.db
        .prepare(
          "DELETE FROM jobs WHERE name = ? AND id = ? AND state = 'completed' AND finished_at <= ?",
        )
        .run(job.name, job.id, now - retentionMs);
      const result = this.db
        .prepare(
          'INSERT OR IGNORE INTO jobs (name, id, data, max_attempts, backoff, state, due_at, ' +
            "enqueued_at) VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)",
        )
        .run(job.name, job.id, job.dataJson, job.maxAttempts, JSON.stringify(job.backoff), now,
          new Date(now).toISOString());
      return result.changes === 1;
    });
    return add.immediate();
  }

  /**
   * Leases the next due job of `name`: a waiting one whose time has come, or an active
   * one whose worker let its lease run out. An expired job with no attempts left is
   * dead-lettered instead, so a job that kills its worker cannot loop forever.
   */
  claimNext(name: string, now: number, leaseMs: number): LeasedJob | undefined {
    const claim = this.db.transaction((): LeasedJob | undefined => {
      for (;;) {
        const row = this.nextDue(name, now);
        if (!row) return undefined;
        if (row.state === 'active' && row.attempts_made >= row.max_attempts) {
          this.buryRow(row, now, 'stalled', STALLED_REASON);
          continue;
        }
        return this.lease(row, now, leaseMs);
      }
    });
    return claim.immediate();
  }

  /** Pushes the lease out; `false` when this worker no longer holds it. */
  heartbeat(job: LeasedJob, now: number, leaseMs: number): boolean {
    return this.db
      .prepare(
        'UPDATE jobs SET due_at = ? ' +
          "WHERE name = ? AND id = ? AND lease_token = ? AND state = 'active'",
      )
      .run(now + leaseMs, job.name, job.id, job.leaseToken).changes === 1;
  }

  /** Marks the job done, kept for the retention window so its id still dedupes. */
  complete(job: LeasedJob, now: number): boolean {
    return this.db
      .prepare(
        "UPDATE jobs SET state = 'completed', due_at = NULL, lease_token = NULL, finished_at = ? " +
          'WHERE name = ? AND id = ? AND lease_token = ?',
      )
      .run(now, job.name, job.id, job.leaseToken).changes === 1;
  }

  /** Puts the job back to wait `delayMs`, remembering the failure. */
  retryLater(job: LeasedJob, now: number, delayMs: number, reason: string): boolean {
    const at = new Date(now).toISOString();
    return this.db
      .prepare(
        "UPDATE jobs SET state = 'waiting', due_at = ?, lease_token = NULL, last_error = ?, " +
          'first_failed_at = COALESCE(first_failed_at, ?), last_failed_at = ? ' +
          'WHERE name = ? AND id = ? AND lease_token = ?',
      )
      .run(now + delayMs, reason, at, at, job.name, job.id, job.leaseToken).changes === 1;
  }

  /** Moves the job to the dead letters, if this worker still holds it. */
  bury(job: LeasedJob, now: number, kind: DeadLetterKind, reason: string): boolean {
    const move = this.db.transaction((): boolean => {
      const row = this.db
        .prepare('SELECT * FROM jobs WHERE name = ? AND id = ? AND lease_token = ?')
        .get(job.name, job.id, job.leaseToken) as JobRow | undefined;
      if (!row) return false;
      this.buryRow(row, now, kind, reason);
      return true;
    });
    return move.immediate();
  }

  /** Forgets completed jobs older than the retention window. */
  purgeCompleted(now: number, retentionMs: number): number {
    return this.db
      .prepare("DELETE FROM jobs WHERE state = 'completed' AND finished_at <= ?")
      .run(now - retentionMs).changes;
  }

  private nextDue(name: string, now: number): JobRow | undefined {
    return this.db
      .prepare(
        "SELECT * FROM jobs WHERE name = ? AND state IN ('waiting', 'active') AND due_at <= ? " +
          'ORDER BY due_at LIMIT 1',
      )
      .get(name, now) as JobRow | undefined;
  }

  private lease(row: JobRow, now: number, leaseMs: number): LeasedJob {
    const leaseToken = randomUUID();
    // An active row here is one whose worker vanished: that counts as a failed attempt.
    const stalled = row.state === 'active' ? new Date(now).toISOString() : null;
    this.db
      .prepare(
        "UPDATE jobs SET state = 'active', attempts_made = attempts_made + 1, due_at = ?, " +
          'lease_token = ?, first_failed_at = COALESCE(first_failed_at, ?), ' +
          'last_failed_at = COALESCE(?, last_failed_at) WHERE name = ? AND id = ?',
      )
      .run(now + leaseMs, leaseToken, stalled, stalled, row.name, row.id);

    return {
      name: row.name,
      id: row.id,
      data: JSON.parse(row.data) as unknown,
      attempt: row.attempts_made + 1,
      maxAttempts: row.max_attempts,
      backoff: JSON.parse(row.backoff) as BackoffPolicy,
      leaseToken,
    };
  }

  private buryRow(row: JobRow, now: number, kind: DeadLetterKind, reason: string): void {
    const at = new Date(now).toISOString();
    this.db
      .prepare(
        'INSERT OR REPLACE INTO dead_letters (name, job_id, data, kind, reason, attempts, ' +
          'max_attempts, backoff, first_failed_at, last_failed_at) ' +
          'SELECT name, id, data, ?, ?, attempts_made, max_attempts, backoff, ' +
          'COALESCE(first_failed_at, ?), ? FROM jobs WHERE name = ? AND id = ?',
      )
      .run(kind, reason, at, at, row.name, row.id);
    this.db.prepare('DELETE FROM jobs WHERE name = ? AND id = ?').run(row.name, row.id);
  }
}
