/**
 * The Open Wearables sandbox on its own: OW's query semantics, paging, error shapes and the
 * fault injection the system API tests rely on.
 */
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.ts';
import {
  createOpenWearablesSandbox, DEFAULT_SANDBOX_API_KEY, SANDBOX_USER_ID,
  type OpenWearablesSandboxOptions,
} from '../../sandbox/open-wearables/app.ts';
import { encodeCursor } from '../../sandbox/open-wearables/cursor.ts';
import type { SandboxRequest } from '../../sandbox/open-wearables/request-log.ts';
import { startOpenWearablesSandbox } from '../../sandbox/open-wearables/server.ts';
import { ACTIVITY, SLEEP, TIMESERIES } from './harness.ts';

const USER = `/api/v1/users/${SANDBOX_USER_ID}`;
const DAY = { start_time: '2026-03-10T00:00:00Z', end_time: '2026-03-11T00:00:00Z' };
const DATES = { start_date: '2026-03-10', end_date: '2026-03-11' };

type App = ReturnType<typeof createOpenWearablesSandbox>;

interface Page {
  data: Record<string, unknown>[];
  pagination: { next_cursor: string | null; has_more: boolean; total_count: number };
  metadata: { sample_count: number; start_time: string; end_time: string };
}

function get(app: App, path: string, query: Record<string, unknown> | string = {}) {
  return request(app).get(path).query(query).set('X-Open-Wearables-API-Key',
    DEFAULT_SANDBOX_API_KEY);
}

/** Follows next_cursor while has_more, as a client should, and returns every page. */
async function allPages(app: App, path: string, query: Record<string, unknown>) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const response: request.Response = await get(app, path,
      cursor ? { ...query, cursor } : query).expect(200);
    pages.push(response.body as Page);
    cursor = (response.body as Page).pagination.next_cursor;
  } while ((pages.at(-1) as Page).pagination.has_more && pages.length < 50);
  return pages;
}

const sandbox = (options: OpenWearablesSandboxOptions = {}) => createOpenWearablesSandbox(options);

