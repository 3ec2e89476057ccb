/**
 * The wearable sync-status operation of the Pause backend experience API: it asks the
 * wearable-sync process API for the patient's statuses and answers them grouped by vendor,
 * with only what Pause shows (no account keys, no failure streak).
 */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { components as Process } from '../../specs/types/wearable-sync.ts';
import type { components } from '../../specs/types/pause-backend.ts';

type ProcessStatus = Process['schemas']['SyncStatus'];
type WearableSyncStatus = components['schemas']['WearableSyncStatus'];
type DataTypeSyncStatus = components['schemas']['DataTypeSyncStatus'];

export function syncStatusHandlers(wearableSync: ApiClient): Handlers {
  return {
    async getWearableSyncStatus(request: ApiRequest) {
      const patientId = Number(request.params.patientId);
      const list = await wearableSync.call<Process['schemas']['SyncStatusList']>(
        request.context, { method: 'GET', path: '/sync-status', query: { patientId } });
      const body: WearableSyncStatus = { patientId, vendors: byVendor(list.items) };
      return { status: 200, body };
    },
  };
}

/** Vendors in the order the process API lists them (by account, then data type). */
function byVendor(items: ProcessStatus[]): WearableSyncStatus['vendors'] {
  const vendors = new Map<string, DataTypeSyncStatus[]>();
  for (const item of items) {
    const dataTypes = vendors.get(item.vendor) ?? [];
    dataTypes.push(toPause(item));
    vendors.set(item.vendor, dataTypes);
  }
  return [...vendors].map(([vendor, dataTypes]) => ({ vendor, dataTypes }));
}

function toPause(status: ProcessStatus): DataTypeSyncStatus {
  const { dataType, lastSuccessAt, lastFailureAt, lastError, lagSeconds, watermark,
    counts } = status;
  return { dataType,
    ...(lastSuccessAt !== undefined ? { lastSuccessAt } : {}),
    ...(lastFailureAt !== undefined ? { lastFailureAt } : {}),
    ...(lastError !== undefined ? { lastError } : {}),
    ...(lagSeconds !== undefined ? { lagSeconds } : {}),
    ...(watermark !== undefined ? { watermark } : {}),
    counts };
}
