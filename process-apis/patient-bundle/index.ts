/** Builds the patient-bundle process API over the JHE system API. */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import { patientBundleHandlers } from './handlers.ts';

export function createPatientBundleApi(options: {
  jhe: ApiClient;
  logger: Logger;
  validateResponses?: boolean;
}): Promise<MountedApi> {
  return mountApi({
    name: 'patient-bundle',
    contractFile: join(SPECS_DIR, 'process/patient-bundle.yaml'),
    handlers: patientBundleHandlers(options.jhe),
    logger: options.logger,
    validateResponses: options.validateResponses,
  });
}
