import { afterEach, describe, expect, it } from 'vitest';
import { ouraError } from '../../system-apis/oura/oura-errors.ts';
import { retryAfterMs } from '../../shared/http/retry-after.ts';
import { connect, PATIENT, startOuraHarness, type OuraHarness } from './harness.ts';

const HEART_RATE = `/oura/v1/patients/${PATIENT}/heartrate`;
const WINDOW = { start_datetime: '2026-03-10T00:00:00Z', end_datetime: '2026-03-11T00:00:00Z' };

let harness: OuraHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function connected(options: Parameters<typeof startOuraHarness>[0] = {}) {
  harness = await startOuraHarness(options);
  await connect(harness);
  return harness;
}

describe('Oura 429', () => {
  it('becomes 503 UPSTREAM.RATE_LIMITED with Oura\'s Retry-After passed on', async () => {
    const h = await connected();
    // The second page is refused: a pull can be stopped half-way.
    h.sandbox.faults.inject({ path: '/heartrate', status: 429, retryAfterSeconds: 7, after: 1 });

    const answer = await h.api().get(HEART_RATE).query(WINDOW);

    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.headers['retry-after']).toBe('7');
    expect(answer.body).toMatchObject({ code: 'UPSTREAM.RATE_LIMITED', status: 503,
      correlationId: expect.any(String) });
    expect(h.sandbox.requests.forPath('/heartrate').map((entry) => entry.status))
      .toEqual([200, 429]);
  });

  it('comes from the sandbox\'s own per-token limit too', async () => {
    let now = Date.now();
    const h = await connected({ sandbox: { rateLimit: { requests: 2, windowMs: 60_000 },
      now: () => now } });
    const sleep = () => h.api().get(`/oura/v1/patients/${PATIENT}/sleep`)
      .query({ start_date: '2026-03-10', end_date: '2026-03-11' });

    const first = [(await sleep()).status, (await sleep()).status];
    now += 20_000;
    const third = await sleep();
    const otherToken = await fetch(`${h.sandbox.url}/v2/usercollection/sleep`,
      { headers: { authorization: 'Bearer oura-sandbox-token' } });

    expect(first).toEqual([200, 200]);
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('40');
    expect(otherToken.status).toBe(200);
  });

  it('is answered without Retry-After when Oura sent none', async () => {
    const h = await connected();
    h.sandbox.faults.inject({ path: '/heartrate', status: 429 });

    const answer = await h.api().get(HEART_RATE).query(WINDOW);

    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBeUndefined();
  });

  it('carries the wait as retryAfterMs, for job runners', () => {
    const error = ouraError({ status: 429, headers: { 'retry-after': '7' }, body: {} });

    expect(error).toMatchObject({ code: 'UPSTREAM.RATE_LIMITED', status: 503,
      retryAfterMs: 7000, headers: { 'Retry-After': '7' } });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');

    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 10 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 10 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('other Oura errors', () => {
  it.each([
    [400, 400, 'OURA.BAD_REQUEST'],
    [422, 400, 'OURA.BAD_REQUEST'],
    [403, 403, 'OURA.FORBIDDEN'],
    [404, 502, 'OURA.ROUTE_NOT_FOUND'],
    [500, 502, 'UPSTREAM.FAILED'],
  ])('Oura %i becomes %i %s', async (ouraStatus, status, code) => {
    const h = await connected();
    h.sandbox.faults.inject({ path: '/heartrate', status: ouraStatus, detail: 'secret words' });

    const answer = await h.api().get(HEART_RATE).query(WINDOW);

    expect([answer.status, answer.body.code]).toEqual([status, code]);
    // Oura's own words stay in the log.
    expect(JSON.stringify(answer.body)).not.toContain('secret words');
  });

  it('a call that outlasts the timeout becomes 504 UPSTREAM.TIMEOUT', async () => {
    const h = await connected({ timeoutMs: 200 });
    h.sandbox.faults.inject({ path: '/heartrate', delayMs: 1_000 });

    const answer = await h.api().get(HEART_RATE).query(WINDOW);

    expect([answer.status, answer.body.code]).toEqual([504, 'UPSTREAM.TIMEOUT']);
  });

  it('a token request that outlasts the timeout becomes 504 UPSTREAM.TIMEOUT', async () => {
    const h = await connected({ timeoutMs: 200 });
    h.sandbox.faults.inject({ path: '/oauth/token', delayMs: 1_000 });

    const answer = await h.api().post(`/oura/v1/patients/${PATIENT}/connection/refresh`);

    expect([answer.status, answer.body.code]).toEqual([504, 'UPSTREAM.TIMEOUT']);
  });

  it('the default token refused becomes 502 OURA.AUTH_FAILED without a renewal', async () => {
    harness = await startOuraHarness();
    harness.sandbox.faults.inject({ path: '/sleep', status: 401 });

    const answer = await harness.api().get('/oura/v1/sleep')
      .query({ start_date: '2026-03-10', end_date: '2026-03-11' });

    expect([answer.status, answer.body.code]).toEqual([502, 'OURA.AUTH_FAILED']);
    expect(harness.sandbox.requests.forPath('/oauth/token')).toHaveLength(0);
  });
});
