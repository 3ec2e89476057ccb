/**
 * The sync status contract, run against both adapters (SQLite file and the Redis on
 * loopback), plus what only one of them can show: an older SQLite file upgrades in place,
 * and Redis keeps every key under its prefix. The Redis half never skips: with Redis down
 * each of its tests fails, saying how to start it.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createState, type State, type SyncCounts, type SyncStatus,
} from '../../shared/state/index.ts';
import { openDatabase } from '../../shared/state/sqlite/database.ts';
import { keysUnder as keysIn } from './redis-keys.ts';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const RUN_PREFIX = `pause-test:sync-status:${randomUUID().slice(0, 8)}:`;
const encryptionKey = randomBytes(32);

/** Storage for one adapter; every `open` after a `fresh` shares the same new storage. */
interface Fixture {
  fresh(): void;
  open(): Promise<State>;
  /** The `createState` options of the current storage, minus the key, for a child process. */
  where(): { sqliteFile?: string; redisUrl?: string; redisPrefix?: string };
  dispose(): Promise<void>;
}

const WRITER = fileURLToPath(new URL('./sync-status-writer.ts', import.meta.url));

/** Runs sync-status-writer.ts in its own process; resolves when it exited 0. */
function writeFromAnotherProcess(where: object, runs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER,
      JSON.stringify({ ...where, runs })], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`writer exited ${code}: ${stderr}`));
    });
  });
}

let admin: Redis | undefined;
let unavailable: Error | undefined;

function redis(): Redis {
  if (!admin) throw unavailable ?? new Error('Redis admin client not connected yet');
  return admin;
}

function keysUnder(prefix: string): Promise<string[]> {
  return keysIn(redis(), prefix);
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
      `Redis is not answering at ${REDIS_URL} (${String(error)}). The Redis sync status ` +
        'suite must run, not skip: start Redis (e.g. `redis-server --daemonize yes`).',
    );
  }
});

afterAll(async () => {
  if (!admin) return;
  const left = await keysUnder(RUN_PREFIX);
  if (left.length > 0) await admin.del(...left);
  await admin.quit();
});

function sqliteFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'pause-sync-status-'));
  let files = 0;
  const file = () => join(dir, `state-${files}.sqlite`);
  return {
    fresh() {
      files += 1;
    },
    open: () => createState({ sqliteFile: file(), encryptionKey }),
    where: () => ({ sqliteFile: file() }),
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function redisFixture(): Fixture {
  let storage = 0;
  const where = () => ({ redisUrl: REDIS_URL, redisPrefix: `${RUN_PREFIX}${storage}:` });
  return {
    fresh() {
      redis();
      storage += 1;
    },
    open: () => createState({ ...where(), encryptionKey }),
    where,
    async dispose() {
      const keys = await keysUnder(RUN_PREFIX);
      if (keys.length > 0) await redis().del(...keys);
    },
  };
}

const KEY = { vendor: 'oura', patientId: '40001', dataType: 'heartrate' };

function counts(some: Partial<SyncCounts> = {}): SyncCounts {
  return {
    fetched: 0, stored: 0, duplicate: 0, rejected: 0, skipped: 0, held: 0, deadLettered: 0,
    ...some,
  };
}

function describeSyncStatusContract(adapter: string, fixture: Fixture): void {
  describe(`sync status contract: ${adapter}`, () => {
    const opened: State[] = [];

    async function open(): Promise<State> {
      const state = await fixture.open();
      opened.push(state);
      return state;
    }

    beforeEach(() => {
      fixture.fresh();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((state) => state.close()));
    });

    afterAll(async () => {
      await fixture.dispose();
    });

    it('knows nothing of an account that never ran', async () => {
      const { syncStatus } = await open();
      expect(await syncStatus.get('oura:40001', 'heartrate')).toBeUndefined();
      expect(await syncStatus.list()).toEqual([]);
    });

    it('records success, failures, and success again, keeping counters cumulative', async () => {
      const { syncStatus } = await open();
      const first = await syncStatus.recordSuccess(KEY, {
        at: '2024-05-01T06:30:00+05:00', counts: { fetched: 10, stored: 9, duplicate: 1 },
        watermark: '2024-05-01T06:25:00+05:00',
      });
      const afterFirst: SyncStatus = {
        accountKey: 'oura:40001', vendor: 'oura', patientId: '40001', dataType: 'heartrate',
        lastRunAt: '2024-05-01T06:30:00+05:00', lastSuccessAt: '2024-05-01T06:30:00+05:00',
        consecutiveFailures: 0, watermark: '2024-05-01T06:25:00+05:00',
        counts: counts({ fetched: 10, stored: 9, duplicate: 1 }),
      };
      expect(first).toEqual(afterFirst);
      expect(await syncStatus.get('oura:40001', 'heartrate')).toEqual(afterFirst);

      const error = { code: 'VENDOR_UNAVAILABLE', message: 'Oura answered 503 three times' };
      await syncStatus.recordFailure(KEY, { at: '2024-05-01T02:00:00Z', error });
      const failed = await syncStatus.recordFailure(KEY, {
        at: '2024-05-01T03:00:00.5Z', error: { code: 'SCHEMA_INVALID', message: 'bad page' },
        counts: { fetched: 3, rejected: 1, deadLettered: 1 },
      });
      const afterFailures: SyncStatus = {
        ...afterFirst,
        lastRunAt: '2024-05-01T03:00:00.5Z', lastFailureAt: '2024-05-01T03:00:00.5Z',
        lastError: { code: 'SCHEMA_INVALID', message: 'bad page' },
        consecutiveFailures: 2,
        counts: counts({ fetched: 13, stored: 9, duplicate: 1, rejected: 1, deadLettered: 1 }),
      };
      expect(failed).toEqual(afterFailures);
      expect(await syncStatus.get('oura:40001', 'heartrate')).toEqual(afterFailures);

      // No watermark this time: the last one stays, as do the last failure's instant.
      const again = await syncStatus.recordSuccess(KEY, {
        at: '2024-05-01T04:00:00Z', counts: { fetched: 5, stored: 4, held: 1, skipped: 2 },
      });
      const afterAgain: SyncStatus = {
        ...afterFirst,
        lastRunAt: '2024-05-01T04:00:00Z', lastSuccessAt: '2024-05-01T04:00:00Z',
        lastFailureAt: '2024-05-01T03:00:00.5Z',
        counts: counts({ fetched: 18, stored: 13, duplicate: 1, rejected: 1, skipped: 2,
          held: 1, deadLettered: 1 }),
      };
      expect(again).toEqual(afterAgain);
      expect(again.lastError).toBeUndefined();
      expect(await syncStatus.get('oura:40001', 'heartrate')).toEqual(afterAgain);

      const moved = await syncStatus.recordSuccess(KEY, {
        at: '2024-05-01T05:00:00Z', counts: {}, watermark: '2024-05-01T04:55:00Z',
      });
      expect(moved.watermark).toBe('2024-05-01T04:55:00Z');
      expect(moved.counts).toEqual(afterAgain.counts);
    });

    it('records a first run that failed, with no success to show', async () => {
      const { syncStatus } = await open();
      const status = await syncStatus.recordFailure(KEY, {
        at: '2024-05-01T02:00:00Z', error: { code: 'CONSENT_MISSING', message: 'no consent' },
      });
      expect(status).toEqual({
        accountKey: 'oura:40001', vendor: 'oura', patientId: '40001', dataType: 'heartrate',
        lastRunAt: '2024-05-01T02:00:00Z', lastFailureAt: '2024-05-01T02:00:00Z',
        lastError: { code: 'CONSENT_MISSING', message: 'no consent' },
        consecutiveFailures: 1, counts: counts(),
      });
    });

    it('adds every one of 50 concurrent successes across two instances', async () => {
      const [a, b] = [await open(), await open()];
      const at = '2024-05-01T02:00:00Z';
      await Promise.all(Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? a : b).syncStatus.recordSuccess(KEY, { at, counts: { stored: 1, fetched: 2 } })));
      const status = await a.syncStatus.get('oura:40001', 'heartrate');
      expect(status?.counts).toEqual(counts({ stored: 50, fetched: 100 }));

      const error = { code: 'JHE_UNAVAILABLE', message: 'JHE answered 502' };
      await Promise.all(Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).syncStatus.recordFailure(KEY, { at, error, counts: { deadLettered: 1 } })));
      const failed = await b.syncStatus.get('oura:40001', 'heartrate');
      expect(failed?.consecutiveFailures).toBe(20);
      expect(failed?.counts).toEqual(counts({ stored: 50, fetched: 100, deadLettered: 20 }));
    });

    it('adds every increment of two processes writing at once', async () => {
      const { syncStatus } = await open();
      await Promise.all([
        writeFromAnotherProcess(fixture.where(), 25), writeFromAnotherProcess(fixture.where(), 25),
      ]);
      expect((await syncStatus.get('oura:40001', 'heartrate'))?.counts.stored).toBe(50);
    });

    it('lists by account then data type as text, filtered by account, vendor, patient',
      async () => {
        const { syncStatus } = await open();
        const run = { at: '2024-05-01T02:00:00Z', counts: { fetched: 1 } };
        const recorded = [
          ['oura', '40002', 'sleep'], ['oura', '400010', 'heartrate'], ['oura', '40001', 'sleep'],
          ['open-wearables', '40001', 'timeseries'], ['oura', '40001', 'heartrate'],
        ];
        for (const [vendor, patientId, dataType] of recorded) {
          await syncStatus.recordSuccess({ vendor, patientId, dataType }, run);
        }

        const names = (list: SyncStatus[]) => list.map((s) => `${s.accountKey}/${s.dataType}`);
        expect(names(await syncStatus.list())).toEqual([
          'open-wearables:40001/timeseries', 'oura:40001/heartrate', 'oura:40001/sleep',
          'oura:400010/heartrate', 'oura:40002/sleep',
        ]);
        expect(names(await syncStatus.list({ accountKey: 'oura:40001' })))
          .toEqual(['oura:40001/heartrate', 'oura:40001/sleep']);
        expect(names(await syncStatus.list({ vendor: 'open-wearables' })))
          .toEqual(['open-wearables:40001/timeseries']);
        expect(names(await syncStatus.list({ patientId: '40001' }))).toEqual([
          'open-wearables:40001/timeseries', 'oura:40001/heartrate', 'oura:40001/sleep',
        ]);
        expect(names(await syncStatus.list({ vendor: 'oura', patientId: '40001' })))
          .toEqual(['oura:40001/heartrate', 'oura:40001/sleep']);
        expect(await syncStatus.list({ patientId: '49999' })).toEqual([]);
        expect((await syncStatus.list({ accountKey: 'oura:40002' }))[0]).toMatchObject({
          vendor: 'oura', patientId: '40002', dataType: 'sleep', counts: counts({ fetched: 1 }),
        });
      });

    it('rejects instants without an offset and bad counts, writing nothing', async () => {
      const { syncStatus } = await open();
      const local = '2024-05-01T06:30:00';
      const error = { code: 'X', message: 'y' };
      await expect(syncStatus.recordSuccess(KEY, { at: local, counts: {} }))
        .rejects.toThrow(RangeError);
      await expect(syncStatus.recordSuccess(KEY, {
        at: '2024-05-01T06:30:00Z', counts: { stored: 1 }, watermark: local,
      })).rejects.toThrow(RangeError);
      await expect(syncStatus.recordFailure(KEY, { at: local, error }))
        .rejects.toThrow(RangeError);
      await expect(syncStatus.recordSuccess(KEY, { at: '2024-02-30T00:00:00Z', counts: {} }))
        .rejects.toThrow(RangeError);

      const at = '2024-05-01T06:30:00Z';
      for (const bad of [{ stored: -1 }, { stored: 1.5 }, { fetched: Number.NaN }]) {
        await expect(syncStatus.recordSuccess(KEY, { at, counts: bad })).rejects
          .toThrow(RangeError);
      }
      const unknown = { stored: 1, written: 1 } as Partial<SyncCounts>;
      await expect(syncStatus.recordSuccess(KEY, { at, counts: unknown }))
        .rejects.toThrow(TypeError);
      await expect(syncStatus.recordSuccess({ ...KEY, dataType: '' }, { at, counts: {} }))
        .rejects.toThrow(TypeError);

      expect(await syncStatus.get('oura:40001', 'heartrate')).toBeUndefined();
      expect(await syncStatus.list()).toEqual([]);
    });

    it('caps the error message at 500 characters, never splitting one', async () => {
      const { syncStatus } = await open();
      const at = '2024-05-01T02:00:00Z';
      const long = await syncStatus.recordFailure(KEY, {
        at, error: { code: 'UPSTREAM', message: 'x'.repeat(2_000) },
      });
      expect(long.lastError?.message).toBe('x'.repeat(500));

      const wide = await syncStatus.recordFailure(KEY, {
        at, error: { code: 'UPSTREAM', message: '\u{1F525}'.repeat(600) },
      });
      expect(wide.lastError?.message).toBe('\u{1F525}'.repeat(500));
      expect((await syncStatus.get('oura:40001', 'heartrate'))?.lastError?.message)
        .toBe('\u{1F525}'.repeat(500));
    });

    it('keeps the status across a restart', async () => {
      // Opened outside `open`, since it is closed here and a state closes once.
      const before = await fixture.open();
      await before.syncStatus.recordSuccess(KEY, {
        at: '2024-05-01T02:00:00Z', counts: { stored: 3 }, watermark: '2024-05-01T01:55:00Z',
      });
      await before.close();

      const after = await open();
      expect(await after.syncStatus.get('oura:40001', 'heartrate')).toMatchObject({
        lastSuccessAt: '2024-05-01T02:00:00Z', watermark: '2024-05-01T01:55:00Z',
        counts: counts({ stored: 3 }),
      });
      expect(await after.syncStatus.list()).toHaveLength(1);
    });
  });
}

