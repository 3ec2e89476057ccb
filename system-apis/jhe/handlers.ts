/**
 * Operation handlers of the JHE system API, bound by operationId from `specs/system/jhe.yaml`.
 */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import { createBatch } from './batch.ts';
import type { JheClient } from './jhe-client.ts';
import { jheError } from './jhe-errors.ts';
import { searchObservations } from './search.ts';

interface SearchQuery {
  patient: number;
  code?: string;
  date?: string[];
  sort: string;
  pageSize: number;
  maxResults: number;
}

export function jheHandlers(client: JheClient): Handlers {
  return {
    async searchObservations(request: ApiRequest<unknown, SearchQuery>) {
      const { patient, code, date, sort, pageSize, maxResults } = request.query;
      const result = await searchObservations(client, {
        patient, code, date, sort, pageSize, maxResults,
      });
      request.log.debug({ total: result.total }, 'observations found');
      return { status: 200, body: result };
    },

    async createObservation(request: ApiRequest<Record<string, unknown>>) {
      const response = await client.fhir({ method: 'POST', path: '/Observation', body: request.body });
      if (response.status !== 201) throw jheError(response.status, response.body);
      return { status: 201, body: response.body };
    },

    async createObservationBatch(request: ApiRequest<{ observations: Record<string, unknown>[] }>) {
      const results = await createBatch(client, request.body.observations);
      const created = results.filter((result) => result.outcome === 'created').length;
      request.log.info({ sent: results.length, created }, 'batch uploaded');
      return { status: 200, body: { results } };
    },
  };
}
