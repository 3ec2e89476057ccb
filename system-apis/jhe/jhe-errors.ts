/**
 * JHE answers errors in three envelopes: FHIR OperationOutcome, DRF `{detail}` or a list,
 * and OAuth `{error}`. Here they become one vocabulary of stable codes. JHE's own text is
 * kept as the cause, for the log; callers see only our title and code.
 */
import { ApiError } from '../../shared/errors/problem.ts';

/** Pulls JHE's free-text explanation out of whichever envelope it used. */
export function jheDiagnostics(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 500);
  if (Array.isArray(body)) return body.map(String).join('; ');
  const record = (body ?? {}) as Record<string, unknown>;
  if (record.resourceType === 'OperationOutcome' && Array.isArray(record.issue)) {
    return record.issue
      .map((issue) => String((issue as { diagnostics?: unknown }).diagnostics ?? ''))
      .join('; ');
  }
  if (typeof record.detail === 'string') return record.detail;
  if (typeof record.error === 'string') {
    return `${record.error}${record.error_description ? `: ${record.error_description}` : ''}`;
  }
  return JSON.stringify(body ?? null).slice(0, 500);
}

/** The stable code for a JHE status and its diagnostics. */
export function jheErrorCode(status: number, diagnostics: string): string {
  if (status === 409) return 'OBSERVATION.DUPLICATE';
  if (status === 403 && /consented/i.test(diagnostics)) return 'CONSENT.MISSING';
  if (status === 403) return 'JHE.FORBIDDEN';
  if (status === 422) return 'DATAPOINT.SCHEMA_INVALID';
  if (status === 404) return 'JHE.NOT_FOUND';
  if (status === 401) return 'JHE.AUTH_FAILED';
  if (status === 400 && /Code not found/i.test(diagnostics)) return 'JHE.CODE_UNKNOWN';
  if (status === 400 && /Device/i.test(diagnostics)) return 'JHE.DEVICE_INVALID';
  if (status === 400 && /Patient/i.test(diagnostics)) return 'JHE.PATIENT_INVALID';
  if (status >= 400 && status < 500) return 'JHE.BAD_REQUEST';
  return 'UPSTREAM.FAILED';
}

const TITLES: Record<string, string> = {
  'OBSERVATION.DUPLICATE': 'An Observation with this identifier already exists',
  'CONSENT.MISSING': 'The patient has not consented to this data type',
  'JHE.FORBIDDEN': 'JHE does not allow this for the gateway\'s practitioner',
  'DATAPOINT.SCHEMA_INVALID': 'JHE rejected the data point against its schema',
  'JHE.NOT_FOUND': 'JHE has no such resource',
  'JHE.AUTH_FAILED': 'JHE refused the gateway\'s credentials',
  'JHE.CODE_UNKNOWN': 'JHE does not know this data type',
  'JHE.DEVICE_INVALID': 'JHE does not accept the device reference',
  'JHE.PATIENT_INVALID': 'JHE does not accept the patient reference',
  'JHE.BAD_REQUEST': 'JHE rejected the request',
  'UPSTREAM.FAILED': 'JHE failed',
};

/** A human title for a stable code. */
export function jheErrorTitle(code: string): string {
  return TITLES[code] ?? 'JHE rejected the request';
}

/** Builds the ApiError for a failed JHE answer: JHE 5xx becomes our 502. */
export function jheError(status: number, body: unknown): ApiError {
  const diagnostics = jheDiagnostics(body);
  const code = jheErrorCode(status, diagnostics);
  const ourStatus = status >= 500 || status === 401 ? 502 : status;
  return new ApiError(ourStatus, code, jheErrorTitle(code), {
    cause: new Error(`JHE ${status}: ${diagnostics}`),
  });
}
