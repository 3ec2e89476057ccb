/**
 * What the sandbox was asked, for tests in another process to count calls (batch uploads,
 * retries): method, path and status of each request, in the order the answers left. No
 * query, header or body is kept, and invitation codes in paths are redacted.
 */
import type { RequestHandler } from 'express';

/** One request as the sandbox answered it. */
export interface JheRequest {
  method: string;
  /** Path without the query string, e.g. `/FHIR/R5/`. */
  path: string;
  /** The answer's status; 0 when the caller left before one was sent. */
  status: number;
}

/** The log. The sandbox records every request but its control calls. */
export class JheRequestLog {
  readonly entries: JheRequest[] = [];

  /** Forgets everything logged so far. */
  clear(): void {
    this.entries.length = 0;
  }

  /** Entries whose path ends with `path` and, unless `method` is '', with that method. */
  find(filter: { path: string; method: string }): JheRequest[] {
    return this.entries.filter((entry) => entry.path.endsWith(filter.path)
      && (!filter.method || entry.method === filter.method));
  }

  /** Records each request once its answer is sent (or the caller has gone). */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const entry = { method: req.method, path: redactPath(req.originalUrl.split('?')[0]),
        status: 0 };
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        if (res.headersSent) entry.status = res.statusCode;
        this.entries.push(entry);
      };
      res.on('finish', finish);
      res.on('close', finish);
      next();
    };
  }
}

/** Invitation tokens travel in the path (reference §2.5); they are secrets. */
export function redactPath(path: string): string {
  return path.replace(/(\/invitation\/)[A-Za-z0-9]+/, '$1[redacted]');
}
