/**
 * What every sandbox route needs: the store, the OMH schemas, the clock, a logger and the
 * JHE release being emulated. Passed explicitly so tests can build a sandbox with a fake
 * clock or an older release.
 */
import type { Request } from 'express';
import type { Logger } from '../../shared/logging/logger.ts';
import { SchemaRegistry } from '../../shared/omh/schema-registry.ts';
import { requestUrl } from './paging.ts';
import type { JheStore } from './store.ts';

/**
 * The JHE releases the sandbox can emulate (reference §0): HEAD serves `/FHIR/R5` only,
 * v0.0.13 serves it and the legacy `/fhir/r5`, v0.0.10 serves only `/fhir/r5`.
 */
export type JheVersion = 'head' | 'v0.0.13' | 'v0.0.10';

/** The per-sandbox services every route is given. */
export interface SandboxContext {
  store: JheStore;
  schemas: SchemaRegistry;
  now: () => Date;
  logger: Logger;
  version: JheVersion;
  /** JHE's SITE_URL; without it the request's own origin stands in. */
  siteUrl?: string;
  /** Emulates releases that stop a search at this many rows and send no `next`. */
  legacyListCap?: number;
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

/**
 * The site URL JHE uses for invitation links, the grant `redirect_uri` and the token
 * exchange `audience` (§1.5): the `site.url` setting, else SITE_URL, else this request's
 * origin (which is where a sandbox on a random port is reachable).
 */
export function siteUrl(ctx: SandboxContext, req: Request): string {
  const setting = ctx.store.setting('site.url');
  if (typeof setting === 'string' && setting) return setting;
  return ctx.siteUrl ?? requestUrl(req).origin;
}
