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

/** Said of an item JHE already held when its batch was resent after a dropped connection. */
const STORED_BY_RESENT_BATCH = 'Stored by an earlier copy of this upload whose answer was lost '
  + 'when the connection dropped';

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
    let sent: { results: BatchResult[]; resent: boolean };
    try {
      sent = await sendBatch(jhe, context, batch);
    } catch (error) {
      throw partialFailure(error, start);
    }
    apply(batch, sent.results, sent.resent);
  }
}

/**
 * One batch to the JHE system API. Its identifiers make a second copy harmless, so the call
 * may be resent when the connection to that API drops unanswered.
 */
async function sendBatch(jhe: ApiClient, context: RequestContext, batch: PendingUpload[]) {
  let resent = false;
  const { results } = await jhe.call<{ results: BatchResult[] }>(context, {
    method: 'POST',
    path: '/observations/batch',
    body: { observations: batch.map((upload) => upload.observation) },
    idempotent: true,
    onResent: () => {
      resent = true;
    },
  });
  return { results, resent };
}

/** Writes each result onto its item; `resent` says the batch call itself went out twice. */
function apply(batch: PendingUpload[], results: BatchResult[], resent: boolean): void {
  const byValue = new Map(results.map((result) => [result.identifier.value, result]));
  for (const { item } of batch) {
    Object.assign(item, fate(byValue.get(item.identifier ?? ''), resent));
  }
}

/**
 * What a result means for its item. After a resend, of this call or of the system API's call
 * to JHE, a duplicate may be the work of the unanswered copy, so it counts as stored.
 */
function fate(result: BatchResult | undefined, resent: boolean): Partial<IngestItem> {
  if (!result) {
    return { status: 'rejected', code: 'JHE.BATCH_MISMATCH',
      reason: 'JHE gave no result for this item' };
  }
  const storedByResend = (result.outcome === 'created' && result.resent
    && !result.observationId) || (result.outcome === 'duplicate' && resent);
  if (storedByResend) return { status: 'stored', reason: STORED_BY_RESENT_BATCH };
  if (result.outcome === 'created') {
    return { status: 'stored', observationId: result.observationId };
  }
  if (result.outcome === 'duplicate') {
    return { status: 'duplicate', reason: 'Already stored in JHE' };
  }
  return { status: 'rejected', code: result.code, reason: result.reason };
}

function partialFailure(error: unknown, alreadySent: number): unknown {
  if (!(error instanceof ApiError) || alreadySent === 0) return error;
  return new ApiError(error.status, error.code, error.message, {
    detail: `${alreadySent} items were uploaded before the failure; retrying the same payload `
      + 'is safe and stores each item once',
    cause: error,
  });
}
