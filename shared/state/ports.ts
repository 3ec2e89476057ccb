/**
 * The ports of the state layer: everything the gateway remembers between requests.
 *
 * The layer is stateless except for what these interfaces hold. Each has two adapters, an
 * embedded SQLite file (the default, so a laptop needs no service) and Redis with BullMQ
 * (for a cluster); one contract suite in `test/state/` runs against both, so code written
 * against a port behaves the same on either. Every method is async, even where SQLite could
 * answer synchronously, because the Redis adapter cannot.
 *
 * @see ../../../shared/design/ARCHITECTURE.md, section "State"
 * @packageDocumentation
 */

/** Where a patient's link to a vendor account stands. */
export type ConnectionStatus = 'connected' | 'revoked' | 'error';

/**
 * The OAuth 2 tokens of one vendor connection. Stores keep them encrypted at rest; they
 * appear in clear only in memory, after a successful decryption.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export interface OAuthTokens {
  accessToken: string;
  refreshToken?: string;
  tokenType?: string;
  idToken?: string;
}

/**
 * One patient's connection to one vendor (Oura, Open Wearables, ...), keyed by
 * `(patientId, vendor)`.
 *
 * @example
 * ```ts
 * await state.connections.put({
 *   patientId: 'p-42', vendor: 'oura', tokens: { accessToken, refreshToken },
 *   scopes: ['heartrate', 'daily'], expiresAt: '2025-01-01T10:00:00Z', status: 'connected',
 * });
 * ```
 */
export interface VendorConnection {
  patientId: string;
  vendor: string;
  tokens: OAuthTokens;
  scopes: string[];
  /** When the access token expires, as an ISO 8601 instant with offset. */
  expiresAt?: string;
  status: ConnectionStatus;
  /** Why the connection is in `error`; free text without tokens or PHI. */
  lastError?: string;
  /** Set by the store on every `put`. */
  updatedAt?: string;
}

/**
 * Vendor connections with their tokens sealed by AES-256-GCM under a key id, so that keys
 * can rotate: records written under an old key stay readable while that key is supplied as
 * a decryption key, and are re-sealed under the current key on their next `put`.
 *
 * A record that cannot be decrypted (unknown key id, wrong key, tampered bytes) makes the
 * call reject with `TokenDecryptionError` (see `token-cipher.ts`); it never yields garbage
 * tokens.
 */
export interface VendorConnectionStore {
  get(patientId: string, vendor: string): Promise<VendorConnection | undefined>;
  /** Inserts or replaces the connection and returns it with `updatedAt` set. */
  put(connection: VendorConnection): Promise<VendorConnection>;
  /** Resolves `true` when a connection was there to delete. */
  delete(patientId: string, vendor: string): Promise<boolean>;
  /** Every connection, or those of one vendor, ordered by vendor then patient. */
  list(vendor?: string): Promise<VendorConnection[]>;
}

/** What {@link WatermarkStore.advance} did with the value it was given. */
export interface AdvanceResult {
  /** True when the watermark moved to the given value. */
  advanced: boolean;
  /** True when the given value was an earlier instant than the stored one and was ignored. */
  backwards: boolean;
  /** The stored watermark after the call, exactly as it was written. */
  current: string;
}

/** One stored watermark, as listed. */
export interface Watermark {
  accountKey: string;
  dataType: string;
  value: string;
}

/**
 * How far each account's data of each type has been ingested: an ISO 8601 instant that
 * keeps its UTC offset (`2024-05-01T06:30:00+05:00`), taken from the data, never from the
 * worker's clock. Values are compared as instants, to the nanosecond, not as strings.
 * A value without an offset is rejected with a `RangeError`.
 */
export interface WatermarkStore {
  get(accountKey: string, dataType: string): Promise<string | undefined>;
  /**
   * Moves the watermark forward only: a value at or before the stored instant leaves it
   * as it is, and the result says so. Atomic against concurrent calls.
   */
  advance(accountKey: string, dataType: string, value: string): Promise<AdvanceResult>;
  /** Overwrites the watermark (forward or back), or removes it with `undefined`: admin reset. */
  set(accountKey: string, dataType: string, value: string | undefined): Promise<void>;
  /** Every watermark, or one account's, ordered by account then data type. */
  list(accountKey?: string): Promise<Watermark[]>;
}

