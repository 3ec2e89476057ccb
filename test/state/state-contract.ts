/**
 * The contract every state adapter must meet, written once and run against each adapter
 * (see sqlite-state.test.ts and redis-state.test.ts). A behaviour that differs between
 * adapters is a bug in one of them, or belongs in that adapter's own test file.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PermanentError, TokenDecryptionError, TransientError,
  type HeldDataPoint, type JobContext, type State, type StateOptions, type VendorConnection,
} from '../../shared/state/index.ts';
import { settle, waitFor } from './wait-for.ts';

/** Storage for one adapter; every `open` after a `fresh` shares the same new storage. */
export interface StateFixture {
  /** Points later opens at new, empty storage. */
  fresh(): Promise<void>;
  /** Opens a state on the current storage with these key options. */
  open(keys: Pick<StateOptions, 'encryptionKey' | 'keyId' | 'previousKeys'>): Promise<State>;
  /** Everything stored in the current storage, as text, to look for leaked secrets in. */
  rawContents(): Promise<string>;
  /** Removes all storage the fixture made. */
  dispose(): Promise<void>;
}

/** Small backoffs keep retries fast; the policy itself is unit-tested elsewhere. */
const backoff = { baseMs: 5, maxMs: 20 };

const ACCESS_TOKEN = 'oura-access-7f3e9c1d5b2a4e6f8091';
const REFRESH_TOKEN = 'oura-refresh-0a9b8c7d6e5f4a3b2c1d';

/** Registers the contract suite for one adapter. */
export function describeStateContract(adapter: string, fixture: StateFixture): void {
  const key = randomBytes(32);
  const opened: State[] = [];

  /** Opens a state on the current storage, closed after the test. */
  async function open(options: Partial<StateOptions> = {}): Promise<State> {
    const state = await fixture.open({ encryptionKey: key, keyId: 'k1', ...options });
    opened.push(state);
    return state;
  }

  describe(`state contract: ${adapter}`, () => {
    beforeEach(async () => {
      await fixture.fresh();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((state) => state.close()));
    });

    afterAll(async () => {
      await fixture.dispose();
    });

    describeConnections(open, fixture, key);
    describeWatermarks(open);
    describeIdempotency(open);
    describeLocks(open);
    describeQueue(open);
    describeHeldDataPoints(open);
  });
}

type Open = (options?: Partial<StateOptions>) => Promise<State>;

function connection(overrides: Partial<VendorConnection> = {}): VendorConnection {
  return {
    patientId: 'p-42',
    vendor: 'oura',
    tokens: { accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN, tokenType: 'Bearer' },
    scopes: ['heartrate', 'daily'],
    expiresAt: '2025-01-01T10:00:00+01:00',
    status: 'connected',
    ...overrides,
  };
}

