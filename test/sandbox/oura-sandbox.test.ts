import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.ts';
import {
  createOuraSandbox, DEFAULT_SANDBOX_CLIENT, DEFAULT_SANDBOX_TOKEN,
} from '../../sandbox/oura/app.ts';
import { SandboxFaults } from '../../sandbox/oura/faults.ts';
import { encodePageToken } from '../../sandbox/oura/page-token.ts';
import { SandboxRequestLog, tokenDigest } from '../../sandbox/oura/request-log.ts';
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

describe('Oura sandbox day-based collections', () => {
  const DAYS = { start_date: '2026-03-01', end_date: '2026-04-30' };

  it.each([
    ['daily_spo2', 'constructed_daily_spo2_response.json'],
    ['daily_activity', 'constructed_daily_activity_response.json'],
    ['daily_readiness', 'constructed_daily_readiness_response.json'],
  ])('serves %s from its sample file', async (collection, file) => {
    const pages = await allPages(createOuraSandbox({ pageSize: 2 }),
      `/v2/usercollection/${collection}`, DAYS);

    expect(pages.flatMap((page) => page.data)).toEqual(sampleRows(file));
  });

  it('serves the single workout document', async () => {
    const [page] = await allPages(createOuraSandbox(), '/v2/usercollection/workout', DAYS);

    expect(page.data).toEqual([expect.objectContaining({ id: 'wk-1', day: '2026-04-09' })]);
  });

  it('picks daily activity by its 04:00 local timestamp on the wall clock', async () => {
    const query = (start_date: string, end_date: string) => ({ start_date, end_date });
    const app = createOuraSandbox();

    const [sameDay] = await allPages(app, '/v2/usercollection/daily_activity',
      query('2026-03-10', '2026-03-10T03:59:59'));
    const [morning] = await allPages(app, '/v2/usercollection/daily_activity',
      query('2026-03-10', '2026-03-10T04:00:01'));

    expect(sameDay.data).toEqual([]);
    expect(morning.data).toHaveLength(1);
  });

  it('includes a row at the window end when told to (endInclusive)', async () => {
    const query = { start_date: '2026-03-10', end_date: '2026-03-11' };

    const [exclusive] = await allPages(createOuraSandbox(), '/v2/usercollection/daily_readiness',
      query);
    const [inclusive] = await allPages(createOuraSandbox({ endInclusive: true }),
      '/v2/usercollection/daily_readiness', query);

    expect(exclusive.data.map((doc) => doc.day)).toEqual(['2026-03-10']);
    expect(inclusive.data.map((doc) => doc.day)).toEqual(['2026-03-10', '2026-03-11']);
  });
});

describe('Oura sandbox heart-rate window limit', () => {
  it('accepts 30 days and refuses more', async () => {
    const app = createOuraSandbox();
    const start = '2026-02-08T00:00:00Z';

    const thirty = await get(app, HEART_RATE, { start_datetime: start,
      end_datetime: '2026-03-10T00:00:00Z' });
    const more = await get(app, HEART_RATE, { start_datetime: start,
      end_datetime: '2026-03-10T00:00:01Z' });

    expect(thirty.status).toBe(200);
    expect(more.status).toBe(400);
    expect(more.body.detail).toMatch(/30 days/);
  });
});

