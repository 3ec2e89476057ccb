/**
 * The identifiers that follow one request through every tier: a correlation id (ours, shown
 * in every error body and log line) and a W3C trace context.
 *
 * @see https://www.w3.org/TR/trace-context/ for the `traceparent` format.
 */
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';
export const TRACEPARENT_HEADER = 'traceparent';

/** What a handler needs to call a lower tier on behalf of its caller. */
export interface RequestContext {
  correlationId: string;
  traceId: string;
  /** The span id of this hop; a call to a lower tier becomes its child. */
  spanId: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
// Loose enough for any caller's ids, strict enough to keep log lines and headers clean.
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the context from inbound headers, starting a new trace when none is valid. */
export function contextFromHeaders(
  headers: Record<string, string | string[] | undefined>,
): RequestContext {
  const inboundId = first(headers[CORRELATION_HEADER]);
  const correlationId = inboundId && CORRELATION_ID.test(inboundId) ? inboundId : randomUUID();
  const match = TRACEPARENT.exec(first(headers[TRACEPARENT_HEADER]) ?? '');
  const traceId = match && !/^0+$/.test(match[1]) ? match[1] : randomHex(32);
  return { correlationId, traceId, spanId: randomHex(16) };
}

/** Headers for an outbound call: same correlation id and trace, a fresh child span. */
export function outboundHeaders(context: RequestContext): Record<string, string> {
  const childSpan = randomHex(16);
  return {
    [CORRELATION_HEADER]: context.correlationId,
    [TRACEPARENT_HEADER]: `00-${context.traceId}-${childSpan}-01`,
  };
}

/** A context for work that no inbound request started (CLI, start-up checks). */
export function newContext(): RequestContext {
  return contextFromHeaders({});
}

/**
 * Random hex from randomUUID, which draws on Node's cached entropy pool: randomBytes costs a
 * system call each time, and this runs several times per request in every tier.
 */
function randomHex(length: 16 | 32): string {
  let hex = '';
  while (hex.length < length) {
    const uuid = randomUUID().replace(/-/g, '');
    // Drop the version nibble (12) and the variant nibble (16): they are not random.
    hex += uuid.slice(0, 12) + uuid.slice(13, 16) + uuid.slice(17);
  }
  return hex.slice(0, length);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
