/**
 * The state layer: ports, the factory that picks an adapter, and the helpers callers use
 * with them. Adapters are not exported; code depends on the ports only.
 */
export * from './ports.ts';
export { createState } from './create-state.ts';
export type { QueueTuning, StateOptions } from './state-options.ts';
export {
  classifyJobError, failureReason, PermanentError, TransientError,
  type TransientErrorOptions,
} from './job-errors.ts';
export { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF } from './job-spec.ts';
export { decideRetry, retryDelayMs, type RetryDecision } from './retry-policy.ts';
export { compareInstants, instantNanos } from './instant.ts';
export { TokenDecryptionError } from './token-cipher.ts';
export { SYNC_COUNT_NAMES, SYNC_ERROR_MESSAGE_LIMIT, syncAccountKey } from './sync-run.ts';
