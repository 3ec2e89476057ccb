/**
 * Every Redis key the state layer writes, under one prefix, so that one deployment (or
 * one test run) can share a Redis with others and be wiped with a single `SCAN` pattern.
 *
 * Composite ids are JSON arrays, which no separator inside an id can make ambiguous.
 */

/** The key names of one prefix. */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  /** Hash: field `[vendor, patientId]`, value the stored connection record. */
  get connections(): string {
    return `${this.prefix}connections`;
  }

  /** Hash: field `[accountKey, dataType]`, value `<sort key> <instant as written>`. */
  get watermarks(): string {
    return `${this.prefix}watermarks`;
  }

  /** Hash: field `[name, jobId]`, value the dead letter. */
  get deadLetters(): string {
    return `${this.prefix}dead-letters`;
  }

  /** Hash: field `[name, jobId]`, value when the job's current run of failures began. */
  get jobFailures(): string {
    return `${this.prefix}job-failures`;
  }

  /** Hash: field identifier, value the held data point record. */
  get heldDataPoints(): string {
    return `${this.prefix}held-data-points`;
  }

  /**
   * Sorted set, all scores 0 so members order as text: `<sort key of heldAt> <identifier>`
   * of every held data point, or of one patient's.
   */
  heldOrder(patientId?: string): string {
    return patientId === undefined
      ? `${this.prefix}held-data-points:order`
      : `${this.prefix}held-data-points:patient:${patientId}`;
  }

  /**
   * Hash: one account's sync status for one data type; a field per scalar, a counter per
   * `count:<name>` field (added to with HINCRBY).
   */
  syncStatus(accountKey: string, dataType: string): string {
    return `${this.prefix}sync-status:${pairField(accountKey, dataType)}`;
  }

  /** Set: `[vendor, patientId, dataType]` of every sync status, so they can be listed. */
  get syncStatusIndex(): string {
    return `${this.prefix}sync-status-index`;
  }

  /** BullMQ's own prefix; it appends `:<queue>:...`. */
  get bull(): string {
    return `${this.prefix}bull`;
  }

  /** String: an idempotency key's envelope, expiring with the key. */
  idempotency(key: string): string {
    return `${this.prefix}idem:${key}`;
  }

  /** String: the current holder's token, expiring with the lease. */
  lock(name: string): string {
    return `${this.prefix}lock:${name}`;
  }
}

/** A hash field naming a pair, e.g. `(vendor, patientId)`. */
export function pairField(first: string, second: string): string {
  return JSON.stringify([first, second]);
}

/** The pair back from {@link pairField}. */
export function parsePairField(field: string): [string, string] {
  return JSON.parse(field) as [string, string];
}
