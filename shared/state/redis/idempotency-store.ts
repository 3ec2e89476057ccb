/**
 * Idempotency keys as plain Redis strings with a native expiry: `SET NX PX` is the claim,
 * so Redis alone decides between racing replicas.
 */
import type { Redis } from 'ioredis';
import type { IdempotencyEntry, IdempotencyStore } from '../ports.ts';
import { checkTtlMs } from '../ttl.ts';
import type { RedisKeys } from './keys.ts';

/** The stored envelope; `value` is absent while the work is in progress. */
interface StoredEntry {
  value?: unknown;
}

/** The Redis {@link IdempotencyStore}. */
export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const redisKey = this.keys.idempotency(key);
    const reply = await this.redis.set(redisKey, '{}', 'PX', checkTtlMs(ttlMs), 'NX');
    return reply === 'OK';
  }

  async record<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    const stored = JSON.stringify({ value } satisfies StoredEntry);
    const redisKey = this.keys.idempotency(key);
    if (ttlMs === undefined) await this.redis.set(redisKey, stored, 'KEEPTTL');
    else await this.redis.set(redisKey, stored, 'PX', checkTtlMs(ttlMs));
  }

  async get<T = unknown>(key: string): Promise<IdempotencyEntry<T> | undefined> {
    const redisKey = this.keys.idempotency(key);
    const replies = await this.redis.multi().get(redisKey).pttl(redisKey).exec();
    const stored = replies?.[0]?.[1] as string | null | undefined;
    const ttl = Number(replies?.[1]?.[1] ?? -1);
    if (stored === null || stored === undefined) return undefined;

    const entry: IdempotencyEntry<T> = { key };
    const parsed = JSON.parse(stored) as StoredEntry;
    if (parsed.value !== undefined) entry.value = parsed.value as T;
    if (ttl > 0) entry.expiresAt = new Date(Date.now() + ttl).toISOString();
    return entry;
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.keys.idempotency(key));
  }
}
