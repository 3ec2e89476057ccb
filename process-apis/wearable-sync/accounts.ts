/**
 * The accounts the sync worker polls, and the operations on them: every connected Oura
 * connection in the state layer, and every patient configured with an Open Wearables user.
 * Each account is polled for every collection the ingest process API can pull for its vendor.
 */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import { ApiError } from '../../shared/errors/problem.ts';
import type { JobQueue, VendorConnectionStore } from '../../shared/state/index.ts';
import type { components } from '../../specs/types/wearable-sync.ts';
import { pullJob, type RetrySettings } from '../../workers/sync/sync-jobs.ts';
import { pullableCollections } from '../ingest/vendor-pull.ts';

type Account = components['schemas']['Account'];

export interface AccountSources {
  connections: VendorConnectionStore;
  /** JHE Patient.id -> Open Wearables user id: the patients whose OW data is pulled. */
  owAccounts: Record<string, string>;
}

/** Every account to poll, ordered by vendor then patient. */
export async function syncAccounts(sources: AccountSources): Promise<Account[]> {
  const oura = (await sources.connections.list('oura'))
    .filter((connection) => connection.status === 'connected')
    .map((connection) => account('oura', connection.patientId));
  const openWearables = Object.keys(sources.owAccounts)
    .map((patientId) => account('open-wearables', patientId));
  return [...oura, ...openWearables].sort(byVendorThenPatient);
}

export function accountHandlers(sources: AccountSources, queue: JobQueue,
  retry: RetrySettings): Handlers {
  return {
    async listSyncAccounts() {
      return { status: 200, body: { items: await syncAccounts(sources) } };
    },

    async syncAccountNow(request: ApiRequest) {
      const vendor = request.params.vendor;
      const patientId = String(request.params.patientId);
      const found = (await syncAccounts(sources))
        .find((candidate) => candidate.vendor === vendor && candidate.patientId === patientId);
      if (!found) {
        throw new ApiError(404, 'SYNC.ACCOUNT_NOT_FOUND', 'No such account is polled', {
          detail: `${vendor} is not connected or not configured for patient ${patientId}`,
        });
      }

      // A fresh id per request: an id of a scheduled job would be deduplicated against it.
      const now = Date.now();
      const jobIds: string[] = [];
      for (const collection of found.collections) {
        const id = `${vendor}:${patientId}:${collection}:now:${now}`;
        await queue.enqueue(pullJob({ vendor, patientId, collection }, id, retry));
        jobIds.push(id);
      }
      request.log.info({ accountKey: found.accountKey, jobs: jobIds.length }, 'sync enqueued');
      return { status: 202, body: { accountKey: found.accountKey, jobIds } };
    },
  };
}

function account(vendor: string, patientId: string): Account {
  return { accountKey: `${vendor}:${patientId}`, vendor, patientId,
    collections: pullableCollections(vendor) };
}

/** Patient ids are decimal strings: `9` sorts before `10`. */
function byVendorThenPatient(a: Account, b: Account): number {
  return a.vendor.localeCompare(b.vendor)
    || a.patientId.localeCompare(b.patientId, 'en', { numeric: true });
}
