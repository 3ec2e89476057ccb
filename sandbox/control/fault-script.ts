/**
 * The queue of scripted faults every sandbox keeps for tests: the next matching requests
 * fail (or are held back) instead of being served. A fault is used up after `times` matches
 * and lets `after` matches through first. How a fault matches a request and how it is
 * answered are the sandbox's own, since each imitates its vendor's failures.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The fields every sandbox's faults share. */
export interface ScriptedFault {
  /** Applies to paths ending with this; to every faulted route if absent. */
  path?: string;
  /** The error status to answer; without one the request is only held back, then served. */
  status?: number;
  /** Sent as `Retry-After`. */
  retryAfterSeconds?: number;
  /** The `detail` of the error body, where the vendor's error has one. */
  detail?: string;
  /** Wait this long before answering or serving, to make a caller time out. */
  delayMs?: number;
  /** How many matching requests the fault takes; default 1. */
  times?: number;
  /** Let this many matching requests through before the fault starts; default 0. */
  after?: number;
}

/** How a sandbox reads and applies its faults. */
export interface FaultHandling<F extends ScriptedFault> {
  /** Reads one fault sent as JSON. @throws ControlError 400 on a bad fault. */
  read(body: unknown): F;
  /** Whether `fault` applies to `req`. */
  matches(fault: F, req: Request): boolean;
  /** Answers (or holds back) a request that `fault` has taken. */
  apply(fault: F, req: Request, res: Response, next: NextFunction): void;
}

type PendingFault<F> = F & { remaining: number; skip: number };

/** The fault script. A sandbox checks it before the routes it fails. */
export class FaultScript<F extends ScriptedFault> {
  private readonly pending: PendingFault<F>[] = [];

  constructor(private readonly handling: FaultHandling<F>) {}

  /** Reads one fault sent to the control API. @throws ControlError 400 on a bad fault. */
  read(body: unknown): F {
    return this.handling.read(body);
  }

  /** Adds a fault after those already scripted. */
  inject(fault: F): void {
    this.pending.push({ ...fault, remaining: fault.times ?? 1, skip: fault.after ?? 0 });
  }

  /** Drops every fault not yet used. */
  clear(): void {
    this.pending.length = 0;
  }

  /** The faults not yet used up, with how many matches each still takes or lets through. */
  list(): { fault: F; remaining: number; skip: number }[] {
    return this.pending.map(({ remaining, skip, ...fault }) =>
      ({ fault: fault as unknown as F, remaining, skip }));
  }

  /** Applies the first fault that matches a request, if any. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const fault = this.take(req);
      if (fault) this.handling.apply(fault, req, res, next);
      else next();
    };
  }

  private take(req: Request): F | undefined {
    const index = this.pending.findIndex((fault) => this.handling.matches(fault, req));
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

/** The request's path as it arrived, before any router rewrote it, without the query. */
export function requestPath(req: Request): string {
  return req.originalUrl.split('?')[0];
}

/** The usual match: the fault has no `path`, or the request's path ends with it. */
export function matchesPathEnd(fault: ScriptedFault, req: Request): boolean {
  return !fault.path || requestPath(req).endsWith(fault.path);
}

/**
 * The usual handling: wait `delayMs`, then serve the request if the fault has no status,
 * or else let `answer` fail it.
 */
export function delayThenAnswer<F extends ScriptedFault>(
  answer: (fault: F, res: Response, next: NextFunction) => void,
): FaultHandling<F>['apply'] {
  return (fault, _req, res, next) => {
    setTimeout(() => {
      if (fault.status === undefined) next();
      else answer(fault, res, next);
    }, fault.delayMs ?? 0);
  };
}
