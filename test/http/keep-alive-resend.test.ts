/**
 * Issue 5, keep-alive faults: the upstream drops a kept-alive connection just as the next
 * request goes out on it. A request that may be repeated is sent again on a fresh connection
 * and the caller never sees the fault; any other request fails as before and is sent once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newContext } from '../../shared/api-kit/request-context.ts';
import { ApiClient } from '../../shared/http/api-client.ts';
import { MAX_SENDS } from '../../shared/http/resend.ts';
import {
  HttpTransport, TransportError, type OutboundRequest,
} from '../../shared/http/transport.ts';
import {
  answerOnceThenClose, startFlakyUpstream, type Decide, type FlakyUpstream,
} from './flaky-upstream.ts';

let upstream: FlakyUpstream;
let transport: HttpTransport;

/** One connection, so the second call must go out on the connection the first one used. */
async function start(decide: Decide): Promise<void> {
  upstream = await startFlakyUpstream(decide);
  transport = new HttpTransport(upstream.origin, { connections: 1 });
}

afterEach(async () => {
  await transport.close();
  await upstream.close();
});

const call = (method: OutboundRequest['method'], path: string, extra: Partial<OutboundRequest>
  = {}) => transport.send({ method, path, headers: {}, timeoutMs: 5000, ...extra });

/** Opens the connection and leaves it idle in the pool, kept alive. */
async function warmUp(): Promise<void> {
  const first = await call('GET', '/warm-up');
  expect(first.status).toBe(200);
}

const trail = () => upstream.seen.map((s) => `${s.connection}.${s.onConnection} ${s.method} `
  + `${s.path} ${s.action}`);

describe('a kept-alive connection dropped as a request goes out', () => {
  it.each(['close', 'reset'] as const)('resends a GET on a fresh connection (%s), through the '
    + 'ApiClient, without an error', async (kind) => {
    await start(({ onConnection }) => (onConnection === 1
      ? { kind: 'answer', status: 200, body: '{"ok":true}' } : { kind }));
    await warmUp();
    let resent = false;
    const client = new ApiClient('flaky', '', transport);

    const body = await client.call(newContext(), { method: 'GET', path: '/readings',
      onResent: () => {
        resent = true;
      } });

    expect(body).toEqual({ ok: true });
    expect(resent).toBe(true);
    expect(trail()).toEqual([
      '1.1 GET /warm-up answer', `1.2 GET /readings ${kind}`, '2.1 GET /readings answer',
    ]);
  });

  it('fails an unmarked POST with a TransportError and sends it only once', async () => {
    await start(answerOnceThenClose);
    await warmUp();

    const failure = await call('POST', '/things', { body: { name: 'a' } })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ reason: 'unreachable' });
    expect(upstream.seen.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('resends a POST the caller marks idempotent, with the same body, and says so',
    async () => {
      await start(answerOnceThenClose);
      await warmUp();
      const upload = { observations: [{ identifier: [{ system: 'urn:t', value: 'a' }] }] };

      const response = await call('POST', '/upload', { body: upload, idempotent: true });

      expect(response).toMatchObject({ status: 200, body: { ok: true }, resent: true });
      const posts = upstream.seen.filter((s) => s.method === 'POST');
      expect(posts.map((s) => [s.connection, s.action])).toEqual([[1, 'close'], [2, 'answer']]);
      expect(JSON.parse(posts[1].body)).toEqual(upload);
    });

  it('does not mark an answer resent when nothing was dropped', async () => {
    await start(() => ({ kind: 'answer', status: 200, body: '{}' }));
    await warmUp();

    const response = await call('POST', '/upload', { body: {}, idempotent: true });

    expect(response.resent).toBeUndefined();
    expect(upstream.seen.map((s) => s.connection)).toEqual([1, 1]);
  });

  it('gives up after a bounded number of sends when every connection drops', async () => {
    await start(() => ({ kind: 'close' }));

    await expect(call('GET', '/readings')).rejects.toBeInstanceOf(TransportError);
    expect(upstream.seen).toHaveLength(MAX_SENDS);
    expect(new Set(upstream.seen.map((s) => s.connection)).size).toBe(MAX_SENDS);
  });

  it('does not resend a GET that timed out: the upstream may still be working on it',
    async () => {
      await start(() => ({ kind: 'silent' }));

      await expect(call('GET', '/slow', { timeoutMs: 200 }))
        .rejects.toMatchObject({ name: 'TransportError', reason: 'timeout' });
      expect(upstream.seen).toHaveLength(1);
    });
});
