/**
 * The wearable-sync process API, mounted from its contract with response validation, on a
 * real state: the embedded SQLite adapter in memory and the Redis adapter on loopback (under
 * a prefix of its own, deleted afterwards). Dead letters come from real failing jobs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/logging/logger.ts';
import {
  createState, PermanentError, type DeadLetter, type JobContext, type State,
} from '../../shared/state/index.ts';
import { pullableCollections } from '../../process-apis/ingest/vendor-pull.ts';
import { createWearableSyncApi } from '../../process-apis/wearable-sync/index.ts';
import { deletePrefix } from '../state/redis-keys.ts';
import { waitFor } from '../state/wait-for.ts';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const RUN_PREFIX = `pause-test:wsync:${randomUUID().slice(0, 8)}:`;
const BASE = '/wearable-sync/v1';
const OW_ACCOUNTS = { 40002: 'ow-user-2', 40010: 'ow-user-10' };

/** Contains `:` as every job id does, plus `/`, a space and `%`, which must survive too. */
const AWKWARD_ID = 'oura:40001:heartrate:record/7 a%b';

let runs = 0;
const backends: Record<string, () => Promise<State>> = {
  sqlite: () => createState({ sqliteFile: ':memory:', encryptionKey: randomBytes(32),
    queue: { pollIntervalMs: 20 } }),
  redis: () => createState({ redisUrl: REDIS_URL, encryptionKey: randomBytes(32),
    redisPrefix: `${RUN_PREFIX}${(runs += 1)}:` }),
};

afterAll(() => deletePrefix(REDIS_URL, RUN_PREFIX));

/** Runs jobs of `name` once each, failing permanently until `fixed` says otherwise. */
function failingPool(state: State, name: string, fixed: () => boolean) {
  const ran: JobContext[] = [];
  const pool = state.queue.process(name, (job) => {
    ran.push(job);
    if (!fixed()) throw new PermanentError(`record ${job.id} fails its schema at /value`);
  });
  return { ran, pool };
}

async function deadLetter(state: State, name: string, jobId: string): Promise<DeadLetter> {
  return waitFor(`the dead letter ${jobId}`, () => state.deadLetters.get(name, jobId));
}

const letterPath = (name: string, jobId: string) =>
  `${BASE}/dead-letters/${encodeURIComponent(name)}/${encodeURIComponent(jobId)}`;

