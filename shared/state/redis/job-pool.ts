/**
 * One BullMQ worker for one job name, running each attempt through the shared retry
 * policy. The decision is made here, not by BullMQ: a retry is signalled with the delay
 * to use (BullMQ's custom backoff strategy hands it back), and a job we give up on is
 * written to the dead-letter hash before BullMQ is told to fail it, so a crash in between
 * cannot lose it.
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { classifyJobError, failureReason } from '../job-errors.ts';
import type { DeadLetterKind, JobHandler, JobProcessor, ProcessOptions } from '../ports.ts';
import { decideRetry, retryDelayMs } from '../retry-policy.ts';
import type { DeadLetterRecords } from './dead-letter-records.ts';
import type { FailureLog } from './failure-log.ts';
import type { JobEnvelope } from './job-envelope.ts';

/** The `backoff.type` of every job we add; our strategy below is the only one used. */
export const RETRY_BACKOFF_TYPE = 'pause-retry-policy';

/** Thrown to BullMQ to retry after the delay the retry policy chose. */
class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/** Thrown to BullMQ once the job is in the dead-letter hash, so it fails without retry. */
class DeadLettered extends UnrecoverableError {}

/** What a pool needs. */
export interface RedisJobPoolOptions {
  name: string;
  handler: JobHandler<unknown>;
  options: ProcessOptions;
  connection: Redis;
  prefix: string;
  leaseMs: number;
  letters: DeadLetterRecords;
  failures: FailureLog;
  onError: (error: unknown) => void;
}

/** A BullMQ worker applying our retry and dead-letter rules. */
export class RedisJobPool implements JobProcessor {
  private readonly worker: Worker;

  constructor(private readonly config: RedisJobPoolOptions) {
    this.worker = new Worker(config.name, (job) => this.attempt(job), {
      connection: config.connection,
      prefix: config.prefix,
      concurrency: Math.max(1, Math.floor(config.options.concurrency ?? 1)),
      lockDuration: config.leaseMs,
      // Look for dead workers' jobs as often as a lease lasts, so a shorter lease (as
      // configured) also means a faster hand-over, as it does on SQLite.
      stalledInterval: config.leaseMs,
      settings: { backoffStrategy: (made, _type, error, job) => delayFor(made, error, job) },
    });
    this.worker.on('error', config.onError);
    this.worker.on('failed', (job, error) => {
      void this.buryUnhandled(job, error).catch(config.onError);
    });
  }

  async close(): Promise<void> {
    await this.worker.close();
  }

  private async attempt(job: Job): Promise<void> {
    const envelope = job.data as JobEnvelope;
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    try {
      await this.config.handler({
        id: envelope.id, name: job.name, data: envelope.payload, attempt, maxAttempts,
      });
    } catch (error) {
      await this.failed(job, envelope, attempt, error);
    }
    // Done: a store error from here on must not turn a success into a retry.
    void this.config.failures.clear(job.name, envelope.id).catch(this.config.onError);
  }

  private async failed(job: Job, envelope: JobEnvelope, attempt: number, error: unknown) {
    const decision = decideRetry({
      error,
      attempt,
      maxAttempts: job.opts.attempts ?? 1,
      backoff: envelope.backoff,
      classify: this.config.options.classify,
    });
    const failedAt = new Date().toISOString();
    const firstFailedAt = await this.config.failures.note(job.name, envelope.id, failedAt);
    if (decision.retry) throw new RetryLater(decision.reason, decision.delayMs);

    await this.bury(job, envelope, decision.kind, decision.reason, attempt, firstFailedAt);
    throw new DeadLettered(decision.reason);
  }

  /**
   * Failures that never reached our handler wrapper: BullMQ failing a job that stalled too
   * often (its worker died mid-job), or our own store calls failing on the last attempt.
   */
  private async buryUnhandled(job: Job | undefined, error: Error): Promise<void> {
    if (!job || error instanceof RetryLater || error instanceof DeadLettered) return;
    const final =
      error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;

    const envelope = job.data as JobEnvelope;
    const kind: DeadLetterKind = /stalled/i.test(error.message) ? 'stalled' : 'exhausted';
    const failedAt = new Date().toISOString();
    const first = await this.config.failures.note(job.name, envelope.id, failedAt);
    await this.bury(job, envelope, kind, failureReason(error), job.attemptsMade, first);
  }

  private async bury(
    job: Job,
    envelope: JobEnvelope,
    kind: DeadLetterKind,
    reason: string,
    attempts: number,
    firstFailedAt: string,
  ): Promise<void> {
    await this.config.letters.put({
      jobId: envelope.id,
      name: job.name,
      data: envelope.payload,
      kind,
      reason,
      attempts,
      maxAttempts: job.opts.attempts ?? 1,
      backoff: envelope.backoff,
      firstFailedAt,
      lastFailedAt: new Date().toISOString(),
      incarnation: envelope.incarnation,
    });
    await this.config.failures.clear(job.name, envelope.id);
  }
}

/**
 * BullMQ's backoff hook: the delay our policy chose, or (for an error that bypassed the
 * wrapper) the policy's delay for that attempt.
 */
function delayFor(attemptsMade: number, error: Error | undefined, job: unknown): number {
  if (error instanceof RetryLater) return error.delayMs;
  const envelope = (job as { data?: JobEnvelope } | undefined)?.data;
  const backoff = envelope?.backoff ?? { baseMs: 1_000 };
  return retryDelayMs(attemptsMade, backoff, classifyJobError(error));
}
