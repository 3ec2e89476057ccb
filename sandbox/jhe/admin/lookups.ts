/**
 * Lookups the admin handlers share, failing the way DRF and Django fail on JHE: a path id
 * that is not an integer is DRF's bare 404, a missing row names its model, and an id in a
 * body that Django cannot coerce is an unhandled 500.
 */
import { drfDetail, noMatch, PERMISSION_DENIED, serverCrash } from '../drf-error.ts';
import { parseModelId } from '../model-id.ts';
import type { Caller, PatientRow, PractitionerCaller, StudyRow } from '../model.ts';
import type { JheStore } from '../store.ts';

/** A path id for `get_object`: non-integers are DRF's generic 404. */
export function pathId(text: string | undefined): number {
  const id = text === undefined ? undefined : parseModelId(text);
  if (id === undefined) throw drfDetail(404, 'Not found.');
  return id;
}

/** An id taken from a body or query, which JHE hands to the ORM unchecked. */
export function valueId(value: unknown, what: string): number {
  const id = typeof value === 'number' && Number.isInteger(value) ? value
    : typeof value === 'string' ? parseModelId(value) : undefined;
  if (id === undefined) throw serverCrash(`${what} ${String(value)} is not an integer`);
  return id;
}

/** The patient behind a path id, or DRF's 404. */
export function patientAt(store: JheStore, text: string | undefined): PatientRow {
  const patient = store.patient(pathId(text));
  if (!patient) throw noMatch('Patient');
  return patient;
}

/** The study behind a path id, or DRF's 404. */
export function studyAt(store: JheStore, text: string | undefined): StudyRow {
  const study = store.study(pathId(text));
  if (!study) throw noMatch('Study');
  return study;
}

/** Practitioner-only endpoints; a patient gets DRF's 403 with the given text. */
export function asPractitioner(caller: Caller, message = PERMISSION_DENIED): PractitionerCaller {
  if (caller.kind !== 'practitioner') throw drfDetail(403, message);
  return caller;
}

/**
 * JHE's `study.manage_for_organization` style check: a superuser, or a manager or member
 * of the organization.
 */
export function canManageIn(caller: Caller, organizationId: number): boolean {
  if (caller.user.isSuperuser) return true;
  if (caller.kind !== 'practitioner') return false;
  return caller.practitioner.memberships.some((membership) =>
    membership.organizationId === organizationId && membership.role !== 'viewer');
}