describe.each(Object.keys(backends))('wearable-sync process API (%s state)', (backend) => {
  let state: State;
  let app: Express;

  beforeEach(async () => {
    state = await backends[backend]();
    const api = await createWearableSyncApi({ state, owAccounts: OW_ACCOUNTS,
      logger: silentLogger(), validateResponses: true });
    app = api.app;
  });

  afterEach(async () => {
    await state?.close();
  });

  it('lists connected Oura accounts and configured Open Wearables users with their '
    + 'collections', async () => {
    const tokens = { accessToken: 'synthetic-token' };
    await state.connections.put({ patientId: '40001', vendor: 'oura', tokens,
      scopes: ['heartrate'], status: 'connected' });
    await state.connections.put({ patientId: '40003', vendor: 'oura', tokens,
      scopes: ['heartrate'], status: 'revoked' });
    await state.connections.put({ patientId: '9', vendor: 'oura', tokens,
      scopes: ['daily'], status: 'connected' });

    const answer = await request(app).get(`${BASE}/accounts`);

    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item: { accountKey: string }) => item.accountKey))
      .toEqual(['open-wearables:40002', 'open-wearables:40010', 'oura:9', 'oura:40001']);
    expect(answer.body.items[3]).toEqual({ accountKey: 'oura:40001', vendor: 'oura',
      patientId: '40001', collections: pullableCollections('oura') });
    expect(answer.body.items[0].collections).toEqual(pullableCollections('open-wearables'));
    expect(pullableCollections('oura')).toEqual(['heartrate', 'sleep', 'daily_spo2',
      'daily_activity', 'daily_readiness', 'workout']);
  });

  it('enqueues one sync.pull job per collection for an account, and 404 for others',
    async () => {
      const seen: JobContext[] = [];
      const pool = state.queue.process('sync.pull', (job) => {
        seen.push(job);
      });

      const answer = await request(app).post(`${BASE}/accounts/open-wearables/40002/sync`);

      expect(answer.status).toBe(202);
      expect(answer.body.accountKey).toBe('open-wearables:40002');
      const collections = pullableCollections('open-wearables');
      expect(answer.body.jobIds).toHaveLength(collections.length);
      answer.body.jobIds.forEach((id: string, index: number) => {
        expect(id).toMatch(new RegExp(`^open-wearables:40002:${collections[index]}:now:\\d+$`));
      });
      await waitFor('every job to run', () => seen.length === collections.length);
      await pool.close();
      expect(seen.map((job) => job.id).sort()).toEqual([...answer.body.jobIds].sort());
      expect(seen.map((job) => job.data).sort((a, b) =>
        JSON.stringify(a).localeCompare(JSON.stringify(b))))
        .toEqual(collections.map((collection) => ({ vendor: 'open-wearables',
          patientId: '40002', collection })).sort((a, b) =>
          JSON.stringify(a).localeCompare(JSON.stringify(b))));

      await state.connections.put({ patientId: '40003', vendor: 'oura',
        tokens: { accessToken: 'synthetic-token' }, scopes: [], status: 'revoked' });
      for (const path of ['oura/40003', 'oura/40002', 'fitbit/40002']) {
        const refused = await request(app).post(`${BASE}/accounts/${path}/sync`);
        expect([refused.status, refused.body.code]).toEqual([404, 'SYNC.ACCOUNT_NOT_FOUND']);
      }
    });

  it('answers sync status with the lag behind now and the totals', async () => {
    const ouraHr = { vendor: 'oura', patientId: '40001', dataType: 'heartrate' };
    await state.syncStatus.recordSuccess(ouraHr, { at: '2026-03-10T10:00:00Z',
      counts: { fetched: 10, stored: 9, duplicate: 1 }, watermark: '2026-03-10T11:55:00+02:00' });
    await state.syncStatus.recordSuccess(ouraHr, { at: '2026-03-10T10:05:00Z',
      counts: { fetched: 2, stored: 2 } });
    await state.syncStatus.recordFailure({ ...ouraHr, dataType: 'sleep' }, {
      at: '2026-03-10T10:06:00Z', error: { code: 'UPSTREAM.TIMEOUT', message: 'Oura timed out' },
      counts: { deadLettered: 1 } });
    await state.syncStatus.recordSuccess({ vendor: 'oura', patientId: '40002',
      dataType: 'heartrate' }, { at: '2026-03-10T10:00:00Z', counts: { fetched: 50 },
      watermark: '2999-01-01T00:00:00Z' });

    const before = Date.now();
    const answer = await request(app).get(`${BASE}/sync-status`)
      .query({ patientId: 40001, vendor: 'oura' });
    const after = Date.now();

    expect(answer.status).toBe(200);
    const [heartrate, sleep] = answer.body.items;
    expect(answer.body.items).toHaveLength(2);
    expect(heartrate).toMatchObject({ accountKey: 'oura:40001', dataType: 'heartrate',
      lastSuccessAt: '2026-03-10T10:05:00Z', consecutiveFailures: 0,
      watermark: '2026-03-10T11:55:00+02:00',
      counts: { fetched: 12, stored: 11, duplicate: 1, rejected: 0, deadLettered: 0 } });
    // The watermark is 09:55Z; whole seconds, taken between the two clock readings.
    const watermarkMs = Date.parse('2026-03-10T09:55:00Z');
    expect(heartrate.lagSeconds).toBeGreaterThanOrEqual(Math.floor((before - watermarkMs) / 1000));
    expect(heartrate.lagSeconds).toBeLessThanOrEqual(Math.floor((after - watermarkMs) / 1000));
    expect(sleep).toMatchObject({ dataType: 'sleep', consecutiveFailures: 1,
      lastFailureAt: '2026-03-10T10:06:00Z',
      lastError: { code: 'UPSTREAM.TIMEOUT', message: 'Oura timed out' } });
    expect(sleep).not.toHaveProperty('lagSeconds');
    expect(answer.body.totals).toEqual({ fetched: 12, stored: 11, duplicate: 1, rejected: 0,
      skipped: 0, held: 0, deadLettered: 1 });

    const everyone = await request(app).get(`${BASE}/sync-status`);
    expect(everyone.body.items).toHaveLength(3);
    expect(everyone.body.totals.fetched).toBe(62);
    // A watermark ahead of the clock is no lag, not a negative one.
    expect(everyone.body.items[2]).toMatchObject({ accountKey: 'oura:40002', lagSeconds: 0 });

    const invalid = await request(app).get(`${BASE}/sync-status`).query({ patientId: 'abc' });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'REQUEST.INVALID']);
  });

  it('lists, shows and replays a real dead letter whose id needs percent-encoding',
    async () => {
      let fixed = false;
      const { ran, pool } = failingPool(state, 'wsync.record', () => fixed);
      await state.queue.enqueue({ id: 'first:1', name: 'wsync.record', data: { n: 1 } });
      const first = await deadLetter(state, 'wsync.record', 'first:1');
      // The second failure must be later than the first, whatever the clock's resolution.
      await waitFor('the clock to pass the first failure',
        () => Date.now() > Date.parse(first.lastFailedAt));
      await state.queue.enqueue({ id: AWKWARD_ID, name: 'wsync.record',
        data: { vendor: 'oura', sourceKey: 'hr-7' }, attempts: 3 });
      await deadLetter(state, 'wsync.record', AWKWARD_ID);

      const listed = await request(app).get(`${BASE}/dead-letters`)
        .query({ name: 'wsync.record' });
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((letter: DeadLetter) => letter.jobId))
        .toEqual([AWKWARD_ID, 'first:1']);
      const limited = await request(app).get(`${BASE}/dead-letters`).query({ limit: 1 });
      expect(limited.body.items.map((letter: DeadLetter) => letter.jobId)).toEqual([AWKWARD_ID]);
      const otherName = await request(app).get(`${BASE}/dead-letters`).query({ name: 'other' });
      expect(otherName.body.items).toEqual([]);

      const shown = await request(app).get(letterPath('wsync.record', AWKWARD_ID));
      expect(shown.status).toBe(200);
      expect(shown.body).toEqual({ jobId: AWKWARD_ID, name: 'wsync.record',
        data: { vendor: 'oura', sourceKey: 'hr-7' }, kind: 'permanent',
        reason: `record ${AWKWARD_ID} fails its schema at /value`, attempts: 1, maxAttempts: 3,
        firstFailedAt: shown.body.firstFailedAt, lastFailedAt: shown.body.lastFailedAt });
      expect(Date.parse(shown.body.lastFailedAt)).not.toBeNaN();

      fixed = true;
      const replayed = await request(app).post(`${letterPath('wsync.record', AWKWARD_ID)}/replay`);
      expect([replayed.status, replayed.body]).toEqual([202, { replayed: true }]);
      await waitFor('the replayed job to run', () =>
        ran.filter((job) => job.id === AWKWARD_ID).length === 2);
      await pool.close();
      const replayedJob = ran.filter((job) => job.id === AWKWARD_ID)[1];
      expect(replayedJob).toMatchObject({ attempt: 1, maxAttempts: 3,
        data: { vendor: 'oura', sourceKey: 'hr-7' } });

      const gone = await request(app).get(letterPath('wsync.record', AWKWARD_ID));
      expect([gone.status, gone.body.code]).toEqual([404, 'DEAD_LETTER.NOT_FOUND']);
      const again = await request(app).post(`${letterPath('wsync.record', AWKWARD_ID)}/replay`);
      expect([again.status, again.body.code]).toEqual([404, 'DEAD_LETTER.NOT_FOUND']);
      expect((await state.deadLetters.list()).map((letter) => letter.jobId)).toEqual(['first:1']);
    });

  it('refuses a replay while the id is queued again (409) and removes a dead letter',
    async () => {
      const { pool } = failingPool(state, 'wsync.conflict', () => false);
      await state.queue.enqueue({ id: 'oura:40001:sleep:1', name: 'wsync.conflict', data: {} });
      await deadLetter(state, 'wsync.conflict', 'oura:40001:sleep:1');
      await pool.close();
      // No pool runs this name now, so the new job with the same id stays queued.
      const queued = await state.queue.enqueue({ id: 'oura:40001:sleep:1',
        name: 'wsync.conflict', data: { again: true } });
      expect(queued.added).toBe(true);

      const path = letterPath('wsync.conflict', 'oura:40001:sleep:1');
      const refused = await request(app).post(`${path}/replay`);
      expect([refused.status, refused.body.code]).toEqual([409, 'DEAD_LETTER.NOT_REPLAYED']);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await request(app).get(path)).status).toBe(200);

      const removed = await request(app).delete(path);
      expect([removed.status, removed.text]).toEqual([204, '']);
      expect(await state.deadLetters.get('wsync.conflict', 'oura:40001:sleep:1')).toBeUndefined();
      const twice = await request(app).delete(path);
      expect([twice.status, twice.body.code]).toEqual([404, 'DEAD_LETTER.NOT_FOUND']);

      const badName = await request(app).get(letterPath('no spaces', 'x'));
      expect([badName.status, badName.body.code]).toEqual([400, 'REQUEST.INVALID']);
    });
});
