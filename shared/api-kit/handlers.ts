/**
 * What an operation handler sees and returns. Handlers never touch Express: they take a
 * validated request and return a status and body, or throw an ApiError.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '../logging/logger.ts';
import type { RequestContext } from './request-context.ts';

/** A request that has already passed contract validation. */
export interface ApiRequest<Body = unknown, Query = Record<string, unknown>> {
  operationId: string;
  params: Record<string, string>;
  query: Query;
  body: Body;
  headers: IncomingHttpHeaders;
  context: RequestContext;
  log: Logger;
}

/** What a handler answers; the kit serialises `body` as JSON. */
export interface ApiResponse<Body = unknown> {
  status: number;
  body?: Body;
  headers?: Record<string, string>;
  /** Defaults to application/json. */
  contentType?: string;
}

export type OperationHandler = (request: ApiRequest<any, any>) => Promise<ApiResponse>;

/** Handlers of one API, keyed by the contract's operationId. */
export type Handlers = Record<string, OperationHandler>;

/**
 * Checks that handlers and operations match one to one.
 * @throws Error naming every operation without a handler and every handler without an
 * operation, so a start-up failure says exactly what to fix.
 */
export function assertHandlersMatch(
  apiName: string,
  operationIds: string[],
  handlers: Handlers,
): void {
  const declared = new Set(operationIds);
  const missing = operationIds.filter((id) => typeof handlers[id] !== 'function');
  const extra = Object.keys(handlers).filter((id) => !declared.has(id));
  if (missing.length === 0 && extra.length === 0) return;

  const parts: string[] = [];
  if (missing.length) parts.push(`operations without a handler: ${missing.join(', ')}`);
  if (extra.length) parts.push(`handlers without an operation: ${extra.join(', ')}`);
  throw new Error(`API ${apiName} cannot start: ${parts.join('; ')}`);
}
