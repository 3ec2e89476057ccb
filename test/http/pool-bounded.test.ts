/**
 * Issue 5: response bodies are always read or destroyed, so failed calls leak no connection.
 * A thousand calls that fail (a 500 with a body, a reset on every send, a reset under an
 * unmarked POST) go through one HttpTransport; afterwards its pool holds no more connections
 * than configured, nothing waits or runs, and the process holds no extra sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newContext } from '../../shared/api-kit/request-context.ts';
import { ApiClient, type CallOptions } from '../../shared/http/api-client.ts';
import { MAX_SENDS } from '../../shared/http/resend.ts';
import { HttpTransport } from '../../shared/http/transport.ts';
import { startFlakyUpstream, type FlakyUpstream } from './flaky-upstream.ts';

const CONNECTIONS = 4;
const CALLS = 1000;
const AT_ONCE = 25;
// Larger than a socket read, so an unread body would hold its connection.
const ERROR_BODY = JSON.stringify({ code: 'BROKEN', padding: 'x'.repeat(64 * 1024) });

/** The three ways a call fails here, in turn. */
const FAILING: CallOptions[] = [
  { method: 'GET', path: '/error' },
  { method: 'GET', path: '/reset' },
  { method: 'POST', path: '/reset', body: { a: 1 } },
];

let upstream: FlakyUpstream;
let transport: HttpTransport;
let client: ApiClient;
/** The most connections seen open at once, on the pool's side and on the upstream's. */
const peak = { pool: 0, upstream: 0 };

beforeAll(async () => {
  upstream = await startFlakyUpstream(({ path }) => {
    if (path === '/error') return { kind: 'answer', status: 500, body: ERROR_BODY };
    if (path === '/stall') return { kind: 'stall', body: ERROR_BODY };
    return { kind: 'reset' };
  });
  transport = new HttpTransport(upstream.origin, { connections: CONNECTIONS });
  // Short, so that a leaked body shows up as stuck counts below rather than as a hung test.
  client = new ApiClient('flaky', '', transport, 2000);
});

afterAll(async () => {
  await transport.close();
  await upstream.close();
});

/** TCP sockets this process holds, both ends of loopback connections included. */
const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap')
  .length;

/** Lets closed sockets finish closing: their handles go on a later turn of the loop. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await new Promise((r) => setImmediate(r));
}

function notePeak(): void {
  peak.pool = Math.max(peak.pool, transport.stats.connected);
  peak.upstream = Math.max(peak.upstream, upstream.openConnections());
}

async function failMany(from: number, to: number): Promise<number> {
  let failed = 0;
  for (let start = from; start < to; start += AT_ONCE) {
    const calls = [];
    for (let n = start; n < Math.min(start + AT_ONCE, to); n += 1) {
      calls.push(client.call(newContext(), FAILING[n % FAILING.length]).finally(notePeak));
    }
    const outcomes = await Promise.allSettled(calls);
    failed += outcomes.filter((outcome) => outcome.status === 'rejected').length;
  }
  return failed;
}

describe('the HTTP transport after many failed calls', () => {
  it('holds no more connections than configured and leaves nothing pending', async () => {
    const before = sockets();
    expect(await failMany(0, CALLS / 10)).toBe(CALLS / 10);
    await settle();
    expect(transport.stats).toMatchObject({ pending: 0, running: 0, size: 0 });

    expect(await failMany(CALLS / 10, CALLS)).toBe(CALLS * 0.9);
    await settle();

    expect(peak.pool).toBeGreaterThan(0);
    expect(peak.pool).toBeLessThanOrEqual(CONNECTIONS);
    expect(peak.upstream).toBeLessThanOrEqual(CONNECTIONS);
    const stats = transport.stats;
    expect(stats.connected).toBeLessThanOrEqual(CONNECTIONS);
    expect(stats).toMatchObject({ pending: 0, running: 0, size: 0 });
    expect(upstream.openConnections()).toBeLessThanOrEqual(CONNECTIONS);
    // Each kept-alive connection is two sockets here: the pool's end and the upstream's.
    expect(sockets()).toBeLessThanOrEqual(before + 2 * CONNECTIONS);
  });

  it('sent what it should: every GET the most times allowed on a reset, every POST once', () => {
    const count = (method: string, path: string) => upstream.seen
      .filter((s) => s.method === method && s.path === path).length;
    const third = (offset: number) => Math.ceil((CALLS - offset) / FAILING.length);

    expect(count('GET', '/error')).toBe(third(0));
    expect(count('GET', '/reset')).toBe(MAX_SENDS * third(1));
    expect(count('POST', '/reset')).toBe(third(2));
  });

  it('frees the connections of calls that time out halfway through a body', async () => {
    const impatient = new ApiClient('flaky', '', transport, 300);
    const calls = Array.from({ length: 2 * CONNECTIONS }, () =>
      impatient.call(newContext(), { method: 'GET', path: '/stall' }));

    const outcomes = await Promise.allSettled(calls);
    await settle();

    expect(outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason.code))
      .toEqual(calls.map(() => 'UPSTREAM.TIMEOUT'));
    expect(upstream.seen.filter((s) => s.path === '/stall').length).toBeGreaterThan(0);
    expect(transport.stats).toMatchObject({ pending: 0, running: 0, size: 0 });
    expect(transport.stats.connected).toBeLessThanOrEqual(CONNECTIONS);
    expect(upstream.openConnections()).toBeLessThanOrEqual(CONNECTIONS);
  });

  it('can still answer after all that', async () => {
    await expect(client.call(newContext(), { method: 'GET', path: '/error' }))
      .rejects.toMatchObject({ status: 502, code: 'UPSTREAM.FAILED' });
    expect(transport.stats).toMatchObject({ pending: 0, running: 0 });
  });
});
