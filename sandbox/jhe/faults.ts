/**
 * Faults scripted while the sandbox runs, so a test can make JHE fail the way a deployed
 * JHE does when it is in trouble: Django's bare 500 page, a 502/503/504 page from the
 * proxy in front of it, a DRF `{"detail": ...}` refusal, or no answer for a while (a caller
 * times out). A fault matches on the path's end or a part of it, and on the method, so
 * the batch endpoint (`POST /FHIR/R5/`) can fail for N calls while reads keep working.
 *
 * A delay without a status handles the request at once and holds back only its answer:
 * the caller times out although JHE stored the upload, the case that makes a retry meet
 * its own earlier write. With a status, the wait comes first and nothing is handled.
 */
import type { RequestHandler, Response } from 'express';
import { sendDjangoServerError, sendPlainJson } from './outcome.ts';

/** One scripted failure; the fields not about matching are the Oura sandbox's. */
export interface JheFault {
  /** Applies to paths ending with this, e.g. `/FHIR/R5/` (the batch endpoint). */
  path?: string;
  /** Applies to paths containing this, e.g. `/Observation`. */
  pathContains?: string;
  /** Applies to this method only (any case); to every method if absent. */
  method?: string;
  /**
   * The error status; without one the request is served and its answer delayed. 500 answers
   * Django's page, 502-504 a proxy's page (both HTML, `detail` unused), others DRF JSON.
   */
  status?: number;
  /** Sent as `Retry-After`. */
  retryAfterSeconds?: number;
  /** The `detail` of a DRF JSON error body. */
  detail?: string;
  /** Wait this long before answering the error, or before sending the served answer. */
  delayMs?: number;
  /** How many matching requests the fault takes; default 1. */
  times?: number;
  /** Let this many matching requests through before the fault starts; default 0. */
  after?: number;
}

interface PendingFault extends JheFault {
  remaining: number;
  skip: number;
}

const PROXY_PHRASES: Record<number, string> = {
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The fault script. The sandbox checks it before any route. */
export class JheFaults {
  private readonly pending: PendingFault[] = [];

  /** Adds a fault after those already scripted. */
  inject(fault: JheFault): void {
    this.pending.push({ ...fault, remaining: fault.times ?? 1, skip: fault.after ?? 0 });
  }

  /** Drops every fault not yet used. */
  clear(): void {
    this.pending.length = 0;
  }

  /** The faults not yet used up, with how many matches each still takes or lets through. */
  list(): { fault: JheFault; remaining: number; skip: number }[] {
    return this.pending.map(({ remaining, skip, ...fault }) => ({ fault, remaining, skip }));
  }

  /** Applies the first fault that matches a request, if any. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const fault = this.take(req.method, req.originalUrl.split('?')[0]);
      if (!fault) {
        next();
        return;
      }
      if (fault.status === undefined) {
        holdAnswer(res, fault.delayMs ?? 0);
        next();
        return;
      }
      setTimeout(() => answer(fault, res), fault.delayMs ?? 0);
    };
  }

  private take(method: string, path: string): JheFault | undefined {
    const index = this.pending.findIndex((fault) => matches(fault, method, path));
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

function matches(fault: JheFault, method: string, path: string): boolean {
  return (!fault.method || fault.method.toUpperCase() === method)
    && (!fault.path || path.endsWith(fault.path))
    && (!fault.pathContains || path.includes(fault.pathContains));
}

// Every route here finishes with `end` (`send` and `json` call it), so deferring it defers
// the whole answer; a caller gone by then gets nothing, but the work is done.
function holdAnswer(res: Response, delayMs: number): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const held = (...args: unknown[]) => {
    setTimeout(() => {
      if (!res.destroyed) end(...args);
    }, delayMs);
    return res;
  };
  res.end = held as Response['end'];
}

// The caller may have given up during a delay; there is then nobody to answer.
function answer(fault: JheFault, res: Response): void {
  if (res.writableEnded || res.destroyed) return;
  const status = fault.status as number;
  const retryAfter = fault.retryAfterSeconds;
  if (retryAfter !== undefined) res.set('Retry-After', String(retryAfter));
  if (status === 500) {
    sendDjangoServerError(res);
  } else if (PROXY_PHRASES[status]) {
    const title = `${status} ${PROXY_PHRASES[status]}`;
    res.status(status).type('text/html')
      .send(`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
  } else {
    sendPlainJson(res, status, { detail: fault.detail ?? `Scripted sandbox fault (${status})` });
  }
}

const FIELDS: Record<keyof JheFault, 'string' | 'status' | 'count' | 'positive'> = {
  path: 'string', pathContains: 'string', method: 'string', detail: 'string',
  status: 'status', retryAfterSeconds: 'count', delayMs: 'count', times: 'positive',
  after: 'count',
};

const RULES = {
  string: 'must be a non-empty string',
  status: 'must be an HTTP error status (400-599)',
  count: 'must be a whole number, 0 or more',
  positive: 'must be a whole number, 1 or more',
};

/** A control call that is not a fault; answered as a 400 with its message. */
export class FaultFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultFormatError';
  }
}

/**
 * Reads a fault sent to the control API: only the fields of {@link JheFault}, with the
 * right types, and a status or a delay (a fault with neither would do nothing).
 * @throws FaultFormatError naming the field at fault.
 */
export function readFault(body: unknown): JheFault {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new FaultFormatError('A fault must be a JSON object');
  }
  for (const [name, value] of Object.entries(body)) {
    const kind = FIELDS[name as keyof JheFault];
    if (!kind) throw new FaultFormatError(`Unknown fault field "${name}"`);
    if (!fits(kind, value)) throw new FaultFormatError(`Fault field "${name}" ${RULES[kind]}`);
  }
  const fault = body as JheFault;
  if (fault.status === undefined && fault.delayMs === undefined) {
    throw new FaultFormatError('A fault needs a status, a delayMs, or both');
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
