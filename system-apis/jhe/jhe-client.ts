/**
 * Calls to JHE's FHIR and admin APIs with the practitioner token. A 401 triggers exactly one
 * re-authentication and retry; a second 401 fails clearly. Every call has a timeout.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { OutboundRequest, OutboundResponse, Transport } from '../../shared/http/transport.ts';
import { noAnswer } from '../../shared/http/no-answer.ts';
import type { TokenProvider } from './token-provider.ts';

/** JHE's admin REST API, mounted without trailing slashes (reference §1.1). */
export const ADMIN_BASE_PATH = '/api/v1';

/** One call to JHE. */
export interface JheCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below the API's base, e.g. `/Observation`; or a full path taken from a next link. */
  path: string;
  query?: OutboundRequest['query'];
  body?: unknown;
  /** True when `path` already includes the base (next links, unauthenticated calls). */
  absolutePath?: boolean;
  /** Marks a POST safe to send again after a dropped connection (see the transport). */
  idempotent?: boolean;
}

/** The practitioner's authenticated connection to JHE's FHIR and admin APIs. */
export class JheClient {
  constructor(
    private readonly transport: Transport,
    private readonly tokens: TokenProvider,
    readonly fhirBasePath: string,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Sends a FHIR call and returns JHE's answer, whatever its status. The answer is marked
   * `resent` when a copy of the call may have reached JHE before the one answered.
   */
  fhir(call: JheCall): Promise<OutboundResponse> {
    return this.authorized(this.fhirBasePath, call);
  }

  /** Sends an admin (`/api/v1`) call and returns JHE's answer, whatever its status. */
  admin(call: JheCall): Promise<OutboundResponse> {
    return this.authorized(ADMIN_BASE_PATH, call);
  }

  /** Sends a call that JHE serves without a token (invitation redemption). */
  anonymous(call: JheCall): Promise<OutboundResponse> {
    return this.send(call.path, call, undefined);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async authorized(base: string, call: JheCall): Promise<OutboundResponse> {
    const path = call.absolutePath ? call.path : base + call.path;
    const firstToken = await this.tokens.token();
    const first = await this.send(path, call, firstToken);
    if (first.status !== 401) return first;

    this.tokens.invalidate(firstToken);
    const second = await this.send(path, call, await this.tokens.token());
    if (second.status === 401) {
      throw new ApiError(502, 'JHE.AUTH_FAILED', 'JHE refused the gateway\'s credentials', {
        cause: new Error('JHE answered 401 twice, after a fresh token'),
      });
    }
    // A copy lost before the 401 may have been accepted while the old token still held.
    return first.resent ? { ...second, resent: true } : second;
  }

  private async send(path: string, call: JheCall, token: string | undefined) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await this.transport.send({
        method: call.method,
        path,
        query: call.query,
        // JHE has no application/fhir+json parser: a FHIR content type would get 415.
        body: call.body,
        headers,
        timeoutMs: this.timeoutMs,
        idempotent: call.idempotent,
      });
    } catch (error) {
      throw noAnswer('JHE', error);
    }
  }
}
