/** Operation handlers of the Oura system API (`specs/system/oura.yaml`). */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import type { OuraClient } from './oura-client.ts';

export function ouraHandlers(client: OuraClient): Handlers {
  return {
    async listHeartRate(request: ApiRequest<unknown, Record<string, string>>) {
      const { start_datetime, end_datetime } = request.query;
      const page = await client.collect('heartrate', { start_datetime, end_datetime });
      return { status: 200, body: page };
    },

    async listSleep(request: ApiRequest<unknown, Record<string, string>>) {
      const { start_date, end_date } = request.query;
      const page = await client.collect('sleep', { start_date, end_date });
      return { status: 200, body: page };
    },
  };
}
