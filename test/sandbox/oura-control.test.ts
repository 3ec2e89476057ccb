/**
 * The Oura sandbox's `/_sandbox` control API, driven over HTTP as a test in another process
 * would drive it: faults, rows (shared and per sandbox user), the request log, page size.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/logging/logger.ts';
import { DEFAULT_SANDBOX_CLIENT, DEFAULT_SANDBOX_TOKEN } from '../../sandbox/oura/app.ts';
import { startOuraSandbox } from '../../sandbox/oura/server.ts';
import { sandboxPerFile } from './sandbox-control.ts';

const { baseUrl, control } = sandboxPerFile(
  () => startOuraSandbox({ logger: silentLogger() }), 10);

async function list(collection: string, query: Record<string, string>,
  token = DEFAULT_SANDBOX_TOKEN) {
  const url = new URL(`${baseUrl()}/v2/usercollection/${collection}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

/** Every row of a listing, following next_token; also how many pages it took. */
async function listAll(collection: string, query: Record<string, string>,
  token = DEFAULT_SANDBOX_TOKEN) {
  const rows: Record<string, unknown>[] = [];
  let pages = 0;
  let next: string | null = null;
  do {
    const page = await list(collection, next ? { ...query, next_token: next } : query, token);
    expect(page.status).toBe(200);
    rows.push(...page.body.data);
    next = page.body.next_token;
    pages += 1;
  } while (next !== null && pages < 10_000);
  return { rows, pages };
}

const DAY = { start_datetime: '2026-05-01T00:00:00+00:00',
  end_datetime: '2026-05-02T00:00:00+00:00' };

describe('Oura sandbox control: faults over HTTP', () => {
  it('fails the next N matching calls with the scripted status, then serves again', async () => {
    const injected = await control('POST', '/faults',
      { path: '/heartrate', status: 429, retryAfterSeconds: 7, times: 2 });
    expect(injected.status).toBe(201);
    expect(injected.body.faults).toEqual([{ fault: { path: '/heartrate', status: 429,
      retryAfterSeconds: 7, times: 2 }, remaining: 2, skip: 0 }]);

    const sleep = await list('sleep', {});
    expect(sleep.status).toBe(200);
    const first = await fetch(`${baseUrl()}/v2/usercollection/heartrate`,
      { headers: { authorization: `Bearer ${DEFAULT_SANDBOX_TOKEN}` } });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(await first.json()).toEqual({ detail: 'Scripted sandbox fault (429)' });
    expect((await list('heartrate', {})).status).toBe(429);
    expect((await list('heartrate', {})).status).toBe(200);
    expect((await control('GET', '/faults')).body).toEqual({ faults: [] });
  });

  it('lets `after` calls through first, takes an array, and DELETE clears what is left',
    async () => {
      await control('POST', '/faults', [
        { path: '/sleep', status: 500, detail: 'boom', after: 1, times: 5 },
        { path: '/workout', status: 503 },
      ]);
      expect((await list('sleep', {})).status).toBe(200);
      expect(await list('sleep', {})).toEqual({ status: 500, body: { detail: 'boom' } });

      expect((await control('DELETE', '/faults')).status).toBe(204);
      expect((await list('sleep', {})).status).toBe(200);
      expect((await list('workout', {})).status).toBe(200);
    });

  it('holds a call back long enough for a caller to give up, then serves the next',
    async () => {
      await control('POST', '/faults', { path: '/heartrate', delayMs: 1_500 });
      const url = `${baseUrl()}/v2/usercollection/heartrate`;
      const headers = { authorization: `Bearer ${DEFAULT_SANDBOX_TOKEN}` };
      await expect(fetch(url, { headers, signal: AbortSignal.timeout(100) })).rejects.toThrow();
      expect((await fetch(url, { headers })).status).toBe(200);
    });

  it('refuses a malformed fault with a 400 that names the problem', async () => {
    const cases: [unknown, string][] = [
      [{ status: 200 }, 'Fault field "status" must be an HTTP error status (400-599)'],
      [{ status: 500, times: 0 }, 'Fault field "times" must be a whole number, 1 or more'],
      [{ status: 500, pathh: '/x' }, 'Unknown fault field "pathh"'],
      [{ path: '/heartrate' }, 'A fault needs a status, a delayMs, or both'],
      ['503', 'A fault must be a JSON object'],
    ];
    for (const [body, detail] of cases) {
      expect(await control('POST', '/faults', body)).toEqual({ status: 400, body: { detail } });
    }
    const broken = await fetch(`${baseUrl()}/_sandbox/faults`, { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: '{"status": 5' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ detail: 'The body is not valid JSON' });
    expect((await control('GET', '/faults')).body).toEqual({ faults: [] });
  });
});

