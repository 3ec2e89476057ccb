/**
 * JHE's FHIR search paging and Bundle links (reference §3.3, §3.4): DRF page-number
 * pagination on `_count`/`_page`, and `next`/`previous` URLs built with DRF's
 * `replace_query_param`, which re-sorts and re-encodes the query.
 */
import type { Request } from 'express';
import { parseModelId } from './model-id.ts';
import { FhirError } from './outcome.ts';
import type { QueryParams } from './query-params.ts';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 1000;

/** The absolute URL of a request as Django's `build_absolute_uri()` spells it. */
export interface RequestUrl {
  origin: string;
  path: string;
  rawQuery: string;
}

/** One page of results and where it sits. */
export interface Page<T> {
  items: T[];
  number: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** Scheme and host from the forwarding headers JHE trusts (reference §1.5). */
export function requestUrl(req: Request): RequestUrl {
  const forwardedProto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim();
  const scheme = forwardedProto === 'https' ? 'https' : 'http';
  const forwardedHost = String(req.headers['x-forwarded-host'] ?? '').split(',')[0].trim();
  const host = forwardedHost || req.headers.host || 'localhost';
  const [path, ...rest] = req.originalUrl.split('?');
  return { origin: `${scheme}://${host}`, path, rawQuery: rest.join('?') };
}

/** The request's own URL, unchanged (the `self` link). */
export function selfLink(url: RequestUrl): string {
  return url.origin + url.path + (url.rawQuery ? `?${url.rawQuery}` : '');
}

/**
 * DRF's page slicing. `_count` falls back to 20 unless it is a positive integer, and is
 * capped at 1000; `_page` is 1-based and also accepts `last`.
 * @throws FhirError 404 `Invalid page.` for a page that is not an integer or out of range.
 */
export function paginate<T>(rows: T[], params: QueryParams): Page<T> {
  const size = pageSize(params.get('_count'));
  const pageCount = rows.length === 0 ? 1 : Math.ceil(rows.length / size);
  const raw = params.get('_page') || '1';
  const number = raw === 'last' ? pageCount : parseModelId(raw);
  if (number === undefined || number < 1 || number > pageCount) {
    throw new FhirError(404, 'Invalid page.');
  }
  return {
    items: rows.slice((number - 1) * size, number * size),
    number,
    hasPrevious: number > 1,
    hasNext: number < pageCount,
  };
}

function pageSize(raw: string | undefined): number {
  const parsed = raw === undefined ? undefined : parseModelId(raw);
  if (parsed === undefined || parsed <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(parsed, MAX_PAGE_SIZE);
}

/** The `self`, `previous` and `next` links of a page. */
export function pageLinks(url: RequestUrl, page: Page<unknown>): Array<Record<string, string>> {
  const links = [{ relation: 'self', url: selfLink(url) }];
  if (page.hasPrevious) {
    // DRF drops `_page` entirely when the previous page is the first one.
    const previous = page.number - 1;
    const previousPage = previous === 1 ? null : String(previous);
    links.push({ relation: 'previous', url: withQueryParam(url, '_page', previousPage) });
  }
  if (page.hasNext) {
    links.push({ relation: 'next', url: withQueryParam(url, '_page', String(page.number + 1)) });
  }
  return links;
}

/**
 * DRF's `replace_query_param` / `remove_query_param`: parse the query, set or drop one
 * parameter, then re-encode with keys sorted and values quoted as Python's `quote_plus`.
 */
export function withQueryParam(url: RequestUrl, name: string, value: string | null): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(url.rawQuery)) {
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  if (value === null) grouped.delete(name);
  else grouped.set(name, [value]);
  const query = [...grouped.keys()].sort()
    .flatMap((key) => grouped.get(key)!.map((value) => `${quotePlus(key)}=${quotePlus(value)}`))
    .join('&');
  return url.origin + url.path + (query ? `?${query}` : '');
}

/** Python's `urllib.parse.quote_plus` with its default safe set. */
function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
