/**
 * When the HTTP transport may send a request a second time. An upstream that closes an idle
 * keep-alive connection can do so in the instant our next request goes out on it: the call
 * then fails before any answer, and nobody can tell whether the upstream acted on it. Sending
 * it again on a fresh connection is right only when a second copy changes nothing.
 */
import type { OutboundRequest } from './transport.ts';

/** Sends per call, the first included: a pool can hold more than one stale connection. */
export const MAX_SENDS = 3;

/** RFC 9110 §9.2.2: methods whose repetition has the effect of one request. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * A connection that died under a request before its answer: undici's "other side closed",
 * a reset, or a write into a socket the peer had already closed. Timeouts are not here: the
 * upstream may still be working on the request, and the layers above decide about those.
 */
const DROPPED_CONNECTION_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE',
]);

/** True when sending the request twice is as good as sending it once. */
export function mayResend(request: Pick<OutboundRequest, 'method' | 'idempotent'>): boolean {
  return request.idempotent === true || IDEMPOTENT_METHODS.has(request.method);
}

/** True when the error says the connection dropped before any answer arrived. */
export function droppedConnection(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && DROPPED_CONNECTION_CODES.has(code);
}