describe('Open Wearables sandbox paging', () => {
  it('hands out every sample once, in order, over pages of pageSize', async () => {
    const pages = await allPages(sandbox({ pageSize: 2 }), `${USER}/timeseries`, DAY);

    expect(pages.map((page) => page.data.length)).toEqual([2, 2, 2, 2, 1]);
    expect(pages.flatMap((page) => page.data)).toEqual(TIMESERIES);
    expect(pages.map((page) => page.pagination.has_more)).toEqual([true, true, true, true, false]);
    expect(pages.at(-1)?.pagination.next_cursor).toBeNull();
    expect(pages.every((page) => page.pagination.total_count === TIMESERIES.length)).toBe(true);
  });

  it('serves limit rows per page when that is fewer than pageSize', async () => {
    const pages = await allPages(sandbox({ pageSize: 50 }), `${USER}/events/sleep`,
      { ...DATES, limit: 1 });

    expect(pages.map((page) => page.data.length)).toEqual([1, 1]);
    expect(pages.flatMap((page) => page.data)).toEqual(SLEEP);
  });

  it('fills pages up to limit 50 by default', async () => {
    const response = await get(sandbox({ pageSize: 100 }), `${USER}/timeseries`, DAY);

    expect(response.body.data).toHaveLength(TIMESERIES.length);
    expect(response.body.metadata).toEqual({ resolution: null,
      sample_count: TIMESERIES.length, start_time: DAY.start_time, end_time: DAY.end_time });
  });

  it('lists activity summaries newest first with sort_order=desc, paging included', async () => {
    const pages = await allPages(sandbox({ pageSize: 1 }), `${USER}/summaries/activity`,
      { ...DATES, sort_order: 'desc' });

    expect(pages.flatMap((page) => page.data)).toEqual([...ACTIVITY].reverse());
  });

  it('issues opaque cursors and refuses one it did not issue with a 400', async () => {
    const first = await get(sandbox({ pageSize: 2 }), `${USER}/timeseries`, DAY);
    const forged = await get(sandbox(), `${USER}/timeseries`,
      { ...DAY, cursor: `${first.body.pagination.next_cursor}x` });

    expect(first.body.pagination.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(forged.status).toBe(400);
    expect(forged.body).toEqual({ detail: expect.any(String) });
  });

  it('resumes after the cursor\'s row even when the window changes', async () => {
    const lastServed = { at: Date.parse('2026-03-10T06:22:04Z'), row: 2 };
    const response = await get(sandbox({ pageSize: 1 }), `${USER}/timeseries`,
      { ...DAY, cursor: encodeCursor(lastServed) });

    expect(response.body.data).toEqual([TIMESERIES[3]]);
  });
});

describe('Open Wearables sandbox filters', () => {
  const app = sandbox({ pageSize: 100 });
  const types = (page: Page) => page.data.map((row) => row.type);

  it('keeps timeseries samples with start_time <= timestamp < end_time', async () => {
    const response = await get(app, `${USER}/timeseries`,
      { start_time: '2026-03-10T06:22:04Z', end_time: '2026-03-10T11:00:00Z' });

    expect(types(response.body)).toEqual(['heart_rate', 'heart_rate_variability_rmssd',
      'skin_temperature_deviation']);
  });

  it('compares bounds as instants, whatever their offset or form', async () => {
    const local = await get(app, `${USER}/timeseries`,
      { start_time: '2026-03-09T23:22:04-07:00', end_time: '2026-03-10T04:00:00-07:00' });
    const unix = await get(app, `${USER}/timeseries`,
      { start_time: String(Date.parse('2026-03-10T06:22:04Z') / 1000),
        end_time: '2026-03-10T11:00:00' });

    expect(types(local.body)).toEqual(types(unix.body));
    expect(local.body.data).toHaveLength(3);
  });

  it('keeps only the repeated types asked for', async () => {
    const response = await get(app, `${USER}/timeseries`,
      'types=steps&types=oxygen_saturation').query(DAY);

    expect(types(response.body)).toEqual(['oxygen_saturation', 'steps', 'oxygen_saturation']);
  });

  it('treats end_date as exclusive for activity summaries', async () => {
    const same = await get(app, `${USER}/summaries/activity`,
      { start_date: '2026-03-10', end_date: '2026-03-10' });
    const next = await get(app, `${USER}/summaries/activity`, DATES);
    const before = await get(app, `${USER}/summaries/activity`,
      { start_date: '2026-03-09', end_date: '2026-03-10' });

    expect([same.body.data, next.body.data, before.body.data]).toEqual([[], ACTIVITY, []]);
  });

  it('keeps sleep sessions that start at or after start_date and end before end_date', async () => {
    const napEnd = '2026-03-10T21:45:31Z';
    const upToNapEnd = await get(app, `${USER}/events/sleep`,
      { start_date: '2026-03-10', end_date: napEnd });
    const pastNapEnd = await get(app, `${USER}/events/sleep`,
      { start_date: '2026-03-10T06:12:04Z', end_date: '2026-03-10T21:45:32Z' });

    expect(upToNapEnd.body.data).toEqual([SLEEP[0]]);
    expect(pastNapEnd.body.data).toEqual(SLEEP);
  });

  it('has no rows for any other user', async () => {
    const response = await get(app, '/api/v1/users/00000000-0000-4000-8000-000000000000'
      + '/timeseries', DAY);

    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
    expect(response.body.pagination).toMatchObject({ has_more: false, total_count: 0 });
  });
});

describe('Open Wearables sandbox errors', () => {
  const app = sandbox();

  it('answers 401 {"detail"} without the API key or with a wrong one', async () => {
    const missing = await request(app).get(`${USER}/timeseries`).query(DAY);
    const wrong = await request(app).get(`${USER}/timeseries`).query(DAY)
      .set('X-Open-Wearables-API-Key', 'sk-wrong');

    for (const response of [missing, wrong]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ detail: expect.any(String) });
    }
  });

  it('checks the API key before the parameters, as FastAPI does', async () => {
    const response = await request(app).get('/api/v1/users/not-a-uuid/timeseries');

    expect(response.status).toBe(401);
  });

  it('lists every bad parameter in one FastAPI 422', async () => {
    const response = await get(app, '/api/v1/users/not-a-uuid/timeseries',
      'types=heart_rate&types=heartrate&limit=101&start_time=yesterday');

    expect(response.status).toBe(422);
    expect(response.body.detail.map((issue: { loc: unknown[] }) => issue.loc)).toEqual([
      ['path', 'user_id'], ['query', 'start_time'], ['query', 'end_time'],
      ['query', 'types', 1], ['query', 'limit'],
    ]);
    expect(response.body.detail[2]).toEqual({ type: 'missing', loc: ['query', 'end_time'],
      msg: 'Field required', input: null });
    expect(response.body.detail[4]).toMatchObject({ type: 'less_than_equal', input: '101',
      ctx: { le: 100 } });
  });

  it.each([
    [`${USER}/timeseries`, { ...DAY, limit: 0 }, 'greater_than_equal'],
    [`${USER}/timeseries`, { ...DAY, limit: 'ten' }, 'int_parsing'],
    [`${USER}/summaries/activity`, { ...DATES, limit: 401 }, 'less_than_equal'],
    [`${USER}/summaries/activity`, { ...DATES, sort_order: 'up' }, 'string_pattern_mismatch'],
    [`${USER}/events/sleep`, { start_date: '2026-02-30', end_date: '2026-03-11' }, 'value_error'],
  ])('refuses %s %j with a 422 %s', async (path, query, type) => {
    const response = await get(app, path, query);

    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([expect.objectContaining({ type })]);
  });

  it('accepts limit 400 on activity summaries, OW\'s larger bound there', async () => {
    await get(app, `${USER}/summaries/activity`, { ...DATES, limit: 400 }).expect(200);
  });

  it('answers unknown routes with FastAPI\'s JSON 404', async () => {
    const response = await get(app, `${USER}/summaries/sleep`, DATES);

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: 'Not Found' });
  });
});

