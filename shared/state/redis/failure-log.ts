/**
 * When each job's current run of failures began. BullMQ keeps only the latest failure, and
 * a dead letter reports the first as well.
 */
import type { Redis } from 'ioredis';
import { pairField, type RedisKeys } from './keys.ts';

/** First-failure times by job. */
export class FailureLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** Notes a failure at `at` and returns when the run of failures began. */
  async note(name: string, jobId: string, at: string): Promise<string> {
    const field = pairField(name, jobId);
    const replies = await this.redis
      .multi()
      .hsetnx(this.keys.jobFailures, field, at)
      .hget(this.keys.jobFailures, field)
      .exec();
    const first = replies?.[1]?.[1];
    return typeof first === 'string' ? first : at;
  }

  /** Forgets the job's failures (it succeeded, was dead-lettered, or was enqueued anew). */
  async clear(name: string, jobId: string): Promise<void> {
    await this.redis.hdel(this.keys.jobFailures, pairField(name, jobId));
  }
}
