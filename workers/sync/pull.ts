/**
 * One call to the ingest process API's pull: fetch a window of one vendor collection
 * through its system API, convert, validate and upload, and read back the report.
 */
import { newContext } from '../../shared/api-kit/request-context.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { JobContext } from '../../shared/state/index.ts';
import { asJobError } from './failure-class.ts';
import type { SyncDeps } from './sync-deps.ts';
import { recordFailure } from './sync-status.ts';
import type { PullJobData, Window } from './sync-jobs.ts';

/** The parts of the ingest report the worker reads. */
export interface PullReport {
  summary: {
    received: number; stored: number; duplicate: number;
    rejected: number; skipped: number; held: number;
  };
  items: PullItem[];
  /** The latest instant of the data in the report, if any: the next watermark. */
  dataThrough?: string;
}

export interface PullItem {
  sourceKey: string;
  status: 'stored' | 'duplicate' | 'rejected' | 'skipped' | 'held';
  identifier?: string;
  code?: string;
  reason?: string;
  effectiveAt?: string;
}

/** Pulls and ingests the window; throws the lower API's ApiError on failure. */
export function pullWindow(
  ingest: ApiClient,
  target: PullJobData,
  window: Window,
): Promise<PullReport> {
  const path = `/patients/${encodeURIComponent(target.patientId)}/vendors/`
    + `${encodeURIComponent(target.vendor)}/${encodeURIComponent(target.collection)}/pull`;
  return ingest.call<PullReport>(newContext(), { method: 'POST', path, body: window });
}

/** The pull's report; a failed pull is recorded and rethrown as transient or permanent. */
export async function pullOrFail<T extends PullJobData>(
  deps: SyncDeps, job: JobContext<T>, window: Window,
): Promise<PullReport> {
  try {
    return await pullWindow(deps.ingest, job.data, window);
  } catch (error) {
    const failure = asJobError(error);
    await recordFailure(deps, job.data, job, failure);
    throw failure;
  }
}