/** A claimed idempotency key and the value recorded for it, if any. */
export interface IdempotencyEntry<T = unknown> {
  key: string;
  /** What {@link IdempotencyStore.record} stored; absent while the work is in progress. */
  value?: T;
  /** When the entry lapses, as an ISO instant; absent when it never does. */
  expiresAt?: string;
}

/**
 * Idempotent-consumer records: the first `claim` of a key wins until the key expires, so
 * a retried or replayed message does its work once.
 *
 * @example
 * ```ts
 * if (await state.idempotency.claim(`upload:${batchId}`, 86_400_000)) {
 *   const result = await upload();
 *   await state.idempotency.record(`upload:${batchId}`, result);
 * }
 * ```
 */
export interface IdempotencyStore {
  /** Resolves `true` for exactly one caller per key until the key expires (atomic). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Stores the outcome under the key. Without `ttlMs` the key keeps the expiry its claim
   * gave it (or none when it was never claimed).
   */
  record<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  get<T = unknown>(key: string): Promise<IdempotencyEntry<T> | undefined>;
  /** Drops the key, so that work that failed after its claim can be claimed again. */
  release(key: string): Promise<void>;
}

/** A held lock. Its token is random per acquisition; only the holder can extend or free it. */
export interface Lock {
  readonly name: string;
  readonly token: string;
  /** Pushes the expiry to `ttlMs` from now; `false` when the lock was lost meanwhile. */
  extend(ttlMs: number): Promise<boolean>;
  /** Frees the lock if this token still holds it; `false` when it had expired or moved on. */
  release(): Promise<boolean>;
}

/**
 * Named leases with expiry, so that at most one replica polls an account at a time. A lock
 * whose holder died is free again once its ttl runs out.
 */
export interface LockService {
  /** The lock, or `undefined` when another token holds it and it has not expired. */
  acquire(name: string, ttlMs: number): Promise<Lock | undefined>;
}

/**
 * How long to wait before each retry: `baseMs * 2^(attempt - 1)`, capped at `maxMs`, with
 * equal jitter (half fixed, half random) so that failing replicas do not retry in step.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs?: number;
}

/**
 * A job to run. Within one job `name`, the `id` is the idempotency key of the job itself:
 * enqueuing an id that is waiting, running, retrying or completed within the retention
 * window adds nothing. Ids of dead-lettered jobs are free again, so that replay can use them.
 */
export interface JobSpec<T = unknown> {
  id: string;
  /** Letters, digits, `.`, `_` and `-`; one worker pool per name. */
  name: string;
  /** JSON-serialisable; what comes back is the JSON round trip of it. */
  data: T;
  /** Total tries, the first one included. Default 5. */
  attempts?: number;
  /** Default `{ baseMs: 1000, maxMs: 300000 }`. */
  backoff?: BackoffPolicy;
}

/** What {@link JobQueue.enqueue} did. */
export interface EnqueueResult {
  /** False when a job with the same name and id already exists. */
  added: boolean;
}

/** The job as a handler sees it. */
export interface JobContext<T = unknown> {
  id: string;
  name: string;
  data: T;
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
}

/** Does the work of one job; throwing fails this attempt. */
export type JobHandler<T = unknown> = (job: JobContext<T>) => Promise<void> | void;

/** How a failed attempt is treated: retried later, or dead-lettered now. */
export interface FailureClass {
  kind: 'transient' | 'permanent';
  /** Wait at least this long before the retry (a vendor's `Retry-After`). */
  retryAfterMs?: number;
}

/** Options of one worker pool. */
export interface ProcessOptions {
  /** Jobs run at once by this pool. Default 1. */
  concurrency?: number;
  /** Overrides the default error classification (see `classifyJobError`). */
  classify?: (error: unknown) => FailureClass;
}

