/**
 * Builds the Pause backend experience API over the ingest, patient-bundle and
 * wearable-connections process APIs.
 */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import { pauseBackendHandlers } from './handlers.ts';

/** Where Oura sends a patient's browser back: the gateway's default Oura redirect URI. */
export const OURA_CALLBACK_PATH = '/pause/v1/wearables/oura/callback';

export async function createPauseBackendApi(options: {
  ingest: ApiClient;
  patientBundle: ApiClient;
  wearableConnections: ApiClient;
  wearableSync: ApiClient;
  logger: Logger;
  validateResponses?: boolean;
  /** Largest vendor payload a push may carry, e.g. `32mb` (a year of 5-minute heart rate). */
  bodyLimit?: string;
}): Promise<MountedApi> {
  return mountApi({
    name: 'pause-backend',
    contractFile: join(SPECS_DIR, 'experience/pause-backend.yaml'),
    handlers: pauseBackendHandlers(options),
    logger: options.logger,
    validateResponses: options.validateResponses,
    bodyLimit: options.bodyLimit,
  });
}
