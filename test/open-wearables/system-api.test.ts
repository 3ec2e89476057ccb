/**
 * Every operation of the Open Wearables system API through its mounted app, over HTTP to
 * the OW sandbox, with every response validated against the contract.
 */
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVITY, BASE, SLEEP, startOwHarness, TIMESERIES, type OwHarness,
} from './harness.ts';

const DAY = { start_time: '2026-03-10T00:00:00Z', end_time: '2026-03-11T00:00:00Z' };
const DATES = { start_date: '2026-03-10', end_date: '2026-03-11' };

describe('Open Wearables system API: reading whole collections', () => {
  let harness: OwHarness;

  beforeAll(async () => {
    harness = await startOwHarness({ sandbox: { pageSize: 2 } });
  });
  afterAll(() => harness.close());
  afterEach(() => {
    harness.sandbox.requests.length = 0;
  });

  it('listTimeseries follows next_cursor to the end: every sample once, in order', async () => {
    const response = await request(harness.app).get(`${BASE}/timeseries`).query(DAY).expect(200);

    expect(response.body.data).toEqual(TIMESERIES);
    expect(response.body.pagination).toEqual({ next_cursor: null, previous_cursor: null,
      has_more: false, total_count: TIMESERIES.length });
    const calls = harness.sandbox.requests;
    expect(calls).toHaveLength(Math.ceil(TIMESERIES.length / 2));
    expect(calls.every((call) => call.hasApiKey && call.query.limit === '100')).toBe(true);
    expect(calls[0].query.cursor).toBeUndefined();
    expect(new Set(calls.slice(1).map((call) => call.query.cursor)).size).toBe(calls.length - 1);
  });

  it('listTimeseries passes repeated types on and keeps the window half-open', async () => {
    const response = await request(harness.app).get(`${BASE}/timeseries`)
      .query({ start_time: '2026-03-09T23:22:04-07:00', end_time: '2026-03-10T15:04:12Z' })
      .query('types=heart_rate&types=heart_rate_variability_rmssd')
      .expect(200);

    // 23:22:04-07:00 is 06:22:04Z, so both 06:22:04Z samples are in; 15:04:12Z is not.
    expect(response.body.data.map((row: { type: string }) => row.type))
      .toEqual(['heart_rate', 'heart_rate_variability_rmssd']);
    expect(harness.sandbox.requests[0].query.types)
      .toEqual(['heart_rate', 'heart_rate_variability_rmssd']);
  });

  it('listTimeseries accepts a single types value', async () => {
    const response = await request(harness.app).get(`${BASE}/timeseries`)
      .query({ ...DAY, types: 'oxygen_saturation' }).expect(200);

    expect(response.body.data.map((row: { value: number }) => row.value)).toEqual([96.482, 0.97]);
  });

  it('listActivitySummaries returns every summary of the dates, end date exclusive', async () => {
    const response = await request(harness.app).get(`${BASE}/summaries/activity`)
      .query(DATES).expect(200);
    const none = await request(harness.app).get(`${BASE}/summaries/activity`)
      .query({ start_date: '2026-03-10', end_date: '2026-03-10' }).expect(200);

    expect(response.body.data).toEqual(ACTIVITY);
    expect(response.body.pagination.has_more).toBe(false);
    expect(none.body.data).toEqual([]);
  });

  it('listSleepEvents returns the sessions inside the window', async () => {
    const all = await request(harness.app).get(`${BASE}/events/sleep`).query(DATES).expect(200);
    const local = await request(harness.app).get(`${BASE}/events/sleep`)
      .query({ start_date: '2026-03-09T12:00:00-07:00', end_date: '2026-03-10T14:00:00-07:00' })
      .expect(200);

    expect(all.body.data).toEqual(SLEEP);
    // The night runs 23:12:04-07:00 to 06:58:34-07:00; the nap starts at 14:05:31-07:00.
    expect(local.body.data.map((session: { id: string }) => session.id)).toEqual([SLEEP[0].id]);
  });

  it('answers an empty collection for an OW user without data', async () => {
    const response = await request(harness.app)
      .get('/open-wearables/v1/users/00000000-0000-4000-8000-000000000000/events/sleep')
      .query(DATES).expect(200);

    expect(response.body).toEqual({ data: [], pagination: { next_cursor: null,
      previous_cursor: null, has_more: false, total_count: 0 } });
  });
});

describe('Open Wearables system API: requests it refuses itself', () => {
  let harness: OwHarness;

  beforeAll(async () => {
    harness = await startOwHarness();
  });
  afterAll(() => harness.close());

  it.each([
    ['a time without an offset', { start_time: '2026-03-10T00:00:00', end_time: DAY.end_time },
      '/query/start_time'],
    ['a missing end', { start_time: DAY.start_time }, '/query/end_time'],
    ['an end before the start', { start_time: DAY.end_time, end_time: DAY.start_time },
      '/query/end_time'],
  ])('rejects %s before calling OW', async (_case, query, pointer) => {
    const before = harness.sandbox.requests.length;
    const response = await request(harness.app).get(`${BASE}/timeseries`).query(query)
      .expect(400);

    expect(response.body.code).toBe('REQUEST.INVALID');
    expect(response.body.errors.map((error: { pointer: string }) => error.pointer))
      .toContain(pointer);
    expect(harness.sandbox.requests).toHaveLength(before);
  });

  it.each(['42', 'urn:uuid:5a1d0c3e-7b2f-4e8a-9c61-0d2b4f6a8e10'])('rejects the user id %s',
    async (userId) => {
      const response = await request(harness.app)
        .get(`/open-wearables/v1/users/${userId}/events/sleep`).query(DATES).expect(400);

      expect(response.body.errors[0].pointer).toBe('/params/user_id');
    });
});

