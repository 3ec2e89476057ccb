/**
 * The stable codes the JHE system API answers with, each with the status and title callers
 * see. One table, so that a code always means the same status wherever it is raised; the
 * codes are listed for callers in `specs/error-codes.md`.
 */
import { ApiError } from '../../shared/errors/problem.ts';

interface CodeEntry {
  status: number;
  title: string;
}

const CODES = {
  'OBSERVATION.DUPLICATE': [409, 'An Observation with this identifier already exists'],
  'CONSENT.MISSING': [403, 'The patient has not consented to this data type'],
  'DATAPOINT.SCHEMA_INVALID': [422, 'JHE rejected the data point against its schema'],
  'JHE.FORBIDDEN': [403, 'JHE does not allow this for the gateway\'s practitioner'],
  'JHE.NOT_FOUND': [404, 'JHE has no such resource'],
  'JHE.CODE_UNKNOWN': [400, 'JHE does not know this data type'],
  'JHE.DEVICE_INVALID': [400, 'JHE does not accept the device reference'],
  'JHE.PATIENT_INVALID': [400, 'JHE does not accept the patient reference'],
  'JHE.BAD_REQUEST': [400, 'JHE rejected the request'],
  'JHE.AUTH_FAILED': [502, 'JHE refused the gateway\'s credentials'],
  'JHE.BAD_RESPONSE': [502, 'JHE answered in a shape the gateway cannot use'],
  'JHE.BATCH_MISMATCH': [502, 'JHE\'s batch answer cannot be matched to the request'],
  'JHE.INCOMPLETE_RESULT': [502, 'JHE listed fewer results than it counted'],
  'JHE.BAD_LINK': [502, 'JHE sent a paging link outside its API'],
  'JHE.CONSENT_WRITE_FAILED': [502,
    'JHE failed the consent change (is the patient enrolled, the code known, the consent '
    + 'new for a grant and existing for an update?)'],
  'JHE.INVITATION_NOT_FOUND': [404, 'JHE has no such invitation, or it was already used'],
  'JHE.INVITATION_EXPIRED': [410, 'The invitation has expired'],
  'JHE.INVITATION_CANCELLED': [403, 'The invitation was cancelled'],
  'JHE.INVITATION_USED': [409, 'The invitation was already used or re-issued'],
  'JHE.INVITATION_GRANT_REJECTED': [502,
    'JHE granted the invitation but refused to exchange the grant for a token'],
  'JHE.TOKEN_EXCHANGE_REJECTED': [403, 'JHE refused to exchange this id_token'],
  'UPSTREAM.FAILED': [502, 'JHE failed'],
  'UPSTREAM.UNAVAILABLE': [502, 'JHE did not answer'],
  'UPSTREAM.TIMEOUT': [504, 'JHE did not answer in time'],
} satisfies Record<string, [number, string]>;

/** A code of the JHE system API. */
export type JheCode = keyof typeof CODES;

/** The status and title a code is answered with. */
export function codeEntry(code: JheCode): CodeEntry {
  const [status, title] = CODES[code];
  return { status, title };
}

/**
 * Builds the error for a code. The cause goes to the log only, so it may carry JHE's
 * diagnostics; it must never carry a token.
 */
export function jheProblem(code: JheCode, cause: Error): ApiError {
  const { status, title } = codeEntry(code);
  return new ApiError(status, code, title, { cause });
}
