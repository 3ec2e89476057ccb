/**
 * Sync status as one Redis hash per account and data type, listed through an index set.
 * Each record is one MULTI: the fields are set, the counters added with HINCRBY and the
 * hash read back with nothing from another client in between, so concurrent runs on any
 * number of replicas never lose an increment and each gets back the status it left.
 */
import type { ChainableCommander, Redis } from 'ioredis';
import type { SyncCounts, SyncStatus, SyncStatusStore } from '../ports.ts';
import {
  boundSyncError, checkSyncCounts, checkSyncInstant, checkSyncKey, SYNC_COUNT_NAMES,
  syncAccountKey, type SyncKey, type SyncSubject,
} from '../sync-run.ts';
import type { RedisKeys } from './keys.ts';
import { compareText } from './text-order.ts';

/** Hash fields of the last error, removed together by a success. */
const ERROR_FIELDS = ['errorCode', 'errorMessage'];

/** The Redis {@link SyncStatusStore}. */
export class RedisSyncStatusStore implements SyncStatusStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async get(accountKey: string, dataType: string): Promise<SyncStatus | undefined> {
    return fromHash(await this.redis.hgetall(this.keys.syncStatus(accountKey, dataType)));
  }

  async list(query: { accountKey?: string; vendor?: string; patientId?: string } = {}):
    Promise<SyncStatus[]> {
    const members = await this.redis.smembers(this.keys.syncStatusIndex);
    const wanted = members
      .map((member) => JSON.parse(member) as [string, string, string])
      .map(([vendor, patientId, dataType]) => ({
        vendor, patientId, dataType, accountKey: syncAccountKey(vendor, patientId),
      }))
      .filter((subject) => matches(subject, query))
      .sort((a, b) =>
        compareText(a.accountKey, b.accountKey) || compareText(a.dataType, b.dataType));
    if (wanted.length === 0) return [];

    const reads = this.redis.pipeline();
    for (const subject of wanted) {
      reads.hgetall(this.keys.syncStatus(subject.accountKey, subject.dataType));
    }
    return settled(await reads.exec())
      .map((hash) => fromHash(hash as Record<string, string>))
      .filter((status): status is SyncStatus => status !== undefined);
  }

  async recordSuccess(
    key: SyncKey,
    run: { at: string; counts: Partial<SyncCounts>; watermark?: string },
  ): Promise<SyncStatus> {
    const subject = checkSyncKey(key);
    const counts = checkSyncCounts(run.counts);
    const at = checkSyncInstant(run.at);
    const fields: Record<string, string> = {
      lastRunAt: at, lastSuccessAt: at, consecutiveFailures: '0',
    };
    if (run.watermark !== undefined) fields.watermark = checkSyncInstant(run.watermark);

    return this.record(subject, counts, (hash, step) => step
      .hset(hash, fields)
      .hdel(hash, ...ERROR_FIELDS));
  }

  async recordFailure(
    key: SyncKey,
    run: { at: string; error: { code: string; message: string }; counts?: Partial<SyncCounts> },
  ): Promise<SyncStatus> {
    const subject = checkSyncKey(key);
    const counts = checkSyncCounts(run.counts);
    const error = boundSyncError(run.error);
    const at = checkSyncInstant(run.at);

    return this.record(subject, counts, (hash, step) => step
      .hset(hash, {
        lastRunAt: at, lastFailureAt: at, errorCode: error.code, errorMessage: error.message,
      })
      .hincrby(hash, 'consecutiveFailures', 1));
  }

  /**
   * One transaction: the identity fields, the run's own changes, every counter (adding 0
   * still creates it), the index entry, and the hash as it then stands.
   */
  private async record(
    subject: SyncSubject,
    counts: SyncCounts,
    change: (hash: string, step: ChainableCommander) => ChainableCommander,
  ): Promise<SyncStatus> {
    const hash = this.keys.syncStatus(subject.accountKey, subject.dataType);
    const step = this.redis.multi().hset(hash, {
      vendor: subject.vendor, patientId: subject.patientId, dataType: subject.dataType,
    });
    change(hash, step);
    for (const name of SYNC_COUNT_NAMES) step.hincrby(hash, countField(name), counts[name]);
    step.sadd(this.keys.syncStatusIndex,
      JSON.stringify([subject.vendor, subject.patientId, subject.dataType]));
    step.hgetall(hash);

    const replies = settled(await step.exec());
    return fromHash(replies[replies.length - 1] as Record<string, string>) as SyncStatus;
  }
}

function countField(name: keyof SyncCounts): string {
  return `count:${name}`;
}

function matches(
  subject: SyncSubject,
  query: { accountKey?: string; vendor?: string; patientId?: string },
): boolean {
  return (query.accountKey === undefined || subject.accountKey === query.accountKey) &&
    (query.vendor === undefined || subject.vendor === query.vendor) &&
    (query.patientId === undefined || subject.patientId === query.patientId);
}

/** The replies of a MULTI or pipeline; the first command error, if any, is thrown. */
function settled(results: [Error | null, unknown][] | null): unknown[] {
  if (results === null) throw new Error('Redis discarded the sync status transaction');
  return results.map(([error, reply]) => {
    if (error) throw error;
    return reply;
  });
}

function fromHash(hash: Record<string, string>): SyncStatus | undefined {
  if (hash.vendor === undefined) return undefined;

  const counts = {} as SyncCounts;
  for (const name of SYNC_COUNT_NAMES) counts[name] = Number(hash[countField(name)] ?? 0);
  const status: SyncStatus = {
    accountKey: syncAccountKey(hash.vendor, hash.patientId),
    vendor: hash.vendor,
    patientId: hash.patientId,
    dataType: hash.dataType,
    consecutiveFailures: Number(hash.consecutiveFailures ?? 0),
    counts,
  };
  for (const field of ['lastRunAt', 'lastSuccessAt', 'lastFailureAt', 'watermark'] as const) {
    if (hash[field] !== undefined) status[field] = hash[field];
  }
  if (hash.errorCode !== undefined) {
    status.lastError = { code: hash.errorCode, message: hash.errorMessage ?? '' };
  }
  return status;
}
