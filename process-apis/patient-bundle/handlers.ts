/** Operation handlers of the patient-bundle process API (`specs/process/patient-bundle.yaml`). */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import { ApiError } from '../../shared/errors/problem.ts';
import { readTimeline } from './timeline.ts';

interface TimelineParams {
  start: string;
  end: string;
  schema?: string[];
}

export function patientBundleHandlers(jhe: ApiClient): Handlers {
  return {
    async getPatientTimeline(request: ApiRequest<unknown, TimelineParams>) {
      assertWindow(request.query.start, request.query.end);
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

/** A window must end after it starts; an empty or reversed one is a caller's mistake. */
function assertWindow(start: string, end: string): void {
  if (Date.parse(end) > Date.parse(start)) return;
  throw new ApiError(400, 'REQUEST.INVALID', 'The window must end after it starts', {
    errors: [{ pointer: '/query/end', detail: 'must be later than start' }],
  });
}
