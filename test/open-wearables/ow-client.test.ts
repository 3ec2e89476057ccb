/**
 * The Open Wearables client on its own, over a scripted transport: the paging answers a
 * real OW should never give, and the mapping of every failure to a stable code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors/problem.ts';
import { retryAfterMs } from '../../shared/http/retry-after.ts';
import {
  HttpTransport, TransportError, type OutboundRequest, type OutboundResponse, type Transport,
} from '../../shared/http/transport.ts';
import { silentLogger } from '../../shared/logging/logger.ts';
import {
  OpenWearablesClient, type OwClientSettings, type OwQuery,
} from '../../system-apis/open-wearables/ow-client.ts';
import {
  owFailure, RateLimitedError,
} from '../../system-apis/open-wearables/ow-errors.ts';

const SETTINGS: OwClientSettings = { apiKey: 'sk-test', timeoutMs: 1_000, maxPages: 10,
  pageLimit: 100, pathPrefix: '' };
const QUERY: OwQuery = { userId: '5a1d0c3e-7b2f-4e8a-9c61-0d2b4f6a8e10', route: 'timeseries',
  params: { start_time: '2026-03-10T00:00:00Z', end_time: '2026-03-11T00:00:00Z' } };

/** Answers each call with the next scripted response and remembers the requests. */
class ScriptedTransport implements Transport {
  readonly kind = 'http';
  readonly sent: OutboundRequest[] = [];

  constructor(private readonly answers: (OutboundResponse | Error)[]) {}

  async send(request: OutboundRequest): Promise<OutboundResponse> {
    this.sent.push(request);
    const answer = this.answers.shift();
    if (!answer) throw new Error('no more scripted answers');
    if (answer instanceof Error) throw answer;
    return answer;
  }

  async close(): Promise<void> {}
}

function page(rows: number[], pagination: Record<string, unknown>): OutboundResponse {
  return { status: 200, headers: {}, body: { data: rows.map((value) => ({ value })),
    pagination } };
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('OpenWearablesClient paging', () => {
  it('sends the API key, the limit and each cursor in turn', async () => {
    const transport = new ScriptedTransport([
      page([1], { has_more: true, next_cursor: 'c1' }),
      page([2], { has_more: true, next_cursor: 'c2' }),
      page([3], { has_more: false, next_cursor: null, total_count: 3 }),
    ]);
    const client = new OpenWearablesClient(transport, { ...SETTINGS, pathPrefix: '/ow' });
    const result = await client.collect(QUERY, silentLogger());

    expect(result.data).toEqual([{ value: 1 }, { value: 2 }, { value: 3 }]);
    expect(result.pagination).toEqual({ has_more: false, next_cursor: null, total_count: 3 });
    expect(transport.sent.map((sent) => sent.query?.cursor)).toEqual([undefined, 'c1', 'c2']);
    expect(transport.sent[0]).toMatchObject({ method: 'GET', timeoutMs: 1_000,
      path: `/ow/api/v1/users/${QUERY.userId}/timeseries`,
      headers: { 'x-open-wearables-api-key': 'sk-test' },
      query: { ...QUERY.params, limit: 100 } });
  });

  it.each([
    ['has_more without a cursor', [page([1], { has_more: true, next_cursor: null })]],
    ['a cursor handed out twice', [page([1], { has_more: true, next_cursor: 'c1' }),
      page([2], { has_more: true, next_cursor: 'c1' })]],
    ['no data list', [{ status: 200, headers: {}, body: { items: [] } }]],
    ['no has_more', [{ status: 200, headers: {}, body: { data: [], pagination: {} } }]],
    ['a text body', [{ status: 200, headers: {}, body: 'ok' }]],
  ])('fails with OW.BAD_RESPONSE on %s', async (_case, answers) => {
    const client = new OpenWearablesClient(new ScriptedTransport(answers), SETTINGS);
    const error = await failureOf(client.collect(QUERY, silentLogger()));

    expect([error.status, error.code]).toEqual([502, 'OW.BAD_RESPONSE']);
  });

  it('stops at the page cap with OW.TOO_MANY_PAGES, never returning part', async () => {
    const endless = Array.from({ length: 5 }, (_, n) =>
      page([n], { has_more: true, next_cursor: `c${n}` }));
    const transport = new ScriptedTransport(endless);
    const client = new OpenWearablesClient(transport, { ...SETTINGS, maxPages: 3 });
    const error = await failureOf(client.collect(QUERY, silentLogger()));

    expect([error.status, error.code]).toEqual([400, 'OW.TOO_MANY_PAGES']);
    expect(error.detail).toMatch(/after 3 pages \(up to 300 rows\)/);
    expect(transport.sent).toHaveLength(3);
  });

  it.each([
    [new TransportError('timeout', 'call timed out'), 504, 'UPSTREAM.TIMEOUT'],
    [new TransportError('unreachable', 'refused'), 502, 'UPSTREAM.UNAVAILABLE'],
  ])('maps a call that does not complete (%s)', async (failure, status, code) => {
    const client = new OpenWearablesClient(new ScriptedTransport([failure]), SETTINGS);
    const error = await failureOf(client.collect(QUERY, silentLogger()));

    expect([error.status, error.code]).toEqual([status, code]);
  });
});

describe('OpenWearablesClient over HTTP', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  it('bounds every call with the timeout: UPSTREAM.TIMEOUT', async () => {
    // Accepts the request and never answers.
    server = createServer(() => {});
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const transport = new HttpTransport(`http://127.0.0.1:${port}`);
    const client = new OpenWearablesClient(transport, { ...SETTINGS, timeoutMs: 200 });
    const error = await failureOf(client.collect(QUERY, silentLogger()));
    await client.close();

    expect([error.status, error.code]).toEqual([504, 'UPSTREAM.TIMEOUT']);
  });

  it('reports a server that is not there as UPSTREAM.UNAVAILABLE', async () => {
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const client = new OpenWearablesClient(new HttpTransport(`http://127.0.0.1:${port}`),
      SETTINGS);
    const error = await failureOf(client.collect(QUERY, silentLogger()));
    await client.close();

    expect([error.status, error.code]).toEqual([502, 'UPSTREAM.UNAVAILABLE']);
  });
});

