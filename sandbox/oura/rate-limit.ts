/**
 * A per-token rate limit in fixed windows, answered the way the reference describes Oura's:
 * 429 with `Retry-After` and `X-RateLimit-Limit`, `-Window`, `-Reset`, `-Tier`
 * (shared/reference/wearables-omh.md, section 4.1). The header values' exact units at Oura
 * are not documented there; here `-Window` and `-Reset` are seconds (the window's length,
 * and the time until it resets).
 */
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { OuraSandboxError } from './sandbox-error.ts';

/** At most `requests` per token in each window of `windowMs`. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

interface WindowCount {
  startedAt: number;
  count: number;
}

/** Counts requests per bearer token and answers 429 once a window's budget is spent. */
export function rateLimiter(limit: RateLimit, now: () => number): RequestHandler {
  checkLimit(limit);
  const windows = new Map<string, WindowCount>();
  return (req, res, next) => {
    const key = createHash('sha256').update(req.get('authorization') ?? '').digest('hex');
    const at = now();
    let current = windows.get(key);
    if (!current || at - current.startedAt >= limit.windowMs) {
      current = { startedAt: at, count: 0 };
      windows.set(key, current);
    }
    current.count += 1;
    if (current.count <= limit.requests) {
      next();
      return;
    }
    const resetSeconds = Math.ceil((current.startedAt + limit.windowMs - at) / 1000);
    res.set('Retry-After', String(resetSeconds));
    setRateLimitHeaders(res, { limit: limit.requests,
      windowSeconds: Math.ceil(limit.windowMs / 1000), resetSeconds });
    throw new OuraSandboxError(429, 'Too many requests: rate limit exceeded');
  };
}

/** Sets the `X-RateLimit-*` headers of a 429. */
export function setRateLimitHeaders(
  res: Response,
  values: { limit: number; windowSeconds: number; resetSeconds: number },
): void {
  res.set({
    'X-RateLimit-Limit': String(values.limit),
    'X-RateLimit-Window': String(values.windowSeconds),
    'X-RateLimit-Reset': String(values.resetSeconds),
    'X-RateLimit-Tier': 'token',
  });
}

function checkLimit(limit: RateLimit): void {
  if (!Number.isInteger(limit.requests) || limit.requests < 1 || !(limit.windowMs > 0)) {
    throw new TypeError('rateLimit needs a positive integer requests and a positive windowMs');
  }
}
