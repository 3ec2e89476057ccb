/**
 * A client for one lower-tier API. It adds the caller's correlation id and a child trace
 * span to every call, bounds it with a timeout, and turns any non-2xx answer into an
 * ApiError carrying the lower tier's stable code.
 */
import { ApiError, isProblem } from '../errors/problem.ts';
import { outboundHeaders, type RequestContext } from '../api-kit/request-context.ts';
import { noAnswer } from './no-answer.ts';
import { retryAfterMs } from './retry-after.ts';
import type { OutboundRequest, OutboundResponse, Transport } from './transport.ts';

export interface CallOptions {
  method: OutboundRequest['method'];
  /** Path below the API's base path, e.g. `/patients/40001/timeline`. */
  path: string;
  query?: OutboundRequest['query'];
  body?: unknown;
  /** Marks a POST or PATCH safe to send again after a dropped connection (see transport). */
  idempotent?: boolean;
  /**
   * Called when the answer is to a copy sent again after a dropped connection, so the lower
   * API may have acted on an earlier copy as well.
   */
  onResent?: () => void;
  /** Extra request headers, e.g. RFC 7240 `Prefer: respond-async`. */
  headers?: Record<string, string>;
  /** Called with a 2xx answer's status and headers, e.g. to tell a 202 from a 200. */
  onAnswer?: (status: number, headers: OutboundResponse['headers']) => void;
}

export class ApiClient {
  constructor(
    readonly apiName: string,
    private readonly basePath: string,
    private readonly transport: Transport,
    private readonly timeoutMs = 30_000,
  ) {}

  /** Calls the API and returns the parsed 2xx body. */
  async call<T>(context: RequestContext, options: CallOptions): Promise<T> {
    let response;
    try {
      response = await this.transport.send({
        method: options.method,
        path: this.basePath + options.path,
        query: options.query,
        body: options.body,
        headers: { ...options.headers, ...outboundHeaders(context), accept: 'application/json' },
        timeoutMs: this.timeoutMs,
        idempotent: options.idempotent,
      });
    } catch (error) {
      throw noAnswer(`The ${this.apiName} API`, error);
    }
    if (response.resent) options.onResent?.();
    if (response.status >= 200 && response.status < 300) {
      options.onAnswer?.(response.status, response.headers);
      return response.body as T;
    }
    throw this.failure(response.status, response.body, response.headers['retry-after']);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /**
   * A 4xx keeps the lower tier's code and field errors, and so does a 503 (a rate limit or
   * an upstream that asked us to wait, with its Retry-After); anything else is a 502.
   */
  private failure(status: number, body: unknown, retryAfter: unknown): ApiError {
    if ((status < 500 || status === 503) && isProblem(body)) {
      return new ApiError(status, body.code, body.title, {
        detail: body.detail, errors: body.errors, retryAfterMs: retryAfterMs(retryAfter),
      });
    }
    const code = isProblem(body) ? body.code : 'UNKNOWN';
    return new ApiError(502, 'UPSTREAM.FAILED', `The ${this.apiName} API failed`, {
      cause: new Error(`${this.apiName} answered ${status} (${code})`),
    });
  }

}
