/**
 * One Oura v2 list route: find the rows in the request's window, then hand out one page
 * with a `next_token` for the rest, `null` on the last page. Rows are kept in time order,
 * so the window is found by binary search: a page costs the same whether the collection
 * holds twenty rows or a year of five-minute heart rate.
 */
import type { Request, RequestHandler, Response } from 'express';
import { decodePageToken, encodePageToken } from './page-token.ts';
import type { Window } from './query-window.ts';
import type { TimedRow } from './sandbox-data.ts';
import { OuraSandboxError } from './sandbox-error.ts';

/** An Oura v2 list response. */
export interface OuraPage {
  data: unknown[];
  next_token: string | null;
}

/** The window a request asks for; throws OuraSandboxError 400 on a bad parameter. */
export type WindowReader = (req: Request) => Window;

/** The rows a request may list, in time order (they depend on whose token it carries). */
export type RowSource = (req: Request, res: Response) => readonly TimedRow[];

/** Serves the rows of `source` inside the request's window, `pageSize()` at a time. */
export function pagedListing(
  source: RowSource,
  readWindow: WindowReader,
  pageSize: () => number,
): RequestHandler {
  return (req, res) => {
    const window = readWindow(req);
    const rows = source(req, res);
    const first = window.start === undefined ? 0
      : firstWhere(rows, (at) => at >= (window.start as number));
    const last = window.end === undefined ? rows.length
      : firstWhere(rows, (at) => (window.endInclusive ? at > (window.end as number)
        : at >= (window.end as number)));
    const matching = Math.max(0, last - first);

    const offset = startOffset(req);
    if (offset > matching) {
      throw new OuraSandboxError(400, 'next_token points past the end of this listing');
    }

    const end = Math.min(offset + pageSize(), matching);
    const page: OuraPage = {
      data: rows.slice(first + offset, first + end).map((entry) => entry.row),
      next_token: end < matching ? encodePageToken(end) : null,
    };
    res.json(page);
  };
}

/** The first index whose time passes `test` (false before it, true from it on). */
function firstWhere(rows: readonly TimedRow[], test: (at: number) => boolean): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(rows[middle].at)) high = middle;
    else low = middle + 1;
  }
  return low;
}

function startOffset(req: Request): number {
  const token = req.query.next_token;
  if (token === undefined) return 0;
  if (typeof token !== 'string') throw new OuraSandboxError(400, 'next_token must appear once');
  return decodePageToken(token);
}
