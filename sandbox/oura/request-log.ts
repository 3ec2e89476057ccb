/**
 * What the sandbox was asked, for tests to read back: method, path, query and status of
 * every request, in the order the answers left. Secrets are never kept: a bearer token or a
 * revoked token appears only as a short digest, and secret query values are replaced.
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';

/** One request as the sandbox answered it. */
export interface SandboxRequest {
  method: string;
  /** Path without the query string, e.g. `/v2/usercollection/heartrate`. */
  path: string;
  /** Query parameters as sent; secret ones (tokens, codes) read `[redacted]`. */
  query: Record<string, string>;
  status: number;
  /** {@link tokenDigest} of the bearer token, when one was sent. */
  tokenDigest?: string;
  /** The OAuth `grant_type` of a token request. */
  grantType?: string;
  /** {@link tokenDigest} of the token a revocation named. */
  revokedTokenDigest?: string;
}

const SECRET_QUERY = new Set(['access_token', 'token', 'refresh_token', 'code', 'client_secret']);
const BEARER = /^Bearer +([^\s]+)$/i;

/** A short, stable fingerprint of a token, so tests can tell tokens apart without them. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 16);
}

/** The log. Pass one to the sandbox and read `entries` after the calls under test. */
export class SandboxRequestLog {
  readonly entries: SandboxRequest[] = [];

  /** Forgets everything logged so far. */
  clear(): void {
    this.entries.length = 0;
  }

  /** Entries whose path ends with `suffix`, e.g. `/heartrate` or `/oauth/token`. */
  forPath(suffix: string): SandboxRequest[] {
    return this.entries.filter((entry) => entry.path.endsWith(suffix));
  }

  /** The control API's filter: by path only, as Oura's log has always been read. */
  find(filter: { path: string }): SandboxRequest[] {
    return this.forPath(filter.path);
  }

  /** Records each request once its answer is sent (or the caller has gone). */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const entry = startEntry(req);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        entry.status = res.statusCode;
        completeEntry(entry, req);
        this.entries.push(entry);
      };
      res.on('finish', finish);
      res.on('close', finish);
      next();
    };
  }
}

// Routers rewrite req.path, so the path and query are read before any of them runs.
function startEntry(req: Request): SandboxRequest {
  const entry: SandboxRequest = {
    method: req.method,
    path: req.originalUrl.split('?')[0],
    query: readQuery(req),
    status: 0,
  };
  const bearer = BEARER.exec(req.get('authorization') ?? '')?.[1];
  if (bearer) entry.tokenDigest = tokenDigest(bearer);
  return entry;
}

// Form bodies are parsed by the OAuth routes, so they are read once the answer is out.
function completeEntry(entry: SandboxRequest, req: Request): void {
  const form = (req.body ?? {}) as Record<string, unknown>;
  if (typeof form.grant_type === 'string') entry.grantType = form.grant_type;
  const revoked = typeof form.token === 'string' ? form.token : req.query.access_token;
  if (entry.path.endsWith('/oauth/revoke') && typeof revoked === 'string') {
    entry.revokedTokenDigest = tokenDigest(revoked);
  }
}

function readQuery(req: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    const text = Array.isArray(value) ? value.join(',') : String(value);
    query[name] = SECRET_QUERY.has(name) ? '[redacted]' : text;
  }
  return query;
}
