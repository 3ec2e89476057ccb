/**
 * Reading a `Retry-After` header, as vendors (Oura, Open Wearables) and our own lower tiers
 * send it.
 */

/** RFC 9110's preferred HTTP-date form, e.g. `Tue, 10 Mar 2026 12:00:30 GMT`. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Milliseconds to wait from a Retry-After value: delay-seconds or an HTTP date (RFC 9110
 * §10.2.3). Undefined when absent or unreadable, so no wait is ever invented.
 */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text === 'number') return text >= 0 ? text * 1000 : undefined;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(text)) return Number(text) * 1000;
  const at = HTTP_DATE.test(text.trim()) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
