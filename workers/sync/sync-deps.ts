/** What the sync worker's jobs work with. */
import type { SyncConfig } from '../../shared/config/config.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import type { State } from '../../shared/state/index.ts';

export interface SyncDeps {
  state: State;
  /** The ingest process API (`/ingest/v1`). */
  ingest: ApiClient;
  /** The wearable-sync process API (`/wearable-sync/v1`). */
  sync: ApiClient;
  config: SyncConfig;
  logger: Logger;
  /** The clock, for window ends and status times; injected by tests. */
  now?: () => number;
}

/** The clock's reading as an ISO 8601 instant in UTC. */
export function nowIso(deps: SyncDeps): string {
  return new Date(deps.now?.() ?? Date.now()).toISOString();
}
