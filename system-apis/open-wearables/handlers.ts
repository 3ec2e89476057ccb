/** Operation handlers of the Open Wearables system API (`specs/system/open-wearables.yaml`). */
import type { ApiRequest, ApiResponse, Handlers } from '../../shared/api-kit/handlers.ts';
import type { operations } from '../../specs/types/open-wearables.ts';
import type { OpenWearablesClient, OwQuery } from './ow-client.ts';
import { RateLimitedError } from './ow-errors.ts';
import { assertOrdered } from './window.ts';

type Query<Id extends keyof operations> = operations[Id]['parameters']['query'];
type UserParams = { user_id: string };

/** Binds each operation of the contract to the client. */
export function openWearablesHandlers(client: OpenWearablesClient): Handlers {
  return {
    listTimeseries: (request: ApiRequest<unknown, Query<'listTimeseries'>>) => {
      const { start_time, end_time } = request.query;
      assertOrdered(request.query, 'start_time', 'end_time');
      return read(client, request, 'timeseries',
        { start_time, end_time, types: asList(request.query.types) });
    },

    listActivitySummaries: (request: ApiRequest<unknown, Query<'listActivitySummaries'>>) => {
      const { start_date, end_date } = request.query;
      assertOrdered(request.query, 'start_date', 'end_date');
      return read(client, request, 'summaries/activity', { start_date, end_date });
    },

    listSleepEvents: (request: ApiRequest<unknown, Query<'listSleepEvents'>>) => {
      const { start_date, end_date } = request.query;
      assertOrdered(request.query, 'start_date', 'end_date');
      return read(client, request, 'events/sleep', { start_date, end_date });
    },
  };
}

/** Reads the whole collection; a 429 leaves as a 503 whose Retry-After the kit sends. */
async function read(client: OpenWearablesClient, request: ApiRequest,
  route: OwQuery['route'], params: OwQuery['params']): Promise<ApiResponse> {
  const userId = (request.params as UserParams).user_id;
  try {
    const collection = await client.collect({ userId, route, params }, request.log);
    return { status: 200, body: collection };
  } catch (error) {
    if (error instanceof RateLimitedError) {
      request.log.warn({ route, retryAfterSeconds: error.retryAfterSeconds },
        'Open Wearables rate-limited the gateway');
    }
    throw error;
  }
}

/** The query parser gives one repeated parameter as a string and several as an array. */
function asList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}
