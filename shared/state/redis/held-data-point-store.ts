/**
 * Held data points in one Redis hash, with two sorted sets (all, and per patient) that keep
 * them oldest first. Hold and release are scripts, so the hash and its indexes never
 * disagree, even with several replicas holding the same point at once.
 */
import type { Redis } from 'ioredis';
import { instantSortKey } from '../instant.ts';
import type { HeldDataPoint, HeldDataPointQuery, HeldDataPointStore } from '../ports.ts';
import type { RedisKeys } from './keys.ts';

/** Records per list when the query names no limit. */
const DEFAULT_LIMIT = 1000;

/**
 * KEYS: hash, order of all, order of the patient; ARGV: identifier, record, order member.
 * Writes only a new identifier; returns 1 when it wrote.
 */
const HOLD = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], 0, ARGV[3])
redis.call('ZADD', KEYS[3], 0, ARGV[3])
return 1
`;

/** KEYS: hash, order of all, order of the patient; ARGV: identifier, order member. */
const RELEASE = `
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[2])
return 1
`;

/** The Redis {@link HeldDataPointStore}. */
export class RedisHeldDataPointStore implements HeldDataPointStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async hold(record: HeldDataPoint): Promise<boolean> {
    const member = orderMember(record);
    const written = await this.redis.eval(HOLD, 3, this.keys.heldDataPoints,
      this.keys.heldOrder(), this.keys.heldOrder(record.patientId),
      record.identifier, JSON.stringify(record), member);
    return written === 1;
  }

  async list(query: HeldDataPointQuery = {}): Promise<HeldDataPoint[]> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const members = await this.redis.zrange(this.keys.heldOrder(query.patientId), 0, -1);
    const identifiers = members.map((member) => member.slice(member.indexOf(' ') + 1));
    if (identifiers.length === 0 || limit <= 0) return [];
    const stored = await this.redis.hmget(this.keys.heldDataPoints, ...identifiers);
    return stored
      .filter((text): text is string => text !== null)
      .map((text) => JSON.parse(text) as HeldDataPoint)
      .filter((record) => query.schema === undefined || record.schema === query.schema)
      .slice(0, limit);
  }

  async get(identifier: string): Promise<HeldDataPoint | undefined> {
    const stored = await this.redis.hget(this.keys.heldDataPoints, identifier);
    return stored === null ? undefined : (JSON.parse(stored) as HeldDataPoint);
  }

  async release(identifier: string): Promise<boolean> {
    const record = await this.get(identifier);
    if (!record) return false;
    const released = await this.redis.eval(RELEASE, 3, this.keys.heldDataPoints,
      this.keys.heldOrder(), this.keys.heldOrder(record.patientId),
      identifier, orderMember(record));
    return released === 1;
  }
}

/** Sort key first, so members of score 0 list oldest first, then by identifier. */
function orderMember(record: HeldDataPoint): string {
  return `${instantSortKey(record.heldAt)} ${record.identifier}`;
}