function describeConnections(open: Open, fixture: StateFixture, key: Buffer): void {
  describe('vendor connections', () => {
    it('round-trips a connection and lists by vendor', async () => {
      const state = await open();
      const stored = await state.connections.put(connection());
      const broken = connection({ patientId: 'p-7', status: 'error', lastError: 'x' });
      await state.connections.put(broken);
      await state.connections.put(connection({ vendor: 'open-wearables' }));

      const read = await state.connections.get('p-42', 'oura');
      expect(read).toEqual(stored);
      expect(read?.tokens.refreshToken).toBe(REFRESH_TOKEN);
      expect(read?.updatedAt).toMatch(/Z$/);
      const oura = await state.connections.list('oura');
      expect(oura.map((c) => c.patientId)).toEqual(['p-42', 'p-7']);
      expect(oura[1]).toMatchObject({ status: 'error', lastError: 'x' });
      expect(await state.connections.list()).toHaveLength(3);
    });

    it('deletes, and reports whether there was something to delete', async () => {
      const state = await open();
      await state.connections.put(connection());
      expect(await state.connections.delete('p-42', 'oura')).toBe(true);
      expect(await state.connections.delete('p-42', 'oura')).toBe(false);
      expect(await state.connections.get('p-42', 'oura')).toBeUndefined();
    });

    it('stores tokens encrypted, beside their key id', async () => {
      const state = await open({ keyId: 'key-2025-01' });
      await state.connections.put(connection());

      const raw = await fixture.rawContents();
      expect(raw).toContain('key-2025-01');
      expect(raw).not.toContain(ACCESS_TOKEN);
      expect(raw).not.toContain(REFRESH_TOKEN);
    });

    it('fails loudly when the key is wrong', async () => {
      await (await open()).connections.put(connection());

      const wrongKey = await open({ encryptionKey: randomBytes(32) });
      await expect(wrongKey.connections.get('p-42', 'oura')).rejects.toThrow(TokenDecryptionError);
      await expect(wrongKey.connections.list()).rejects.toThrow(/failed authentication/);
      const unknownId = await open({ keyId: 'k9', encryptionKey: randomBytes(32) });
      await expect(unknownId.connections.get('p-42', 'oura')).rejects.toThrow(/no decryption key/);
    });

    it('reads old records during a key rotation and re-seals them on write', async () => {
      const newKey = randomBytes(32);
      await (await open()).connections.put(connection());

      const rotating = await open({
        keyId: 'k2', encryptionKey: newKey, previousKeys: { k1: key },
      });
      const old = await rotating.connections.get('p-42', 'oura');
      expect(old?.tokens.accessToken).toBe(ACCESS_TOKEN);
      await rotating.connections.put(old as VendorConnection);

      const rotated = await open({ keyId: 'k2', encryptionKey: newKey });
      const resealed = await rotated.connections.get('p-42', 'oura');
      expect(resealed?.tokens.accessToken).toBe(ACCESS_TOKEN);
    });

    it('rejects a connection with an unknown status', async () => {
      const state = await open();
      const bad = connection({ status: 'paused' as VendorConnection['status'] });
      await expect(state.connections.put(bad)).rejects.toThrow(TypeError);
    });
  });
}

function describeWatermarks(open: Open): void {
  describe('watermarks', () => {
    it('moves forward as instants, never backwards, and reports what it ignored', async () => {
      const { watermarks } = await open();
      expect(await watermarks.get('oura:p-42', 'heart-rate')).toBeUndefined();

      const first = await watermarks.advance('oura:p-42', 'heart-rate', '2024-05-01T02:00:00Z');
      expect(first).toEqual({ advanced: true, backwards: false, current: '2024-05-01T02:00:00Z' });
      // 06:30+05:00 is 01:30Z: earlier, although it sorts later as text.
      const back = await watermarks.advance('oura:p-42', 'heart-rate', '2024-05-01T06:30:00+05:00');
      expect(back).toEqual({ advanced: false, backwards: true, current: '2024-05-01T02:00:00Z' });
      const same = await watermarks.advance('oura:p-42', 'heart-rate', '2024-05-01T07:00:00+05:00');
      expect(same).toEqual({ advanced: false, backwards: false, current: '2024-05-01T02:00:00Z' });
      const tick = '2024-05-01T02:00:00.0000001Z';
      const later = await watermarks.advance('oura:p-42', 'heart-rate', tick);
      expect(later.advanced).toBe(true);
      expect(await watermarks.get('oura:p-42', 'heart-rate')).toBe(tick);
    });

    it('keeps the latest of concurrent advances', async () => {
      const { watermarks } = await open();
      const hours = [5, 1, 9, 3, 7, 2, 8];
      const values = hours.map((h) => `2024-05-01T0${h}:00:00Z`);
      await Promise.all(values.map((value) => watermarks.advance('a', 'steps', value)));
      expect(await watermarks.get('a', 'steps')).toBe('2024-05-01T09:00:00Z');
    });

    it('rejects a value without an offset', async () => {
      const { watermarks } = await open();
      const local = watermarks.advance('a', 'steps', '2024-05-01T02:00:00');
      await expect(local).rejects.toThrow(RangeError);
    });

    it('lets an admin set any value, or clear it, and lists per account', async () => {
      const { watermarks } = await open();
      await watermarks.advance('a', 'steps', '2024-05-02T00:00:00Z');
      await watermarks.set('a', 'steps', '2024-04-01T00:00:00Z');
      expect(await watermarks.get('a', 'steps')).toBe('2024-04-01T00:00:00Z');
      await watermarks.set('a', 'hrv', '2024-04-02T00:00:00Z');
      await watermarks.set('b', 'hrv', '2024-04-03T00:00:00Z');

      expect((await watermarks.list('a')).map((m) => m.dataType)).toEqual(['hrv', 'steps']);
      await watermarks.set('a', 'steps', undefined);
      expect(await watermarks.get('a', 'steps')).toBeUndefined();
      expect(await watermarks.list()).toHaveLength(2);
    });
  });
}

