/**
 * Poison records: a record the ingest process API rejects is taken out of its page's way
 * as a job of its own. The job pulls the record's narrow window again; while the record is
 * still rejected the job fails permanently and waits in the dead-letter store with the
 * reason. Replaying the dead letter after a fix (at the vendor, or in a mapping) pulls it
 * once more, and the record is then stored once.
 */
import { PermanentError, type JobContext } from '../../shared/state/index.ts';
import { withAccountLock } from './account-lock.ts';
import { pullOrFail, type PullItem, type PullReport } from './pull.ts';
import { recordFailure } from './sync-status.ts';
import { nowIso, type SyncDeps } from './sync-deps.ts';
import {
  accountKey, RECORD_JOB, recordJobId, type PullJobData, type RecordJobData, type Window,
} from './sync-jobs.ts';

const DAY_MS = 86_400_000;

/** Queues one record job per rejected item; resolves once every one is durably queued. */
export async function isolateRejected(
  deps: SyncDeps,
  target: PullJobData,
  pulled: Window,
  rejected: PullItem[],
): Promise<void> {
  for (const item of rejected) {
    const data: RecordJobData = {
      ...target,
      sourceKey: item.sourceKey,
      ...(item.identifier ? { identifier: item.identifier } : {}),
      window: item.effectiveAt ? around(item.effectiveAt) : pulled,
      code: item.code ?? 'DATAPOINT.REJECTED',
      reason: item.reason ?? 'rejected by the ingest process API',
    };
    await deps.state.queue.enqueue({ name: RECORD_JOB, id: recordJobId(data), data,
      attempts: deps.config.attempts, backoff: { baseMs: deps.config.backoffMs } });
  }
}

export async function runRecordJob(deps: SyncDeps, job: JobContext<RecordJobData>)
  : Promise<void> {
  const record = job.data;
  const account = accountKey(record.vendor, record.patientId);
  const log = deps.logger.child({ job: job.id, attempt: job.attempt, account,
    dataType: record.collection });
  const settings = { ttlMs: deps.config.lockTtlMs, waitMs: deps.config.lockWaitMs };

  await withAccountLock(deps.state.locks, account, settings, log, async () => {
    const { items, summary } = await pullOrFail(deps, job, record.window);
    const still = stillRejected(record, items);
    if (still) {
      const failure = new PermanentError(`${still.code ?? record.code}: `
        + `${still.reason ?? record.reason} (record ${record.sourceKey})`);
      await recordFailure(deps, record, job, failure, still.code ?? record.code);
      throw failure;
    }
    await deps.state.syncStatus.recordSuccess(
      { vendor: record.vendor, patientId: record.patientId, dataType: record.collection },
      { at: nowIso(deps), counts: countsOf(summary) },
    );
    log.info('rejected record is no longer rejected');
  });
}

/**
 * The record's item in the new report if it is still rejected. A record known only by
 * its place in a page (no data point id) is matched by key, and failing that counts as
 * fixed only when nothing in its window is rejected any more.
 */
function stillRejected(record: RecordJobData, items: PullItem[]): PullItem | undefined {
  const rejected = items.filter((item) => item.status === 'rejected');
  const same = rejected.find((item) => (record.identifier
    ? item.identifier === record.identifier : item.sourceKey === record.sourceKey));
  if (same || record.identifier) return same;
  return rejected[0];
}

/**
 * What the repeat added: whatever it stored or held is new (a corrected record gets a new
 * key, so a new identifier); its neighbours come back as duplicates and are not counted
 * twice.
 */
function countsOf(summary: PullReport['summary']) {
  return { stored: summary.stored, held: summary.held };
}

/**
 * A day either side of the record's instant: wide enough for vendors that take calendar
 * dates (whose end date is exclusive), narrow enough to keep the repeat small.
 */
function around(instant: string): Window {
  const at = Date.parse(instant);
  return { start: new Date(at - DAY_MS).toISOString(), end: new Date(at + DAY_MS).toISOString() };
}
