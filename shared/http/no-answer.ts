/**
 * The one translation of a call that got no answer (timed out, refused, reset) into the
 * layer's vocabulary: 504 `UPSTREAM.TIMEOUT` or 502 `UPSTREAM.UNAVAILABLE`, the transport
 * failure kept as the cause for the log.
 */
import { ApiError } from '../errors/problem.ts';
import { TransportError } from './transport.ts';

/**
 * @param subject - Who did not answer, as the title names it, e.g. `Oura` or `The jhe API`.
 * @param error - What the transport threw.
 */
export function noAnswer(subject: string, error: unknown): ApiError {
  const timedOut = error instanceof TransportError && error.reason === 'timeout';
  return new ApiError(timedOut ? 504 : 502,
    timedOut ? 'UPSTREAM.TIMEOUT' : 'UPSTREAM.UNAVAILABLE',
    timedOut ? `${subject} did not answer in time` : `${subject} did not answer`,
    { cause: error });
}
