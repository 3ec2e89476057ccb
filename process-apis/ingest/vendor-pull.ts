/**
 * Pull ingest on demand: fetch a window of one vendor collection through that vendor's
 * system API, then run the same flow as a push. Dates sent to day-based collections are the
 * calendar dates written in the caller's own instants, never a UTC truncation.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { RequestContext } from '../../shared/api-kit/request-context.ts';

export interface Window {
  start: string;
  end: string;
}

type Fetcher = (client: ApiClient, context: RequestContext, window: Window) => Promise<unknown>;

const FETCHERS: Record<string, Record<string, Fetcher>> = {
  oura: {
    heartrate: (client, context, window) => client.call(context, {
      method: 'GET', path: '/heartrate',
      query: { start_datetime: window.start, end_datetime: window.end },
    }),
    sleep: (client, context, window) => client.call(context, {
      method: 'GET', path: '/sleep',
      query: { start_date: localDate(window.start), end_date: localDate(window.end) },
    }),
  },
};

/** Fetches the window as one vendor page. */
export async function fetchVendorWindow(
  clients: Record<string, ApiClient>,
  context: RequestContext,
  target: { vendor: string; collection: string; window: Window },
): Promise<unknown> {
  const fetcher = FETCHERS[target.vendor]?.[target.collection];
  const client = clients[target.vendor];
  if (!fetcher || !client) {
    throw new ApiError(404, 'CONVERTER.NOT_FOUND', 'This vendor collection cannot be pulled', {
      detail: `no system API call is defined for ${target.vendor} ${target.collection}`,
    });
  }
  return fetcher(client, context, target.window);
}

/** `2024-03-09T23:00:00+01:00` -> `2024-03-09`: the date as written, in its own offset. */
function localDate(instant: string): string {
  return instant.slice(0, 10);
}
