/**
 * Refuses request bodies nested deeper than any contract here needs. `JSON.parse` accepts
 * thousands of levels, but re-serialising such a body for the next tier overflows the stack,
 * which would surface as an outage of the lower tier instead of the caller's mistake.
 */
import type { RequestHandler } from 'express';
import { ApiError } from '../errors/problem.ts';

/** Deeper than every payload we accept (vendor pages nest about six levels). */
export const MAX_JSON_DEPTH = 64;

export function jsonDepthGuard(maxDepth = MAX_JSON_DEPTH): RequestHandler {
  return (req, _res, next) => {
    if (exceeds(req.body, maxDepth)) {
      next(new ApiError(400, 'REQUEST.TOO_DEEP', 'The request body is nested too deeply', {
        detail: `JSON may nest at most ${maxDepth} levels`,
      }));
      return;
    }
    next();
  };
}

/** Walks the value without recursion, so the check itself cannot overflow. */
function exceeds(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
