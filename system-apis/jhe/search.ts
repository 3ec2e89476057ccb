/**
 * Observation search that follows JHE's `next` links to the end. JHE re-sorts and
 * percent-encodes the query in those links and builds their host from the forwarded Host
 * header, so only their path and query are reused, always against our configured origin.
 * Older JHE releases stopped listing at a cap with no next link: a result shorter than
 * `total` is therefore an error, never a silently truncated answer.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { JheClient } from './jhe-client.ts';
import { jheError } from './jhe-errors.ts';

export const OMH_SYSTEM = 'https://w3id.org/openmhealth';

export interface SearchParams {
  patient: number;
  code?: string;
  date?: string[];
  sort: string;
  pageSize: number;
  maxResults: number;
}

interface Bundle {
  total?: number;
  entry?: { resource: Record<string, unknown> }[];
  link?: { relation: string; url: string }[];
}

export interface SearchResult {
  total: number;
  observations: Record<string, unknown>[];
}

/** Runs the search and collects every page. */
export async function searchObservations(
  client: JheClient,
  params: SearchParams,
): Promise<SearchResult> {
  const observations: Record<string, unknown>[] = [];
  let bundle = await fetchPage(client, { path: '/Observation', query: firstQuery(params) });
  const total = bundle.total ?? 0;
  assertWithinCap(total, params.maxResults);

  for (;;) {
    observations.push(...(bundle.entry ?? []).map((entry) => entry.resource));
    const next = bundle.link?.find((link) => link.relation === 'next');
    if (!next) break;
    bundle = await fetchPage(client, nextPath(next.url, client.fhirBasePath));
  }

  if (observations.length !== total) {
    throw new ApiError(502, 'JHE.INCOMPLETE_RESULT',
      'JHE returned fewer Observations than it counted', {
        cause: new Error(`JHE said total=${total} but listed ${observations.length}`),
      });
  }
  return { total, observations };
}

/** Sends the bare-integer patient and `system|code`: JHE matches nothing on a bare code. */
function firstQuery(params: SearchParams): Record<string, string | number | string[]> {
  const query: Record<string, string | number | string[]> = {
    patient: params.patient,
    _count: params.pageSize,
    _sort: params.sort,
  };
  if (params.code) query.code = `${OMH_SYSTEM}|${params.code}`;
  if (params.date?.length) query.date = params.date;
  return query;
}

async function fetchPage(
  client: JheClient,
  call: { path: string; query?: Record<string, string | number | string[]>; absolute?: boolean },
): Promise<Bundle> {
  const response = await client.fhir({
    method: 'GET', path: call.path, query: call.query, absolutePath: call.absolute,
  });
  if (response.status !== 200) throw jheError(response.status, response.body);
  return response.body as Bundle;
}

function nextPath(url: string, fhirBasePath: string) {
  const parsed = new URL(url);
  if (!parsed.pathname.startsWith(fhirBasePath)) {
    throw new ApiError(502, 'JHE.BAD_LINK', 'JHE sent a next link outside its FHIR base', {
      cause: new Error(`next link path ${parsed.pathname}`),
    });
  }
  return { path: parsed.pathname + parsed.search, absolute: true };
}

function assertWithinCap(total: number, maxResults: number): void {
  if (total <= maxResults) return;
  throw new ApiError(400, 'SEARCH.TOO_MANY_RESULTS',
    'The search matches more Observations than the allowed maximum', {
      detail: `${total} Observations match; narrow the window or raise maxResults`,
    });
}
