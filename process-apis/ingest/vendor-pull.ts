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

/** Per vendor, JHE Patient.id -> the patient's account id at that vendor. */
export type VendorAccounts = Record<string, Record<string, string>>;

/** The vendor system APIs a pull can reach, and whose account each patient is. */
export interface VendorSystems {
  clients: Record<string, ApiClient>;
  accounts: VendorAccounts;
}

interface FetchInput {
  client: ApiClient;
  context: RequestContext;
  window: Window;
  patientId: string;
  /** The patient's account at the vendor, when the vendor's API is per account. */
  account?: string;
}

type Fetcher = (input: FetchInput) => Promise<unknown>;

const get = (input: FetchInput, path: string, query: Record<string, string>) =>
  input.client.call(input.context, { method: 'GET', path, query });

const ouraPath = (input: FetchInput, collection: string) =>
  `/patients/${input.patientId}/${collection}`;

/**
 * A day-based Oura collection. Oura reads a date-only end_date as that day's midnight, so
 * it is exclusive, as the window's end is.
 */
const ouraDays = (collection: string): Fetcher => (input) => get(input,
  ouraPath(input, collection),
  { start_date: localDate(input.window.start), end_date: localDate(input.window.end) });

const FETCHERS: Record<string, Record<string, Fetcher>> = {
  // The patient's own connection: a patient who has not connected Oura gets 409
  // OURA.NOT_CONNECTED from the system API.
  'oura': {
    heartrate: (input) => get(input, ouraPath(input, 'heartrate'),
      { start_datetime: input.window.start, end_datetime: input.window.end }),
    sleep: ouraDays('sleep'),
    daily_spo2: ouraDays('daily_spo2'),
    daily_activity: ouraDays('daily_activity'),
    daily_readiness: ouraDays('daily_readiness'),
    workout: ouraDays('workout'),
  },
  'open-wearables': {
    timeseries: (input) => get(input, `/users/${input.account}/timeseries`,
      { start_time: input.window.start, end_time: input.window.end }),
    // OW reads a date-time with its offset exactly; its end date is exclusive.
    summaries_activity: (input) => get(input, `/users/${input.account}/summaries/activity`,
      { start_date: localDate(input.window.start), end_date: localDate(input.window.end) }),
    events_sleep: (input) => get(input, `/users/${input.account}/events/sleep`,
      { start_date: input.window.start, end_date: input.window.end }),
  },
};

/** The collections a pull can fetch for `vendor`, in a stable order; none for an unknown one. */
export function pullableCollections(vendor: string): string[] {
  return Object.keys(FETCHERS[vendor] ?? {});
}

/** Fetches the window as one vendor page. */
export async function fetchVendorWindow(
  vendors: VendorSystems,
  context: RequestContext,
  target: { vendor: string; collection: string; window: Window; patientId: string },
): Promise<unknown> {
  const fetcher = FETCHERS[target.vendor]?.[target.collection];
  const client = vendors.clients[target.vendor];
  if (!fetcher || !client) {
    throw new ApiError(404, 'CONVERTER.NOT_FOUND', 'This vendor collection cannot be pulled', {
      detail: `no system API call is defined for ${target.vendor} ${target.collection}`,
    });
  }
  const accounts = vendors.accounts[target.vendor];
  const account = accounts?.[target.patientId];
  if (accounts && !account) {
    throw new ApiError(409, 'VENDOR.NOT_CONNECTED', 'The patient has no account at this vendor',
      { detail: `no ${target.vendor} account is configured for this patient` });
  }
  return fetcher({ client, context, window: target.window, patientId: target.patientId,
    account });
}

/** `2024-03-09T23:00:00+01:00` -> `2024-03-09`: the date as written, in its own offset. */
function localDate(instant: string): string {
  return instant.slice(0, 10);
}
