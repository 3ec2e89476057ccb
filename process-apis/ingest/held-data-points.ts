/** The `listHeldDataPoints` operation: a patient's points held until JHE stores them. */
import type { ApiRequest, ApiResponse } from '../../shared/api-kit/handlers.ts';
import type { HeldDataPointStore } from '../../shared/state/index.ts';
import type { components } from '../../specs/types/ingest.ts';

type HeldView = components['schemas']['HeldDataPoint'];

interface HeldQuery {
  schema?: string;
  limit?: number | string;
}

/** Matches the contract's default for `limit`. */
const DEFAULT_LIMIT = 1000;

/** Lists held points; with no store nothing can have been held, so the list is empty. */
export async function listHeldDataPoints(
  store: HeldDataPointStore | undefined,
  request: ApiRequest<unknown, HeldQuery>,
): Promise<ApiResponse<{ items: HeldView[] }>> {
  if (!store) return { status: 200, body: { items: [] } };
  const records = await store.list({
    patientId: request.params.patientId,
    schema: request.query.schema,
    // The validator checked the range; query values may still arrive as text.
    limit: Number(request.query.limit ?? DEFAULT_LIMIT),
  });
  const items = records.map(({ identifier, schema, vendor, heldAt, reason, dataPoint }) => ({
    identifier, schema, vendor, heldAt, reason, dataPoint: dataPoint as HeldView['dataPoint'],
  }));
  return { status: 200, body: { items } };
}
