/**
 * The one retry decision both queue adapters make after a failed attempt, so that SQLite
 * and BullMQ retry, wait and give up alike.
 */
import { classifyJobError, failureReason } from './job-errors.ts';
import type { BackoffPolicy, DeadLetterKind, FailureClass } from './ports.ts';

/** What to do after a failed attempt. */
export type RetryDecision =
  | { retry: true; delayMs: number; reason: string }
  | { retry: false; kind: DeadLetterKind; reason: string };

/** The facts of one failed attempt. */
export interface FailedAttempt {
  error: unknown;
  /** 1-based number of the attempt that failed. */
  attempt: number;
  maxAttempts: number;
  backoff: BackoffPolicy;
  classify?: (error: unknown) => FailureClass;
  /** Injected by tests; `Math.random` otherwise. */
  random?: () => number;
}

/**
 * Retries a transient failure while attempts remain; dead-letters a permanent one at once
 * and a transient one whose attempts are spent.
 */
export function decideRetry(failed: FailedAttempt): RetryDecision {
  const reason = failureReason(failed.error);
  const failure = (failed.classify ?? classifyJobError)(failed.error);

  if (failure.kind === 'permanent') return { retry: false, kind: 'permanent', reason };
  if (failed.attempt >= failed.maxAttempts) return { retry: false, kind: 'exhausted', reason };

  const delayMs = retryDelayMs(failed.attempt, failed.backoff, failure, failed.random);
  return { retry: true, delayMs, reason };
}

/**
 * Milliseconds to wait after failed attempt number `attempt`. An explicit `retryAfterMs`
 * wins, since the upstream said when it will accept us again; otherwise exponential
 * backoff with equal jitter: never less than half the step, so retries still spread out.
 */
export function retryDelayMs(
  attempt: number,
  backoff: BackoffPolicy,
  failure: FailureClass,
  random: () => number = Math.random,
): number {
  if (failure.retryAfterMs !== undefined) return Math.ceil(failure.retryAfterMs);

  const uncapped = backoff.baseMs * 2 ** Math.max(0, attempt - 1);
  const step = Math.min(uncapped, backoff.maxMs ?? Number.POSITIVE_INFINITY);
  return Math.round(step / 2 + random() * (step / 2));
}
