/**
 * Demo data for the JHE sandbox. Ids follow the ranges JHE's seed command resets its
 * sequences to (reference §1.6), so logs and fixtures read like a real seeded JHE.
 *
 * Nothing here is a real person or a real credential: the client secrets are published on
 * purpose and only ever work against this sandbox.
 */
import { EHR_SANDBOX_AUDIENCE, EHR_SANDBOX_ISSUER } from './ehr-constants.ts';
import type {
  ApplicationRow, CodeRow, ConsentRow, DataSourceRow, PatientRow, UserRow,
} from './model.ts';
import { initialSequences, STATE_FORMAT, type StoreState } from './store-state.ts';

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
  practitionerEmail: 'manager_pat@example.com',
  /** The demo practitioner's JheUser.identifier: an EHR `fhirUser` of Practitioner/<this>. */
  ehrPractitionerIdentifier: 'ehr-practitioner-0001',
  /** A practitioner in the other organization, for isolation tests. */
  otherPractitionerUserId: 10005,
  otherPractitionerId: 80002,
  patientId: 40001,
  patientJheUserId: 10002,
  patientEmail: 'dana.demo@example.com',
  /** A patient's JheUser.identifier: a token exchange naming it is not a practitioner. */
  patientUserIdentifier: 'ehr-patient-0001',
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
  /** Personal devices for the other wearable vendors the gateway ingests. */
  openWearablesDataSourceId: 70004,
  appleHealthDataSourceId: 70005,
  /** The demo practitioner's client-credentials key (§2.3). */
  clientId: 'PauseSbx0000Demo',
  clientSecret: 'sandboxSecretNotForRealData00001',
  /** The other practitioner's key. */
  otherClientId: 'PauseSbx0000Else',
  otherClientSecret: 'sandboxSecretNotForRealData00002',
  /** Application pk of the patient app: what `POST /api/v1/invitation` calls `client_id`. */
  patientAppId: 2,
  patientAppClientId: 'pause-sandbox-patient-app',
  patientAppName: 'Pause sandbox patient app',
  patientAppInvitationUrl: 'https://patient-app.example.com/invite?code=CODE',
  /** An Application with no invitation_url, for the §2.5 500. */
  bareAppId: 4,
  /** The confidential "SoF EHR Launch" client that authenticates to `/o/token-exchange`. */
  sofClientId: 'sof-ehr-launch',
  sofClientSecret: 'sof-ehr-launch-dev-secret',
  ehrIssuer: EHR_SANDBOX_ISSUER,
  ehrAudience: EHR_SANDBOX_AUDIENCE,
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

function seededUsers(): UserRow[] {
  const user = (id: number, email: string, first: string, last: string,
    userType: UserRow['userType'], identifier: string | null = null): UserRow =>
    ({ id, email, firstName: first, lastName: last, userType, isSuperuser: false, identifier });
  return [
    user(DEMO.practitionerUserId, DEMO.practitionerEmail, 'Pat', 'Manager', 'practitioner',
      DEMO.ehrPractitionerIdentifier),
    user(DEMO.patientJheUserId, DEMO.patientEmail, 'Dana', 'Demo', 'patient',
      DEMO.patientUserIdentifier),
    user(DEMO.unconsentedPatientJheUserId, 'noor.demo@example.com', 'Noor', 'Demo', 'patient'),
    user(DEMO.foreignPatientJheUserId, 'eli.elsewhere@example.com', 'Eli', 'Elsewhere',
      'patient'),
    user(DEMO.otherPractitionerUserId, 'manager_else@example.com', 'Ela', 'Else',
      'practitioner'),
  ];
}

function seededPatients(): PatientRow[] {
  const patient = (id: number, jheUserId: number, organizationId: number, given: string,
    family: string, birthDate: string): PatientRow => ({
    id, jheUserId, organizationIds: [organizationId], identifiers: [], nameFamily: family,
    nameGiven: given, birthDate, telecomPhone: null,
  });
  const dana = patient(DEMO.patientId, DEMO.patientJheUserId, DEMO.organizationId, 'Dana',
    'Demo', '1980-04-02');
  dana.identifiers = [{ id: 1, ...DEMO.patientIdentifier }];
  dana.telecomPhone = '+1-555-0100';
  return [
    dana,
    patient(DEMO.unconsentedPatientId, DEMO.unconsentedPatientJheUserId, DEMO.organizationId,
      'Noor', 'Demo', '1975-11-20'),
    patient(DEMO.foreignPatientId, DEMO.foreignPatientJheUserId, DEMO.otherOrganizationId,
      'Eli', 'Elsewhere', '1969-07-16'),
  ];
}

