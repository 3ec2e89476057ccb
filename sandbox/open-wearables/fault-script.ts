/**
 * Faults scripted while the sandbox runs, for tests in another process: the next matching
 * requests answer an OW-like error (or are held back first) instead of being served. The
 * queue and the fault's shape are those of every sandbox (sandbox/control/fault-script.ts),
 * so one test can script all vendors alike. The bursts of `faults.ts` stay for tests that
 * place failures by request number from start-up.
 */
import type { Response } from 'express';
import { readFaultBody, SCRIPTED_FAULT_FIELDS } from '../control/fault-body.ts';
import {
  delayThenAnswer, FaultScript, matchesPathEnd, type ScriptedFault,
} from '../control/fault-script.ts';
import { internalServerError } from './sandbox-error.ts';

/**
 * One scripted failure. `path` is matched on the path's end (`/timeseries`); without one the
 * fault applies to every read route. A 500 is FastAPI's plain text whatever `detail` says.
 */
export type OwFault = ScriptedFault;

/** The script. The sandbox applies it to its read routes. */
export class OwFaultScript extends FaultScript<OwFault> {
  constructor() {
    super({ read: readFault, matches: matchesPathEnd,
      apply: delayThenAnswer((fault, res) => answer(fault, res)) });
  }
}

/**
 * Reads a fault sent to the control API: only the fields of {@link OwFault}, with the right
 * types, and a status or a delay (a fault with neither would do nothing).
 * @throws ControlError 400 naming the field at fault.
 */
export function readFault(body: unknown): OwFault {
  return readFaultBody<OwFault>(body, SCRIPTED_FAULT_FIELDS);
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
