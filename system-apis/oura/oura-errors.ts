/**
 * Oura's error answers become this API's stable codes here, at one seam. Oura's own words
 * go into the error's cause, for the log, and never to the caller.
 *
 * | Oura | Code | Status |
 * |---|---|---|
 * | 400, 422 | `OURA.BAD_REQUEST` | 400 |
 * | 401 | `OURA.AUTH_FAILED` (after one refresh, for a patient token) | 502 |
 * | 403 | `OURA.FORBIDDEN` (scope not granted, or membership lapsed) | 403 |
 * | 404 | `OURA.ROUTE_NOT_FOUND` (our use of Oura is wrong) | 502 |
 * | 429 | `UPSTREAM.RATE_LIMITED`, with `Retry-After` | 503 |
 * | other | `UPSTREAM.FAILED` | 502 |
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { OutboundResponse } from '../../shared/http/transport.ts';
import { noAnswer } from '../../shared/http/no-answer.ts';
import { retryAfterMs } from '../../shared/http/retry-after.ts';

/**
 * `UPSTREAM.RATE_LIMITED`, carrying Oura's `Retry-After` (in ms, when Oura sent a readable
 * one): the error middleware repeats it as our `Retry-After`, and job runners read
 * `retryAfterMs` to wait that long before a retry.
 */
export class OuraRateLimitedError extends ApiError {
  constructor(retryAfterMs: number | undefined, cause: Error) {
    super(503, 'UPSTREAM.RATE_LIMITED', 'Oura asked us to slow down', { cause, retryAfterMs });
  }
}

/** The error for a non-200 answer of an Oura data route. */
export function ouraError(response: OutboundResponse, now = Date.now()): ApiError {
  const cause = new Error(`Oura ${response.status}: ${describeBody(response.body)}`);
  switch (response.status) {
    case 429:
      return new OuraRateLimitedError(retryAfterMs(response.headers['retry-after'], now), cause);
    case 401:
      return new ApiError(502, 'OURA.AUTH_FAILED', 'Oura refused the access token', { cause });
    case 403:
      return new ApiError(403, 'OURA.FORBIDDEN', 'Oura refused access to this collection', {
        cause,
        detail: 'The connection lacks the scope for this collection, or the Oura '
          + 'membership has lapsed',
      });
    case 404:
      return new ApiError(502, 'OURA.ROUTE_NOT_FOUND', 'Oura does not know this route',
        { cause });
    case 400:
    case 422:
      return new ApiError(400, 'OURA.BAD_REQUEST', 'Oura rejected the request', { cause });
    default:
      return new ApiError(502, 'UPSTREAM.FAILED', 'Oura failed', { cause });
  }
}

/** The error for a call that got no answer: timeout, refused, reset. */
export function unanswered(error: unknown): ApiError {
  return noAnswer('Oura', error);
}


// Oura's error bodies are short `{"detail": ...}` objects; cap them in case one is not.
function describeBody(body: unknown): string {
  return JSON.stringify(body ?? null).slice(0, 300);
}
