/**
 * What every sandbox route needs: the store, the OMH schemas, the clock and a logger.
 * Passed explicitly so tests can build a sandbox with a fake clock.
 */
import type { Logger } from '../../shared/logging/logger.ts';
import { SchemaRegistry } from '../../shared/omh/schema-registry.ts';
import type { JheStore } from './store.ts';

export interface SandboxContext {
  store: JheStore;
  schemas: SchemaRegistry;
  now: () => Date;
  logger: Logger;
}

let sharedSchemas: SchemaRegistry | undefined;

/**
 * One registry for every sandbox in the process: compiling the schemas is the slow part of
 * start-up and the registry never changes. Formats are not asserted, as on JHE (§4.1.8).
 */
export function jheSchemas(): SchemaRegistry {
  sharedSchemas ??= new SchemaRegistry({ formats: 'none' });
  return sharedSchemas;
}
