/**
 * JHE answers errors in three envelopes: FHIR OperationOutcome, DRF (`{detail}`, a list of
 * messages, or a dict of field messages) and OAuth `{error}`. Here they become one
 * vocabulary of stable codes. What a status means depends on the endpoint family (a 403 on
 * an invitation is a cancelled invitation, on an Observation create a missing consent), so
 * the translation is a table keyed by family, status and, where JHE only says it in words,
 * the diagnostics. JHE's text is kept as the cause, for the log; callers see only our
 * title and code.
 */
import type { ApiError } from '../../shared/errors/problem.ts';
import { codeEntry, jheProblem, type JheCode } from './jhe-codes.ts';

/** Which JHE endpoints answered: the same status means different things in each. */
export type JheFamily = 'fhir-write' | 'fhir-read' | 'admin' | 'consent' | 'invitation';

interface Rule {
  status: number | 'client-error' | 'server-error';
  families?: readonly JheFamily[];
  /** Only when JHE's diagnostics match: JHE says some reasons only in words. */
  when?: RegExp;
  code: JheCode;
}

const FHIR_WRITE: readonly JheFamily[] = ['fhir-write'];

/** First matching rule wins, so specific rules precede general ones. */
export const TRANSLATION: readonly Rule[] = [
  { status: 401, code: 'JHE.AUTH_FAILED' },
  { status: 400, families: FHIR_WRITE, when: /Code not found/i, code: 'JHE.CODE_UNKNOWN' },
  { status: 400, families: FHIR_WRITE, when: /Device/, code: 'JHE.DEVICE_INVALID' },
  { status: 400, families: FHIR_WRITE, when: /Patient/, code: 'JHE.PATIENT_INVALID' },
  { status: 403, families: FHIR_WRITE, when: /consented/i, code: 'CONSENT.MISSING' },
  { status: 409, families: FHIR_WRITE, code: 'OBSERVATION.DUPLICATE' },
  // JHE answers 422 for anything its create does not expect, schema failures first of all.
  { status: 422, families: FHIR_WRITE, code: 'DATAPOINT.SCHEMA_INVALID' },
  { status: 422, families: ['fhir-read'], code: 'JHE.BAD_REQUEST' },
  { status: 404, families: ['invitation'], code: 'JHE.INVITATION_NOT_FOUND' },
  { status: 410, families: ['invitation'], code: 'JHE.INVITATION_EXPIRED' },
  { status: 403, families: ['invitation'], code: 'JHE.INVITATION_CANCELLED' },
  { status: 409, families: ['invitation'], code: 'JHE.INVITATION_USED' },
  // JHE's consent views fail with a bare 500 for what are really refusals (reference §5.2).
  { status: 'server-error', families: ['consent'], code: 'JHE.CONSENT_WRITE_FAILED' },
  { status: 400, code: 'JHE.BAD_REQUEST' },
  { status: 403, code: 'JHE.FORBIDDEN' },
  { status: 404, code: 'JHE.NOT_FOUND' },
  // Anything else (405, 406, 415, 5xx) means JHE or our use of it is broken, not the caller.
  { status: 'client-error', code: 'UPSTREAM.FAILED' },
  { status: 'server-error', code: 'UPSTREAM.FAILED' },
];

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
  return fieldMessages(record) ?? JSON.stringify(body ?? null).slice(0, 500);
}

/** DRF's validation dict: `{"field": ["message", …]}`. */
function fieldMessages(record: Record<string, unknown>): string | undefined {
  const entries = Object.entries(record);
  if (entries.length === 0 || !entries.every(([, value]) => Array.isArray(value))) {
    return undefined;
  }
  return entries.map(([field, messages]) => `${field}: ${(messages as unknown[]).join(' ')}`)
    .join('; ');
}

/** The stable code for a JHE status and its diagnostics, in one endpoint family. */
export function jheErrorCode(
  status: number,
  diagnostics: string,
  family: JheFamily = 'fhir-write',
): JheCode {
  const rule = TRANSLATION.find((candidate) => matches(candidate, status, diagnostics, family));
  return rule?.code ?? 'UPSTREAM.FAILED';
}

function matches(rule: Rule, status: number, diagnostics: string, family: JheFamily): boolean {
  if (rule.families && !rule.families.includes(family)) return false;
  if (rule.when && !rule.when.test(diagnostics)) return false;
  if (rule.status === 'client-error') return status >= 400 && status < 500;
  if (rule.status === 'server-error') return status >= 500;
  return rule.status === status;
}

/** A human title for a stable code. */
export function jheErrorTitle(code: JheCode): string {
  return codeEntry(code).title;
}

/** Builds the error for a failed JHE answer; its status comes from the code, not JHE. */
export function jheError(status: number, body: unknown, family: JheFamily): ApiError {
  const diagnostics = jheDiagnostics(body);
  const code = jheErrorCode(status, diagnostics, family);
  return jheProblem(code, new Error(`JHE ${status}: ${diagnostics}`));
}