describe('Open Wearables system API: OW failures become stable codes', () => {
  const harnesses: OwHarness[] = [];
  const start = async (options: Parameters<typeof startOwHarness>[0]) => {
    const harness = await startOwHarness(options);
    harnesses.push(harness);
    return harness;
  };
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
  });

  it('maps OW 401 (a wrong API key) to 502 OW.AUTH_FAILED', async () => {
    const { app, sandbox } = await start({ ow: { apiKey: 'sk-wrong' } });
    const response = await request(app).get(`${BASE}/timeseries`).query(DAY).expect(502);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('OW.AUTH_FAILED');
    expect(sandbox.requests[0].status).toBe(401);
  });

  it('maps OW 422 to 400 OW.BAD_REQUEST, pointing at the rejected value', async () => {
    const { app, sandbox } = await start({});
    const response = await request(app).get(`${BASE}/timeseries`)
      .query('types=heart_rate&types=not_a_series')
      .query(DAY).expect(400);

    expect(sandbox.requests[0].status).toBe(422);
    expect(response.body.code).toBe('OW.BAD_REQUEST');
    expect(response.body.errors).toEqual([{ pointer: '/query/types/1',
      detail: 'Open Wearables did not accept this value' }]);
  });

  it('maps an OW 429 burst to 503 UPSTREAM.RATE_LIMITED with OW\'s Retry-After', async () => {
    const { app, sandbox } = await start({ sandbox: { pageSize: 2,
      faults: [{ status: 429, count: 2, after: 1, retryAfterSeconds: 7 }] } });
    const response = await request(app).get(`${BASE}/timeseries`).query(DAY).expect(503);

    expect(response.headers['retry-after']).toBe('7');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'UPSTREAM.RATE_LIMITED', status: 503,
      instance: `${BASE}/timeseries` });
    expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
    // The first page was read, the second refused; nothing was returned half-done.
    expect(sandbox.requests.map((call) => call.status)).toEqual([200, 429]);

    const retry = await request(app).get(`${BASE}/timeseries`).query(DAY).expect(503);
    const after = await request(app).get(`${BASE}/timeseries`).query(DAY).expect(200);
    expect(retry.body.code).toBe('UPSTREAM.RATE_LIMITED');
    expect(after.body.data).toEqual(TIMESERIES);
  });

  it('sends no Retry-After when OW gave none', async () => {
    const { app } = await start({ sandbox: {
      faults: [{ status: 429, count: 1, retryAfterSeconds: null }] } });
    const response = await request(app).get(`${BASE}/events/sleep`).query(DATES).expect(503);

    expect(response.headers['retry-after']).toBeUndefined();
    expect(response.body.code).toBe('UPSTREAM.RATE_LIMITED');
  });

  it('maps an OW 500 to 502 UPSTREAM.FAILED', async () => {
    const { app } = await start({ sandbox: { faults: [{ status: 500, count: 1 }] } });
    const response = await request(app).get(`${BASE}/summaries/activity`).query(DATES)
      .expect(502);

    expect(response.body.code).toBe('UPSTREAM.FAILED');
    expect(response.body.detail).toBeUndefined();
  });

  it('maps an OW 404 to 404 OW.NOT_FOUND', async () => {
    const sandboxOnly = await start({});
    const { app } = await start({ ow: { baseUrl: `${sandboxOnly.sandbox.url}/not-ow` } });
    const response = await request(app).get(`${BASE}/events/sleep`).query(DATES).expect(404);

    expect(response.body.code).toBe('OW.NOT_FOUND');
  });

  it('fails with OW.TOO_MANY_PAGES instead of returning part of the window', async () => {
    const { app, sandbox } = await start({ sandbox: { pageSize: 2 }, ow: { maxPages: 4 } });
    const response = await request(app).get(`${BASE}/timeseries`).query(DAY).expect(400);

    expect(response.body.code).toBe('OW.TOO_MANY_PAGES');
    expect(response.body.data).toBeUndefined();
    expect(sandbox.requests).toHaveLength(4);
  });

  it('reads a window that needs exactly the page cap', async () => {
    const pages = Math.ceil(TIMESERIES.length / 2);
    const { app } = await start({ sandbox: { pageSize: 2 }, ow: { maxPages: pages } });
    const response = await request(app).get(`${BASE}/timeseries`).query(DAY).expect(200);

    expect(response.body.data).toEqual(TIMESERIES);
  });
});
