/**
 * `patients/{id}/consents` (reference §5.2). GET describes what the patient consented to,
 * per study, and what is still pending. POST creates, PATCH updates and DELETE removes
 * StudyPatientScopeConsent rows from `{"studyScopeConsents": [...]}`. Writes are for the
 * patient themselves, a superuser, or a manager or member of the study's organization
 * (else 403); the bad writes JHE leaves unhandled (not enrolled, unknown code, duplicate,
 * missing row) are 500s.
 */
import { drfDetail, PERMISSION_DENIED, serverCrash } from '../drf-error.ts';
import { dateToMicros } from '../iso-time.ts';
import type { Caller, ConsentRow, PatientRow, StudyRow } from '../model.ts';
import type { JheStore } from '../store.ts';
import { callerOf, ok, type AdminCall, type AdminRoutes } from './admin-routes.ts';
import { canManageIn, patientAt, valueId } from './lookups.ts';
import { renderConsent } from './render.ts';
import { consentsOverview } from './consents-overview.ts';

/** One consent answer from a request body. */
interface ConsentAnswer {
  study: StudyRow;
  codeId: number;
  consented: boolean;
}

/** Registers the consent routes. */
export function consentRoutes(routes: AdminRoutes): void {
  routes.on('GET', 'patients/:id/consents', readConsents);
  routes.on('POST', 'patients/:id/consents', (call) => writeConsents(call, 'create'));
  routes.on('PATCH', 'patients/:id/consents', (call) => writeConsents(call, 'update'));
  routes.on('DELETE', 'patients/:id/consents', (call) => writeConsents(call, 'delete'));
}

function readConsents(call: AdminCall) {
  const { store } = call.ctx;
  const caller = callerOf(call);
  const patient = patientAt(store, call.params.id);
  if (caller.kind === 'patient' && caller.patient.id !== patient.id) {
    throw drfDetail(403, PERMISSION_DENIED);
  }
  if (call.query.get('reset') === 'true') store.deleteConsentsOf(patient.id);
  return ok(consentsOverview(store, patient));
}

function writeConsents(call: AdminCall, action: 'create' | 'update' | 'delete') {
  const { store } = call.ctx;
  const caller = callerOf(call);
  const patient = patientAt(store, call.params.id);
  const answers = readAnswers(store, call.body, caller, patient);
  const at = dateToMicros(call.ctx.now());
  if (action === 'delete') {
    for (const answer of answers) {
      const row = store.consent(answer.study.id, patient.id, answer.codeId);
      if (row) store.deleteConsent(row);
    }
    return { status: 204, body: null };
  }
  const rows = action === 'create'
    ? createAll(store, patient, answers, at) : updateAll(store, patient, answers, at);
  const body = { studyScopeConsents: rows.map((row) => renderConsent(store, row)) };
  return ok(body, action === 'create' ? 201 : 200);
}

/**
 * Reads and checks the whole body before anything is written, so a failing request
 * leaves no partial change behind.
 */
function readAnswers(
  store: JheStore, body: Record<string, unknown>, caller: Caller, patient: PatientRow,
): ConsentAnswer[] {
  const entries = body.study_scope_consents;
  if (!Array.isArray(entries)) throw serverCrash('study_scope_consents is missing');
  return entries.flatMap((entry: Record<string, unknown>) => {
    const study = store.study(valueId(entry?.study_id, 'study_id'));
    if (!study) throw serverCrash('Study does not exist');
    if (!mayWrite(caller, patient, study)) throw drfDetail(403, PERMISSION_DENIED);
    if (!store.studyPatient(study.id, patient.id)) throw serverCrash('Patient not enrolled');
    const scopes = entry.scope_consents;
    if (!Array.isArray(scopes)) throw serverCrash('scope_consents is missing');
    return scopes.map((scope: Record<string, unknown>) => {
      const code = store.codeFor(scope?.coding_system, scope?.coding_code);
      if (!code) throw serverCrash('CodeableConcept does not exist');
      return { study, codeId: code.id, consented: scope.consented === true };
    });
  });
}

function mayWrite(caller: Caller, patient: PatientRow, study: StudyRow): boolean {
  if (caller.kind === 'patient') return caller.patient.id === patient.id;
  return canManageIn(caller, study.organizationId);
}

function createAll(
  store: JheStore, patient: PatientRow, answers: ConsentAnswer[], at: number,
): ConsentRow[] {
  for (const answer of answers) {
    if (store.consent(answer.study.id, patient.id, answer.codeId)) {
      throw serverCrash('The consent already exists');
    }
  }
  return answers.map((answer) => store.insertConsent({
    studyId: answer.study.id, patientId: patient.id, codeId: answer.codeId,
    consented: answer.consented, consentedTime: at,
  }));
}

function updateAll(
  store: JheStore, patient: PatientRow, answers: ConsentAnswer[], at: number,
): ConsentRow[] {
  const rows = answers.map((answer) => {
    const row = store.consent(answer.study.id, patient.id, answer.codeId);
    if (!row) throw serverCrash('The consent does not exist');
    return row;
  });
  return rows.map((row, index) => store.updateConsent(row, answers[index].consented, at));
}
