/**
 * The sync-status operation: each account's status per data type as the state layer keeps
 * it, with how far its watermark lags behind now, and the counts summed over what is listed.
 */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import { instantNanos, type SyncStatus, type SyncStatusStore } from '../../shared/state/index.ts';
import type { components } from '../../specs/types/wearable-sync.ts';

type SyncStatusView = components['schemas']['SyncStatus'];
type SyncCounts = components['schemas']['SyncCounts'];

interface StatusQuery {
  patientId?: number;
  vendor?: string;
}

const COUNTS: (keyof SyncCounts)[] =
  ['fetched', 'stored', 'duplicate', 'rejected', 'skipped', 'held', 'deadLettered'];

const NANOS_PER_SECOND = 1_000_000_000n;

export function syncStatusHandlers(store: SyncStatusStore): Handlers {
  return {
    async getSyncStatus(request: ApiRequest<unknown, StatusQuery>) {
      const { patientId, vendor } = request.query;
      const statuses = await store.list({
        ...(patientId !== undefined ? { patientId: String(patientId) } : {}),
        ...(vendor !== undefined ? { vendor } : {}),
      });
      const nowNanos = BigInt(Date.now()) * 1_000_000n;
      const items = statuses.map((status) => view(status, nowNanos));
      return { status: 200, body: { items, totals: totals(items) } };
    },
  };
}

/** The status field by field, so that nothing the store adds later leaks out unlisted. */
function view(status: SyncStatus, nowNanos: bigint): SyncStatusView {
  const { accountKey, vendor, patientId, dataType, lastRunAt, lastSuccessAt, lastFailureAt,
    lastError, consecutiveFailures, watermark } = status;
  return {
    accountKey, vendor, patientId, dataType, consecutiveFailures,
    ...(lastRunAt !== undefined ? { lastRunAt } : {}),
    ...(lastSuccessAt !== undefined ? { lastSuccessAt } : {}),
    ...(lastFailureAt !== undefined ? { lastFailureAt } : {}),
    ...(lastError !== undefined
      ? { lastError: { code: lastError.code, message: lastError.message } } : {}),
    ...(watermark !== undefined
      ? { watermark, lagSeconds: lagSeconds(watermark, nowNanos) } : {}),
    counts: pickCounts(status.counts),
  };
}

/**
 * Whole seconds from the watermark to now. A watermark ahead of this clock (a device with a
 * fast clock, or skew between hosts) counts as no lag rather than a negative one.
 */
export function lagSeconds(watermark: string, nowNanos: bigint): number {
  const lag = (nowNanos - instantNanos(watermark)) / NANOS_PER_SECOND;
  return lag > 0n ? Number(lag) : 0;
}

function pickCounts(counts: Partial<SyncCounts>): SyncCounts {
  return Object.fromEntries(COUNTS.map((name) => [name, counts[name] ?? 0])) as SyncCounts;
}

function totals(items: SyncStatusView[]): SyncCounts {
  const sum = pickCounts({});
  for (const item of items) {
    for (const name of COUNTS) sum[name] += item.counts[name];
  }
  return sum;
}
