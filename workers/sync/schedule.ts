/**
 * The poll schedule: every interval, one pull job per account and data type. Every
 * replica runs it; the job ids of one interval are the same everywhere, so the queue keeps
 * one job each however many replicas scheduled it.
 */
import { newContext } from '../../shared/api-kit/request-context.ts';
import type { SyncDeps } from './sync-deps.ts';
import { pullJob, pullJobId, type PullJobData } from './sync-jobs.ts';

/** One account the wearable-sync process API says to poll. */
interface Account {
  vendor: string;
  patientId: string;
  collections: string[];
}

/** Schedules this interval's polls; resolves to the number of jobs newly queued. */
export async function schedulePolls(deps: SyncDeps): Promise<number> {
  const { items } = await deps.sync.call<{ items: Account[] }>(newContext(),
    { method: 'GET', path: '/accounts' });
  const now = deps.now?.() ?? Date.now();
  let added = 0;
  for (const account of items) {
    for (const collection of account.collections) {
      const data: PullJobData = { vendor: account.vendor, patientId: account.patientId,
        collection };
      const id = pullJobId(data, deps.config.intervalMs, now);
      const result = await deps.state.queue.enqueue(pullJob(data, id, deps.config));
      if (result.added) added += 1;
    }
  }
  return added;
}
