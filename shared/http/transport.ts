/**
 * How one tier reaches the API below it. Two transports answer the same calls: HTTP over a
 * pooled keep-alive undici connection, or in memory through the lower API's own Express app
 * (validator included), as Mule's VM transport does when two apps share a runtime.
 */
import type { Dispatcher } from 'undici';
import { Pool } from 'undici';
import { inject } from 'light-my-request';
import type { Express } from 'express';
import { droppedConnection, MAX_SENDS, mayResend } from './resend.ts';

/** A call to another API, already carrying its correlation and trace headers. */
export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path including the API's base path, without the query string. */
  path: string;
  query?: Record<string, string | number | (string | number)[] | undefined>;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, for form posts; wins over `body`. */
  rawBody?: { contentType: string; text: string };
  /** Bounds the whole call, a resend after a dropped connection included. */
  timeoutMs: number;
  /**
   * True when sending the request twice stores or changes nothing more than sending it
   * once, e.g. an upload whose records carry identifiers the upstream keeps unique. GET,
   * PUT and DELETE are so by their method. Only such requests are sent again when the
   * connection drops before the answer.
   */
  idempotent?: boolean;
}

/** The raw answer; the body is parsed JSON when the response was JSON, else text. */
export interface OutboundResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: unknown;
  /**
   * True when the connection dropped under an earlier copy of this request before any
   * answer, and this answer is to a copy sent again: the upstream may have acted on the
   * earlier copy too.
   */
  resent?: boolean;
}

/** What an HTTP transport's connection pool holds right now. */
export interface PoolCounts {
  /** Open connections. */
  connected: number;
  /** Open connections with no request on them. */
  free: number;
  /** Requests not yet sent. */
  pending: number;
  /** Requests sent and not yet answered in full. */
  running: number;
  /** `pending` + `running`. */
  size: number;
}

export interface Transport {
  readonly kind: 'http' | 'memory';
  send(request: OutboundRequest): Promise<OutboundResponse>;
  close(): Promise<void>;
}

/** Thrown when a call does not complete: timeout, refused, reset. */
export class TransportError extends Error {
  constructor(readonly reason: 'timeout' | 'unreachable', message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'TransportError';
  }
}

/**
 * HTTP transport on an undici Pool: keep-alive, bounded connections, a timeout per call. A
 * request that may be repeated is sent again, at most {@link MAX_SENDS} times in all, when
 * its connection drops before any answer (see `resend.ts`). Every answer's body is read to
 * the end or destroyed, so a connection is never left holding half a response.
 */
export class HttpTransport implements Transport {
  readonly kind = 'http';
  private readonly pool: Pool;

  constructor(origin: string, options: { connections?: number } = {}) {
    this.pool = new Pool(origin, {
      connections: options.connections ?? 32,
      keepAliveTimeout: 30_000,
      pipelining: 1,
    });
  }

  /** The pool's counts, for health checks and for tests that look for leaked connections. */
  get stats(): PoolCounts {
    const { connected, free, pending, running, size } = this.pool.stats;
    return { connected, free, pending, running, size };
  }

  async send(request: OutboundRequest): Promise<OutboundResponse> {
    // One deadline for the call: a resend spends what is left of it, never a fresh one.
    const signal = AbortSignal.timeout(request.timeoutMs);
    const { response, resent } = await this.dispatch(request, signal);
    const text = await readBody(response);
    return {
      status: response.statusCode,
      headers: response.headers,
      body: parseBody(text, response.headers),
      ...(resent ? { resent } : {}),
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /**
   * Sends until an answer's head arrives. Only a failure before that is resent: once the
   * upstream has started answering, it has acted on the request.
   */
  private async dispatch(request: OutboundRequest, signal: AbortSignal)
    : Promise<{ response: Dispatcher.ResponseData; resent: boolean }> {
    const payload = encodePayload(request);
    const resendable = mayResend(request);
    for (let sends = 1; ; sends += 1) {
      try {
        const response = await this.pool.request({
          method: request.method,
          path: request.path + queryString(request.query),
          headers: payload.headers,
          body: payload.text,
          headersTimeout: request.timeoutMs,
          bodyTimeout: request.timeoutMs,
          signal,
        });
        return { response, resent: sends > 1 };
      } catch (error) {
        const again = resendable && sends < MAX_SENDS && droppedConnection(error)
          && !signal.aborted;
        if (!again) throw asTransportError(error);
      }
    }
  }
}

/** In-memory transport: the lower API's app handles the call without a socket. */
export class MemoryTransport implements Transport {
  readonly kind = 'memory';

  constructor(private readonly app: Express) {}

  async send(request: OutboundRequest): Promise<OutboundResponse> {
    const payload = encodePayload(request);
    const call = inject(this.app, {
      method: request.method,
      url: request.path + queryString(request.query),
      headers: payload.headers,
      payload: payload.text,
    });
    const response = await withTimeout(call, request.timeoutMs);
    return {
      status: response.statusCode,
      headers: response.headers,
      body: parseBody(response.payload, response.headers),
    };
  }

  async close(): Promise<void> {}
}

/** Serialises a query, repeating a key for each value of an array. */
export function queryString(query: OutboundRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function encodePayload(request: OutboundRequest): { headers: Record<string, string>;
  text?: string; } {
  if (request.rawBody) {
    return {
      headers: { ...request.headers, 'content-type': request.rawBody.contentType },
      text: request.rawBody.text,
    };
  }
  if (request.body === undefined) return { headers: request.headers };
  return {
    headers: { ...request.headers, 'content-type': 'application/json' },
    text: JSON.stringify(request.body),
  };
}

async function readBody(response: Dispatcher.ResponseData): Promise<string> {
  try {
    return await response.body.text();
  } catch (error) {
    // Destroy what is left so the socket is not reused half-read.
    response.body.destroy();
    throw asTransportError(error);
  }
}

function parseBody(text: string, headers: OutboundResponse['headers']): unknown {
  const type = String(headers['content-type'] ?? '');
  if (text.length === 0) return undefined;
  if (!/json/.test(type)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function asTransportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const name = (error as { name?: string; code?: string })?.name ?? '';
  const code = (error as { code?: string })?.code ?? '';
  const timedOut = /Timeout/.test(name) || /TIMEOUT/.test(code);
  return new TransportError(timedOut ? 'timeout' : 'unreachable',
    timedOut ? 'call timed out' : `call failed (${code || name || 'unknown'})`, error);
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransportError('timeout', 'call timed out')), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
