/**
 * What the Redis adapter stores as a BullMQ job's data: the caller's data plus what the
 * adapter needs to retry and dead-letter the job the same way the SQLite adapter does.
 */
import type { BackoffPolicy } from '../ports.ts';

/** A BullMQ job's data. */
export interface JobEnvelope {
  /** The caller's job id (the BullMQ id is an escaped form of it). */
  id: string;
  payload: unknown;
  backoff: BackoffPolicy;
  /** Random per enqueue: tells this job apart from an earlier or later one with its id. */
  incarnation: string;
}

/**
 * The BullMQ job id for a caller's id. BullMQ rejects ids that look like integers or hold
 * `:`, and ours may be either (`poll:oura:p-42`), so ids are escaped behind a prefix.
 */
export function bullJobId(id: string): string {
  return `j.${encodeURIComponent(id)}`;
}
