/**
 * The state contract on the Redis adapter (BullMQ for jobs), against the Redis on
 * loopback. This suite never skips: with Redis down it fails, saying how to start it.
 * Every run writes under its own key prefix and deletes what it wrote.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createState, type JobContext } from '../../shared/state/index.ts';
import { describeStateContract, type StateFixture } from './state-contract.ts';
import { waitFor } from './wait-for.ts';
import { keysUnder as keysIn } from './redis-keys.ts';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const RUN_PREFIX = `pause-test:${randomUUID().slice(0, 8)}:`;

let admin: Redis | undefined;
let unavailable: Error | undefined;

/**
 * The admin client, or the failure that says how to start Redis. Every test goes through
 * here (the fixture's `fresh` calls it), so with Redis down each test fails with that
 * sentence instead of being reported as skipped.
 */
function redis(): Redis {
  if (!admin) throw unavailable ?? new Error('Redis admin client not connected yet');
  return admin;
}

function keysUnder(prefix: string): Promise<string[]> {
  return keysIn(redis(), prefix);
}

/** Every value under `prefix` as text, whatever the key type. */
async function dumpUnder(prefix: string): Promise<string> {
  const parts: string[] = [];
  for (const key of await keysUnder(prefix)) {
    const type = await redis().type(key);
    if (type === 'string') parts.push(String(await redis().get(key)));
    if (type === 'hash') parts.push(JSON.stringify(await redis().hgetall(key)));
    if (type === 'list') parts.push(JSON.stringify(await redis().lrange(key, 0, -1)));
    if (type === 'zset') parts.push(JSON.stringify(await redis().zrange(key, 0, -1)));
    if (type === 'set') parts.push(JSON.stringify(await redis().smembers(key)));
  }
  return parts.join('\n');
}

function redisFixture(): StateFixture {
  let storage = 0;
  const prefix = () => `${RUN_PREFIX}${storage}:`;
  return {
    async fresh() {
      redis();
      storage += 1;
    },
    open: (keys) => createState({ redisUrl: REDIS_URL, redisPrefix: prefix(), ...keys }),
    rawContents: () => dumpUnder(prefix()),
    async dispose() {
      const keys = await keysUnder(RUN_PREFIX);
      if (keys.length > 0) await redis().del(...keys);
    },
  };
}

beforeAll(async () => {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    admin = client;
  } catch (error) {
    client.disconnect();
    unavailable = new Error(
      `Redis is not answering at ${REDIS_URL} (${String(error)}). The Redis contract suite ` +
        'must run, not skip: start Redis (e.g. `redis-server --daemonize yes`) and run again.',
    );
  }
});

afterAll(async () => {
  if (admin) {
    const left = await keysUnder(RUN_PREFIX);
    if (left.length > 0) await admin.del(...left);
    await admin.quit();
  }
});

describeStateContract('redis', redisFixture());

describe('redis state', () => {
  it('says which URL failed when Redis does not answer', async () => {
    const attempt = createState({
      redisUrl: 'redis://127.0.0.1:1', encryptionKey: randomBytes(32),
    });
    await expect(attempt).rejects.toThrow(/127\.0\.0\.1:1.*did not answer.*start it/);
  });

  it('keeps every key under its prefix', async () => {
    const prefix = `${RUN_PREFIX}scoped:`;
    const state = await createState({
      redisUrl: REDIS_URL, redisPrefix: prefix, encryptionKey: randomBytes(32),
    });
    await state.idempotency.claim('k', 60_000);
    await state.queue.enqueue({ id: 'x', name: 'scoped', data: {} });
    await state.close();
    expect(state.backend).toBe('redis');
    expect((await keysUnder(prefix)).length).toBeGreaterThan(1);
  });

  it('runs again a job whose worker died holding it', async () => {
    const prefix = `${RUN_PREFIX}crash:`;
    const options = {
      redisUrl: REDIS_URL, redisPrefix: prefix, encryptionKey: randomBytes(32),
      queue: { leaseMs: 300 },
    };
    const producer = await createState(options);
    await producer.queue.enqueue({ id: 'orphan', name: 'sync', data: { n: 1 } });

    // A worker that takes the job and then goes silent, as a killed process would: it
    // never renews its lock and never reports back.
    let taken = false;
    const ghost = new Worker('sync', () => {
      taken = true;
      return new Promise<void>(() => undefined);
    }, {
      connection: { host: '127.0.0.1', port: Number(new URL(REDIS_URL).port || 6379) },
      prefix: `${prefix}bull`, lockDuration: 300, skipLockRenewal: true, skipStalledCheck: true,
    });
    await waitFor('the ghost to take the job', () => taken);
    const ghostClosed = ghost.close(true);

    const ran: JobContext[] = [];
    producer.queue.process('sync', (job) => {
      ran.push(job);
    });
    await waitFor('the orphaned job to run', () => ran.length === 1);
    expect(ran[0]).toMatchObject({ id: 'orphan', data: { n: 1 } });
    await Promise.all([producer.close(), ghostClosed]);
  });
});
