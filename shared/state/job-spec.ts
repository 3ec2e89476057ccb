/**
 * Checking a job at the door and filling in its defaults, the same way for both adapters,
 * so that a job one backend accepts the other accepts too.
 */
import type { BackoffPolicy, JobSpec } from './ports.ts';

/** Tries per job when the spec does not say. */
export const DEFAULT_ATTEMPTS = 5;

/** Backoff when the spec does not say: 1 s, 2 s, 4 s ... capped at 5 minutes. */
export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = { baseMs: 1_000, maxMs: 300_000 };

/** A job with every default applied and its data already in JSON. */
export interface NormalizedJob {
  id: string;
  name: string;
  dataJson: string;
  maxAttempts: number;
  backoff: BackoffPolicy;
}

/** Job names become BullMQ queue names and key parts: keep them plain. */
const JOB_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Validates a job and applies the defaults.
 *
 * @throws TypeError when the id or name is unusable, the data is not JSON, or the attempts
 * or backoff are not positive numbers
 */
export function normalizeJob<T>(job: JobSpec<T>): NormalizedJob {
  checkJobName(job.name);
  if (typeof job.id !== 'string' || job.id.length === 0 || job.id.length > 500) {
    throw new TypeError('a job id is a string of 1 to 500 characters');
  }
  const maxAttempts = job.attempts ?? DEFAULT_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new TypeError(`job attempts must be a whole number >= 1, got ${maxAttempts}`);
  }

  return {
    id: job.id,
    name: job.name,
    dataJson: toJson(job.data),
    maxAttempts,
    backoff: checkBackoff(job.backoff ?? DEFAULT_BACKOFF),
  };
}

/** @throws TypeError when `name` is not a usable job name */
export function checkJobName(name: string): string {
  if (typeof name !== 'string' || !JOB_NAME.test(name)) {
    throw new TypeError(`job name ${JSON.stringify(name)} must match ${JOB_NAME}`);
  }
  return name;
}

function checkBackoff(backoff: BackoffPolicy): BackoffPolicy {
  const { baseMs, maxMs } = backoff;
  const valid = (value: number | undefined) =>
    value === undefined || (value >= 0 && value < 2 ** 31);
  if (typeof baseMs !== 'number' || !valid(baseMs) || !valid(maxMs)) {
    throw new TypeError('job backoff needs baseMs (and optional maxMs) in 0 .. 2^31 ms');
  }
  return maxMs === undefined ? { baseMs } : { baseMs, maxMs };
}

function toJson(data: unknown): string {
  const json = JSON.stringify(data);
  if (json === undefined) throw new TypeError('job data must be JSON-serialisable');
  return json;
}
