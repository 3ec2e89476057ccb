/**
 * Fault injection for tests: bursts of 429 or 500 answers on the read routes, placed by
 * request number, so a test can make OW refuse the first call, or the third page of a
 * listing, and check what the layer does with it.
 */
import type { RequestHandler } from 'express';
import { internalServerError } from './sandbox-error.ts';

/** A run of consecutive failed answers. */
export interface FaultBurst {
  /** 429 (rate limited, with Retry-After) or 500 (FastAPI's bare text error). */
  status: 429 | 500;
  /** How many requests in a row fail. */
  count: number;
  /** Read-route requests answered before the burst starts, counted from start-up; 0 default. */
  after?: number;
  /** Retry-After of a 429, in seconds; default 30; null sends none. */
  retryAfterSeconds?: number | null;
}

const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * Answers a request with the burst that covers its number, or passes it on. Requests are
 * numbered in arrival order from 0, whether they are answered normally or by a burst.
 * @throws TypeError when a burst has a count or start that is not a whole number.
 */
export function injectFaults(bursts: readonly FaultBurst[]): RequestHandler {
  bursts.forEach(checkBurst);
  let served = 0;
  return (_req, res, next) => {
    const number = served;
    served += 1;
    const burst = bursts.find((candidate) => covers(candidate, number));
    if (!burst) {
      next();
    } else if (burst.status === 500) {
      internalServerError(res);
    } else {
      tooManyRequests(res, burst);
    }
  };
}

function covers(burst: FaultBurst, number: number): boolean {
  const start = burst.after ?? 0;
  return number >= start && number < start + burst.count;
}

function tooManyRequests(res: Parameters<RequestHandler>[1], burst: FaultBurst): void {
  const seconds = burst.retryAfterSeconds === undefined ? DEFAULT_RETRY_AFTER_SECONDS
    : burst.retryAfterSeconds;
  if (seconds !== null) res.set('Retry-After', String(seconds));
  res.status(429).json({ detail: 'Too many requests' });
}

function checkBurst(burst: FaultBurst): void {
  const whole = (value: number) => Number.isInteger(value) && value >= 0;
  if (!whole(burst.count) || !whole(burst.after ?? 0)) {
    throw new TypeError('fault burst count and after must be whole numbers, got '
      + JSON.stringify(burst));
  }
}
