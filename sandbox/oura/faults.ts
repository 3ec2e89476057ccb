/**
 * Scripted failures for tests: the next matching requests answer an Oura-like error (or are
 * held back) instead of being served. The queue is the one all sandboxes share
 * (sandbox/control/fault-script.ts); the answer is Oura's `{"detail": ...}` with, on a 429,
 * Oura's rate-limit headers.
 */
import type { Response } from 'express';
import { readFaultBody, SCRIPTED_FAULT_FIELDS } from '../control/fault-body.ts';
import {
  delayThenAnswer, FaultScript, matchesPathEnd, type ScriptedFault,
} from '../control/fault-script.ts';
import { OuraSandboxError } from './sandbox-error.ts';
import { setRateLimitHeaders } from './rate-limit.ts';

/**
 * One scripted failure. `path` is matched on the path's end (`/heartrate`, `/oauth/token`);
 * a 429 with `retryAfterSeconds` also gets the `X-RateLimit-*` headers.
 */
export type SandboxFault = ScriptedFault;

/** The fault script. Pass one to the sandbox and `inject` faults while it runs. */
export class SandboxFaults extends FaultScript<SandboxFault> {
  constructor() {
    super({
      read: readFault,
      matches: matchesPathEnd,
      apply: delayThenAnswer((fault, res, next) => next(faultError(fault, res))),
    });
  }
}

/**
 * Reads a fault sent to the control API: only the fields of {@link SandboxFault}, with the
 * right types, and a status or a delay (a fault with neither would do nothing).
 * @throws ControlError 400 naming the field at fault.
 */
export function readFault(body: unknown): SandboxFault {
  return readFaultBody<SandboxFault>(body, SCRIPTED_FAULT_FIELDS);
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
