/** Operation handlers of the patient-bundle process API (`specs/process/patient-bundle.yaml`). */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import { readTimeline } from './timeline.ts';

interface TimelineParams {
  start: string;
  end: string;
  schema?: string[];
}

export function patientBundleHandlers(jhe: ApiClient): Handlers {
  return {
    async getPatientTimeline(request: ApiRequest<unknown, TimelineParams>) {
      const timeline = await readTimeline(jhe, request.context, {
        patientId: Number(request.params.patientId),
        start: request.query.start,
        end: request.query.end,
        schemas: request.query.schema,
      });
      if (timeline.unreadable) {
        request.log.warn({ observationIds: timeline.unreadable }, 'unreadable observations');
      }
      return { status: 200, body: timeline };
    },
  };
}
