/**
 * Uploads prepared Observations to JHE through the JHE system API, in batches, and writes
 * each result back onto its report item. Results are keyed by identifier value.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { RequestContext } from '../../shared/api-kit/request-context.ts';
import type { components } from '../../specs/types/jhe.ts';
import type { IngestItem } from './report.ts';

export interface PendingUpload {
  item: IngestItem;
  observation: Record<string, unknown>;
}

type BatchResult = components['schemas']['BatchResult'];

/**
 * Sends the uploads in order. If a batch fails as a whole the error says how many items were
 * already stored; a retry is safe because identifiers are deterministic.
 */
export async function uploadInBatches(
  jhe: ApiClient,
  context: RequestContext,
  pending: PendingUpload[],
  batchSize: number,
): Promise<void> {
  for (let start = 0; start < pending.length; start += batchSize) {
    const batch = pending.slice(start, start + batchSize);
    let results: BatchResult[];
    try {
      ({ results } = await jhe.call<{ results: BatchResult[] }>(context, {
        method: 'POST',
        path: '/observations/batch',
        body: { observations: batch.map((upload) => upload.observation) },
      }));
    } catch (error) {
      throw partialFailure(error, start);
    }
    apply(batch, results);
  }
}

function apply(batch: PendingUpload[], results: BatchResult[]): void {
  const byValue = new Map(results.map((result) => [result.identifier.value, result]));
  for (const { item } of batch) {
    const result = byValue.get(item.identifier ?? '');
    if (!result) {
      Object.assign(item, { status: 'rejected', code: 'JHE.BATCH_MISMATCH',
        reason: 'JHE gave no result for this item' });
    } else if (result.outcome === 'created') {
      Object.assign(item, { status: 'stored', observationId: result.observationId });
    } else if (result.outcome === 'duplicate') {
      Object.assign(item, { status: 'duplicate', reason: 'Already stored in JHE' });
    } else {
      Object.assign(item, { status: 'rejected', code: result.code, reason: result.reason });
    }
  }
}

function partialFailure(error: unknown, alreadySent: number): unknown {
  if (!(error instanceof ApiError) || alreadySent === 0) return error;
  return new ApiError(error.status, error.code, error.message, {
    detail: `${alreadySent} items were uploaded before the failure; retrying the same payload `
      + 'is safe and stores each item once',
    cause: error,
  });
}
