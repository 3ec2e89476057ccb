/**
 * The Redis {@link JobQueue} on BullMQ: one BullMQ queue per job name, BullMQ's `jobId`
 * for deduplication, its attempts and backoff for retries (with the delay our retry
 * policy decided), and our dead-letter hash for jobs it gives up on.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { checkJobName, normalizeJob, type NormalizedJob } from '../job-spec.ts';
import type {
  EnqueueResult, JobHandler, JobProcessor, JobQueue, JobSpec, ProcessOptions,
} from '../ports.ts';
import type { QueueTuning } from '../state-options.ts';
import type { DeadLetterRecords } from './dead-letter-records.ts';
import type { FailureLog } from './failure-log.ts';
import { bullJobId, type JobEnvelope } from './job-envelope.ts';
import { RedisJobPool, RETRY_BACKOFF_TYPE } from './job-pool.ts';
import type { RedisKeys } from './keys.ts';

/** The outcome of an add, with the incarnation of the job that holds the id. */
export interface AddOutcome {
  added: boolean;
  holder?: string;
}

/** Jobs in BullMQ queues, with the pools started from this instance. */
/** How often an add is retried while an older job with the same id is being removed. */
const MAX_ADD_ATTEMPTS = 5;

export class RedisJobQueue implements JobQueue {
  private readonly queues = new Map<string, Queue>();
  private readonly pools = new Set<RedisJobPool>();

  constructor(
    private readonly bull: Redis,
    private readonly keys: RedisKeys,
    private readonly letters: DeadLetterRecords,
    private readonly failures: FailureLog,
    private readonly tuning: Required<QueueTuning>,
    private readonly onError: (error: unknown) => void,
  ) {}

  async enqueue<T>(job: JobSpec<T>): Promise<EnqueueResult> {
    const { added } = await this.add(normalizeJob(job));
    return { added };
  }

  /**
   * Adds the job unless its id is taken. BullMQ answers a duplicate id with the id alone,
   * so the stored job is read back: it is ours only if it carries our incarnation.
   */
  async add(job: NormalizedJob): Promise<AddOutcome> {
    const queue = this.queueFor(job.name);
    const incarnation = randomUUID();
    const envelope: JobEnvelope = {
      id: job.id, payload: JSON.parse(job.dataJson), backoff: job.backoff, incarnation,
    };
    for (let attempt = 1; ; attempt += 1) {
      await queue.add(job.name, envelope, {
        jobId: bullJobId(job.id),
        attempts: job.maxAttempts,
        backoff: { type: RETRY_BACKOFF_TYPE },
        removeOnComplete: { age: Math.ceil(this.tuning.retentionMs / 1000) },
        // The dead-letter hash holds failed jobs; keeping them in BullMQ too would block
        // their ids from replay.
        removeOnFail: true,
      });

      const stored = await queue.getJob(bullJobId(job.id));
      const holder = (stored?.data as JobEnvelope | undefined)?.incarnation;
      const outcome = holder !== undefined ? { added: holder === incarnation, holder }
        : await this.settleVanished(job, incarnation, attempt);
      if (outcome) {
        if (outcome.added) await this.failures.clear(job.name, job.id);
        return outcome;
      }
    }
  }

  /**
   * Nothing holds the id right after our add. Either our own job already ran and died (its
   * dead letter names our incarnation), or an older job with the id was being removed: then
   * BullMQ ignored our add, and adding again is the only way to know. Completed jobs are
   * kept for the retention time, so "ran and vanished" cannot mean success.
   */
  private async settleVanished(job: NormalizedJob, incarnation: string, attempt: number):
    Promise<AddOutcome | undefined> {
    const letter = await this.letters.get(job.name, job.id);
    if (letter?.incarnation === incarnation) return { added: true, holder: incarnation };
    if (attempt >= MAX_ADD_ATTEMPTS) return { added: false, holder: undefined };
    return undefined;
  }

  process<T>(name: string, handler: JobHandler<T>, options: ProcessOptions = {}): JobProcessor {
    checkJobName(name);
    const pool = new RedisJobPool({
      name,
      handler: handler as JobHandler<unknown>,
      options,
      connection: this.bull,
      prefix: this.keys.bull,
      leaseMs: this.tuning.leaseMs,
      letters: this.letters,
      failures: this.failures,
      onError: this.onError,
    });
    this.pools.add(pool);
    return {
      close: async () => {
        this.pools.delete(pool);
        await pool.close();
      },
    };
  }

  /** Closes every pool started here (waiting for their jobs in hand), then the queues. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.pools].map((pool) => pool.close()));
    this.pools.clear();
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }

  private queueFor(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.bull, prefix: this.keys.bull });
      queue.on('error', this.onError);
      this.queues.set(name, queue);
    }
    return queue;
  }
}
