/**
 * Watermarks in one Redis hash. Each value starts with the instant's fixed-width sort key,
 * so the forward-only check runs inside Redis as one script, atomic across replicas.
 */
import type { Redis } from 'ioredis';
import { instantSortKey, SORT_KEY_WIDTH } from '../instant.ts';
import type { AdvanceResult, Watermark, WatermarkStore } from '../ports.ts';
import { pairField, parsePairField, type RedisKeys } from './keys.ts';
import { compareText } from './text-order.ts';

/**
 * KEYS[1] the hash; ARGV: field, new sort key, new stored value. Writes only when the new
 * key sorts after the stored one; returns the stored value it kept, or nil when it wrote.
 */
const ADVANCE = `
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored and string.sub(stored, 1, ${SORT_KEY_WIDTH}) >= ARGV[2] then
  return stored
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return false
`;

/** The Redis {@link WatermarkStore}. */
export class RedisWatermarkStore implements WatermarkStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async get(accountKey: string, dataType: string): Promise<string | undefined> {
    const stored = await this.redis.hget(this.keys.watermarks, pairField(accountKey, dataType));
    return stored === null ? undefined : valueOf(stored);
  }

  async advance(accountKey: string, dataType: string, value: string): Promise<AdvanceResult> {
    const sortKey = instantSortKey(value);
    const field = pairField(accountKey, dataType);
    const kept = (await this.redis.eval(ADVANCE, 1, this.keys.watermarks, field, sortKey,
      encode(sortKey, value))) as string | null;

    if (kept === null) return { advanced: true, backwards: false, current: value };
    const backwards = kept.slice(0, SORT_KEY_WIDTH) > sortKey;
    return { advanced: false, backwards, current: valueOf(kept) };
  }

  async set(accountKey: string, dataType: string, value: string | undefined): Promise<void> {
    const field = pairField(accountKey, dataType);
    if (value === undefined) {
      await this.redis.hdel(this.keys.watermarks, field);
      return;
    }
    await this.redis.hset(this.keys.watermarks, field, encode(instantSortKey(value), value));
  }

  async list(accountKey?: string): Promise<Watermark[]> {
    const all = await this.redis.hgetall(this.keys.watermarks);
    return Object.entries(all)
      .map(([field, stored]) => {
        const [account, dataType] = parsePairField(field);
        return { accountKey: account, dataType, value: valueOf(stored) };
      })
      .filter((mark) => accountKey === undefined || mark.accountKey === accountKey)
      .sort((a, b) =>
        compareText(a.accountKey, b.accountKey) || compareText(a.dataType, b.dataType));
  }
}

function encode(sortKey: string, value: string): string {
  return `${sortKey} ${value}`;
}

function valueOf(stored: string): string {
  return stored.slice(SORT_KEY_WIDTH + 1);
}
