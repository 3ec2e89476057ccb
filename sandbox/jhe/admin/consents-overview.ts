/**
 * The GET body of `patients/{id}/consents` (reference §5.2): the codes consented in any
 * study, the studies with requests still unanswered, and the studies with answers.
 */
import { formatUtc } from '../iso-time.ts';
import type { CodeRow, PatientRow, StudyRow } from '../model.ts';
import type { JheStore } from '../store.ts';
import { renderCode, renderDataSource, renderOrganizationBrief, renderPatient } from './render.ts';

type Json = Record<string, unknown>;

/** The whole overview for one patient. */
export function consentsOverview(store: JheStore, patient: PatientRow): Json {
  const studies = store.enrolledStudyIds(patient.id).map((id) => store.study(id))
    .filter((study): study is StudyRow => study !== undefined);
  const consolidated = [...store.consentedCodeIds(patient.id)].sort((a, b) => a - b)
    .map((id) => store.code(id)).filter((code): code is CodeRow => code !== undefined);
  return {
    patient: renderPatient(store, patient),
    consolidatedConsentedScopes: consolidated.map(renderCode),
    studiesPendingConsent: studies.map((study) => pendingStudy(store, patient, study))
      .filter((study) => (study.pendingScopeConsents as unknown[]).length > 0),
    studies: studies.map((study) => answeredStudy(store, patient, study))
      .filter((study) => (study.scopeConsents as unknown[]).length > 0),
  };
}

function studyBase(store: JheStore, study: StudyRow): Json {
  const organization = store.organization(study.organizationId);
  return {
    id: study.id,
    name: study.name,
    description: study.description,
    organization: organization ? renderOrganizationBrief(organization) : null,
    dataSources: study.dataSourceIds.map((id) => store.dataSource(id))
      .filter((source) => source !== undefined)
      .map((source) => renderDataSource(store, source)),
  };
}

/** Requested codes the patient has not answered yet. */
function pendingStudy(store: JheStore, patient: PatientRow, study: StudyRow): Json {
  const pending = store.studyCodeIds(study.id)
    .filter((codeId) => !store.consent(study.id, patient.id, codeId))
    .map((codeId) => store.code(codeId)).filter((code): code is CodeRow => code !== undefined);
  return { ...studyBase(store, study), pendingScopeConsents: pending.map((code) =>
    ({ code: renderCode(code), consented: null, consentedTime: null })) };
}

/** Answered codes, consented or not. */
function answeredStudy(store: JheStore, patient: PatientRow, study: StudyRow): Json {
  const answered = store.consents(patient.id).filter((row) => row.studyId === study.id);
  return { ...studyBase(store, study), scopeConsents: answered.map((row) => {
    const code = store.code(row.codeId);
    return {
      code: code ? renderCode(code) : null,
      consented: row.consented,
      consentedTime: row.consentedTime === null ? null : formatUtc(row.consentedTime),
    };
  }) };
}
