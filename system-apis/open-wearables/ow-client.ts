/**
 * Reads Open Wearables collections for one user and follows `next_cursor` while OW says
 * `has_more`, so callers get the whole window or an error, never a silent part of it.
 * Every page is one call with its own timeout and the API-key header.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { OutboundResponse, Transport } from '../../shared/http/transport.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { badResponse, owFailure, transportFailure } from './ow-errors.ts';

/** OW's paging block (`PaginatedResponse.pagination`). */
export interface OwPagination {
  next_cursor?: string | null;
  previous_cursor?: string | null;
  has_more: boolean;
  total_count?: number | null;
}

/** Rows of a collection with the paging block of the page they came from (or the last). */
export interface OwCollection {
  data: Record<string, unknown>[];
  pagination: OwPagination;
}

/** The OW read routes this client knows, below `/users/{user_id}/`. */
export type OwRoute = 'timeseries' | 'summaries/activity' | 'events/sleep';

export interface OwClientSettings {
  apiKey: string;
  timeoutMs: number;
  /** Most pages one collection may take before the call fails (OW.TOO_MANY_PAGES). */
  maxPages: number;
  /** Rows asked for per page (OW's `limit`). */
  pageLimit: number;
  /** Path in front of `/api/v1`, for an OW behind a path prefix; '' otherwise. */
  pathPrefix: string;
}

/** What to read: one user's route and its window parameters. */
export interface OwQuery {
  userId: string;
  route: OwRoute;
  params: Record<string, string | string[] | undefined>;
}

export const API_KEY_HEADER = 'x-open-wearables-api-key';

export class OpenWearablesClient {
  constructor(
    private readonly transport: Transport,
    private readonly settings: OwClientSettings,
  ) {}

  /**
   * Every row of the window, in OW's order, with the last page's pagination.
   * @throws ApiError OW.TOO_MANY_PAGES when the window needs more than `maxPages` pages,
   * OW.BAD_RESPONSE when OW's paging contradicts itself, or OW's failure as a stable code.
   */
  async collect(query: OwQuery, log: Logger): Promise<OwCollection> {
    const data: Record<string, unknown>[] = [];
    const cursors = new Set<string>();
    let cursor: string | undefined;
    for (let pages = 1; ; pages += 1) {
      const page = await this.page(query, cursor);
      data.push(...page.data);
      cursor = nextCursor(page.pagination, cursors);
      if (cursor === undefined) {
        reportCount(log, query, data.length, pages, page.pagination);
        return { data, pagination: page.pagination };
      }
      if (pages >= this.settings.maxPages) throw tooManyPages(query, this.settings);
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /** One page; `cursor` undefined asks for the first. */
  private async page(query: OwQuery, cursor: string | undefined): Promise<OwCollection> {
    let response: OutboundResponse;
    try {
      response = await this.transport.send({
        method: 'GET',
        path: `${this.settings.pathPrefix}/api/v1/users/${encodeURIComponent(query.userId)}`
          + `/${query.route}`,
        query: { ...query.params, limit: this.settings.pageLimit, cursor },
        headers: { [API_KEY_HEADER]: this.settings.apiKey, accept: 'application/json' },
        timeoutMs: this.settings.timeoutMs,
      });
    } catch (error) {
      throw transportFailure(error);
    }
    if (response.status !== 200) throw owFailure(response);
    return checkedPage(response.body, query.route);
  }
}

/** The cursor to ask for next, or undefined when OW says this was the last page. */
function nextCursor(pagination: OwPagination, seen: Set<string>): string | undefined {
  if (!pagination.has_more) return undefined;
  const cursor = pagination.next_cursor;
  if (typeof cursor !== 'string' || cursor === '') {
    throw badResponse('has_more is true but next_cursor is empty');
  }
  // A cursor handed out twice would loop until the page cap; stop at once instead.
  if (seen.has(cursor)) throw badResponse('next_cursor repeats an earlier cursor');
  seen.add(cursor);
  return cursor;
}

function checkedPage(body: unknown, route: OwRoute): OwCollection {
  const page = body as Partial<OwCollection> | null;
  if (!Array.isArray(page?.data)) throw badResponse(`${route} answered without a data list`);
  if (typeof page.pagination?.has_more !== 'boolean') {
    throw badResponse(`${route} answered without pagination.has_more`);
  }
  return page as OwCollection;
}

function tooManyPages(query: OwQuery, settings: OwClientSettings): ApiError {
  const most = settings.maxPages * settings.pageLimit;
  return new ApiError(400, 'OW.TOO_MANY_PAGES', 'The window holds too much to read at once', {
    detail: `Open Wearables still had more ${query.route} rows after ${settings.maxPages} pages`
      + ` (up to ${most} rows); ask for a shorter window`,
  });
}

/**
 * OW counts the window before paging; a different count at the end means rows were added
 * or removed meanwhile. That is worth a warning, not a failure: every page was read.
 */
function reportCount(log: Logger, query: OwQuery, rows: number, pages: number,
  pagination: OwPagination): void {
  const expected = pagination.total_count;
  if (typeof expected === 'number' && expected !== rows) {
    log.warn({ route: query.route, rows, pages, totalCount: expected },
      'Open Wearables total_count differs from the rows read');
  } else {
    log.debug({ route: query.route, rows, pages }, 'Open Wearables collection read');
  }
}
