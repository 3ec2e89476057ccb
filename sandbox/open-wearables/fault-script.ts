/**
 * Faults scripted while the sandbox runs, for tests in another process: the next matching
 * requests answer an OW-like error (or are held back first) instead of being served. The
 * shape is the Oura sandbox's (`path`, `status`, `retryAfterSeconds`, `detail`, `delayMs`,
 * `times`, `after`), so one test can script both vendors alike. The bursts of `faults.ts`
 * stay for tests that place failures by request number from start-up.
 */
import type { RequestHandler, Response } from 'express';
import { internalServerError, OwSandboxError } from './sandbox-error.ts';

/** One scripted failure. */
export interface OwFault {
  /** Applies to paths ending with this (`/timeseries`); to every read route if absent. */
  path?: string;
  /** The error status; without one the request is only delayed, then served. */
  status?: number;
  /** Sent as `Retry-After`. */
  retryAfterSeconds?: number;
  /** The `detail` of the error body; a 500 is FastAPI's plain text whatever this says. */
  detail?: string;
  /** Wait this long before answering or serving, to make a caller time out. */
  delayMs?: number;
  /** How many matching requests the fault takes; default 1. */
  times?: number;
  /** Let this many matching requests through before the fault starts; default 0. */
  after?: number;
}

interface PendingFault extends OwFault {
  remaining: number;
  skip: number;
}

/** The script. The sandbox applies it to its read routes. */
export class OwFaultScript {
  private readonly pending: PendingFault[] = [];

  /** Adds a fault after those already scripted. */
  inject(fault: OwFault): void {
    this.pending.push({ ...fault, remaining: fault.times ?? 1, skip: fault.after ?? 0 });
  }

  /** Drops every fault not yet used. */
  clear(): void {
    this.pending.length = 0;
  }

  /** The faults not yet used up, with how many matches each still takes or lets through. */
  list(): { fault: OwFault; remaining: number; skip: number }[] {
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
        else answer(fault, res);
      }, fault.delayMs ?? 0);
    };
  }

  private take(path: string): OwFault | undefined {
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

// The caller may have given up during a delay; there is then nobody to answer.
function answer(fault: OwFault, res: Response): void {
  if (res.writableEnded || res.destroyed) return;
  const retryAfter = fault.retryAfterSeconds;
  if (retryAfter !== undefined) res.set('Retry-After', String(retryAfter));
  if (fault.status === 500) {
    internalServerError(res);
    return;
  }
  const status = fault.status as number;
  res.status(status).json({ detail: fault.detail ?? `Scripted sandbox fault (${status})` });
}

const FIELDS: Record<keyof OwFault, 'string' | 'status' | 'count' | 'positive'> = {
  path: 'string', detail: 'string', status: 'status', retryAfterSeconds: 'count',
  delayMs: 'count', times: 'positive', after: 'count',
};

const RULES = {
  string: 'must be a non-empty string',
  status: 'must be an HTTP error status (400-599)',
  count: 'must be a whole number, 0 or more',
  positive: 'must be a whole number, 1 or more',
};

/**
 * Reads a fault sent to the control API: only the fields of {@link OwFault}, with the right
 * types, and a status or a delay (a fault with neither would do nothing).
 * @throws OwSandboxError 400 naming the field at fault.
 */
export function readFault(body: unknown): OwFault {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OwSandboxError(400, 'A fault must be a JSON object');
  }
  for (const [name, value] of Object.entries(body)) {
    const kind = FIELDS[name as keyof OwFault];
    if (!kind) throw new OwSandboxError(400, `Unknown fault field "${name}"`);
    if (!fits(kind, value)) throw new OwSandboxError(400, `Fault field "${name}" ${RULES[kind]}`);
  }
  const fault = body as OwFault;
  if (fault.status === undefined && fault.delayMs === undefined) {
    throw new OwSandboxError(400, 'A fault needs a status, a delayMs, or both');
  }
  return fault;
}

function fits(kind: keyof typeof RULES, value: unknown): boolean {
  if (kind === 'string') return typeof value === 'string' && value !== '';
  if (!Number.isSafeInteger(value)) return false;
  const number = value as number;
  if (kind === 'status') return number >= 400 && number <= 599;
  return kind === 'positive' ? number >= 1 : number >= 0;
}