/** A running worker pool. */
export interface JobProcessor {
  /** Stops taking jobs and resolves once the jobs in hand have finished. */
  close(): Promise<void>;
}

/**
 * A durable job queue with bounded, jittered retries. A handler error classified as
 * transient is retried after the backoff (or its `retryAfterMs`) until the job's attempts
 * run out; a permanent one is not retried. Either way the job then goes to the
 * {@link DeadLetterStore} with its reason. Delivery is at least once: a worker that dies
 * mid-job has the job run again elsewhere, so handlers must be idempotent.
 */
export interface JobQueue {
  enqueue<T>(job: JobSpec<T>): Promise<EnqueueResult>;
  /** Starts a pool that runs jobs of `name` until closed. */
  process<T>(name: string, handler: JobHandler<T>, options?: ProcessOptions): JobProcessor;
}

/** Why a job was given up on. */
export type DeadLetterKind = 'permanent' | 'exhausted' | 'stalled';

/** A job that was given up on, with enough to understand and replay it. */
export interface DeadLetter<T = unknown> {
  jobId: string;
  name: string;
  data: T;
  kind: DeadLetterKind;
  /** The last error's message. */
  reason: string;
  /** Attempts made, the last one included. */
  attempts: number;
  maxAttempts: number;
  backoff: BackoffPolicy;
  firstFailedAt: string;
  lastFailedAt: string;
}

/** Filter for {@link DeadLetterStore.list}. */
export interface DeadLetterQuery {
  name?: string;
  /** Default 100. */
  limit?: number;
}

/**
 * The dead-letter queue: list, inspect, replay. Replay enqueues the same name, id and data
 * with a fresh set of attempts and removes the dead letter; if a job with that id already
 * exists again it does nothing and resolves `false`.
 */
export interface DeadLetterStore {
  /** Newest failure first. */
  list(query?: DeadLetterQuery): Promise<DeadLetter[]>;
  get(name: string, jobId: string): Promise<DeadLetter | undefined>;
  replay(name: string, jobId: string): Promise<boolean>;
  /** Discards a dead letter without running it; `false` when there was none. */
  remove(name: string, jobId: string): Promise<boolean>;
}

/**
 * A valid data point that JHE cannot store yet (a `pause:` schema on JHE's Open mHealth
 * path), kept so that it is reported and can be replayed once JHE knows its code, rather
 * than dropped.
 */
export interface HeldDataPoint {
  /** The data point's deterministic id (`header.uuid`); one record per identifier. */
  identifier: string;
  patientId: string;
  vendor: string;
  /** e.g. `pause:heart-rate-variability:1.0`. */
  schema: string;
  /** The whole data point, header and body, as validated; JSON-serialisable. */
  dataPoint: Record<string, unknown>;
  /** When it was first held, as an ISO 8601 instant with offset. */
  heldAt: string;
  /** Why it is held; free text without PHI. */
  reason: string;
}

/** Filter for {@link HeldDataPointStore.list}. */
export interface HeldDataPointQuery {
  patientId?: string;
  schema?: string;
  /** Default 1000. */
  limit?: number;
}

/**
 * Data points held back from JHE. Holding is idempotent by identifier: a second `hold`
 * keeps the first record as it was, so a re-ingest never duplicates a held point.
 *
 * @example
 * ```ts
 * const isNew = await state.held.hold({ identifier: point.header.uuid, patientId: '40001',
 *   vendor: 'oura', schema: 'pause:heart-rate-variability:1.0', dataPoint: point,
 *   heldAt: new Date().toISOString(), reason: 'JHE does not store this type yet' });
 * ```
 */
