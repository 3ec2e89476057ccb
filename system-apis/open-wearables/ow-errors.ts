/**
 * Turns Open Wearables' failures into the layer's stable codes. OW is a FastAPI service: it
 * answers errors as `{"detail": ...}`, where a 422's detail lists the failed parameters.
 * OW's own words go into the error's cause (the log), never to the caller.
 */
import { ApiError, type ProblemField } from '../../shared/errors/problem.ts';
import { noAnswer } from '../../shared/http/no-answer.ts';
import { retryAfterMs } from '../../shared/http/retry-after.ts';
import type { OutboundResponse } from '../../shared/http/transport.ts';

/** Parameters the caller of this API chose; only these are pointed at in a 400. */
const CALLER_PARAMETERS = new Set(['user_id', 'start_time', 'end_time', 'types', 'start_date',
  'end_date']);

/** OW names where a parameter was (FastAPI's `loc[0]`); ours follow the validator's names. */
const LOCATIONS: Record<string, string> = { path: 'params', query: 'query' };

/** IMF-fixdate, the HTTP date form senders must use; Date.parse alone takes far more. */
/**
 * OW answered 429. Carries the wait OW asked for, both for the HTTP answer (Retry-After)
 * and for job runners, which read a numeric `retryAfterMs` from any error.
 */
export class RateLimitedError extends ApiError {
  constructor(retryAfterMs: number | undefined, cause: unknown) {
    super(503, 'UPSTREAM.RATE_LIMITED', 'Open Wearables asked us to slow down',
      { cause, retryAfterMs });
  }

  /** The wait in whole seconds, rounded up, as a Retry-After header states it. */
  get retryAfterSeconds(): number | undefined {
    return this.retryAfterMs === undefined ? undefined : Math.ceil(this.retryAfterMs / 1000);
  }
}

/**
 * The ApiError for a non-200 answer from OW.
 * @param now - the clock, for a Retry-After given as an HTTP date
 */
export function owFailure(response: OutboundResponse, now = Date.now()): ApiError {
  const { status } = response;
  const cause = new Error(`Open Wearables ${status}: ${describeBody(response.body)}`);
  if (status === 429) {
    return new RateLimitedError(retryAfterMs(response.headers['retry-after'], now), cause);
  }
  if (status === 401 || status === 403) {
    return new ApiError(502, 'OW.AUTH_FAILED', 'Open Wearables refused the API key', { cause });
  }
  if (status === 404) {
    return new ApiError(404, 'OW.NOT_FOUND', 'Open Wearables has no such resource', { cause });
  }
  if (status === 400 || status === 422) {
    return new ApiError(400, 'OW.BAD_REQUEST', 'Open Wearables rejected the request', {
      cause, errors: rejectedFields(response.body),
    });
  }
  return new ApiError(502, 'UPSTREAM.FAILED', 'Open Wearables failed', { cause });
}

/** The ApiError for a call that did not complete: timed out, refused or reset. */
export function transportFailure(error: unknown): ApiError {
  return noAnswer('Open Wearables', error);
}

/** An answer OW should never give; the reason stays in the log. */
export function badResponse(reason: string): ApiError {
  return new ApiError(502, 'OW.BAD_RESPONSE', 'Open Wearables answered in an unusable shape',
    { cause: new Error(reason) });
}


/** Pointers for the caller's parameters that a FastAPI validation answer names. */
function rejectedFields(body: unknown): ProblemField[] | undefined {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (!Array.isArray(detail)) return undefined;
  const fields = detail.map(fieldOf).filter((field): field is ProblemField => !!field);
  return fields.length > 0 ? fields : undefined;
}

function fieldOf(item: unknown): ProblemField | undefined {
  const loc = (item as { loc?: unknown } | null)?.loc;
  if (!Array.isArray(loc) || loc.length < 2) return undefined;
  const [where, name, ...rest] = loc.map(String);
  if (!LOCATIONS[where] || !CALLER_PARAMETERS.has(name)) return undefined;
  const pointer = ['', LOCATIONS[where], name, ...rest].join('/');
  return { pointer, detail: 'Open Wearables did not accept this value' };
}

// Bounded: a proxy's HTML error page must not flood the log line.
function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
  return text.length > 500 ? `${text.slice(0, 500)}...` : text;
}
