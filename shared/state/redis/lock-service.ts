/**
 * Leases as Redis keys holding their owner's random token. Extending and releasing compare
 * the token and act in one script, so a holder whose lease ran out (and was taken by
 * someone else) can neither extend nor delete the new holder's lock.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Lock, LockService } from '../ports.ts';
import { checkTtlMs } from '../ttl.ts';
import type { RedisKeys } from './keys.ts';

/** KEYS[1] the lock; ARGV: token, ttl. 1 when the token held it and the ttl was reset. */
const EXTEND_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

/** KEYS[1] the lock; ARGV: token. 1 when the token held it and it was deleted. */
const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** The Redis {@link LockService}. */
export class RedisLockService implements LockService {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async acquire(name: string, ttlMs: number): Promise<Lock | undefined> {
    const token = randomUUID();
    const key = this.keys.lock(name);
    const reply = await this.redis.set(key, token, 'PX', checkTtlMs(ttlMs), 'NX');
    return reply === 'OK' ? this.handle(name, key, token) : undefined;
  }

  private handle(name: string, key: string, token: string): Lock {
    const redis = this.redis;
    return {
      name,
      token,
      async extend(ttlMs: number): Promise<boolean> {
        const done = await redis.eval(EXTEND_IF_OWNER, 1, key, token, checkTtlMs(ttlMs));
        return done === 1;
      },
      async release(): Promise<boolean> {
        return (await redis.eval(RELEASE_IF_OWNER, 1, key, token)) === 1;
      },
    };
  }
}
