/**
 * Calls to JHE's FHIR API with a practitioner token. A 401 triggers exactly one
 * re-authentication and retry; a second 401 fails clearly. Every call has a timeout.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { OutboundRequest, OutboundResponse, Transport } from '../../shared/http/transport.ts';
import { TransportError } from '../../shared/http/transport.ts';
import type { TokenProvider } from './token-provider.ts';

export interface FhirCall {
  method: 'GET' | 'POST';
  /** Below the FHIR base, e.g. `/Observation`; or a full path taken from a next link. */
  path: string;
  query?: OutboundRequest['query'];
  body?: unknown;
  /** True when `path` already includes the FHIR base (next links). */
  absolutePath?: boolean;
}

export class JheClient {
  constructor(
    private readonly transport: Transport,
    private readonly tokens: TokenProvider,
    readonly fhirBasePath: string,
    private readonly timeoutMs: number,
  ) {}

  /** Sends a FHIR call and returns JHE's answer, whatever its status. */
  async fhir(call: FhirCall): Promise<OutboundResponse> {
    const first = await this.sendWithToken(call, await this.tokens.token());
    if (first.response.status !== 401) return first.response;

    this.tokens.invalidate(first.token);
    const second = await this.sendWithToken(call, await this.tokens.token());
    if (second.response.status === 401) {
      throw new ApiError(502, 'JHE.AUTH_FAILED', 'JHE refused the gateway\'s credentials', {
        cause: new Error('JHE answered 401 twice, after a fresh token'),
      });
    }
    return second.response;
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async sendWithToken(call: FhirCall, token: string) {
    try {
      const response = await this.transport.send({
        method: call.method,
        path: call.absolutePath ? call.path : this.fhirBasePath + call.path,
        query: call.query,
        // JHE has no application/fhir+json parser: a FHIR content type would get 415.
        body: call.body,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        timeoutMs: this.timeoutMs,
      });
      return { token, response };
    } catch (error) {
      const timedOut = error instanceof TransportError && error.reason === 'timeout';
      throw new ApiError(timedOut ? 504 : 502,
        timedOut ? 'UPSTREAM.TIMEOUT' : 'UPSTREAM.UNAVAILABLE',
        'JHE did not answer', { cause: error });
    }
  }
}
