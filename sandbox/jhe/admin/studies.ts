/**
 * Studies (reference §5.3): the caller's studies ordered by name, a read guarded by
 * organization membership (403), enrolment under `studies/{id}/patients` and the scope
 * requests as a plain array. Enrolling a patient from another organization, an unknown
 * one or a repeat is an unhandled 500 on JHE, and so it is here.
 */
import { drfDetail, serverCrash } from '../drf-error.ts';
import type { Caller, StudyRow } from '../model.ts';
import type { JheStore } from '../store.ts';
import { callerOf, ok, type AdminCall, type AdminRoutes } from './admin-routes.ts';
import { pathId, valueId } from './lookups.ts';
import { paginateAdmin } from './pagination.ts';
import {
  renderPatient, renderScopeRequest, renderStudy, renderStudyPatient,
} from './render.ts';

const NOT_AUTHORIZED = 'Current User does not have authorization to access this Study.';

/** Registers the study routes. */
export function studyRoutes(routes: AdminRoutes): void {
  routes.on('GET', 'studies', listStudies);
  routes.on('GET', 'studies/:id', readStudy);
  routes.on('GET', 'studies/:id/patients', studyPatients);
  routes.on('POST', 'studies/:id/patients', enrollPatients);
  routes.on('GET', 'studies/:id/scope_requests', scopeRequests);
}

/** The studies in the caller's organizations. */
function callerStudies(store: JheStore, caller: Caller): StudyRow[] {
  if (caller.kind !== 'practitioner') return [];
  const memberOf = store.memberOrganizationIds(caller.practitioner);
  return store.studies().filter((study) => memberOf.includes(study.organizationId));
}

function listStudies(call: AdminCall) {
  const { store } = call.ctx;
  const organizationText = call.query.get('organization_id');
  const organizationId = organizationText ? valueId(organizationText, 'organization_id')
    : undefined;
  const rows = callerStudies(store, callerOf(call))
    .filter((study) => organizationId === undefined || study.organizationId === organizationId)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  return ok(paginateAdmin(call.req, call.query, rows.map((row) => renderStudy(store, row))));
}

/** `studies/{id}`: 403 for a study outside the caller's organizations, missing or not. */
function readStudy(call: AdminCall) {
  const { store } = call.ctx;
  const id = pathId(call.params.id);
  const study = callerStudies(store, callerOf(call)).find((row) => row.id === id);
  if (!study) throw drfDetail(403, NOT_AUTHORIZED);
  return ok(renderStudy(store, study));
}

/** Enrolled patients the caller can see, paginated. */
function studyPatients(call: AdminCall) {
  const { store } = call.ctx;
  const caller = callerOf(call);
  const studyId = pathId(call.params.id);
  const enrolled = store.enrolledPatientIds(studyId);
  const rows = store.patients().filter((patient) => enrolled.includes(patient.id)
    && caller.kind === 'practitioner' && store.sharesOrganization(caller.practitioner, patient.id));
  const rendered = rows.map((row) => renderPatient(store, row));
  return ok(paginateAdmin(call.req, call.query, rendered));
}

/** `{"patientIds": [...]}`: each must exist and be in the study's organization. */
function enrollPatients(call: AdminCall) {
  const { store } = call.ctx;
  const studyId = pathId(call.params.id);
  const ids = call.body.patient_ids;
  if (!Array.isArray(ids)) throw serverCrash('patient_ids is missing');
  const study = store.study(studyId);
  if (!study) throw serverCrash(`Study ${studyId} does not exist`);
  const patientIds = ids.map((value) => valueId(value, 'patient id'));
  for (const patientId of patientIds) checkEnrollable(store, study, patientId);
  const links = patientIds.map((patientId) => store.enroll(studyId, patientId));
  return ok({ studyPatients: links.map((link) => renderStudyPatient(store, link)) }, 201);
}

function checkEnrollable(store: JheStore, study: StudyRow, patientId: number): void {
  const patient = store.patient(patientId);
  if (!patient) throw serverCrash(`Patient ${patientId} does not exist`);
  if (!patient.organizationIds.includes(study.organizationId)) {
    throw serverCrash('Patient and study must be from the same Organization');
  }
  if (store.studyPatient(study.id, patientId)) throw serverCrash('Already enrolled');
}

function scopeRequests(call: AdminCall) {
  const { store } = call.ctx;
  const studyId = pathId(call.params.id);
  return ok(store.scopeRequests(studyId).map((row) => renderScopeRequest(store, row)));
}
