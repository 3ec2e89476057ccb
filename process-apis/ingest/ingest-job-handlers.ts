/**
 * Push ingest the RFC 7240 way: with `Prefer: respond-async` the ingest process API answers
 * 202 with the job's Location as soon as the payload is accepted, runs the ingest in the
 * background and lets the caller poll the job. A large file then never meets the tier
 * timeout, and its caller still gets the full report.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7240#section-4.1 for `respond-async`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiRequest, ApiResponse } from '../../shared/api-kit/handlers.ts';
import { translate } from '../../shared/api-kit/error-middleware.ts';
import { ApiError, toProblem } from '../../shared/errors/problem.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import {
  convertersFor, ingestPayload, type IngestDeps, type IngestInput,
} from './ingest-flow.ts';
import type { IngestJobRegistry, IngestProgress, JobOutcome } from './ingest-jobs.ts';

/** Where jobs are read; the Location of a 202 names one of them. */
export const JOBS_PATH = '/ingest/v1/ingest-jobs';

/** True when the request's `Prefer` header asks for `respond-async`. */
export function prefersRespondAsync(headers: IncomingHttpHeaders): boolean {
  const values = [headers.prefer ?? []].flat();
  // Preferences are comma-separated, each `token [= value] *( ; parameter )`, token
  // compared case-insensitively.
  return values.flatMap((value) => value.split(','))
    .some((preference) => preference.split(/[;=]/)[0].trim().toLowerCase() === 'respond-async');
}

/**
 * Checks what can be checked at once, registers the job and answers 202. A collection
 * without a mapping is refused here, synchronously, so the caller never polls a job that
 * could not have run.
 */
export function startIngestJob(
  jobs: IngestJobRegistry, deps: IngestDeps, request: ApiRequest, input: IngestInput,
): ApiResponse {
  // Refused at once, as the synchronous ingest is, rather than as a failed job.
  convertersFor(deps, input);
  const job = jobs.start(
    { patientId: input.patientId, vendor: input.vendor, collection: input.collection },
    (onProgress, jobId) => runJob(deps, request, input, { jobId, onProgress }),
  );
  const location = `${JOBS_PATH}/${job.jobId}`;
  request.log.info({ jobId: job.jobId, vendor: input.vendor, collection: input.collection },
    'ingest job started');
  return {
    status: 202,
    headers: { 'Location': location, 'Preference-Applied': 'respond-async' },
    body: { jobId: job.jobId, status: 'running', location },
  };
}

/** Answers the job as it stands; a job that changes must not be cached. */
export async function getIngestJob(
  jobs: IngestJobRegistry, request: ApiRequest,
): Promise<ApiResponse> {
  const job = jobs.get(request.params.jobId);
  if (!job) {
    throw new ApiError(404, 'INGEST_JOB.NOT_FOUND', 'No such ingest job', {
      detail: 'The job is unknown, finished over an hour ago, or was lost when the process '
        + 'restarted; resubmitting the payload is safe',
    });
  }
  return { status: 200, body: job, headers: { 'Cache-Control': 'no-store' } };
}

/**
 * Runs the ingest; a failure becomes the job's problem, the same problem the synchronous
 * call would have answered.
 */
async function runJob(
  deps: IngestDeps, request: ApiRequest, input: IngestInput,
  { jobId, onProgress }: { jobId: string; onProgress: (progress: IngestProgress) => void },
): Promise<JobOutcome> {
  const log = request.log.child({ jobId, vendor: input.vendor, collection: input.collection });
  try {
    const report = await ingestPayload(deps, request.context, input, { onProgress });
    log.info({ ...report.summary }, 'ingest job succeeded');
    return { report };
  } catch (error) {
    const failure = translate(error);
    logFailure(log, failure);
    return { problem: toProblem(failure, request.context.correlationId) };
  }
}

/** A caller's mistake is a warning with its code; only a server-side failure logs its cause. */
function logFailure(log: Logger, failure: ApiError): void {
  const fields = { code: failure.code, status: failure.status };
  if (failure.status < 500) {
    log.warn(fields, 'ingest job failed');
    return;
  }
  const root = failure.cause instanceof Error ? failure.cause : failure;
  log.error({ ...fields, err: { type: root.name, message: root.message, stack: root.stack } },
    'ingest job failed');
}
