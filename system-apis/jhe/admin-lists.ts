/**
 * JHE's admin lists, read to the end. DRF pages them as `{count, next, previous, results}`
 * (some custom actions answer a plain array instead). As with FHIR links, a `next` URL's
 * host comes from the forwarded Host header, so only its path and query are reused.
 */
import type { ApiError } from '../../shared/errors/problem.ts';
import { jheProblem } from './jhe-codes.ts';
import { ADMIN_BASE_PATH, type JheCall, type JheClient } from './jhe-client.ts';
import { jheError, type JheFamily } from './jhe-errors.ts';
import type { JheQuery } from './search-query.ts';

/** JHE's largest admin page (reference §5). */
export const ADMIN_PAGE_SIZE = 1000;

/** A whole list: JHE's count and every row. */
export interface AdminList<Row> {
  count: number;
  results: Row[];
}

interface DrfPage<Row> {
  count?: number;
  next?: string | null;
  results?: Row[];
}

/**
 * Reads every page of an admin list.
 * @param path - below `/api/v1`, e.g. `/patients`.
 * @throws ApiError `JHE.INCOMPLETE_RESULT` when the rows do not add up to JHE's count.
 */
export async function listAll<Row>(
  client: JheClient,
  path: string,
  query: JheQuery = {},
  family: JheFamily = 'admin',
): Promise<AdminList<Row>> {
  let body = await fetchPage<Row>(client,
    { method: 'GET', path, query: { ...query, page_size: ADMIN_PAGE_SIZE } }, family);
  if (Array.isArray(body)) return { count: body.length, results: body };

  const count = body.count ?? 0;
  const results: Row[] = [];
  for (;;) {
    results.push(...(body.results ?? []));
    // A next link past the count would page forever; stop and report the mismatch.
    if (!body.next || results.length >= count) break;
    body = await fetchPage<Row>(client, nextCall(body.next), family) as DrfPage<Row>;
  }
  if (results.length !== count) throw mismatch(path, count, results.length);
  return { count, results };
}

async function fetchPage<Row>(
  client: JheClient,
  call: JheCall,
  family: JheFamily,
): Promise<DrfPage<Row> | Row[]> {
  const response = await client.admin(call);
  if (response.status !== 200) throw jheError(response.status, response.body, family);
  const body = response.body;
  if (Array.isArray(body) || (typeof body === 'object' && body !== null)) {
    return body as DrfPage<Row> | Row[];
  }
  throw jheProblem('JHE.BAD_RESPONSE', new Error(`admin list answered ${typeof body}`));
}

function nextCall(url: string): JheCall {
  const parsed = new URL(url);
  if (!parsed.pathname.startsWith(`${ADMIN_BASE_PATH}/`)) {
    throw jheProblem('JHE.BAD_LINK', new Error(`next link path ${parsed.pathname}`));
  }
  return { method: 'GET', path: parsed.pathname + parsed.search, absolutePath: true };
}

function mismatch(path: string, count: number, listed: number): ApiError {
  return jheProblem('JHE.INCOMPLETE_RESULT',
    new Error(`${path}: JHE counted ${count} rows but listed ${listed}`));
}
