/**
 * Which failures of a lower API are worth retrying. The queue retries what is transient
 * (with the upstream's Retry-After when it gave one) and dead-letters what is permanent.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import { PermanentError, TransientError } from '../../shared/state/index.ts';

/**
 * Statuses that say "not now": the vendor's rate limit (429, or 503 with Retry-After as our
 * system APIs pass it on), an upstream that failed or did not answer (5xx), and a request
 * timeout (408). Everything else in 4xx (not connected, consent missing, a payload that
 * cannot be converted) will fail the same way tomorrow.
 */
function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/** Re-throws a lower API's failure as the queue's transient or permanent error. */
export function asJobError(error: unknown): Error {
  if (!(error instanceof ApiError)) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const message = `${error.code}: ${error.message}`;
  if (isTransientStatus(error.status)) {
    return new TransientError(message, { retryAfterMs: error.retryAfterMs, cause: error });
  }
  return new PermanentError(message, { cause: error });
}

/** The stable code to show in sync status for any failure. */
export function errorCode(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof ApiError) return cause.code;
  if (error instanceof ApiError) return error.code;
  return (error as { name?: string })?.name === 'TransientError' ? 'SYNC.TRANSIENT' : 'SYNC.FAILED';
}