describe('Oura sandbox control: rows over HTTP', () => {
  const row = (timestamp: string, bpm: number) => ({ bpm, source: 'awake', timestamp });

  it('replaces a collection, served in time order with windows and paging', async () => {
    const rows = [row('2026-05-01T10:00:00+00:00', 70), row('2026-05-01T08:00:00+02:00', 61),
      row('2026-05-02T00:00:00+00:00', 90)];
    const set = await control('PUT', '/data/heartrate', { data: rows });
    expect(set).toEqual({ status: 200, body: { collection: 'heartrate', user: null, total: 3 } });
    await control('PUT', '/settings', { pageSize: 1 });

    const { rows: served, pages } = await listAll('heartrate', DAY);
    // 08:00+02:00 is 06:00Z, so it comes first; the row at the window's end is out.
    expect(served).toEqual([rows[1], rows[0]]);
    expect(pages).toBe(2);
  });

  it('appends rows after the ones already set', async () => {
    await control('PUT', '/data/heartrate', { data: [row('2026-05-01T09:00:00+00:00', 60)] });
    const added = await control('POST', '/data/heartrate',
      { data: [row('2026-05-01T11:00:00+00:00', 62), row('2026-05-01T07:00:00+00:00', 58)] });
    expect(added.body.total).toBe(3);

    const { rows } = await listAll('heartrate', DAY);
    expect(rows.map((served) => served.bpm)).toEqual([58, 60, 62]);
  });

  it('generates 20,000 heart-rate rows, served whole through windows and pages', async () => {
    const generated = await control('POST', '/data/heartrate/generate', {
      start: '2026-04-01T00:00:00+00:00', end: '2026-04-01T00:00:00+00:00', everySeconds: 60,
    });
    expect(generated.status).toBe(400);
    expect(generated.body.detail).toBe('end must be after start');

    const made = await control('POST', '/data/heartrate/generate', {
      start: '2026-04-01T00:00:00+00:00', end: '2026-05-12T16:00:00+00:00', everySeconds: 180,
    });
    expect(made).toEqual({ status: 201, body: { collection: 'heartrate', user: null,
      generated: 20_000, total: 20_000 } });
    await control('PUT', '/settings', { pageSize: 300 });

    const window = { start_datetime: '2026-04-10T00:00:00+00:00',
      end_datetime: '2026-04-11T00:00:00+00:00' };
    const { rows, pages } = await listAll('heartrate', window);
    // Three-minute rows: the tenth of April holds rows 4,320 to 4,799.
    const first = (9 * 86_400) / 180;
    const last = (10 * 86_400) / 180 - 1;
    expect(rows).toHaveLength(last - first + 1);
    expect(pages).toBe(2);
    expect(rows[0]).toEqual({ bpm: 60 + (first % 40), source: 'awake',
      timestamp: '2026-04-10T00:00:00+00:00', timestamp_unix: Date.UTC(2026, 3, 10) });
    expect(rows.at(-1)?.timestamp).toBe('2026-04-10T23:57:00+00:00');
    expect(new Set(rows.map((served) => served.timestamp)).size).toBe(rows.length);
  });

  it('sets day-based documents, filtered on their day', async () => {
    const docs = ['2026-05-01', '2026-05-02', '2026-05-03'].map((day, index) =>
      ({ id: `sleep-${index}`, day, score: 80 + index }));
    await control('PUT', '/data/sleep', { data: docs });

    const { rows } = await listAll('sleep', { start_date: '2026-05-02', end_date: '2026-05-04' });
    expect(rows.map((doc) => doc.id)).toEqual(['sleep-1', 'sleep-2']);
  });

  it('gives a sandbox user their own rows, read with the tokens of their consent', async () => {
    const token = await consentingUser('patient-40001');
    await control('PUT', '/data/heartrate',
      { user: 'patient-40001', data: [row('2026-05-01T12:00:00+00:00', 77)] });

    const own = await listAll('heartrate', DAY, token);
    expect(own.rows).toEqual([row('2026-05-01T12:00:00+00:00', 77)]);
    const shared = await listAll('heartrate', DAY);
    expect(shared.rows).toEqual([]);
    const sample = await list('heartrate', {});
    expect(sample.body.data.length).toBeGreaterThan(0);
  });

  it('serves a malformed row verbatim where `at` places it, for fault tests', async () => {
    await control('PUT', '/data/heartrate', { data: [row('2026-05-01T09:00:00+00:00', 60),
      row('2026-05-01T11:00:00+00:00', 62)] });
    const bad = { bpm: 61, source: 'awake', timestamp: '2026-04-31T10:00:00+00:00' };
    const added = await control('POST', '/data/heartrate/malformed',
      { at: '2026-05-01T10:00:00+00:00', row: bad });
    expect(added).toEqual({ status: 201, body: { collection: 'heartrate', user: null,
      total: 3 } });

    const { rows } = await listAll('heartrate', DAY);
    expect(rows).toEqual([row('2026-05-01T09:00:00+00:00', 60), bad,
      row('2026-05-01T11:00:00+00:00', 62)]);
    expect((await control('POST', '/data/heartrate/malformed', { at: '2026-05-01', row: bad }))
      .status).toBe(400);
    expect((await control('POST', '/data/heartrate/malformed',
      { at: '2026-05-01T10:00:00Z' })).body).toEqual({ detail: 'The body needs "row"' });
  });

  it('refuses rows it could not filter and unknown collections with a 400', async () => {
    const bad = await control('PUT', '/data/heartrate',
      { data: [row('2026-05-01T12:00:00+00:00', 70), row('2026-05-01 12:00', 71)] });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/^heartrate row 1 has no readable time/);
    expect((await control('PUT', '/data/steps', { data: [] })).body.detail)
      .toBe('Unknown collection "steps"; one of heartrate, sleep, daily_spo2, daily_activity, '
        + 'daily_readiness, workout');
    expect((await control('POST', '/data/sleep', { rows: [] })).body)
      .toEqual({ detail: 'The body needs "data": an array of rows' });
    expect((await control('PUT', '/settings', { pageSize: 0 })).status).toBe(400);
    // Nothing was changed by the refused calls.
    expect((await list('heartrate', {})).body.data).toHaveLength(10);
  });
});