describeSyncStatusContract('sqlite', sqliteFixture());
describeSyncStatusContract('redis', redisFixture());

describe('sync status on a SQLite file of schema version 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pause-sync-status-upgrade-'));

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades in place, keeping the data already there', async () => {
    const file = join(dir, 'old.sqlite');
    const before = await createState({ sqliteFile: file, encryptionKey });
    await before.watermarks.advance('oura:40001', 'heartrate', '2024-05-01T00:00:00+02:00');
    await before.close();
    // What the release before sync status left on disk: no table, version 2.
    const db = openDatabase(file);
    db.exec('DROP TABLE sync_status; UPDATE schema_version SET version = 2');
    db.close();

    const after = await createState({ sqliteFile: file, encryptionKey });
    try {
      expect(await after.watermarks.get('oura:40001', 'heartrate'))
        .toBe('2024-05-01T00:00:00+02:00');
      const status = await after.syncStatus.recordSuccess(KEY, {
        at: '2024-05-01T02:00:00Z', counts: { stored: 1 },
      });
      expect(status.counts.stored).toBe(1);
    } finally {
      await after.close();
    }
    const upgraded = openDatabase(file);
    expect(upgraded.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: 3 }]);
    upgraded.close();
  });
});

describe('sync status on Redis', () => {
  it('keeps its keys under the prefix, so two prefixes never see each other', async () => {
    const [prefixA, prefixB] = [`${RUN_PREFIX}a:`, `${RUN_PREFIX}b:`];
    redis();
    const a = await createState({ redisUrl: REDIS_URL, redisPrefix: prefixA, encryptionKey });
    const b = await createState({ redisUrl: REDIS_URL, redisPrefix: prefixB, encryptionKey });
    try {
      await a.syncStatus.recordSuccess(KEY, { at: '2024-05-01T02:00:00Z', counts: { stored: 1 } });
      expect(await b.syncStatus.get('oura:40001', 'heartrate')).toBeUndefined();
      expect(await b.syncStatus.list()).toEqual([]);
      expect(await a.syncStatus.list()).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    expect((await keysUnder(prefixA)).length).toBe(2);
    expect(await keysUnder(prefixB)).toEqual([]);
  });
});
