/**
 * The two jobs of the sync worker, their data and their ids. Ids are the jobs' idempotency
 * keys: every replica schedules the same poll under the same id, so it runs once.
 */

import type { JobSpec } from '../../shared/state/index.ts';

/** Polls one account's data type from its watermark to now. */
export const PULL_JOB = 'sync.pull';

/** Retries one rejected record on its own; while it stays rejected it is a dead letter. */
export const RECORD_JOB = 'sync.record';

/** One account at one vendor, and one of its data types (a vendor collection). */
export interface PullJobData {
  vendor: string;
  patientId: string;
  collection: string;
}

/** A half-open span of instants, as the ingest process API's pull takes it. */
export interface Window {
  start: string;
  end: string;
}

/** A record the ingest process API rejected, kept apart so its page could go on. */
export interface RecordJobData extends PullJobData {
  /** The vendor's key of the record, as the ingest report names it. */
  sourceKey: string;
  /** The data point id, when the record got as far as a data point. */
  identifier?: string;
  /** The span to pull again to fetch this record alone (and its neighbours, harmlessly). */
  window: Window;
  code: string;
  reason: string;
}

/** Longest wait between two retries of a pull. */
const MAX_BACKOFF_MS = 300_000;

/** How hard a job is tried: the worker's SYNC_ATTEMPTS and SYNC_BACKOFF_MS. */
export interface RetrySettings {
  attempts: number;
  backoffMs: number;
}

/** A pull job as the queue takes it, tried as the worker's settings say. */
export function pullJob(data: PullJobData, id: string, retry: RetrySettings)
  : JobSpec<PullJobData> {
  return { name: PULL_JOB, id, data, attempts: retry.attempts,
    backoff: { baseMs: retry.backoffMs, maxMs: MAX_BACKOFF_MS } };
}

/** `oura:40001`: how watermarks, locks and sync status name an account. */
export function accountKey(vendor: string, patientId: string): string {
  return `${vendor}:${patientId}`;
}

/**
 * The id of the scheduled poll of one account's data type in one interval: equal across
 * replicas, so that however many schedule it, one job runs.
 */
export function pullJobId(data: PullJobData, intervalMs: number, now: number): string {
  const slot = Math.floor(now / intervalMs);
  return `${accountKey(data.vendor, data.patientId)}:${data.collection}:slot-${slot}`;
}

/** One id per rejected record, so a record rejected again is not queued twice. */
export function recordJobId(data: RecordJobData): string {
  const record = data.identifier ?? data.sourceKey;
  return `${accountKey(data.vendor, data.patientId)}:${data.collection}:record:${record}`;
}
