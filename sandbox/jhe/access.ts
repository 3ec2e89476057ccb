/**
 * Who may see which Observations (reference §2.6). A practitioner sees every Observation
 * whose patient shares an organization with them; naming an organization, study or
 * patient they cannot access is a 403, and a non-numeric id there is Django's 422. A
 * patient sees only their own rows, and the location filters are ignored for them.
 */
import { requireModelId } from './model-id.ts';
import type { Caller, ObservationRow, PractitionerCaller } from './model.ts';
import { FhirError } from './outcome.ts';
import type { JheStore } from './store.ts';

/** The location filters of a search, as sent (`patient.organization`, study, `patient`). */
export interface ScopeRequest {
  organization?: string;
  study?: string;
  patient?: string;
}

/** The same filters once authorized, as ids. */
export interface Scope {
  organizationId?: number;
  studyId?: number;
  patientId?: number;
}

/**
 * Checks each named filter in JHE's order: organization, study, patient. Empty values are
 * ignored, as JHE tests them for truthiness; a patient caller's filters are all ignored.
 * @throws FhirError 422 for a non-numeric id, 403 for an inaccessible one.
 */
export function authorizeScope(store: JheStore, caller: Caller, request: ScopeRequest): Scope {
  if (caller.kind === 'patient') return {};
  const memberOf = store.memberOrganizationIds(caller.practitioner);
  const scope: Scope = {};
  if (request.organization) {
    scope.organizationId = requireModelId(request.organization);
    if (!memberOf.includes(scope.organizationId)) {
      throw denied('Organization', request.organization);
    }
  }
  if (request.study) {
    scope.studyId = requireModelId(request.study);
    const study = store.study(scope.studyId);
    if (!study || !memberOf.includes(study.organizationId)) throw denied('Group', request.study);
  }
  if (request.patient) {
    scope.patientId = requireModelId(request.patient);
    if (!store.sharesOrganization(caller.practitioner, scope.patientId)) {
      throw denied('Patient', request.patient);
    }
  }
  return scope;
}

function denied(type: string, id: string): FhirError {
  return new FhirError(403, `Current user is not authorized to access ${type}/${id}.`);
}

/** True when the caller may read rows of this patient at all. */
export function canSeePatient(store: JheStore, caller: Caller, patientId: number): boolean {
  if (caller.kind === 'patient') return caller.patient.id === patientId;
  return store.sharesOrganization(caller.practitioner, patientId);
}

/** The stored Observations the caller may see, narrowed by an authorized scope. */
export function visibleObservations(
  store: JheStore, caller: Caller, scope: Scope,
): ObservationRow[] {
  if (caller.kind === 'patient') {
    return store.observations().filter((row) => row.patientId === caller.patient.id);
  }
  return practitionerRows(store, caller, scope);
}

function practitionerRows(
  store: JheStore, caller: PractitionerCaller, scope: Scope,
): ObservationRow[] {
  const studyId = scope.studyId;
  const enrolled = studyId === undefined ? [] : store.enrolledPatientIds(studyId);
  const requested = studyId === undefined ? [] : store.studyCodeIds(studyId);
  return store.observations().filter((row) => {
    const patient = store.patient(row.patientId);
    if (!patient || !store.sharesOrganization(caller.practitioner, patient.id)) return false;
    if (scope.organizationId !== undefined
      && !patient.organizationIds.includes(scope.organizationId)) return false;
    // A study filter needs the patient enrolled and the code among the study's requests.
    if (studyId !== undefined
      && !(enrolled.includes(patient.id) && requested.includes(row.codeId))) return false;
    return scope.patientId === undefined || row.patientId === scope.patientId;
  });
}