function seededApplications(): ApplicationRow[] {
  const base = {
    redirectUris: [], created: Date.UTC(2026, 0, 5) * 1000, invitationUrl: null,
    practitionerClient: null,
  };
  return [
    { ...base, id: 1, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret,
      name: `_practitioner_client_${DEMO.practitionerId}_20260105000000`,
      clientType: 'confidential', grantType: 'client-credentials',
      ownerJheUserId: DEMO.practitionerUserId,
      practitionerClient: { id: 1, practitionerId: DEMO.practitionerId, label: 'Pause gateway' } },
    { ...base, id: DEMO.patientAppId, clientId: DEMO.patientAppClientId, clientSecret: null,
      name: DEMO.patientAppName, clientType: 'public', grantType: 'authorization-code',
      ownerJheUserId: null, invitationUrl: DEMO.patientAppInvitationUrl },
    { ...base, id: 3, clientId: DEMO.sofClientId, clientSecret: DEMO.sofClientSecret,
      name: 'SoF EHR Launch', clientType: 'confidential', grantType: 'client-credentials',
      ownerJheUserId: null },
    { ...base, id: DEMO.bareAppId, clientId: 'pause-sandbox-bare-app', clientSecret: null,
      name: 'Pause sandbox app without invitation URL', clientType: 'public',
      grantType: 'authorization-code', ownerJheUserId: null },
    { ...base, id: 5, clientId: DEMO.otherClientId, clientSecret: DEMO.otherClientSecret,
      name: `_practitioner_client_${DEMO.otherPractitionerId}_20260105000000`,
      clientType: 'confidential', grantType: 'client-credentials',
      ownerJheUserId: DEMO.otherPractitionerUserId,
      practitionerClient: { id: 2, practitionerId: DEMO.otherPractitionerId, label: '' } },
  ];
}

function seededDataSources(codes: CodeRow[]): DataSourceRow[] {
  const consented = CONSENTED_CODES.map((code) => codeId(codes, code));
  return [
    { id: DEMO.dataSourceId, name: DEMO.dataSourceName, type: 'personal_device',
      supportedCodeIds: consented },
    { id: DEMO.medicalDataSourceId, name: 'Patient Access API', type: 'medical_device',
      supportedCodeIds: [] },
    { id: DEMO.patientAppDataSourceId, name: 'Questionnaire', type: 'patient_app',
      supportedCodeIds: [codeId(codes, 'QuestionnaireResponse')] },
    { id: DEMO.openWearablesDataSourceId, name: 'Open Wearables', type: 'personal_device',
      supportedCodeIds: consented },
    { id: DEMO.appleHealthDataSourceId, name: 'Apple Health', type: 'personal_device',
      supportedCodeIds: consented },
  ];
}

/** Builds the demo state: two organizations, two practitioners, three patients. */
export function demoState(): StoreState {
  const codes = seededCodes();
  const consentedIds = CONSENTED_CODES.map((code) => codeId(codes, code));
  const heartRateId = codeId(codes, 'omh:heart-rate:2.0');
  const consentedAt = Date.UTC(2026, 0, 6) * 1000;
  const consent = (id: number, studyId: number, patientId: number, code: number): ConsentRow =>
    ({ id, studyId, patientId, codeId: code, consented: true, consentedTime: consentedAt });
  return {
    format: STATE_FORMAT,
    users: seededUsers(),
    organizations: [
      { id: DEMO.rootOrganizationId, name: 'ROOT', type: 'root', partOf: null },
      { id: DEMO.organizationId, name: 'Pause Demo Clinic', type: 'prov', partOf: 0 },
      { id: DEMO.otherOrganizationId, name: 'Elsewhere Clinic', type: 'prov', partOf: 0 },
    ],
    practitioners: [
      { id: DEMO.practitionerId, jheUserId: DEMO.practitionerUserId,
        memberships: [{ organizationId: DEMO.organizationId, role: 'manager' }] },
      { id: DEMO.otherPractitionerId, jheUserId: DEMO.otherPractitionerUserId,
        memberships: [{ organizationId: DEMO.otherOrganizationId, role: 'manager' }] },
    ],
    patients: seededPatients(),
    studies: [
      { id: DEMO.studyId, name: 'Pause Demo Study', description: 'Menopause symptom tracking',
        organizationId: DEMO.organizationId, iconUrl: null,
        dataSourceIds: [DEMO.dataSourceId] },
      { id: DEMO.otherStudyId, name: 'Elsewhere Study', description: 'Another clinic',
        organizationId: DEMO.otherOrganizationId, iconUrl: null,
        dataSourceIds: [DEMO.dataSourceId] },
    ],
    scopeRequests: [
      ...consentedIds.map((id, index) => ({ id: index + 1, studyId: DEMO.studyId, codeId: id })),
      { id: consentedIds.length + 1, studyId: DEMO.otherStudyId, codeId: heartRateId },
    ],
    studyPatients: [
      { id: 1, studyId: DEMO.studyId, patientId: DEMO.patientId },
      { id: 2, studyId: DEMO.studyId, patientId: DEMO.unconsentedPatientId },
      { id: 3, studyId: DEMO.otherStudyId, patientId: DEMO.foreignPatientId },
    ],
    consents: [
      ...consentedIds.map((id, index) =>
        consent(index + 1, DEMO.studyId, DEMO.patientId, id)),
      consent(consentedIds.length + 1, DEMO.otherStudyId, DEMO.foreignPatientId, heartRateId),
    ],
    codes,
    dataSources: seededDataSources(codes),
    applications: seededApplications(),
    observations: [],
    tokens: [],
    refreshTokens: [],
    grants: [],
    invitations: [],
    settings: {
      'auth.sof.trusted_issuers': [EHR_SANDBOX_ISSUER],
      'auth.sof.trusted_audience': EHR_SANDBOX_AUDIENCE,
      'auth.patient.invitation_expiration_days': 7,
      'auth.patient.invitation_redemption_window_hours': 12,
    },
    sequences: initialSequences(),
  };
}
