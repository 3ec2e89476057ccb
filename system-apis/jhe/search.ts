/**
 * Observation search that follows JHE's `next` links to the end. JHE re-sorts and
 * percent-encodes the query in those links and builds their host from the forwarded Host
 * header, so only their path and query are reused, always against our configured origin.
 * Older JHE releases stopped listing at a cap with no next link: a result shorter than
 * `total` is therefore an error, never a silently truncated answer.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import { jheProblem } from './jhe-codes.ts';
import type { JheClient, JheCall } from './jhe-client.ts';
import { jheError } from './jhe-errors.ts';
import { filterQuery, type JheQuery, type ObservationFilters } from './search-query.ts';

/** The filters plus ordering, paging and the size cap. */
export interface SearchParams extends ObservationFilters {
  /** `date`, `-date`, `lastUpdated` or `-lastUpdated`. */
  sort: string;
  /** JHE's `_count`, at most 1000. */
  pageSize: number;
  /** Fail rather than fetch more than this. */
  maxResults: number;
}

interface Bundle {
  total?: number;
  entry?: { resource: Record<string, unknown> }[];
  link?: { relation: string; url: string }[];
}

/** Every matching Observation, with JHE's total. */
export interface SearchResult {
  total: number;
  observations: Record<string, unknown>[];
}

/** Runs the search and collects every page. */
export async function searchObservations(
  client: JheClient,
  params: SearchParams,
): Promise<SearchResult> {
  const query: JheQuery = { ...filterQuery(params), _count: params.pageSize, _sort: params.sort };
  const observations: Record<string, unknown>[] = [];
  let bundle = await fetchPage(client, { method: 'GET', path: '/Observation', query });
  const total = bundle.total ?? 0;
  assertWithinCap(total, params.maxResults);

  for (;;) {
    observations.push(...(bundle.entry ?? []).map((entry) => entry.resource));
    const next = bundle.link?.find((link) => link.relation === 'next');
    if (!next) break;
    // Links that go on past the total would page forever.
    if (observations.length >= total) throw overrun(total, observations.length);
    bundle = await fetchPage(client, nextCall(next.url, client.fhirBasePath));
  }

  if (observations.length !== total) throw shortfall(total, observations.length);
  return { total, observations };
}

/** Counts matches with `_summary=count`, which lists no entries. */
export async function countObservations(
  client: JheClient,
  filters: ObservationFilters,
): Promise<number> {
  const query = { ...filterQuery(filters), _summary: 'count' };
  const bundle = await fetchPage(client, { method: 'GET', path: '/Observation', query });
  if (typeof bundle.total !== 'number') {
    throw jheProblem('JHE.BAD_RESPONSE', new Error('count Bundle without a numeric total'));
  }
  return bundle.total;
}

async function fetchPage(client: JheClient, call: JheCall): Promise<Bundle> {
  const response = await client.fhir(call);
  if (response.status !== 200) throw jheError(response.status, response.body, 'fhir-read');
  return response.body as Bundle;
}

function nextCall(url: string, fhirBasePath: string): JheCall {
  const parsed = new URL(url);
  if (!parsed.pathname.startsWith(fhirBasePath)) {
    throw jheProblem('JHE.BAD_LINK', new Error(`next link path ${parsed.pathname}`));
  }
  return { method: 'GET', path: parsed.pathname + parsed.search, absolutePath: true };
}

/**
 * Names the shortfall, for the log: a JHE release that caps a listing without a next link
 * (reference §0) looks exactly like this.
 */
function shortfall(total: number, listed: number): ApiError {
  return jheProblem('JHE.INCOMPLETE_RESULT', new Error(`JHE counted ${total} Observations `
    + `but listed ${listed}: ${total - listed} missing, and no next link to fetch them`));
}

function overrun(total: number, listed: number): ApiError {
  return jheProblem('JHE.BAD_LINK', new Error(`JHE counted ${total} Observations and listed `
    + `${listed}, yet sent another next link`));
}

function assertWithinCap(total: number, maxResults: number): void {
  if (total <= maxResults) return;
  throw new ApiError(400, 'SEARCH.TOO_MANY_RESULTS',
    'The search matches more Observations than the allowed maximum', {
      detail: `${total} Observations match; narrow the window or raise maxResults`,
    });
}
