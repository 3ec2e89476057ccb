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
import type { NextFunction, Request, Response } from 'express';
import { readFaultBody, SCRIPTED_FAULT_FIELDS } from '../control/fault-body.ts';
import { FaultScript, requestPath, type ScriptedFault } from '../control/fault-script.ts';
import { sendDjangoServerError, sendPlainJson } from './outcome.ts';

/**
 * One scripted failure: the shared fields, matched also on the method and a part of the
 * path. Without a status the request is served and its answer delayed. 500 answers Django's
 * page, 502-504 a proxy's page (both HTML, `detail` unused), other statuses DRF JSON.
 */
export interface JheFault extends ScriptedFault {
  /** Applies to paths containing this, e.g. `/Observation`. */
  pathContains?: string;
  /** Applies to this method only (any case); to every method if absent. */
  method?: string;
}

const PROXY_PHRASES: Record<number, string> = {
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The fault script. The sandbox checks it before any route. */
export class JheFaults extends FaultScript<JheFault> {
  constructor() {
    super({ read: readFault, matches, apply });
  }
}

function matches(fault: JheFault, req: Request): boolean {
  const path = requestPath(req);
  return (!fault.method || fault.method.toUpperCase() === req.method)
    && (!fault.path || path.endsWith(fault.path))
    && (!fault.pathContains || path.includes(fault.pathContains));
}

function apply(fault: JheFault, _req: Request, res: Response, next: NextFunction): void {
  if (fault.status === undefined) {
    holdAnswer(res, fault.delayMs ?? 0);
    next();
    return;
  }
  setTimeout(() => answer(fault, res), fault.delayMs ?? 0);
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

/**
 * Reads a fault sent to the control API: only the fields of {@link JheFault}, with the
 * right types, and a status or a delay (a fault with neither would do nothing).
 * @throws ControlError 400 naming the field at fault.
 */
export function readFault(body: unknown): JheFault {
  return readFaultBody<JheFault>(body,
    { ...SCRIPTED_FAULT_FIELDS, pathContains: 'string', method: 'string' });
}
