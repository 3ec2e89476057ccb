/**
 * Demo data for the JHE sandbox. Ids follow the ranges JHE's seed command resets its
 * sequences to (reference §1.6), so logs and fixtures read like a real seeded JHE.
 *
 * Nothing here is a real person or a real credential: the client secret is published on
 * purpose and only ever works against this sandbox.
 */
import type { Directory } from './store.ts';
import type { CodeRow } from './model.ts';

/** The Open mHealth coding system; codes in it go to JHE's mapped Observation store. */
export const OMH_SYSTEM = 'https://w3id.org/openmhealth';

/** Codes the demo patient consented to in the demo study. */
const CONSENTED_CODES = [
  'omh:heart-rate:2.0',
  'omh:sleep-duration:2.0',
  'omh:sleep-episode:1.1',
  'omh:oxygen-saturation:2.0',
  'omh:step-count:3.0',
  'omh:physical-activity:1.2',
] as const;

/** Ids and credentials that tests and the gateway's dev config rely on. */
export const DEMO = {
  rootOrganizationId: 0,
  organizationId: 20001,
  otherOrganizationId: 20002,
  studyId: 30001,
  otherStudyId: 30002,
  practitionerUserId: 10001,
  practitionerId: 80001,
  patientId: 40001,
  patientJheUserId: 10002,
  /** Same organization as the demo patient, enrolled in the study, consented to nothing. */
  unconsentedPatientId: 40002,
  unconsentedPatientJheUserId: 10003,
  /** A patient in another organization: the demo practitioner may not see them. */
  foreignPatientId: 40003,
  foreignPatientJheUserId: 10004,
  patientIdentifier: { system: 'https://pause.example/patient-id', value: 'demo-0001' },
  dataSourceId: 70001,
  dataSourceName: 'Oura',
  medicalDataSourceId: 70002,
  patientAppDataSourceId: 70003,
  clientId: 'PauseSbx0000Demo',
  clientSecret: 'sandboxSecretNotForRealData00001',
  omhSystem: OMH_SYSTEM,
  consentedCodes: CONSENTED_CODES,
} as const;

/** The CodeableConcepts JHE seeds (reference §4.2), numbered from 50001 in that order. */
function seededCodes(): CodeRow[] {
  const omh: Array<[string, string]> = [
    ['omh:blood-glucose:4.0', 'Blood glucose'],
    ['omh:blood-pressure:4.0', 'Blood pressure'],
    ['omh:body-temperature:4.0', 'Body temperature'],
    ['omh:heart-rate:2.0', 'Heart Rate'],
    ['omh:oxygen-saturation:2.0', 'Oxygen saturation'],
    ['omh:respiratory-rate:2.0', 'Respiratory rate'],
    ['omh:rr-interval:1.0', 'RR Interval'],
    ['omh:body-weight:3.0', 'Body weight'],
    ['omh:forced-vital-capacity:1.0', 'Forced vital capacity'],
    ['omh:forced-expiratory-volume-1-second:1.0', 'Forced expiratory volume in 1 second'],
    ['omh:physical-activity:1.2', 'Physical activity'],
    ['omh:step-count:3.0', 'Step count'],
    ['omh:sleep-episode:1.1', 'Sleep episode'],
    ['omh:sleep-duration:2.0', 'Sleep duration'],
  ];
  const rows: CodeRow[] = omh.map(([code, text], index) =>
    ({ id: 50001 + index, system: OMH_SYSTEM, code, text }));
  rows.push(
    { id: 50015, system: 'https://w3id.org/ieee1752', code: 'ieee:sleep-stage-summary:1.0',
      text: 'Sleep stage summary' },
    { id: 50016, system: 'http://hl7.org/fhir/resource-types', code: 'QuestionnaireResponse',
      text: 'Questionnaire response' },
  );
  return rows;
}

function codeId(codes: CodeRow[], code: string): number {
  const row = codes.find((candidate) => candidate.code === code);
  if (!row) throw new Error(`The seed names an unknown code ${code}`);
  return row.id;
}

/** Builds the demo directory: two organizations, one practitioner, three patients. */
export function demoDirectory(): Directory {
  const codes = seededCodes();
  const consentedIds = CONSENTED_CODES.map((code) => codeId(codes, code));
  const heartRateId = codeId(codes, 'omh:heart-rate:2.0');
  return {
    codes,
    organizations: [
      { id: DEMO.rootOrganizationId, name: 'ROOT', type: 'root', partOf: null },
      { id: DEMO.organizationId, name: 'Pause Demo Clinic', type: 'prov', partOf: 0 },
      { id: DEMO.otherOrganizationId, name: 'Elsewhere Clinic', type: 'prov', partOf: 0 },
    ],
    practitioners: [{
      id: DEMO.practitionerId, jheUserId: DEMO.practitionerUserId,
      organizationIds: [DEMO.organizationId],
    }],
    patients: [
      { id: DEMO.patientId, jheUserId: DEMO.patientJheUserId,
        organizationIds: [DEMO.organizationId], identifiers: [{ ...DEMO.patientIdentifier }],
        nameFamily: 'Demo', nameGiven: 'Dana' },
      { id: DEMO.unconsentedPatientId, jheUserId: DEMO.unconsentedPatientJheUserId,
        organizationIds: [DEMO.organizationId], identifiers: [],
        nameFamily: 'Demo', nameGiven: 'Noor' },
      { id: DEMO.foreignPatientId, jheUserId: DEMO.foreignPatientJheUserId,
        organizationIds: [DEMO.otherOrganizationId], identifiers: [],
        nameFamily: 'Elsewhere', nameGiven: 'Eli' },
    ],
    studies: [
      { id: DEMO.studyId, name: 'Pause Demo Study', organizationId: DEMO.organizationId,
        scopeCodeIds: consentedIds, patientIds: [DEMO.patientId, DEMO.unconsentedPatientId] },
      { id: DEMO.otherStudyId, name: 'Elsewhere Study', organizationId: DEMO.otherOrganizationId,
        scopeCodeIds: [heartRateId], patientIds: [DEMO.foreignPatientId] },
    ],
    consents: [
      ...consentedIds.map((id) =>
        ({ studyId: DEMO.studyId, patientId: DEMO.patientId, codeId: id, consented: true })),
      { studyId: DEMO.otherStudyId, patientId: DEMO.foreignPatientId, codeId: heartRateId,
        consented: true },
    ],
    dataSources: [
      { id: DEMO.dataSourceId, name: DEMO.dataSourceName, type: 'personal_device' },
      { id: DEMO.medicalDataSourceId, name: 'Patient Access API', type: 'medical_device' },
      { id: DEMO.patientAppDataSourceId, name: 'Questionnaire', type: 'patient_app' },
    ],
    clients: [{
      clientId: DEMO.clientId, clientSecret: DEMO.clientSecret,
      ownerJheUserId: DEMO.practitionerUserId,
    }],
  };
}
