/**
 * The identifiers that follow one request through every tier: a correlation id (ours, shown
 * in every error body and log line) and a W3C trace context.
 *
 * @see https://www.w3.org/TR/trace-context/ for the `traceparent` format.
 */
import { randomBytes, randomUUID } from 'node:crypto';

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
  const traceId = match && !/^0+$/.test(match[1]) ? match[1] : randomBytes(16).toString('hex');
  return { correlationId, traceId, spanId: randomBytes(8).toString('hex') };
}

/** Headers for an outbound call: same correlation id and trace, a fresh child span. */
export function outboundHeaders(context: RequestContext): Record<string, string> {
  const childSpan = randomBytes(8).toString('hex');
  return {
    [CORRELATION_HEADER]: context.correlationId,
    [TRACEPARENT_HEADER]: `00-${context.traceId}-${childSpan}-01`,
  };
}

/** A context for work that no inbound request started (CLI, start-up checks). */
export function newContext(): RequestContext {
  return contextFromHeaders({});
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
