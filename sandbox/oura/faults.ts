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

  /** The faults not yet used up, with how many matches each still takes or lets through. */
  list(): { fault: SandboxFault; remaining: number; skip: number }[] {
    return this.pending.map(({ remaining, skip, ...fault }) => ({ fault, remaining, skip }));
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

const FAULT_FIELDS: Record<keyof SandboxFault, 'string' | 'status' | 'count' | 'positive'> = {
  path: 'string', detail: 'string', status: 'status', retryAfterSeconds: 'count',
  delayMs: 'count', times: 'positive', after: 'count',
};

/**
 * Reads a fault sent to the control API: only the fields of {@link SandboxFault}, with the
 * right types, and a status or a delay (a fault with neither would do nothing).
 * @throws OuraSandboxError 400 naming the field at fault.
 */
export function readFault(body: unknown): SandboxFault {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OuraSandboxError(400, 'A fault must be a JSON object');
  }
  for (const [name, value] of Object.entries(body)) {
    const kind = FAULT_FIELDS[name as keyof SandboxFault];
    if (!kind) throw new OuraSandboxError(400, `Unknown fault field "${name}"`);
    if (!fits(kind, value)) throw new OuraSandboxError(400, `Fault field "${name}" ${RULES[kind]}`);
  }
  const fault = body as SandboxFault;
  if (fault.status === undefined && fault.delayMs === undefined) {
    throw new OuraSandboxError(400, 'A fault needs a status, a delayMs, or both');
  }
  return fault;
}

const RULES = {
  string: 'must be a non-empty string',
  status: 'must be an HTTP error status (400-599)',
  count: 'must be a whole number, 0 or more',
  positive: 'must be a whole number, 1 or more',
};

function fits(kind: keyof typeof RULES, value: unknown): boolean {
  if (kind === 'string') return typeof value === 'string' && value !== '';
  if (!Number.isSafeInteger(value)) return false;
  const number = value as number;
  if (kind === 'status') return number >= 400 && number <= 599;
  return kind === 'positive' ? number >= 1 : number >= 0;
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
