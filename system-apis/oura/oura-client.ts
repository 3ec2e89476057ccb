/**
 * Reads one window of an Oura API v2 collection and follows `next_token` until Oura says
 * there is no more, so callers always get the whole window. Every call has a timeout.
 * A 401 lets the credentials replace the token once; a second 401 is final.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { OutboundResponse, Transport } from '../../shared/http/transport.ts';
import type { OuraCollection } from './collections.ts';
import { ouraError, unanswered } from './oura-errors.ts';

/** A row as Oura sends it; this API keeps Oura's shape. */
export type OuraRow = Record<string, unknown>;

/** One Oura list response. */
export interface OuraPage {
  data: OuraRow[];
  next_token?: string | null;
}

/** Where the bearer token of a call comes from. */
export interface Credentials {
  /** A token to send now. */
  token(): Promise<string>;
  /**
   * Told that Oura refused `token`; resolves true when a different token is now available
   * (renewed, or already replaced), false when there is nothing else to try.
   */
  refused(token: string): Promise<boolean>;
}

/** Guards against a vendor that hands out tokens forever. */
const MAX_PAGES = 10_000;

export class OuraClient {
  constructor(
    private readonly transport: Transport,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Every row of one window, page after page, in Oura's order.
   * @throws ApiError `OURA.PAGING_RUNAWAY` when Oura repeats a next_token or never stops.
   */
  async collect(collection: OuraCollection, window: Record<string, string>,
    credentials: Credentials): Promise<OuraRow[]> {
    const rows: OuraRow[] = [];
    const seen = new Set<string>();
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body = await this.page(collection, { ...window, next_token: nextToken },
        credentials);
      rows.push(...body.data);
      if (!body.next_token) return rows;
      // The same token twice would fetch the same page twice.
      if (seen.has(body.next_token)) throw runaway(collection, 'repeated a next_token');
      seen.add(body.next_token);
      nextToken = body.next_token;
    }
    throw runaway(collection, `more than ${MAX_PAGES} pages`);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async page(collection: OuraCollection, query: Record<string, string | undefined>,
    credentials: Credentials): Promise<OuraPage> {
    const token = await credentials.token();
    let response = await this.get(collection, query, token);
    if (response.status === 401 && await credentials.refused(token)) {
      response = await this.get(collection, query, await credentials.token());
    }
    if (response.status !== 200) throw ouraError(response);
    const body = response.body as OuraPage;
    if (!Array.isArray(body?.data)) {
      throw new ApiError(502, 'OURA.BAD_RESPONSE', 'Oura answered without a data list');
    }
    return body;
  }

  private async get(collection: OuraCollection, query: Record<string, string | undefined>,
    token: string): Promise<OutboundResponse> {
    try {
      return await this.transport.send({
        method: 'GET',
        path: `/v2/usercollection/${collection}`,
        query,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      throw unanswered(error);
    }
  }
}

function runaway(collection: OuraCollection, what: string): ApiError {
  return new ApiError(502, 'OURA.PAGING_RUNAWAY', 'Oura kept returning next_token', {
    cause: new Error(`${collection}: Oura ${what}`),
  });
}
