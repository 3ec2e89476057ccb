/**
 * The admin API's list envelope (reference §5): DRF page-number pagination answering
 * `{"count", "next", "previous", "results"}`. JHE's CustomPageNumberPagination reads `page`
 * and `page_size` (sent as `pageSize` or `page_size`; default 20, at most 1000); viewsets
 * without it use DRF's plain pagination with 1000 rows a page and `page` only.
 */
import type { Request } from 'express';
import { drfDetail } from '../drf-error.ts';
import { parseModelId } from '../model-id.ts';
import { requestUrl, withQueryParam } from '../paging.ts';
import type { QueryParams } from '../query-params.ts';

/** Which paginator a viewset uses. */
export type Paginator = 'custom' | 'plain';

const MAX_PAGE_SIZE = 1000;

/** One page of rendered rows in DRF's envelope. */
export function paginateAdmin(
  req: Request, query: QueryParams, results: unknown[], paginator: Paginator = 'custom',
): Record<string, unknown> {
  const size = paginator === 'plain' ? MAX_PAGE_SIZE : pageSize(query.get('page_size'));
  const pageCount = Math.max(1, Math.ceil(results.length / size));
  const raw = query.get('page') || '1';
  const number = raw === 'last' ? pageCount : parseModelId(raw);
  if (number === undefined || number < 1 || number > pageCount) {
    throw drfDetail(404, 'Invalid page.');
  }
  const url = requestUrl(req);
  const previous = number === 1 ? null
    : withQueryParam(url, 'page', number === 2 ? null : String(number - 1));
  return {
    count: results.length,
    next: number < pageCount ? withQueryParam(url, 'page', String(number + 1)) : null,
    previous,
    results: results.slice((number - 1) * size, number * size),
  };
}

function pageSize(raw: string | undefined): number {
  const parsed = raw === undefined ? undefined : parseModelId(raw);
  if (parsed === undefined || parsed <= 0) return 20;
  return Math.min(parsed, MAX_PAGE_SIZE);
}
