/**
 * The push operations of the Pause backend experience API, synchronous or asynchronous
 * (RFC 7240 `Prefer: respond-async`), and the ingest job a 202 points to. The ingest process
 * API runs the job; this tier passes the preference down and names the job by its own path,
 * so that a Pause caller never sees a process-tier address.
 */
import type { ApiRequest, ApiResponse, Handlers } from '../../shared/api-kit/handlers.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { components as Ingest } from '../../specs/types/ingest.ts';
import type { components } from '../../specs/types/pause-backend.ts';

type ProcessJob = Ingest['schemas']['IngestJob'];
type ProcessAccepted = Ingest['schemas']['IngestJobAccepted'];
type IngestJob = components['schemas']['IngestJob'];
type IngestJobAccepted = components['schemas']['IngestJobAccepted'];

/** Where a Pause caller polls a job. */
export const PAUSE_JOBS_PATH = '/pause/v1/ingest-jobs';

export function ingestPushHandlers(ingest: ApiClient): Handlers {
  const push = (request: ApiRequest, path: string) => pushPayload(ingest, request, path);

  return {
    postWearablePayload(request: ApiRequest) {
      const { patientId, vendor, collection } = request.params;
      return push(request, `/patients/${patientId}/vendors/${vendor}/${collection}`);
    },

    postAppleHealthSync(request: ApiRequest) {
      return push(request,
        `/patients/${request.params.patientId}/vendors/apple-health/sync_request`);
    },

    async getIngestJob(request: ApiRequest) {
      const job = await ingest.call<ProcessJob>(request.context,
        { method: 'GET', path: `/ingest-jobs/${request.params.jobId}` });
      return { status: 200, body: toPause(job), headers: { 'Cache-Control': 'no-store' } };
    },
  };
}

/**
 * Sends the payload to the ingest process API with the caller's `Prefer`, and answers what
 * it answered: the report (200), or the accepted job (202) under this tier's job path.
 */
async function pushPayload(
  ingest: ApiClient, request: ApiRequest, path: string,
): Promise<ApiResponse> {
  let status = 200;
  const prefer = [request.headers.prefer ?? []].flat().join(', ');
  const body = await ingest.call<unknown>(request.context, {
    method: 'POST', path, body: request.body,
    headers: prefer ? { prefer } : undefined,
    onAnswer: (answered) => {
      status = answered;
    },
  });
  if (status !== 202) return { status: 200, body };

  const { jobId } = body as ProcessAccepted;
  const location = `${PAUSE_JOBS_PATH}/${jobId}`;
  const accepted: IngestJobAccepted = { jobId, status: 'running', location };
  return { status: 202, body: accepted,
    headers: { 'Location': location, 'Preference-Applied': 'respond-async' } };
}

/** The process job in the Pause shape: the same fields, named and checked here. */
function toPause(job: ProcessJob): IngestJob {
  const { jobId, status, patientId, vendor, collection, startedAt, finishedAt, progress,
    report, problem } = job;
  return { jobId, status, patientId, vendor, collection, startedAt, progress,
    ...(finishedAt !== undefined ? { finishedAt } : {}),
    ...(report !== undefined ? { report } : {}),
    ...(problem !== undefined ? { problem } : {}) };
}