describe('Oura sandbox control: request log over HTTP', () => {
  it('lists the vendor calls, not the control calls, and can be cleared', async () => {
    await list('heartrate', {});
    await list('sleep', {});
    await control('GET', '/faults');

    const all = await control('GET', '/requests');
    expect(all.body.requests.map((entry: { path: string }) => entry.path))
      .toEqual(['/v2/usercollection/heartrate', '/v2/usercollection/sleep']);
    const sleep = await control('GET', '/requests?path=/sleep');
    expect(sleep.body.requests).toHaveLength(1);
    expect(JSON.stringify(all.body)).not.toContain(DEFAULT_SANDBOX_TOKEN);

    await control('DELETE', '/requests');
    expect((await control('GET', '/requests')).body).toEqual({ requests: [] });
  });
});

/** Runs the OAuth flow as `user` consenting and returns the access token. */
async function consentingUser(user: string): Promise<string> {
  const redirectUri = 'http://127.0.0.1:9/callback';
  const authorize = new URL(`${baseUrl()}/oauth/authorize`);
  authorize.search = new URLSearchParams({ response_type: 'code',
    client_id: DEFAULT_SANDBOX_CLIENT.clientId, redirect_uri: redirectUri,
    scope: 'heartrate daily', sandbox_user: user }).toString();
  const consent = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
  const tokens = await fetch(`${baseUrl()}/oauth/token`, { method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code,
      redirect_uri: redirectUri, client_id: DEFAULT_SANDBOX_CLIENT.clientId,
      client_secret: DEFAULT_SANDBOX_CLIENT.clientSecret }) });
  expect(tokens.status).toBe(200);
  return ((await tokens.json()) as { access_token: string }).access_token;
}
