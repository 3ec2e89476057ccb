/**
 * One Oura v2 list route: filter the rows by the request's window, then hand out one page
 * with a `next_token` for the rest, `null` on the last page.
 */
import type { Request, RequestHandler } from 'express';
import { decodePageToken, encodePageToken } from './page-token.ts';
import { OuraSandboxError } from './sandbox-error.ts';

/** An Oura v2 list response. */
export interface OuraPage<T> {
  data: T[];
  next_token: string | null;
}

/** Picks the rows a request asks for; throws OuraSandboxError 400 on a bad parameter. */
export type RowSelector<T> = (req: Request) => (row: T) => boolean;

/** Serves `rows`, narrowed by `select`, `pageSize` at a time. */
export function pagedListing<T>(
  rows: readonly T[],
  select: RowSelector<T>,
  pageSize: number,
): RequestHandler {
  return (req, res) => {
    const matching = rows.filter(select(req));

    const offset = startOffset(req);
    if (offset > matching.length) {
      throw new OuraSandboxError(400, 'next_token points past the end of this listing');
    }

    const end = offset + pageSize;
    const page: OuraPage<T> = {
      data: matching.slice(offset, end),
      next_token: end < matching.length ? encodePageToken(end) : null,
    };
    res.json(page);
  };
}

function startOffset(req: Request): number {
  const token = req.query.next_token;
  if (token === undefined) return 0;
  if (typeof token !== 'string') throw new OuraSandboxError(400, 'next_token must appear once');
  return decodePageToken(token);
}