describe('Oura sandbox OAuth', () => {
  const CLIENT = DEFAULT_SANDBOX_CLIENT;
  const REDIRECT = 'https://pause.example/oura/callback';
  const verifier = 'v'.repeat(43);
  const challenge = createHash('sha256').update(verifier).digest('base64url');

  async function authorizeCode(app: ReturnType<typeof createOuraSandbox>,
    query: Record<string, string> = {}) {
    const response = await request(app).get('/oauth/authorize').query({
      response_type: 'code', client_id: CLIENT.clientId, redirect_uri: REDIRECT,
      scope: 'daily heartrate', state: 'st-1', code_challenge: challenge,
      code_challenge_method: 'S256', ...query,
    });
    expect(response.status).toBe(302);
    return Object.fromEntries(new URL(response.headers.location).searchParams);
  }

  function token(app: ReturnType<typeof createOuraSandbox>, form: Record<string, string>) {
    return request(app).post('/oauth/token').type('form')
      .send({ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, ...form });
  }

  it('runs code -> tokens -> data -> refresh (rotating) -> revoke', async () => {
    const app = createOuraSandbox({ accessTokenLifetimeSeconds: 600 });
    const back = await authorizeCode(app);
    expect(back.state).toBe('st-1');

    const issued = await token(app, { grant_type: 'authorization_code', code: back.code,
      redirect_uri: REDIRECT, code_verifier: verifier });
    expect(issued.status).toBe(200);
    expect(issued.headers['cache-control']).toBe('no-store');
    expect(issued.body).toEqual({ access_token: expect.any(String), token_type: 'bearer',
      expires_in: 600, refresh_token: expect.any(String), scope: 'daily heartrate' });
    const bearer = { Authorization: `Bearer ${issued.body.access_token}` };
    expect((await request(app).get(SLEEP).set(bearer)).status).toBe(200);
    expect((await request(app).get('/v2/usercollection/workout').set(bearer)).status).toBe(403);

    const renewed = await token(app, { grant_type: 'refresh_token',
      refresh_token: issued.body.refresh_token });
    const reused = await token(app, { grant_type: 'refresh_token',
      refresh_token: issued.body.refresh_token });
    expect(renewed.status).toBe(200);
    expect(renewed.body.refresh_token).not.toBe(issued.body.refresh_token);
    expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);

    const revoked = await request(app).post('/oauth/revoke')
      .query({ access_token: renewed.body.access_token });
    expect(revoked.status).toBe(200);
    const after = await request(app).get(SLEEP)
      .set('Authorization', `Bearer ${renewed.body.access_token}`);
    expect(after.status).toBe(401);
  });

  it('refuses a code twice, a wrong verifier, a wrong secret and a wrong redirect', async () => {
    const app = createOuraSandbox();
    const first = await authorizeCode(app);
    const exchange = (code: string, extra: Record<string, string> = {}) => token(app,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier,
        ...extra });

    expect((await exchange(first.code)).status).toBe(200);
    expect((await exchange(first.code)).body.error).toBe('invalid_grant');
    const second = await authorizeCode(app);
    expect((await exchange(second.code, { code_verifier: 'w'.repeat(43) })).body.error)
      .toBe('invalid_grant');
    const third = await authorizeCode(app);
    const badSecret = await exchange(third.code, { client_secret: 'nope' });
    expect([badSecret.status, badSecret.body.error]).toEqual([401, 'invalid_client']);
    const fourth = await authorizeCode(app);
    expect((await exchange(fourth.code, { redirect_uri: 'https://elsewhere.example/' }))
      .body.error).toBe('invalid_grant');
  });

  it('accepts HTTP Basic client authentication', async () => {
    const app = createOuraSandbox();
    const { code } = await authorizeCode(app);

    const issued = await request(app).post('/oauth/token').type('form')
      .auth(CLIENT.clientId, CLIENT.clientSecret)
      .send({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT,
        code_verifier: verifier });

    expect(issued.status).toBe(200);
  });

  it('redirects refusals back with an OAuth error, except for unknown clients', async () => {
    const app = createOuraSandbox();

    expect((await authorizeCode(app, { sandbox_consent: 'deny' })).error).toBe('access_denied');
    expect((await authorizeCode(app, { scope: 'daily steps' })).error).toBe('invalid_scope');
    const unknown = await request(app).get('/oauth/authorize')
      .query({ response_type: 'code', client_id: 'nobody', redirect_uri: REDIRECT });
    expect([unknown.status, unknown.body.error]).toEqual([400, 'invalid_client']);
  });

  it('refuses a redirect URI the client did not register', async () => {
    const app = createOuraSandbox({ clients: [{ ...CLIENT, redirectUris: [REDIRECT] }] });

    const response = await request(app).get('/oauth/authorize').query({ response_type: 'code',
      client_id: CLIENT.clientId, redirect_uri: 'https://evil.example/cb', scope: 'daily' });

    expect(response.status).toBe(400);
    expect(response.headers.location).toBeUndefined();
  });

  it('lets issued access tokens expire', async () => {
    let now = Date.now();
    const app = createOuraSandbox({ now: () => now, accessTokenLifetimeSeconds: 60 });
    const { code } = await authorizeCode(app);
    const issued = await token(app, { grant_type: 'authorization_code', code,
      redirect_uri: REDIRECT, code_verifier: verifier });
    now += 60_000;

    const response = await request(app).get(SLEEP)
      .set('Authorization', `Bearer ${issued.body.access_token}`);

    expect(response.status).toBe(401);
  });
});