describe('owFailure', () => {
  const answer = (status: number, body: unknown, headers = {}) => ({ status, headers, body });

  it.each([
    [401, 502, 'OW.AUTH_FAILED'],
    [403, 502, 'OW.AUTH_FAILED'],
    [404, 404, 'OW.NOT_FOUND'],
    [400, 400, 'OW.BAD_REQUEST'],
    [422, 400, 'OW.BAD_REQUEST'],
    [429, 503, 'UPSTREAM.RATE_LIMITED'],
    [405, 502, 'UPSTREAM.FAILED'],
    [500, 502, 'UPSTREAM.FAILED'],
    [503, 502, 'UPSTREAM.FAILED'],
  ])('maps OW %i to %i %s', (owStatus, status, code) => {
    const error = owFailure(answer(owStatus, { detail: 'x' }));

    expect([error.status, error.code]).toEqual([status, code]);
  });

  it('points only at parameters the caller chose, and keeps OW\'s words out', () => {
    const error = owFailure(answer(422, { detail: [
      { type: 'uuid_parsing', loc: ['path', 'user_id'], msg: 'bad', input: 'x' },
      { type: 'missing', loc: ['query', 'start_time'], msg: 'Field required', input: null },
      { type: 'less_than_equal', loc: ['query', 'limit'], msg: 'too big', input: '500' },
    ] }));

    expect(error.errors?.map((field) => field.pointer))
      .toEqual(['/params/user_id', '/query/start_time']);
    expect(JSON.stringify(error.errors)).not.toMatch(/Field required|bad/);
    expect(String((error.cause as Error).message)).toMatch(/Field required/);
  });

  it('carries OW\'s wait on a 429 for the answer and for job runners', () => {
    const error = owFailure(answer(429, { detail: 'slow down' }, { 'retry-after': '12' }));

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(12_000);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(12);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    [['5', '9'], 5_000],
    ['Tue, 10 Mar 2026 12:00:30 GMT', 30_000],
    ['Tue, 10 Mar 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['-3', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads %j as %j ms', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});
