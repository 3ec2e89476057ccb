/**
 * How a job handler says whether its failure is worth retrying.
 *
 * Throw {@link TransientError} for what may pass (a vendor 429 or 5xx, a timeout, a JHE
 * 5xx) and {@link PermanentError} for what will not (a schema-invalid record, missing
 * consent). Anything else counts as transient: a bounded number of retries costs little,
 * while giving up on a bug's first symptom would dead-letter work that a fix could save.
 */
import type { FailureClass } from './ports.ts';

/** Options of {@link TransientError}. */
export interface TransientErrorOptions {
  /** Wait at least this long before retrying, e.g. from a 429's `Retry-After`. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * A failure that may pass: the job is retried after its backoff, or after `retryAfterMs`
 * when given.
 *
 * @example
 * ```ts
 * throw new TransientError('Oura answered 429', { retryAfterMs: 30_000 });
 * ```
 */
export class TransientError extends Error {
  readonly retryAfterMs?: number;

  constructor(message: string, options: TransientErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'TransientError';
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * A failure that retrying cannot fix: the job goes to the dead-letter queue at once.
 *
 * @example
 * ```ts
 * throw new PermanentError('data point fails omh:heart-rate:2.0 at /heart_rate/value');
 * ```
 */
export class PermanentError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'PermanentError';
  }
}

/**
 * The default classification. Matches by `name` as well as by class, so errors from another
 * copy of this module (or a plain object with that name) classify the same; honours a
 * numeric `retryAfterMs` on any error, so HTTP clients need not import this module.
 */
export function classifyJobError(error: unknown): FailureClass {
  const name = (error as { name?: unknown } | null)?.name;
  if (error instanceof PermanentError || name === 'PermanentError') return { kind: 'permanent' };

  const retryAfterMs = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  if (typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    return { kind: 'transient', retryAfterMs };
  }
  return { kind: 'transient' };
}

/** The message to store as a dead letter's reason, for any thrown value. */
export function failureReason(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