describe('Oura sandbox rate limit, faults and request log', () => {
  it('answers 429 with Retry-After and X-RateLimit-* once a token spends its window', async () => {
    let now = 1_000_000;
    const app = createOuraSandbox({ rateLimit: { requests: 2, windowMs: 300_000 },
      now: () => now });
    await get(app, SLEEP).expect(200);
    await get(app, SLEEP).expect(200);
    now += 100_000;

    const limited = await get(app, SLEEP);

    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ detail: expect.any(String) });
    expect(limited.headers).toMatchObject({ 'retry-after': '200', 'x-ratelimit-limit': '2',
      'x-ratelimit-window': '300', 'x-ratelimit-reset': '200', 'x-ratelimit-tier': 'token' });
    now += 200_000;
    await get(app, SLEEP).expect(200);
  });

  it('refuses a malformed rate limit', () => {
    expect(() => createOuraSandbox({ rateLimit: { requests: 0, windowMs: 1 } }))
      .toThrow(TypeError);
  });

  it('plays scripted faults in order, each for its number of matches', async () => {
    const faults = new SandboxFaults();
    const app = createOuraSandbox({ faults });
    faults.inject({ path: '/sleep', status: 503, times: 2 });
    faults.inject({ path: '/heartrate', status: 429, retryAfterSeconds: 3, after: 1 });

    const statuses = [];
    for (const path of [SLEEP, SLEEP, SLEEP, HEART_RATE, HEART_RATE, HEART_RATE]) {
      statuses.push((await get(app, path)).status);
    }

    expect(statuses).toEqual([503, 503, 200, 200, 429, 200]);
  });

  it('logs every request with its status, and keeps no secret', async () => {
    const requestLog = new SandboxRequestLog();
    const app = createOuraSandbox({ requestLog });

    await get(app, HEART_RATE, { start_datetime: '2026-03-10T00:00:00Z' });
    await request(app).post('/oauth/revoke').query({ access_token: 'secret-token' });
    await request(app).post('/oauth/token').type('form')
      .send({ grant_type: 'refresh_token', refresh_token: 'r', client_secret: 'cs' });

    expect(requestLog.entries).toEqual([
      { method: 'GET', path: HEART_RATE, query: { start_datetime: '2026-03-10T00:00:00Z' },
        status: 200, tokenDigest: tokenDigest(DEFAULT_SANDBOX_TOKEN) },
      { method: 'POST', path: '/oauth/revoke', query: { access_token: '[redacted]' },
        status: 200, revokedTokenDigest: tokenDigest('secret-token') },
      { method: 'POST', path: '/oauth/token', query: {}, status: 401,
        grantType: 'refresh_token' },
    ]);
    expect(JSON.stringify(requestLog.entries)).not.toMatch(/secret-token|"cs"|"r"/);
  });
});