describe('Open Wearables sandbox fault injection', () => {
  it('answers a 429 burst with Retry-After, then serves again', async () => {
    const app = sandbox({ faults: [{ status: 429, count: 2, after: 1, retryAfterSeconds: 3 }] });
    const statuses: number[] = [];
    for (let call = 0; call < 4; call += 1) {
      const response = await get(app, `${USER}/timeseries`, DAY);
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers['retry-after']).toBe('3');
        expect(response.body).toEqual({ detail: expect.any(String) });
      }
    }

    expect(statuses).toEqual([200, 429, 429, 200]);
  });

  it('answers a 500 burst with FastAPI\'s bare text error', async () => {
    const app = sandbox({ faults: [{ status: 500, count: 1 }] });
    const failed = await get(app, `${USER}/events/sleep`, DATES);

    expect(failed.status).toBe(500);
    expect(failed.headers['content-type']).toMatch(/^text\/plain/);
    expect(failed.text).toBe('Internal Server Error');
    await get(app, `${USER}/events/sleep`, DATES).expect(200);
  });

  it('refuses a malformed burst at start', () => {
    expect(() => sandbox({ faults: [{ status: 429, count: -1 }] })).toThrow(TypeError);
    expect(() => sandbox({ pageSize: 0 })).toThrow(TypeError);
  });

  it('records each request with its answer, never the key', async () => {
    const requests: SandboxRequest[] = [];
    const app = sandbox({ requests });
    await get(app, `${USER}/timeseries`, 'types=steps&types=heart_rate').query(DAY);
    await request(app).get(`${USER}/events/sleep`).query(DATES);

    expect(requests).toEqual([
      { method: 'GET', path: `${USER}/timeseries`, hasApiKey: true, status: 200,
        query: { types: ['steps', 'heart_rate'], ...DAY } },
      { method: 'GET', path: `${USER}/events/sleep`, hasApiKey: false, status: 401,
        query: DATES },
    ]);
    expect(JSON.stringify(requests)).not.toContain(DEFAULT_SANDBOX_API_KEY);
  });
});

describe('startOpenWearablesSandbox', () => {
  it('listens on 127.0.0.1 and warns that it serves invented data', async () => {
    const lines = new PassThrough();
    const output: string[] = [];
    lines.on('data', (chunk) => output.push(String(chunk)));
    const logger = createLogger({ destination: lines });
    const running = await startOpenWearablesSandbox({ logger });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${running.url}${USER}/events/sleep?start_date=2026-03-10`
        + '&end_date=2026-03-11', { headers: { 'X-Open-Wearables-API-Key':
        DEFAULT_SANDBOX_API_KEY } });
      expect(response.status).toBe(200);
      expect(running.requests).toHaveLength(1);
    } finally {
      await running.close();
    }

    const warning = output.map((line) => JSON.parse(line)).find((line) => line.level === 40);
    expect(warning?.msg).toMatch(/SANDBOX.*invented/);
  });
});
