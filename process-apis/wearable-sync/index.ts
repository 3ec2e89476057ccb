/**
 * Builds the wearable-sync process API over the state layer: the accounts the sync worker
 * polls, their sync status, and the dead-letter queue.
 */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF, type State } from '../../shared/state/index.ts';
import type { RetrySettings } from '../../workers/sync/sync-jobs.ts';
import { accountHandlers } from './accounts.ts';
import { deadLetterHandlers } from './dead-letters.ts';
import { syncStatusHandlers } from './sync-status.ts';

export async function createWearableSyncApi(options: {
  state: Pick<State, 'connections' | 'queue' | 'deadLetters' | 'syncStatus'>;
  /** JHE Patient.id -> Open Wearables user id: the patients whose OW data is pulled. */
  owAccounts: Record<string, string>;
  /** How the pull jobs this API queues are retried; the worker's defaults when absent. */
  retry?: RetrySettings;
  logger: Logger;
  validateResponses?: boolean;
}): Promise<MountedApi> {
  const { state } = options;
  return mountApi({
    name: 'wearable-sync',
    contractFile: join(SPECS_DIR, 'process/wearable-sync.yaml'),
    handlers: {
      ...accountHandlers({ connections: state.connections, owAccounts: options.owAccounts },
        state.queue, options.retry ?? { attempts: DEFAULT_ATTEMPTS,
          backoffMs: DEFAULT_BACKOFF.baseMs }),
      ...syncStatusHandlers(state.syncStatus),
      ...deadLetterHandlers(state.deadLetters),
    },
    logger: options.logger,
    validateResponses: options.validateResponses,
  });
}
