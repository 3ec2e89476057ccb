import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.ts';
import { createOuraSandbox, DEFAULT_SANDBOX_TOKEN } from '../../sandbox/oura/app.ts';
import { encodePageToken } from '../../sandbox/oura/page-token.ts';
import { startOuraSandbox } from '../../sandbox/oura/server.ts';

const AUTH = `Bearer ${DEFAULT_SANDBOX_TOKEN}`;
const HEART_RATE = '/v2/usercollection/heartrate';
const SLEEP = '/v2/usercollection/sleep';

interface Page {
  data: Record<string, unknown>[];
  next_token: string | null;
}

function sampleRows(file: string): Record<string, unknown>[] {
  const url = new URL(`../../sandbox/oura/data/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as Page).data;
}

const heartRateRows = sampleRows('constructed_heartrate_response.json');
const sleepPeriods = sampleRows('constructed_sleep_response.json');

function get(app: ReturnType<typeof createOuraSandbox>, path: string, query = {}) {
  return request(app).get(path).query(query).set('Authorization', AUTH);
}

/** Follows next_token to the end and returns every page. */
async function allPages(app: ReturnType<typeof createOuraSandbox>, path: string, query = {}) {
  const pages: Page[] = [];
  let token: string | null = null;
  do {
    const response = await get(app, path, token ? { ...query, next_token: token } : query);
    expect(response.status).toBe(200);
    pages.push(response.body as Page);
    token = (response.body as Page).next_token;
  } while (token !== null && pages.length < 100);
  return pages;
}

describe('Oura sandbox paging', () => {
  it('returns every heart-rate row exactly once, in order, over several pages', async () => {
    const pages = await allPages(createOuraSandbox(), HEART_RATE);

    expect(pages.map((page) => page.data.length)).toEqual([10, 10, 1]);
    expect(pages.flatMap((page) => page.data)).toEqual(heartRateRows);
    expect(pages.at(-1)?.next_token).toBeNull();
  });

  it('honours pageSize, down to one row per page', async () => {
    const pages = await allPages(createOuraSandbox({ pageSize: 1 }), SLEEP);

    expect(pages).toHaveLength(sleepPeriods.length);
    expect(pages.flatMap((page) => page.data)).toEqual(sleepPeriods);
  });

  it('issues opaque string tokens and null on the last page', async () => {
    const [first] = await allPages(createOuraSandbox(), HEART_RATE);

    expect(first.next_token).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('answers 400 to a token it did not issue', async () => {
    for (const token of ['not-a-token', encodePageToken(10) + 'x', encodePageToken(999)]) {
      const response = await get(createOuraSandbox(), HEART_RATE, { next_token: token });

      expect(response.status).toBe(400);
      expect(response.body).toEqual({ detail: expect.stringContaining('next_token') });
    }
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => createOuraSandbox({ pageSize: 0 })).toThrow(TypeError);
  });
});

describe('Oura sandbox heart-rate window', () => {
  it('includes the start instant and excludes the end instant', async () => {
    const [page] = await allPages(createOuraSandbox(), HEART_RATE, {
      start_datetime: '2026-03-10T06:27:04+00:00',
      end_datetime: '2026-03-10T06:37:04+00:00',
    });

    expect(page.data.map((row) => row.timestamp)).toEqual([
      '2026-03-10T06:27:04+00:00',
      '2026-03-10T06:32:04+00:00',
    ]);
  });

  it('compares instants, not strings, across offsets', async () => {
    // 23:27:04-07:00 on the 9th is 06:27:04Z on the 10th; as text it would sort first.
    const [page] = await allPages(createOuraSandbox(), HEART_RATE, {
      start_datetime: '2026-03-09T23:27:04-07:00',
      end_datetime: '2026-03-10T07:37:04.000+01:00',
    });

    expect(page.data.map((row) => row.timestamp)).toEqual([
      '2026-03-10T06:27:04+00:00',
      '2026-03-10T06:32:04+00:00',
    ]);
  });

  it('pages through a filtered listing with the same parameters', async () => {
    const query = { start_datetime: '2026-03-10T07:00:00Z' };

    const pages = await allPages(createOuraSandbox({ pageSize: 4 }), HEART_RATE, query);

    const later = heartRateRows.filter((row) => String(row.timestamp) >= '2026-03-10T07:00');
    expect(pages.flatMap((page) => page.data)).toEqual(later);
    expect(pages.map((page) => page.data.length)).toEqual([4, 4, 4, 1]);
  });

  it.each([
    ['no offset', { start_datetime: '2026-03-10T06:00:00' }],
    ['a date only', { end_datetime: '2026-03-10' }],
    ['an impossible day', { start_datetime: '2026-02-30T00:00:00Z' }],
    ['an unencoded "+" (read as a space)', { start_datetime: '2026-03-10T06:00:00 00:00' }],
    ['start after end', {
      start_datetime: '2026-03-11T00:00:00Z', end_datetime: '2026-03-10T00:00:00Z',
    }],
  ])('answers 400 to %s', async (_, query) => {
    const response = await get(createOuraSandbox(), HEART_RATE, query);

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ detail: expect.stringMatching(/_datetime/) });
  });
});

describe('Oura sandbox sleep window', () => {
  it('selects periods by their Oura day, start inclusive and end exclusive', async () => {
    const query = (start_date: string, end_date: string) => ({ start_date, end_date });
    const app = createOuraSandbox();

    const [sameDay] = await allPages(app, SLEEP, query('2026-03-10', '2026-03-10'));
    const [dayAfter] = await allPages(app, SLEEP, query('2026-03-10', '2026-03-11'));
    const [before] = await allPages(app, SLEEP, query('2026-03-01', '2026-03-10'));

    expect(sameDay.data).toEqual([]);
    expect(dayAfter.data).toEqual(sleepPeriods);
    expect(before.data).toEqual([]);
  });

  it('reads a date-time end on the wall clock, so T23:59:59 keeps that day', async () => {
    const [page] = await allPages(createOuraSandbox(), SLEEP, {
      start_date: '2026-03-10',
      end_date: '2026-03-10T23:59:59',
    });

    expect(page.data).toEqual(sleepPeriods);
  });

  it('answers 400 to a date it cannot read', async () => {
    const response = await get(createOuraSandbox(), SLEEP, { start_date: '10/03/2026' });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ detail: expect.stringContaining('start_date') });
  });
});

describe('Oura sandbox authorisation', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer someone-elses-token'],
    ['another scheme', `Basic ${DEFAULT_SANDBOX_TOKEN}`],
  ])('answers 401 with an Oura-like detail to %s', async (_, header) => {
    const call = request(createOuraSandbox()).get(SLEEP);
    const response = await (header ? call.set('Authorization', header) : call);

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: expect.any(String) });
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('accepts the token it was configured with, and only that one', async () => {
    const app = createOuraSandbox({ accessToken: 'configured' });

    const accepted = await request(app).get(SLEEP).set('Authorization', 'Bearer configured');
    const refused = await request(app).get(SLEEP).set('Authorization', AUTH);

    expect(accepted.status).toBe(200);
    expect(refused.status).toBe(401);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await get(createOuraSandbox(), '/v2/usercollection/tag');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: 'Not Found' });
  });
});

describe('startOuraSandbox', () => {
  it('listens on 127.0.0.1 and warns that it serves sample data', async () => {
    const lines = new PassThrough();
    const logged: string[] = [];
    lines.on('data', (chunk: Buffer) => logged.push(chunk.toString('utf8')));
    const sandbox = await startOuraSandbox({ logger: createLogger({ destination: lines }) });

    try {
      const response = await fetch(`${sandbox.url}${SLEEP}`, { headers: { Authorization: AUTH } });

      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(response.status).toBe(200);
      const warning = logged.map((line) => JSON.parse(line)).find((entry) => entry.level === 40);
      expect(warning?.msg).toMatch(/Oura SANDBOX.*sample data/);
    } finally {
      await sandbox.close();
    }
  });
});
