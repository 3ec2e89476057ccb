/** Operation handlers of the ingest process API (`specs/process/ingest.yaml`). */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import { listHeldDataPoints } from './held-data-points.ts';
import { ingestPayload, type IngestDeps } from './ingest-flow.ts';
import { fetchVendorWindow, type VendorSystems, type Window } from './vendor-pull.ts';

interface Target {
  patientId: string;
  vendor: string;
  collection: string;
}

export function ingestHandlers(deps: IngestDeps, vendors: VendorSystems): Handlers {
  const run = async (request: ApiRequest, payload: unknown) => {
    const params = request.params as unknown as Target;
    const report = await ingestPayload(deps, request.context, {
      patientId: Number(params.patientId),
      vendor: params.vendor,
      collection: params.collection,
      payload,
    });
    request.log.info({ vendor: params.vendor, collection: params.collection, ...report.summary },
      'ingest finished');
    return { status: 200, body: report };
  };

  return {
    ingestVendorPayload: (request) => run(request, request.body),

    async pullFromVendor(request: ApiRequest<Window>) {
      const params = request.params as unknown as Target;
      const page = await fetchVendorWindow(vendors, request.context, {
        vendor: params.vendor, collection: params.collection, window: request.body,
        patientId: params.patientId,
      });
      return run(request, page);
    },

    listHeldDataPoints: (request) => listHeldDataPoints(deps.held, request),
  };
}
