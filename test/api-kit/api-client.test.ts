import { describe, expect, it } from 'vitest';
import { newContext } from '../../shared/api-kit/request-context.ts';
import { ApiClient } from '../../shared/http/api-client.ts';
import type { OutboundRequest, OutboundResponse, Transport } from '../../shared/http/transport.ts';
import { TransportError } from '../../shared/http/transport.ts';

class Scripted implements Transport {
  readonly kind = 'memory';
  sent?: OutboundRequest;

  constructor(private readonly answer: () => OutboundResponse | Promise<OutboundResponse>) {}

  async send(request: OutboundRequest) {
    this.sent = request;
    return this.answer();
  }

  async close() {}
}

const problem = (status: number, code: string) => ({ type: 'x', title: 't', status, code });

describe('ApiClient between tiers', () => {
  it('sends the caller\'s correlation id and a child span of its trace', async () => {
    const transport = new Scripted(() => ({ status: 200, headers: {}, body: { ok: true } }));
    const context = newContext();
    await new ApiClient('lower', '/lower/v1', transport).call(context, { method: 'GET',
      path: '/things' });

    expect(transport.sent?.path).toBe('/lower/v1/things');
    expect(transport.sent?.headers['x-correlation-id']).toBe(context.correlationId);
    expect(transport.sent?.headers.traceparent)
      .toMatch(new RegExp(`^00-${context.traceId}-[0-9a-f]{16}-01$`));
    expect(transport.sent?.headers.traceparent).not.toContain(context.spanId);
  });

  it('keeps a 4xx code, keeps a 503 with its Retry-After, and hides other 5xx', async () => {
    const call = (answer: OutboundResponse) => new ApiClient('lower', '', new Scripted(() =>
      answer)).call(newContext(), { method: 'GET', path: '/' });

    await expect(call({ status: 409, headers: {}, body: problem(409, 'THING.DUPLICATE') }))
      .rejects.toMatchObject({ status: 409, code: 'THING.DUPLICATE' });
    await expect(call({ status: 503, headers: { 'retry-after': '7' },
      body: problem(503, 'UPSTREAM.RATE_LIMITED') }))
      .rejects.toMatchObject({ status: 503, code: 'UPSTREAM.RATE_LIMITED', retryAfterMs: 7000,
        headers: { 'Retry-After': '7' } });
    await expect(call({ status: 500, headers: {}, body: problem(500, 'INTERNAL.UNEXPECTED') }))
      .rejects.toMatchObject({ status: 502, code: 'UPSTREAM.FAILED' });
  });

  it('turns a timeout into 504 and a refused connection into 502', async () => {
    const failing = (reason: 'timeout' | 'unreachable') => new ApiClient('lower', '',
      new Scripted(() => Promise.reject(new TransportError(reason, reason))))
      .call(newContext(), { method: 'GET', path: '/' });

    await expect(failing('timeout')).rejects.toMatchObject({ status: 504,
      code: 'UPSTREAM.TIMEOUT' });
    await expect(failing('unreachable')).rejects.toMatchObject({ status: 502,
      code: 'UPSTREAM.UNAVAILABLE' });
  });
});