function describeIdempotency(open: Open): void {
  describe('idempotency', () => {
    it('lets exactly one of 20 concurrent claims win', async () => {
      const { idempotency } = await open();
      const claims = await Promise.all(
        Array.from({ length: 20 }, () => idempotency.claim('upload:batch-1', 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('lets exactly one claim win across two instances on the same storage', async () => {
      const [a, b] = [await open(), await open()];
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).idempotency.claim('k', 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('records and returns the outcome, keeping the claim', async () => {
      const { idempotency } = await open();
      expect(await idempotency.get('k')).toBeUndefined();
      await idempotency.claim('k', 60_000);
      expect((await idempotency.get('k'))?.value).toBeUndefined();

      await idempotency.record('k', { stored: 12, duplicates: 3 });
      const entry = await idempotency.get<{ stored: number }>('k');
      expect(entry?.value).toEqual({ stored: 12, duplicates: 3 });
      expect(entry?.expiresAt).toBeDefined();
      expect(await idempotency.claim('k', 60_000)).toBe(false);
    });

    it('frees a key when it expires or is released', async () => {
      const { idempotency } = await open();
      expect(await idempotency.claim('short', 30)).toBe(true);
      await waitFor('the claim to expire', () => idempotency.claim('short', 60_000));

      expect(await idempotency.claim('released', 60_000)).toBe(true);
      await idempotency.release('released');
      expect(await idempotency.claim('released', 60_000)).toBe(true);
    });
  });
}

function describeLocks(open: Open): void {
  describe('locks', () => {
    it('is exclusive until released by its owner', async () => {
      const [a, b] = [await open(), await open()];
      const held = await a.locks.acquire('poll:oura:p-42', 60_000);
      expect(held).toBeDefined();
      expect(await b.locks.acquire('poll:oura:p-42', 60_000)).toBeUndefined();
      expect(await held?.extend(60_000)).toBe(true);

      expect(await held?.release()).toBe(true);
      const next = await b.locks.acquire('poll:oura:p-42', 60_000);
      expect(next?.token).not.toBe(held?.token);
    });

    it('can be taken over once expired, and only the new owner can release it', async () => {
      const [a, b] = [await open(), await open()];
      const stale = await a.locks.acquire('poll', 30);
      const taken = await waitFor('the lock to expire', () => b.locks.acquire('poll', 60_000));

      expect(await stale?.release()).toBe(false);
      expect(await stale?.extend(60_000)).toBe(false);
      expect(await a.locks.acquire('poll', 60_000)).toBeUndefined();
      expect(await taken.release()).toBe(true);
    });
  });
}

/** Records every attempt a handler sees. */
function recorder() {
  const attempts: JobContext[] = [];
  return {
    attempts,
    count: (id: string) => attempts.filter((job) => job.id === id).length,
  };
}

function describeQueue(open: Open): void {
  describe('job queue and dead letters', () => {
    it('retries a transient failure and then succeeds', async () => {
      const state = await open();
      const { attempts } = recorder();
      const done: string[] = [];
      state.queue.process('sync', async (job) => {
        attempts.push(job);
        if (job.attempt < 3) throw new TransientError('vendor answered 503');
        done.push(job.id);
      });

      await state.queue.enqueue({ id: 'j1', name: 'sync', data: { n: 1 }, attempts: 5, backoff });
      await waitFor('the job to succeed', () => done.length === 1);
      const tries = attempts.map((job) => [job.attempt, job.maxAttempts]);
      expect(tries).toEqual([[1, 5], [2, 5], [3, 5]]);
      expect(attempts[2].data).toEqual({ n: 1 });
      expect(await state.deadLetters.list()).toEqual([]);
    });

    it('dead-letters a permanent failure at once, with its reason', async () => {
      const state = await open();
      const seen = recorder();
      state.queue.process('sync', (job) => {
        seen.attempts.push(job);
        throw new PermanentError('data point fails omh:heart-rate:2.0');
      });

      const job = { id: 'bad', name: 'sync', data: { row: 7 }, attempts: 5, backoff };
      await state.queue.enqueue(job);
      const letter = await waitFor('the dead letter', () => state.deadLetters.get('sync', 'bad'));
      expect(letter).toMatchObject({
        jobId: 'bad', name: 'sync', data: { row: 7 }, kind: 'permanent',
        reason: 'data point fails omh:heart-rate:2.0', attempts: 1, maxAttempts: 5,
      });
      expect(Date.parse(letter.firstFailedAt)).toBeLessThanOrEqual(Date.parse(letter.lastFailedAt));
      expect(seen.count('bad')).toBe(1);
    });

    it('dead-letters a job whose attempts run out', async () => {
      const state = await open();
      const seen = recorder();
      state.queue.process('sync', (job) => {
        seen.attempts.push(job);
        throw new TransientError(`timeout on try ${job.attempt}`);
      });

      await state.queue.enqueue({ id: 'slow', name: 'sync', data: {}, attempts: 3, backoff });
      const letter = await waitFor('the dead letter', () => state.deadLetters.get('sync', 'slow'));
      expect(letter).toMatchObject({ kind: 'exhausted', reason: 'timeout on try 3', attempts: 3 });
      expect(Date.parse(letter.firstFailedAt)).toBeLessThan(Date.parse(letter.lastFailedAt) + 1);
      expect(seen.count('slow')).toBe(3);
      expect(await state.deadLetters.list({ name: 'other' })).toEqual([]);
      const listed = await state.deadLetters.list({ name: 'sync' });
      expect(listed.map((l) => l.jobId)).toEqual(['slow']);
    });

    it('waits as long as an error says before retrying', async () => {
      const state = await open();
      const seen = recorder();
      state.queue.process('sync', (job) => {
        seen.attempts.push(job);
        throw new TransientError('429', { retryAfterMs: 3_600_000 });
      });

      await state.queue.enqueue({ id: 'limited', name: 'sync', data: {}, attempts: 3, backoff });
      await waitFor('the first attempt', () => seen.count('limited') === 1);
      // With the 5 ms backoff a retry would come at once; Retry-After holds it for an hour.
      await settle(300);
      expect(seen.count('limited')).toBe(1);
      expect(await state.deadLetters.get('sync', 'limited')).toBeUndefined();
    });

    it('replays a dead letter once, under the same id', async () => {
      const state = await open();
      let fixed = false;
      const succeeded: JobContext[] = [];
      state.queue.process('sync', (job) => {
        if (!fixed) throw new PermanentError('mapping bug');
        succeeded.push(job);
      });

      await state.queue.enqueue({ id: 'r1', name: 'sync', data: { day: '2024-05-01' }, backoff });
      await waitFor('the dead letter', () => state.deadLetters.get('sync', 'r1'));
      fixed = true;
      expect(await state.deadLetters.replay('sync', 'r1')).toBe(true);
      expect(await state.deadLetters.replay('sync', 'r1')).toBe(false);

      await waitFor('the replayed job', () => succeeded.length === 1);
      expect(succeeded[0]).toMatchObject({ id: 'r1', data: { day: '2024-05-01' }, attempt: 1 });
      expect(await state.deadLetters.get('sync', 'r1')).toBeUndefined();
      expect((await state.queue.enqueue({ id: 'r1', name: 'sync', data: {} })).added).toBe(false);
      await settle(100);
      expect(succeeded).toHaveLength(1);
    });

    it('drops a second enqueue of the same job id, before and after it ran', async () => {
      const state = await open();
      const seen = recorder();
      const spec = { id: 'poll:oura:p-42:2024-05-01', name: 'sync', data: { page: 1 } };
      expect((await state.queue.enqueue(spec)).added).toBe(true);
      expect((await state.queue.enqueue({ ...spec, data: { page: 2 } })).added).toBe(false);

      state.queue.process('sync', (job) => {
        seen.attempts.push(job);
      });
      await waitFor('the job to run', () => seen.count(spec.id) === 1);
      expect((await state.queue.enqueue(spec)).added).toBe(false);
      await settle(100);
      expect(seen.attempts.map((job) => job.data)).toEqual([{ page: 1 }]);
    });

    it('runs each job exactly once across two workers on the same storage', async () => {
      const [a, b] = [await open(), await open()];
      const runs = new Map<string, number>();
      const byWorker = { a: 0, b: 0 };
      const handler = (worker: 'a' | 'b') => async (job: JobContext) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        byWorker[worker] += 1;
        await settle(5);
      };
      a.queue.process('fanout', handler('a'), { concurrency: 2 });
      b.queue.process('fanout', handler('b'), { concurrency: 2 });

      const ids = Array.from({ length: 30 }, (_, i) => `job-${i}`);
      const enqueue = (id: string, i: number) =>
        (i % 2 ? a : b).queue.enqueue({ id, name: 'fanout', data: i });
      await Promise.all(ids.map(enqueue));
      await waitFor('all jobs to run', () => runs.size === ids.length);
      await settle(100);

      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      expect(byWorker.a + byWorker.b).toBe(ids.length);
    });

    it('rejects a job it could not store faithfully', async () => {
      const state = await open();
      const bad = [
        { id: '', name: 'sync', data: {} },
        { id: 'x', name: 'bad name', data: {} },
        { id: 'x', name: 'sync', data: {}, attempts: 0 },
        { id: 'x', name: 'sync', data: undefined },
      ];
      for (const job of bad) await expect(state.queue.enqueue(job)).rejects.toThrow(TypeError);
    });
  });
}

function held(overrides: Partial<HeldDataPoint> = {}): HeldDataPoint {
  const identifier = overrides.identifier ?? 'a1b2c3d4-0000-5000-8000-000000000001';
  return {
    identifier,
    patientId: '40001',
    vendor: 'oura',
    schema: 'pause:heart-rate-variability:1.0',
    dataPoint: { header: { uuid: identifier }, body: { rmssd: { value: 41.5, unit: 'ms' } } },
    heldAt: '2024-05-01T06:30:00+05:00',
    reason: 'JHE does not store this data type yet',
    ...overrides,
  };
}

function describeHeldDataPoints(open: Open): void {
  describe('held data points', () => {
    it('holds a data point once and keeps the first record', async () => {
      const state = await open();
      expect(await state.held.hold(held())).toBe(true);
      const again = held({ heldAt: '2024-06-01T00:00:00Z', reason: 'other' });
      expect(await state.held.hold(again)).toBe(false);

      expect(await state.held.get(held().identifier)).toEqual(held());
      expect(await state.held.list()).toEqual([held()]);
      expect(await state.held.get('unknown')).toBeUndefined();
    });

    it('holds a point exactly once across two instances on the same storage', async () => {
      const [a, b] = [await open(), await open()];
      const holds = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).held.hold(held())),
      );
      expect(holds.filter(Boolean)).toHaveLength(1);
      expect(await a.held.list()).toHaveLength(1);
    });

    it('lists oldest first as instants, by patient and schema, up to a limit', async () => {
      const { held: store } = await open();
      // 06:30+05:00 is 01:30Z: the oldest, although it sorts last as text.
      await store.hold(held({ identifier: 'c', heldAt: '2024-05-01T02:00:00Z' }));
      await store.hold(held({ identifier: 'a', heldAt: '2024-05-01T06:30:00+05:00' }));
      await store.hold(held({ identifier: 'b', heldAt: '2024-05-01T02:00:00Z',
        schema: 'pause:skin-temperature:1.0' }));
      await store.hold(held({ identifier: 'd', patientId: '40002' }));

      const ids = (records: HeldDataPoint[]) => records.map((record) => record.identifier);
      expect(ids(await store.list())).toEqual(['a', 'd', 'b', 'c']);
      expect(ids(await store.list({ patientId: '40001' }))).toEqual(['a', 'b', 'c']);
      expect(ids(await store.list({ patientId: '40001', schema: 'pause:skin-temperature:1.0' })))
        .toEqual(['b']);
      expect(ids(await store.list({ patientId: '40001', limit: 2 }))).toEqual(['a', 'b']);
      expect(await store.list({ patientId: '40009' })).toEqual([]);
    });

    it('releases a held point, and reports whether there was one', async () => {
      const { held: store } = await open();
      await store.hold(held());
      expect(await store.release(held().identifier)).toBe(true);
      expect(await store.release(held().identifier)).toBe(false);
      expect(await store.get(held().identifier)).toBeUndefined();
      expect(await store.list({ patientId: '40001' })).toEqual([]);
      expect(await store.hold(held())).toBe(true);
    });

    it('rejects a hold instant without an offset', async () => {
      const { held: store } = await open();
      await expect(store.hold(held({ heldAt: '2024-05-01T06:30:00' }))).rejects
        .toThrow(RangeError);
      expect(await store.list()).toEqual([]);
    });
  });
}
