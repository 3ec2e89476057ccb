/** Builds the Pause backend experience API over the ingest and patient-bundle process APIs. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { loadMapping } from '../../shared/mapping/jsonata-mapping.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import { pauseBackendHandlers } from './handlers.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export async function createPauseBackendApi(options: {
  ingest: ApiClient;
  patientBundle: ApiClient;
  logger: Logger;
  validateResponses?: boolean;
}): Promise<MountedApi> {
  const toReadings = await loadMapping(join(HERE, 'mappings/timeline.to-pause-readings.jsonata'));
  return mountApi({
    name: 'pause-backend',
    contractFile: join(SPECS_DIR, 'experience/pause-backend.yaml'),
    handlers: pauseBackendHandlers({ ...options, toReadings }),
    logger: options.logger,
    validateResponses: options.validateResponses,
  });
}