export interface HeldDataPointStore {
  /**
   * Keeps the record unless one with its identifier is held already; resolves `true` when
   * it was new. Rejects with a `RangeError` when `heldAt` is not an instant with offset.
   */
  hold(record: HeldDataPoint): Promise<boolean>;
  /** Oldest hold first (then by identifier), filtered by patient and schema. */
  list(query?: HeldDataPointQuery): Promise<HeldDataPoint[]>;
  get(identifier: string): Promise<HeldDataPoint | undefined>;
  /** Removes the record (e.g. after a replay into JHE); `false` when none was held. */
  release(identifier: string): Promise<boolean>;
}

/** Running totals of one account's data of one type, cumulative since its first sync run. */
export interface SyncCounts {
  fetched: number;
  stored: number;
  duplicate: number;
  rejected: number;
  skipped: number;
  held: number;
  deadLettered: number;
}

/**
 * Where the background sync of one account's data of one type stands, keyed by
 * `(accountKey, dataType)` with `accountKey` = `${vendor}:${patientId}` (e.g. `oura:40001`).
 * Instants are ISO 8601 with offset, as the worker gave them.
 */
export interface SyncStatus {
  accountKey: string;
  vendor: string;
  patientId: string;
  /** The vendor collection, e.g. `heartrate` or `daily_spo2`. */
  dataType: string;
  lastRunAt?: string;
  lastSuccessAt?: string;
  lastFailureAt?: string;
  /** Why the last run failed; a stable code and a message without PHI (at most 500 chars). */
  lastError?: { code: string; message: string };
  /** Failed runs since the last success. */
  consecutiveFailures: number;
  /** A copy of the watermark after the last successful run that gave one. */
  watermark?: string;
  counts: SyncCounts;
}

/**
 * Per-account sync status, as the worker records it after each run and the APIs report it.
 * Both record calls are atomic against concurrent calls from any number of processes: two
 * runs that each add `{ stored: 1 }` leave `stored` 2 higher. An instant without an offset
 * is rejected with a `RangeError`, as is a count that is not a whole number >= 0; an
 * unknown counter or an empty key part with a `TypeError`. A rejected call writes nothing.
 *
 * @example
 * ```ts
 * await state.syncStatus.recordSuccess(
 *   { vendor: 'oura', patientId: '40001', dataType: 'heartrate' },
 *   { at: '2024-05-01T06:30:00Z', counts: { fetched: 288, stored: 287, duplicate: 1 },
 *     watermark: '2024-05-01T06:25:00+00:00' },
 * );
 * ```
 */
export interface SyncStatusStore {
  get(accountKey: string, dataType: string): Promise<SyncStatus | undefined>;
  /** Ordered by account then data type; filter by accountKey, vendor or patientId. */
  list(query?: { accountKey?: string; vendor?: string; patientId?: string })
    : Promise<SyncStatus[]>;
  /**
   * Adds `counts` to the totals atomically, sets lastRunAt = lastSuccessAt = at,
   * consecutiveFailures = 0, clears lastError, sets watermark when given; resolves with the
   * status as this call left it.
   */
  recordSuccess(key: { vendor: string; patientId: string; dataType: string },
    run: { at: string; counts: Partial<SyncCounts>; watermark?: string }): Promise<SyncStatus>;
  /**
   * Sets lastRunAt = lastFailureAt = at, lastError, consecutiveFailures += 1, and adds
   * `counts` (e.g. `{ deadLettered: 1 }`) atomically; resolves with the status as this call
   * left it.
   */
  recordFailure(key: { vendor: string; patientId: string; dataType: string },
    run: { at: string; error: { code: string; message: string };
      counts?: Partial<SyncCounts> }): Promise<SyncStatus>;
}

/** Everything the state layer offers, from one backend. */
export interface State {
  /** `sqlite` or `redis`, for logs and the health endpoint. */
  readonly backend: 'sqlite' | 'redis';
  connections: VendorConnectionStore;
  watermarks: WatermarkStore;
  idempotency: IdempotencyStore;
  locks: LockService;
  queue: JobQueue;
  deadLetters: DeadLetterStore;
  held: HeldDataPointStore;
  syncStatus: SyncStatusStore;
  /** Closes worker pools (waiting for their jobs in hand), then the backend. */
  close(): Promise<void>;
}
