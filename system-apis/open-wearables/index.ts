/** Builds the Open Wearables system API over an Open Wearables server (or its sandbox). */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import { HttpTransport } from '../../shared/http/transport.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import { openWearablesHandlers } from './handlers.ts';
import { OpenWearablesClient } from './ow-client.ts';

/** Where Open Wearables is and how to call it. */
export interface OpenWearablesConnection {
  /** Origin of the OW server, optionally with a path prefix in front of `/api/v1`. */
  baseUrl: string;
  /** Sent as `X-Open-Wearables-API-Key` on every call. */
  apiKey: string;
  /** Bound on each call to OW (each page is one call). */
  timeoutMs: number;
  /** Most pages one operation may read; default {@link DEFAULT_MAX_PAGES}. */
  maxPages?: number;
  /** Rows asked for per page, OW's `limit`; default {@link DEFAULT_PAGE_LIMIT}. */
  pageLimit?: number;
}

/** OW's largest `limit` for timeseries and sleep events. */
export const DEFAULT_PAGE_LIMIT = 100;

/**
 * 1,000 pages of 100 rows: a month of per-minute heart rate and more. A window past this
 * fails with OW.TOO_MANY_PAGES rather than hold an unbounded answer in memory.
 */
export const DEFAULT_MAX_PAGES = 1_000;

/**
 * Mounts `specs/system/open-wearables.yaml` over an OW client.
 * @throws TypeError when `baseUrl` is not an http(s) URL or a paging setting is not a
 * positive integer.
 * @example
 * const ow = await createOpenWearablesSystemApi({
 *   ow: { baseUrl: 'http://127.0.0.1:8000', apiKey: 'sk-...', timeoutMs: 30_000 }, logger,
 * });
 * // mount ow.api.app, then on shutdown
 * await ow.close();
 */
export async function createOpenWearablesSystemApi(options: {
  ow: OpenWearablesConnection;
  logger: Logger;
  validateResponses?: boolean;
}): Promise<{ api: MountedApi; close(): Promise<void> }> {
  const { ow } = options;
  const { origin, pathPrefix } = splitBaseUrl(ow.baseUrl);
  const client = new OpenWearablesClient(new HttpTransport(origin), {
    apiKey: ow.apiKey,
    timeoutMs: ow.timeoutMs,
    maxPages: positive('maxPages', ow.maxPages ?? DEFAULT_MAX_PAGES),
    pageLimit: positive('pageLimit', ow.pageLimit ?? DEFAULT_PAGE_LIMIT),
    pathPrefix,
  });
  const api = await mountApi({
    name: 'open-wearables',
    contractFile: join(SPECS_DIR, 'system/open-wearables.yaml'),
    handlers: openWearablesHandlers(client),
    logger: options.logger,
    validateResponses: options.validateResponses,
  });
  return { api, close: () => client.close() };
}

/** The connection pool wants a bare origin; any path of the base URL goes before `/api/v1`. */
function splitBaseUrl(baseUrl: string): { origin: string; pathPrefix: string } {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`Open Wearables baseUrl must be http(s), got ${url.protocol}`);
  }
  return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, '') };
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`Open Wearables ${name} must be a positive integer, got ${value}`);
  }
  return value;
}
