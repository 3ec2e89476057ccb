/**
 * A record of the requests the sandbox answered, for tests that check how the layer calls
 * OW: how many pages, with which cursor and limit, and what each one got back.
 */
import type { RequestHandler } from 'express';
import { API_KEY_HEADER } from './api-key.ts';

/** One request as the sandbox saw it. The API key itself is never kept. */
export interface SandboxRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Query parameters; a repeated one is an array. */
  query: Record<string, string | string[]>;
  hasApiKey: boolean;
  /** The answer's status, filled in once the answer is sent. */
  status?: number;
}

/** Appends every request to `log` and fills in its status when the answer is sent. */
export function recordRequests(log: SandboxRequest[]): RequestHandler {
  return (req, res, next) => {
    const entry: SandboxRequest = {
      method: req.method,
      path: req.path,
      query: queryOf(req.query),
      hasApiKey: Boolean(req.get(API_KEY_HEADER)),
    };
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    next();
  };
}

function queryOf(query: Record<string, unknown>): SandboxRequest['query'] {
  const copy: SandboxRequest['query'] = {};
  for (const [name, value] of Object.entries(query)) {
    copy[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return copy;
}
