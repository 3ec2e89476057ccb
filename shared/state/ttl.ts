/** The one check every ttl argument goes through, so both adapters reject the same values. */

/**
 * A ttl in whole milliseconds.
 *
 * @throws RangeError when `ttlMs` is not a finite number above zero
 */
export function checkTtlMs(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be > 0, got ${ttlMs}`);
  }
  return Math.ceil(ttlMs);
}
