import { afterEach, describe, expect, it } from 'vitest';
import { tokenDigest } from '../../sandbox/oura/request-log.ts';
import { connect, PATIENT, startOuraHarness, storedTokens, type OuraHarness } from './harness.ts';

const DAY_MS = 86_400_000;
const SLEEP = `/oura/v1/patients/${PATIENT}/sleep`;
const SLEEP_WINDOW = { start_date: '2026-03-10', end_date: '2026-03-11' };

let harness: OuraHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const refreshGrants = (h: OuraHarness) => h.sandbox.requests.forPath('/oauth/token')
  .filter((entry) => entry.grantType === 'refresh_token');

describe('token renewal before expiry', () => {
  it('renews once for 10 concurrent collection calls, and all of them use the new token',
    async () => {
      harness = await startOuraHarness();
      await connect(harness);
      const before = await storedTokens(harness);
      // Four minutes before expiry: inside the five-minute margin.
      harness.clock.advance(DAY_MS - 240_000);
      harness.sandbox.requests.clear();

      const answers = await Promise.all(Array.from({ length: 10 },
        () => harness!.api().get(SLEEP).query(SLEEP_WINDOW)));

      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
      expect(refreshGrants(harness)).toHaveLength(1);
      expect(refreshGrants(harness)[0].status).toBe(200);
      const after = await storedTokens(harness);
      expect(after.accessToken).not.toBe(before.accessToken);
      expect(after.refreshToken).not.toBe(before.refreshToken);
      const used = harness.sandbox.requests.forPath('/sleep').map((entry) => entry.tokenDigest);
      expect(used).toHaveLength(10);
      expect(new Set(used)).toEqual(new Set([tokenDigest(after.accessToken)]));
    });

  it('does not renew a token that is outside the margin', async () => {
    harness = await startOuraHarness();
    await connect(harness);
    harness.clock.advance(DAY_MS - 301_000);

    await harness.api().get(SLEEP).query(SLEEP_WINDOW).expect(200);

    expect(refreshGrants(harness)).toHaveLength(0);
  });

  it('keeps using the current token when a renewal fails but the token is still valid',
    async () => {
      harness = await startOuraHarness();
      await connect(harness);
      const before = await storedTokens(harness);
      harness.clock.advance(DAY_MS - 240_000);
      harness.sandbox.faults.inject({ path: '/oauth/token', status: 503 });

      const answer = await harness.api().get(SLEEP).query(SLEEP_WINDOW);

      expect(answer.status).toBe(200);
      expect((await storedTokens(harness)).accessToken).toBe(before.accessToken);
    });
});

describe('refreshOuraConnection', () => {
  it('renews now and answers the connection with its new expiry, without tokens', async () => {
    harness = await startOuraHarness();
    await connect(harness);
    const before = await storedTokens(harness);
    harness.clock.advance(3_600_000);

    const answer = await harness.api().post(`/oura/v1/patients/${PATIENT}/connection/refresh`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ patientId: PATIENT, status: 'connected' });
    expect(Date.parse(answer.body.expiresAt)).toBe(harness.clock.now() + DAY_MS);
    expect((await storedTokens(harness)).accessToken).not.toBe(before.accessToken);
  });

  it('shares one renewal between calls that arrive while it is under way', async () => {
    harness = await startOuraHarness();
    await connect(harness);
    // Holds the renewal long enough for every call to arrive while it is in flight.
    harness.sandbox.faults.inject({ path: '/oauth/token', delayMs: 400 });

    const answers = await Promise.all(Array.from({ length: 5 }, () =>
      harness!.api().post(`/oura/v1/patients/${PATIENT}/connection/refresh`)));

    expect(answers.map((answer) => answer.status)).toEqual(Array(5).fill(200));
    expect(refreshGrants(harness)).toHaveLength(1);
  });

  it('marks the connection broken and answers 409 when Oura refuses the refresh token',
    async () => {
      harness = await startOuraHarness();
      await connect(harness);
      const { refreshToken } = await storedTokens(harness);
      // The patient revoked the app at Oura.
      await fetch(`${harness.sandbox.url}/oauth/revoke`, { method: 'POST',
        body: new URLSearchParams({ token: refreshToken! }) });

      const answer = await harness.api().post(`/oura/v1/patients/${PATIENT}/connection/refresh`);
      const status = await harness.api().get(`/oura/v1/patients/${PATIENT}/connection`);
      const rows = await harness.api().get(SLEEP).query(SLEEP_WINDOW);

      expect([answer.status, answer.body.code]).toEqual([409, 'OURA.NOT_CONNECTED']);
      expect(status.body).toMatchObject({ status: 'error', lastError: expect.any(String) });
      expect([rows.status, rows.body.code]).toEqual([409, 'OURA.NOT_CONNECTED']);
    });
});

describe('a 401 on a patient token', () => {
  it('renews once and retries with the new token', async () => {
    harness = await startOuraHarness();
    await connect(harness);
    harness.sandbox.faults.inject({ path: '/sleep', status: 401 });

    const answer = await harness.api().get(SLEEP).query(SLEEP_WINDOW);

    expect(answer.status).toBe(200);
    expect(answer.body.data).toHaveLength(3);
    expect(refreshGrants(harness)).toHaveLength(1);
    const { accessToken } = await storedTokens(harness);
    expect(harness.sandbox.requests.forPath('/sleep').map((entry) => entry.status))
      .toEqual([401, 200]);
    expect(harness.sandbox.requests.forPath('/sleep')[1].tokenDigest)
      .toBe(tokenDigest(accessToken));
  });

  it('answers 502 OURA.AUTH_FAILED when the renewed token is refused too', async () => {
    harness = await startOuraHarness();
    await connect(harness);
    harness.sandbox.faults.inject({ path: '/sleep', status: 401, times: 2 });

    const answer = await harness.api().get(SLEEP).query(SLEEP_WINDOW);

    expect([answer.status, answer.body.code]).toEqual([502, 'OURA.AUTH_FAILED']);
    expect(refreshGrants(harness)).toHaveLength(1);
    expect(harness.sandbox.requests.forPath('/sleep')).toHaveLength(2);
  });

  it('is renewed from the refresh token when the sandbox has expired the access token',
    async () => {
      let sandboxNow = Date.now();
      harness = await startOuraHarness({ sandbox: { now: () => sandboxNow } });
      await connect(harness);
      sandboxNow += DAY_MS + 1000;

      const answer = await harness.api().get(SLEEP).query(SLEEP_WINDOW);

      expect(answer.status).toBe(200);
      expect(refreshGrants(harness)).toHaveLength(1);
    });
});
