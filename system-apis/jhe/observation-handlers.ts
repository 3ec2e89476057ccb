/**
 * Observation operations: create one, create many, search to the end, count.
 */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import type { operations } from '../../specs/types/jhe.ts';
import { createBatch } from './batch.ts';
import type { JheClient } from './jhe-client.ts';
import { jheError } from './jhe-errors.ts';
import { countObservations, searchObservations } from './search.ts';

type SearchFilters = NonNullable<operations['searchObservations']['parameters']['query']>;
/** The validator has filled in the contract's defaults. */
type SearchQuery = SearchFilters
  & Required<Pick<SearchFilters, 'sort' | 'pageSize' | 'maxResults'>>;
type CountQuery = NonNullable<operations['countObservations']['parameters']['query']>;
type Observation = Record<string, unknown>;

/** Handlers of the Observation operations. */
export function observationHandlers(client: JheClient): Handlers {
  return {
    async searchObservations(request: ApiRequest<unknown, SearchQuery>) {
      const result = await searchObservations(client, request.query);
      request.log.debug({ total: result.total }, 'observations found');
      return { status: 200, body: result };
    },

    async countObservations(request: ApiRequest<unknown, CountQuery>) {
      const total = await countObservations(client, request.query);
      return { status: 200, body: { total } };
    },

    async createObservation(request: ApiRequest<Observation>) {
      const response = await client.fhir({ method: 'POST', path: '/Observation',
        body: request.body });
      if (response.status !== 201) throw jheError(response.status, response.body, 'fhir-write');
      return { status: 201, body: response.body };
    },

    async createObservationBatch(request: ApiRequest<{ observations: Observation[] }>) {
      const results = await createBatch(client, request.body.observations);
      const created = results.filter((result) => result.outcome === 'created').length;
      request.log.info({ sent: results.length, created }, 'batch uploaded');
      return { status: 200, body: { results } };
    },
  };
}
