/**
 * The Open Wearables sandbox's `/_sandbox` control API, driven over HTTP as a test in
 * another process would drive it: faults, a user's rows, the request log, the page cap.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/logging/logger.ts';
import {
  DEFAULT_SANDBOX_API_KEY, SANDBOX_USER_ID,
} from '../../sandbox/open-wearables/app.ts';
import { startOpenWearablesSandbox } from '../../sandbox/open-wearables/server.ts';
import { sandboxPerFile } from './sandbox-control.ts';

const OTHER_USER = '0b6f7a52-3c1d-4e9f-8a27-5d4c3b2a1f00';

const { baseUrl, control } = sandboxPerFile(
  () => startOpenWearablesSandbox({ logger: silentLogger() }), 4);

function timeseries(query: Record<string, string>, user = SANDBOX_USER_ID,
  signal?: AbortSignal) {
  const url = new URL(`${baseUrl()}/api/v1/users/${user}/timeseries`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return fetch(url, { headers: { 'X-Open-Wearables-API-Key': DEFAULT_SANDBOX_API_KEY },
    signal });
}

/** Every row of a timeseries window, following next_cursor; also the page count. */
async function allSamples(query: Record<string, string>, user = SANDBOX_USER_ID) {
  const rows: Record<string, unknown>[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const response = await timeseries(cursor ? { ...query, cursor } : query, user);
    expect(response.status).toBe(200);
    const page = await response.json();
    rows.push(...page.data);
    cursor = page.pagination.next_cursor;
    pages += 1;
  } while (cursor !== null && pages < 10_000);
  return { rows, pages };
}

const MAY_FIRST = { start_time: '2026-05-01T00:00:00Z', end_time: '2026-05-02T00:00:00Z',
  limit: '100' };

const sample = (timestamp: string, value: number) => ({ timestamp, zone_offset: null,
  type: 'heart_rate', value, unit: 'bpm', source: { provider: 'oura' } });

describe('Open Wearables sandbox control: faults over HTTP', () => {
  it('fails the next N matching calls in OW\'s shapes, then serves again', async () => {
    await control('POST', '/faults', [
      { path: '/timeseries', status: 429, retryAfterSeconds: 2, times: 1 },
      { path: '/timeseries', status: 500, times: 1 },
    ]);
    const limited = await timeseries(MAY_FIRST);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({ detail: 'Scripted sandbox fault (429)' });
    const crashed = await timeseries(MAY_FIRST);
    expect(crashed.status).toBe(500);
    expect(await crashed.text()).toBe('Internal Server Error');
    expect((await timeseries(MAY_FIRST)).status).toBe(200);
    expect((await control('GET', '/faults')).body).toEqual({ faults: [] });
  });

  it('holds a call back long enough for a caller to give up, then serves the next',
    async () => {
      await control('POST', '/faults', { path: '/timeseries', delayMs: 1_500 });
      await expect(timeseries(MAY_FIRST, SANDBOX_USER_ID, AbortSignal.timeout(100)))
        .rejects.toThrow();
      expect((await timeseries(MAY_FIRST)).status).toBe(200);
    });

  it('refuses a malformed fault with a 400 that names the problem', async () => {
    expect(await control('POST', '/faults', { status: 429, after: -1 })).toEqual({ status: 400,
      body: { detail: 'Fault field "after" must be a whole number, 0 or more' } });
    expect((await control('POST', '/faults', { count: 2 })).body)
      .toEqual({ detail: 'Unknown fault field "count"' });
  });
});

describe('Open Wearables sandbox control: rows over HTTP', () => {
  it('replaces and appends a user\'s timeseries, served with windows and cursors',
    async () => {
      const first = [sample('2026-05-01T10:00:00Z', 70), sample('2026-05-01T02:00:00-04:00', 64),
        sample('2026-05-02T00:00:00Z', 99)];
      const set = await control('PUT', '/data/timeseries', { user: OTHER_USER, data: first });
      expect(set).toEqual({ status: 200,
        body: { collection: 'timeseries', user: OTHER_USER, total: 3 } });
      await control('POST', '/data/timeseries',
        { user: OTHER_USER.toUpperCase(), data: [sample('2026-05-01T03:00:00Z', 66)] });
      await control('PUT', '/settings', { pageSize: 1 });

      const { rows, pages } = await allSamples(MAY_FIRST, OTHER_USER);
      // 02:00-04:00 is 06:00Z; the row at the window's end is out.
      expect(rows.map((row) => row.value)).toEqual([66, 64, 70]);
      expect(pages).toBe(3);
      // The sandbox user's sample rows are untouched.
      const own = await allSamples({ ...MAY_FIRST, start_time: '2026-03-01T00:00:00Z' });
      expect(own.rows.length).toBeGreaterThan(0);
    });

  it('generates 20,000 samples, served whole through windows and cursors', async () => {
    const made = await control('POST', '/data/timeseries/generate',
      { start: '2026-04-01T00:00:00Z', end: '2026-05-12T16:00:00Z', everySeconds: 180 });
    expect(made).toEqual({ status: 201, body: { collection: 'timeseries',
      user: SANDBOX_USER_ID, generated: 20_000, total: 20_000 } });
    await control('PUT', '/settings', { pageSize: 100 });

    const { rows, pages } = await allSamples({ start_time: '2026-04-10T00:00:00Z',
      end_time: '2026-04-11T00:00:00Z', limit: '100' });
    // Three-minute samples: 480 in a day; sample 4,320 is the first of the tenth.
    expect(rows).toHaveLength(480);
    expect(pages).toBe(5);
    expect(rows[0]).toMatchObject({ timestamp: '2026-04-10T00:00:00Z', type: 'heart_rate',
      value: 60 + (4_320 % 40), unit: 'bpm' });
    expect(rows.at(-1)?.timestamp).toBe('2026-04-10T23:57:00Z');
  });

  it('refuses unreadable rows, unknown collections and bad users with a 400', async () => {
    const bad = await control('PUT', '/data/timeseries',
      { data: [sample('2026-05-01T10:00:00Z', 1), { value: 2 }] });
    expect(bad).toEqual({ status: 400, body: { detail: 'timeseries row 1 has an unreadable '
      + 'timestamp (an ISO 8601 date-time or date)' } });
    expect((await control('PUT', '/data/sleep', { data: [] })).body.detail)
      .toBe('Unknown collection "sleep"; one of timeseries, summaries_activity, events_sleep');
    expect((await control('PUT', '/data/timeseries', { user: '40001', data: [] })).body)
      .toEqual({ detail: '"user" must be an OW user id (a UUID)' });
    expect((await control('POST', '/data/timeseries/generate',
      { start: '2026-04-01', end: '2026-04-02', everySeconds: 60, type: 'steps' })).body)
      .toEqual({ detail: 'value is needed for steps' });
  });
});

describe('Open Wearables sandbox control: request log over HTTP', () => {
  it('lists the vendor calls, not the control calls, and can be cleared', async () => {
    await timeseries(MAY_FIRST);
    await control('GET', '/faults');

    const logged = await control('GET', '/requests?path=/timeseries');
    expect(logged.body.requests).toEqual([{ method: 'GET',
      path: `/api/v1/users/${SANDBOX_USER_ID}/timeseries`, query: MAY_FIRST, hasApiKey: true,
      status: 200 }]);
    expect(JSON.stringify(logged.body)).not.toContain(DEFAULT_SANDBOX_API_KEY);
    await control('DELETE', '/requests');
    expect((await control('GET', '/requests')).body).toEqual({ requests: [] });
  });
});
