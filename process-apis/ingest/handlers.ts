/** Operation handlers of the ingest process API (`specs/process/ingest.yaml`). */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import { listHeldDataPoints } from './held-data-points.ts';
import { ingestPayload, type IngestDeps, type IngestInput } from './ingest-flow.ts';
import { fetchVendorWindow, type VendorSystems, type Window } from './vendor-pull.ts';
import { getIngestJob, prefersRespondAsync, startIngestJob } from './ingest-job-handlers.ts';
import { IngestJobRegistry } from './ingest-jobs.ts';

interface Target {
  patientId: string;
  vendor: string;
  collection: string;
}

/**
 * @param jobs where asynchronous pushes (`Prefer: respond-async`) run; one per API instance,
 * since jobs are only ever read back from the process that runs them.
 */
export function ingestHandlers(
  deps: IngestDeps, vendors: VendorSystems, jobs = new IngestJobRegistry(),
): Handlers {
  const run = async (request: ApiRequest, payload: unknown, finalBy?: string) => {
    const params = request.params as unknown as Target;
    const report = await ingestPayload(deps, request.context,
      { ...inputOf(params, payload), ...(finalBy ? { finalBy } : {}) });
    request.log.info({ vendor: params.vendor, collection: params.collection, ...report.summary },
      'ingest finished');
    return { status: 200, body: report };
  };

  return {
    async ingestVendorPayload(request: ApiRequest) {
      if (!prefersRespondAsync(request.headers)) return run(request, request.body);
      const params = request.params as unknown as Target;
      return startIngestJob(jobs, deps, request, inputOf(params, request.body));
    },

    getIngestJob: (request) => getIngestJob(jobs, request),

    async pullFromVendor(request: ApiRequest<Window>) {
      const params = request.params as unknown as Target;
      const page = await fetchVendorWindow(vendors, request.context, {
        vendor: params.vendor, collection: params.collection, window: request.body,
        patientId: params.patientId,
      });
      return run(request, page, request.body.end);
    },

    listHeldDataPoints: (request) => listHeldDataPoints(deps.held, request),
  };
}

function inputOf(params: Target, payload: unknown): IngestInput {
  return { patientId: Number(params.patientId), vendor: params.vendor,
    collection: params.collection, payload };
}
