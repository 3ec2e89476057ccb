/** Writes a failed attempt into the account's sync status, counting it if it dead-letters. */
import { classifyJobError, type JobContext } from '../../shared/state/index.ts';
import { errorCode } from './failure-class.ts';
import { nowIso, type SyncDeps } from './sync-deps.ts';
import type { PullJobData } from './sync-jobs.ts';

/** True when the queue will give up on the job after this failure. */
export function willDeadLetter(job: JobContext<unknown>, error: unknown): boolean {
  return classifyJobError(error).kind === 'permanent' || job.attempt >= job.maxAttempts;
}

export async function recordFailure(
  deps: SyncDeps,
  target: PullJobData,
  job: JobContext<unknown>,
  error: Error,
  code = errorCode(error),
): Promise<void> {
  const deadLettered = willDeadLetter(job, error) ? 1 : 0;
  try {
    await deps.state.syncStatus.recordFailure(
      { vendor: target.vendor, patientId: target.patientId, dataType: target.collection },
      { at: nowIso(deps), error: { code, message: error.message },
        counts: { deadLettered } },
    );
  } catch (statusError) {
    // The job's own failure is what matters to the queue; a status write failing too is
    // only worth a log line.
    deps.logger.warn({ err: statusError }, 'could not record a sync failure');
  }
}
