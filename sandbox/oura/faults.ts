/**
 * Scripted failures for tests: the next matching requests answer an Oura-like error (or are
 * held back) instead of being served. Each fault is used up after `times` matches.
 */
import type { RequestHandler, Response } from 'express';
import { OuraSandboxError } from './sandbox-error.ts';
import { setRateLimitHeaders } from './rate-limit.ts';

/** One scripted failure. */
export interface SandboxFault {
  /** Applies to paths ending with this (`/heartrate`, `/oauth/token`); to all if absent. */
  path?: string;
  /** The error status to answer; without one the request is only delayed, then served. */
  status?: number;
  /** Sent as `Retry-After` (with the `X-RateLimit-*` headers on a 429). */
  retryAfterSeconds?: number;
  /** The `detail` of the error body. */
  detail?: string;
  /** Wait this long before answering or serving, to make a caller time out. */
  delayMs?: number;
  /** How many matching requests the fault takes; default 1. */
  times?: number;
  /** Let this many matching requests through before the fault starts; default 0. */
  after?: number;
}

interface PendingFault extends SandboxFault {
  remaining: number;
  skip: number;
}

/** The fault script. Pass one to the sandbox and `inject` faults while it runs. */
export class SandboxFaults {
  private readonly pending: PendingFault[] = [];

  /** Adds a fault after those already scripted. */
  inject(fault: SandboxFault): void {
    this.pending.push({ ...fault, remaining: fault.times ?? 1, skip: fault.after ?? 0 });
  }

  /** Drops every fault not yet used. */
  clear(): void {
    this.pending.length = 0;
  }

  /** Applies the first fault that matches a request, if any. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const fault = this.take(req.originalUrl.split('?')[0]);
      if (!fault) {
        next();
        return;
      }
      setTimeout(() => {
        if (fault.status === undefined) next();
        else next(faultError(fault, res));
      }, fault.delayMs ?? 0);
    };
  }

  private take(path: string): SandboxFault | undefined {
    const index = this.pending.findIndex((fault) => !fault.path || path.endsWith(fault.path));
    if (index < 0) return undefined;
    const fault = this.pending[index];
    if (fault.skip > 0) {
      fault.skip -= 1;
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return fault;
  }
}

function faultError(fault: SandboxFault, res: Response): OuraSandboxError {
  const status = fault.status as number;
  if (fault.retryAfterSeconds !== undefined) {
    res.set('Retry-After', String(fault.retryAfterSeconds));
    if (status === 429) setRateLimitHeaders(res, { limit: 5000, windowSeconds: 300,
      resetSeconds: fault.retryAfterSeconds });
  }
  return new OuraSandboxError(status, fault.detail ?? `Scripted sandbox fault (${status})`);
}
