/** Builds the ingest process API over the JHE system API and the vendor system APIs. */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import type { IngestConfig } from '../../shared/config/config.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SchemaRegistry } from '../../shared/omh/schema-registry.ts';
import { PROJECT_ROOT, SPECS_DIR } from '../../shared/paths.ts';
import type { HeldDataPointStore } from '../../shared/state/index.ts';
import { ConverterRegistry } from './converter-registry.ts';
import { ingestHandlers } from './handlers.ts';
import type { VendorAccounts } from './vendor-pull.ts';

export async function createIngestApi(options: {
  jhe: ApiClient;
  vendors: Record<string, ApiClient>;
  /** Per vendor, JHE Patient.id -> the patient's account id at that vendor, for pulls. */
  accounts?: VendorAccounts;
  config: IngestConfig;
  /**
   * Holds valid data points JHE cannot store yet; without it they are reported rejected
   * with `DATAPOINT.NOT_ACCEPTED_BY_JHE` and kept nowhere.
   */
  held?: HeldDataPointStore;
  logger: Logger;
  validateResponses?: boolean;
}): Promise<MountedApi> {
  const converters = await ConverterRegistry.load(join(PROJECT_ROOT, 'system-apis'));
  const deps = {
    converters, schemas: new SchemaRegistry(), jhe: options.jhe, config: options.config,
    held: options.held,
  };
  return mountApi({
    name: 'ingest',
    contractFile: join(SPECS_DIR, 'process/ingest.yaml'),
    handlers: ingestHandlers(deps, { clients: options.vendors, accounts: options.accounts ?? {} }),
    logger: options.logger,
    validateResponses: options.validateResponses,
    bodyLimit: options.config.bodyLimit,
  });
}
