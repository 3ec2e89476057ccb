/** The clustered state: every port over one Redis, jobs on BullMQ. */
import type { State } from '../ports.ts';
import type { ResolvedStateOptions } from '../state-options.ts';
import { connectRedis } from './connect.ts';
import { RedisConnectionStore } from './connection-store.ts';
import { DeadLetterRecords } from './dead-letter-records.ts';
import { RedisDeadLetterStore } from './dead-letter-store.ts';
import { FailureLog } from './failure-log.ts';
import { RedisHeldDataPointStore } from './held-data-point-store.ts';
import { RedisIdempotencyStore } from './idempotency-store.ts';
import { RedisJobQueue } from './job-queue.ts';
import { RedisKeys } from './keys.ts';
import { RedisLockService } from './lock-service.ts';
import { RedisSyncStatusStore } from './sync-status-store.ts';
import { RedisWatermarkStore } from './watermark-store.ts';

/**
 * Connects to Redis and builds the ports on it.
 *
 * @param url - e.g. `redis://127.0.0.1:6379`
 * @param prefix - of every key written, BullMQ's included
 * @throws Error naming the URL when Redis does not answer
 */
export async function openRedisState(
  url: string,
  prefix: string,
  options: ResolvedStateOptions,
): Promise<State> {
  const redis = await connectRedis(url, {}, options.onError);
  // BullMQ blocks on its connections and needs commands never to give up while it waits.
  const bull = await connectRedis(url, { maxRetriesPerRequest: null }, options.onError)
    .catch(async (error: unknown) => {
      redis.disconnect();
      throw error;
    });

  const keys = new RedisKeys(prefix);
  const letters = new DeadLetterRecords(redis, keys);
  const queue = new RedisJobQueue(bull, keys, letters, new FailureLog(redis, keys), options.queue,
    options.onError);

  return {
    backend: 'redis',
    connections: new RedisConnectionStore(redis, keys, options.ring),
    watermarks: new RedisWatermarkStore(redis, keys),
    idempotency: new RedisIdempotencyStore(redis, keys),
    locks: new RedisLockService(redis, keys),
    queue,
    deadLetters: new RedisDeadLetterStore(letters, queue),
    held: new RedisHeldDataPointStore(redis, keys),
    syncStatus: new RedisSyncStatusStore(redis, keys),
    async close() {
      await queue.closeAll();
      await Promise.all([bull.quit(), redis.quit()]);
    },
  };
}
