/**
 * A Fetch-compatible function over the layer's {@link Transport}, for openid-client's
 * `customFetch`. OAuth calls then share the JHE connection pool, its per-call timeout and
 * the scripted transports tests use, instead of opening a second path to JHE.
 */
import type { CustomFetch } from 'openid-client';
import type { OutboundRequest, OutboundResponse, Transport } from '../../shared/http/transport.ts';

type Method = OutboundRequest['method'];

const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

// The Fetch API forbids a body on these statuses.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Builds the fetch function. Only URLs on JHE's own origin are sent: openid-client takes
 * its endpoints from our configuration, so anything else is a bug worth failing on.
 * @param origin - JHE's origin, e.g. `https://jhe.example.org`.
 * @param timeoutMs - bound on each call, on top of openid-client's own abort signal.
 */
export function transportFetch(transport: Transport, origin: string, timeoutMs: number):
  CustomFetch {
  return async (url, options) => {
    const target = new URL(url);
    if (target.origin !== origin) {
      throw new Error(`refusing to send an OAuth request outside JHE (${target.origin})`);
    }
    const sending = transport.send({
      method: asMethod(options.method),
      path: target.pathname + target.search,
      headers: withoutContentType(options.headers),
      rawBody: formBody(options.headers, options.body),
      timeoutMs,
    });
    return toResponse(await abortable(sending, options.signal));
  };
}

function asMethod(method: string): Method {
  const upper = method.toUpperCase() as Method;
  if (!METHODS.includes(upper)) throw new Error(`unsupported OAuth method ${method}`);
  return upper;
}

/** The transport sets the content type from `rawBody`; a second copy would be sent twice. */
function withoutContentType(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers)
    .filter(([name]) => name.toLowerCase() !== 'content-type'));
}

/** openid-client sends token requests as URLSearchParams (a form) or a string. */
function formBody(
  headers: Record<string, string>,
  body: unknown,
): OutboundRequest['rawBody'] {
  if (body === undefined || body === null) return undefined;
  if (!(body instanceof URLSearchParams) && typeof body !== 'string') {
    throw new Error('unsupported OAuth request body');
  }
  const contentType = Object.entries(headers)
    .find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  return {
    contentType: contentType ?? 'application/x-www-form-urlencoded',
    text: body.toString(),
  };
}

/** Rebuilds a Fetch Response; the transport has already parsed a JSON body. */
function toResponse(answer: OutboundResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  if (NULL_BODY_STATUSES.has(answer.status)) {
    return new Response(null, { status: answer.status, headers });
  }
  if (answer.body === undefined || typeof answer.body === 'string') {
    return new Response(answer.body ?? '', { status: answer.status, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}

/** Settles as soon as openid-client aborts (its `timeout`), whatever the transport does. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
