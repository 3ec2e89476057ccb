/**
 * Dead letters in one Redis hash. Each remembers the incarnation (random per enqueue) of
 * the job it came from, so a replay can tell the dead job still being cleaned up by
 * BullMQ from a new job with the same id, and deletes only the letter it replayed.
 */
import type { Redis } from 'ioredis';
import type { DeadLetter } from '../ports.ts';
import { pairField, type RedisKeys } from './keys.ts';

/** A dead letter as stored. */
export interface StoredDeadLetter extends DeadLetter {
  incarnation: string;
}

/** KEYS[1] the hash; ARGV: field, incarnation. Deletes the field only if it is that letter. */
const DELETE_IF_INCARNATION = `
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored and cjson.decode(stored).incarnation == ARGV[2] then
  return redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0
`;

/** Reads and writes of the dead-letter hash. */
export class DeadLetterRecords {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async put(letter: StoredDeadLetter): Promise<void> {
    await this.redis.hset(this.keys.deadLetters, pairField(letter.name, letter.jobId),
      JSON.stringify(letter));
  }

  async get(name: string, jobId: string): Promise<StoredDeadLetter | undefined> {
    const stored = await this.redis.hget(this.keys.deadLetters, pairField(name, jobId));
    return stored === null ? undefined : (JSON.parse(stored) as StoredDeadLetter);
  }

  async all(): Promise<StoredDeadLetter[]> {
    const stored = await this.redis.hgetall(this.keys.deadLetters);
    return Object.values(stored).map((text) => JSON.parse(text) as StoredDeadLetter);
  }

  async remove(name: string, jobId: string): Promise<boolean> {
    return (await this.redis.hdel(this.keys.deadLetters, pairField(name, jobId))) === 1;
  }

  /** Deletes the letter only while it is still the one from `incarnation`. */
  async removeIncarnation(letter: StoredDeadLetter): Promise<void> {
    await this.redis.eval(DELETE_IF_INCARNATION, 1, this.keys.deadLetters,
      pairField(letter.name, letter.jobId), letter.incarnation);
  }
}
