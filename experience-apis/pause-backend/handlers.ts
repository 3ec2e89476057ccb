/** Operation handlers of the Pause backend experience API
 * (`specs/experience/pause-backend.yaml`). */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import { ouraConnectionHandlers } from './connections.ts';
import { ingestPushHandlers } from './ingest-jobs.ts';
import { schemasFor } from './reading-types.ts';
import { toReadings } from './readings.ts';
import { syncStatusHandlers } from './sync-status.ts';
import type { components } from '../../specs/types/patient-bundle.ts';

type Timeline = components['schemas']['Timeline'];

interface TimelineQuery {
  start: string;
  end: string;
  type?: string[];
}

export interface PauseBackendDeps {
  ingest: ApiClient;
  patientBundle: ApiClient;
  wearableConnections: ApiClient;
  wearableSync: ApiClient;
}

export function pauseBackendHandlers(deps: PauseBackendDeps): Handlers {
  return {
    ...ouraConnectionHandlers(deps.wearableConnections),
    ...syncStatusHandlers(deps.wearableSync),
    ...ingestPushHandlers(deps.ingest),

    async getTimeline(request: ApiRequest<unknown, TimelineQuery>) {
      const timeline = await deps.patientBundle.call<Timeline>(request.context, {
        method: 'GET',
        path: `/patients/${request.params.patientId}/timeline`,
        query: {
          start: request.query.start,
          end: request.query.end,
          schema: schemasFor(request.query.type),
        },
      });
      return { status: 200, body: toReadings(timeline) };
    },
  };
}
