/**
 * Patients (reference §5.2): the list a practitioner sees (patients sharing one of their
 * organizations, ordered by id, with the `organization_id`, `study_id`, `patient_id` and
 * `patient_identifier_value` filters) and the read by id, which any practitioner may do.
 */
import { drfDetail, PERMISSION_DENIED } from '../drf-error.ts';
import type { Caller, PatientRow } from '../model.ts';
import type { QueryParams } from '../query-params.ts';
import type { JheStore } from '../store.ts';
import { callerOf, ok, type AdminCall, type AdminRoutes } from './admin-routes.ts';
import { patientAt, valueId } from './lookups.ts';
import { paginateAdmin } from './pagination.ts';
import { renderPatient } from './render.ts';

/** Registers the patient routes (consents live in `consents.ts`). */
export function patientRoutes(routes: AdminRoutes): void {
  routes.on('GET', 'patients', listPatients);
  routes.on('GET', 'patients/:id', readPatient);
}

function listPatients(call: AdminCall) {
  const { store } = call.ctx;
  const rows = visiblePatients(store, callerOf(call), call.query);
  const rendered = rows.map((row) => renderPatient(store, row));
  return ok(paginateAdmin(call.req, call.query, rendered));
}

/** The practitioner's patients after the filters; a patient user lists nobody. */
function visiblePatients(store: JheStore, caller: Caller, query: QueryParams): PatientRow[] {
  if (caller.kind !== 'practitioner') return [];
  const filters = readFilters(query);
  const enrolled = filters.studyId === undefined ? undefined
    : store.enrolledPatientIds(filters.studyId);
  return store.patients().filter((patient) => {
    if (!store.sharesOrganization(caller.practitioner, patient.id)) return false;
    if (filters.organizationId !== undefined
      && !patient.organizationIds.includes(filters.organizationId)) return false;
    if (enrolled && !enrolled.includes(patient.id)) return false;
    if (filters.patientId !== undefined && patient.id !== filters.patientId) return false;
    return filters.identifierValue === undefined
      || patient.identifiers.some((identifier) => identifier.value === filters.identifierValue);
  });
}

interface PatientFilters {
  organizationId?: number;
  studyId?: number;
  patientId?: number;
  identifierValue?: string;
}

/** The filters JHE reads; other parameters are dropped. Empty values count as absent. */
function readFilters(query: QueryParams): PatientFilters {
  const id = (key: string) => {
    const value = query.get(key);
    return value ? valueId(value, key) : undefined;
  };
  return {
    organizationId: id('organization_id'),
    studyId: id('study_id'),
    patientId: id('patient_id'),
    identifierValue: query.get('patient_identifier_value') || undefined,
  };
}

function readPatient(call: AdminCall) {
  const caller = callerOf(call);
  const patient = patientAt(call.ctx.store, call.params.id);
  if (caller.kind === 'patient' && caller.patient.id !== patient.id) {
    throw drfDetail(403, PERMISSION_DENIED);
  }
  return ok(renderPatient(call.ctx.store, patient));
}
