/**
 * Reads Oura API v2 collections and follows `next_token` until Oura says there is no more,
 * so callers always get the whole window. Every call has a timeout; Oura's error answers
 * become stable codes.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { OutboundResponse, Transport } from '../../shared/http/transport.ts';
import { TransportError } from '../../shared/http/transport.ts';

export interface OuraPage {
  data: Record<string, unknown>[];
  next_token?: string | null;
}

/** Guards against a vendor that hands out tokens forever. */
const MAX_PAGES = 10_000;

export class OuraClient {
  constructor(
    private readonly transport: Transport,
    private readonly accessToken: string,
    private readonly timeoutMs: number,
  ) {}

  /** Every row of a collection for the given window parameters. */
  async collect(collection: string, window: Record<string, string>): Promise<OuraPage> {
    const data: Record<string, unknown>[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body = await this.page(collection, { ...window, next_token: nextToken });
      data.push(...body.data);
      if (!body.next_token) return { data, next_token: null };
      nextToken = body.next_token;
    }
    throw new ApiError(502, 'OURA.PAGING_RUNAWAY', 'Oura kept returning next_token', {
      cause: new Error(`more than ${MAX_PAGES} pages for ${collection}`),
    });
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async page(
    collection: string,
    query: Record<string, string | undefined>,
  ): Promise<OuraPage> {
    let response: OutboundResponse;
    try {
      response = await this.transport.send({
        method: 'GET',
        path: `/v2/usercollection/${collection}`,
        query,
        headers: { authorization: `Bearer ${this.accessToken}`, accept: 'application/json' },
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      const timedOut = error instanceof TransportError && error.reason === 'timeout';
      throw new ApiError(timedOut ? 504 : 502,
        timedOut ? 'UPSTREAM.TIMEOUT' : 'UPSTREAM.UNAVAILABLE', 'Oura did not answer',
        { cause: error });
    }
    if (response.status !== 200) throw ouraError(response);
    const body = response.body as OuraPage;
    if (!Array.isArray(body?.data)) {
      throw new ApiError(502, 'OURA.BAD_RESPONSE', 'Oura answered without a data list');
    }
    return body;
  }
}

function ouraError(response: OutboundResponse): ApiError {
  const cause = new Error(`Oura ${response.status}: ${JSON.stringify(response.body ?? null)}`);
  if (response.status === 429) {
    return new ApiError(503, 'UPSTREAM.RATE_LIMITED', 'Oura asked us to slow down', { cause });
  }
  if (response.status === 401 || response.status === 403) {
    return new ApiError(502, 'OURA.AUTH_FAILED', 'Oura refused the access token', { cause });
  }
  if (response.status === 400 || response.status === 422) {
    return new ApiError(400, 'OURA.BAD_REQUEST', 'Oura rejected the window', { cause });
  }
  return new ApiError(502, 'UPSTREAM.FAILED', 'Oura failed', { cause });
}
