/**
 * The poll of one account's data type: from the watermark to now, through the ingest
 * process API, and only then the watermark moves, to the last instant of the data itself.
 * A crash anywhere before the move repeats the poll, which stores nothing twice because
 * Observation identifiers are deterministic.
 */
import { PermanentError, type JobContext } from '../../shared/state/index.ts';
import { withAccountLock } from './account-lock.ts';
import { pullOrFail, type PullItem, type PullReport } from './pull.ts';
import { isolateRejected } from './record-job.ts';
import { recordFailure } from './sync-status.ts';
import { nowIso, type SyncDeps } from './sync-deps.ts';
import { accountKey, type PullJobData, type Window } from './sync-jobs.ts';

const DAY_MS = 86_400_000;

export async function runPullJob(deps: SyncDeps, job: JobContext<PullJobData>): Promise<void> {
  const target = job.data;
  const account = accountKey(target.vendor, target.patientId);
  const log = deps.logger.child({ job: job.id, attempt: job.attempt, account,
    dataType: target.collection });

  await withAccountLock(deps.state.locks, account, lockSettings(deps), log, async () => {
    const window = await windowFor(deps, account, target.collection);
    if (!window) {
      log.debug('watermark is at or past now: nothing to pull');
      return;
    }
    const report = await pullOrFail(deps, job, window);
    const refusal = wholesaleRefusal(report);
    if (refusal) {
      await recordFailure(deps, target, job, refusal.error, refusal.code);
      throw refusal.error;
    }
    await settle(deps, target, window, report);
    log.info(report.summary, 'account data type synced');
  });
}

/**
 * Isolates rejected records first, then moves the watermark, then records the run: once
 * the watermark has passed a record, its own job is what keeps it from being lost.
 */
async function settle(deps: SyncDeps, target: PullJobData, window: Window, report: PullReport) {
  const account = accountKey(target.vendor, target.patientId);
  const rejected = report.items.filter((item: PullItem) => item.status === 'rejected');
  await isolateRejected(deps, target, window, rejected);

  let watermark: string | undefined;
  if (report.dataThrough) {
    ({ current: watermark } = await deps.state.watermarks.advance(account, target.collection,
      report.dataThrough));
  }
  const { received, ...counts } = report.summary;
  await deps.state.syncStatus.recordSuccess(
    { vendor: target.vendor, patientId: target.patientId, dataType: target.collection },
    { at: nowIso(deps), counts: { fetched: received, ...counts }, watermark },
  );
}

/** Beyond this many rejected records in one pull, the pull itself is what failed. */
const MAX_ISOLATED = 100;

/**
 * Rejections that are about the account, not the record: retrying record by record would
 * only repeat them. JHE says so per item, so they arrive in a report like a bad record.
 */
const ACCOUNT_REFUSALS = new Set(['CONSENT.MISSING', 'JHE.FORBIDDEN']);

/**
 * Poison records are few and each is wrong in itself. When JHE refuses the account's data
 * (consent not given for the data type) or too many records fail to isolate one by one,
 * the pull fails as a whole and keeps its watermark, so a replay after the fix takes it
 * all again.
 */
function wholesaleRefusal(report: PullReport)
  : { error: PermanentError; code: string } | undefined {
  const rejected = report.items.filter((item) => item.status === 'rejected');
  const refusal = rejected.find((item) => ACCOUNT_REFUSALS.has(item.code ?? ''));
  if (!refusal && rejected.length <= MAX_ISOLATED) return undefined;
  const first = refusal ?? rejected[0];
  const how = refusal ? `JHE refused ${rejected.length} records of the pull`
    : `${rejected.length} records of the pull were rejected, too many to isolate`;
  const code = first.code ?? 'DATAPOINT.REJECTED';
  const reason = first.reason ?? 'rejected by the ingest process API';
  return { error: new PermanentError(`${how}; ${code}: ${reason}`), code };
}

/** From the watermark (or the look-back on a first poll) to now; none when caught up. */
async function windowFor(deps: SyncDeps, account: string, dataType: string)
  : Promise<Window | undefined> {
  const now = deps.now?.() ?? Date.now();
  const watermark = await deps.state.watermarks.get(account, dataType);
  const start = watermark ?? new Date(now - deps.config.lookbackDays * DAY_MS).toISOString();
  if (Date.parse(start) >= now) return undefined;
  return { start, end: new Date(now).toISOString() };
}

function lockSettings(deps: SyncDeps) {
  return { ttlMs: deps.config.lockTtlMs, waitMs: deps.config.lockWaitMs };
}
