/** Builds the wearable-connections process API over the Oura system API. */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import { wearableConnectionsHandlers } from './handlers.ts';

export async function createWearableConnectionsApi(options: {
  oura: ApiClient;
  logger: Logger;
  validateResponses?: boolean;
}): Promise<MountedApi> {
  return mountApi({
    name: 'wearable-connections',
    contractFile: join(SPECS_DIR, 'process/wearable-connections.yaml'),
    handlers: wearableConnectionsHandlers(options),
    logger: options.logger,
    validateResponses: options.validateResponses,
  });
}
