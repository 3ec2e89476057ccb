/**
 * The rows the JHE sandbox keeps, shaped after the JHE tables the gateway can observe
 * (reference §1.6, §2.3-§2.6, §4.1, §5). Ids are plain integers, as JHE's primary keys
 * are. Every row is plain JSON so the whole store can be written to a file as it is.
 */

/** A `(system, value)` pair, as JHE stores Observation identifiers. */
export interface IdentifierRow {
  system: string | null;
  value: string | null;
}

/** A PatientIdentifier row: JHE renders its own id beside system and value (§5.2). */
export interface PatientIdentifierRow {
  id: number;
  system: string;
  value: string;
}

/** A JHE CodeableConcept row: one coding plus its display text. */
export interface CodeRow {
  id: number;
  system: string;
  code: string;
  text: string;
}

/** DataSource types as JHE spells them (reference §5.5). */
export type DataSourceType = 'personal_device' | 'medical_device' | 'patient_app' | 'device';

/** A DataSource (a Device on the FHIR side). */
export interface DataSourceRow {
  id: number;
  name: string;
  type: DataSourceType;
  /** CodeableConcept ids the source can deliver (DataSourceSupportedScope). */
  supportedCodeIds: number[];
}

/** An Organization; `partOf` builds the tree under ROOT (id 0). */
export interface OrganizationRow {
  id: number;
  name: string;
  type: string;
  partOf: number | null;
}

/** The JheUser account behind every practitioner and patient (§2.6). */
export interface UserRow {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  userType: 'patient' | 'practitioner';
  isSuperuser: boolean;
  /** The external id token exchange matches a `fhirUser` against (§2.4). */
  identifier: string | null;
}

/** PractitionerOrganization.role (§2.6). */
export type OrganizationRole = 'manager' | 'member' | 'viewer';

/** One PractitionerOrganization link. */
export interface MembershipRow {
  organizationId: number;
  role: OrganizationRole;
}

/** A Practitioner profile and its organizations. */
export interface PractitionerRow {
  id: number;
  jheUserId: number;
  memberships: MembershipRow[];
}

/** A Patient profile (PatientOrganization links inline). */
export interface PatientRow {
  id: number;
  /** The login account id (JheUser.pk), distinct from the Patient id (reference §1.6). */
  jheUserId: number;
  organizationIds: number[];
  identifiers: PatientIdentifierRow[];
  nameFamily: string;
  nameGiven: string;
  /** `YYYY-MM-DD` or null. */
  birthDate: string | null;
  telecomPhone: string | null;
}

/** A Study; it belongs to exactly one organization. */
export interface StudyRow {
  id: number;
  name: string;
  description: string;
  organizationId: number;
  iconUrl: string | null;
  /** StudyDataSource: the sources the study collects from. */
  dataSourceIds: number[];
}

/** StudyScopeRequest: a code a study asks its patients to share. */
export interface ScopeRequestRow {
  id: number;
  studyId: number;
  codeId: number;
}

/** StudyPatient: one enrolment. */
export interface StudyPatientRow {
  id: number;
  studyId: number;
  patientId: number;
}

/** One StudyPatientScopeConsent row. */
export interface ConsentRow {
  id: number;
  studyId: number;
  patientId: number;
  codeId: number;
  consented: boolean;
  /** Epoch microseconds, or null when never answered. */
  consentedTime: number | null;
}

/** A django-oauth-toolkit Application, with JHE's JheClient and PractitionerClient extras. */
export interface ApplicationRow {
  /** The Application primary key, which `POST /api/v1/invitation` names as `client_id`. */
  id: number;
  clientId: string;
  /** Null for public clients. */
  clientSecret: string | null;
  name: string;
  clientType: 'confidential' | 'public';
  grantType: 'client-credentials' | 'authorization-code';
  /** Client-credentials tokens act as this user (§2.2). */
  ownerJheUserId: number | null;
  redirectUris: string[];
  /** Epoch microseconds. */
  created: number;
  /** JheClient.invitation_url, with `CODE` where the invitation code goes (§2.5). */
  invitationUrl: string | null;
  /** Set when a practitioner created the client through `practitioner_clients`. */
  practitionerClient: { id: number; practitionerId: number; label: string } | null;
}

/** An opaque access token. */
export interface TokenRow {
  token: string;
  jheUserId: number;
  /** The OAuth client_id that obtained the token. */
  clientId: string;
  scope: string;
  /** Epoch milliseconds after which the token no longer authenticates. */
  expiresAt: number;
}

/** A refresh token (authorization-code grants only); DOT rotates it on use. */
export interface RefreshTokenRow {
  token: string;
  accessToken: string;
  jheUserId: number;
  clientId: string;
  scope: string;
  revoked: boolean;
}

/** An authorization code (DOT Grant) waiting to be exchanged at `/o/token/`. */
export interface GrantRow {
  code: string;
  clientId: string;
  jheUserId: number;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  codeChallengeMethod: 'S256' | 'plain';
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** PatientInvitation.status (§2.5). */
export type InvitationStatus = 'issued' | 'reissued' | 'redeemed' | 'cancelled' | 'expired';

/** A PatientInvitation. */
export interface InvitationRow {
  id: number;
  patientId: number;
  /** Application primary key. */
  applicationId: number;
  /** base64url(sha256(token)) without padding; JHE never stores the token itself. */
  tokenHash: string;
  status: InvitationStatus;
  /** Epoch microseconds; `auto_now`, so every save moves it. */
  lastUpdated: number;
}

/** Effective time derived from the OMH body, as epoch microseconds (reference §4.5). */
export interface EffectiveTime {
  dateTime: number | null;
  periodStart: number | null;
  periodEnd: number | null;
}

/** A stored OMH Observation (the mapped store only; there is no aux store here). */
export interface ObservationRow {
  id: number;
  patientId: number;
  codeId: number;
  dataSourceId: number;
  /** The submitted status; JHE stores it but always renders `final`. */
  status: string;
  /** The decoded ASCII JSON text, kept so numbers re-encode as JHE's jsonb would. */
  omhText: string;
  omhData: Record<string, unknown>;
  identifiers: IdentifierRow[];
  effective: EffectiveTime;
  /** Ingest time, epoch microseconds. */
  lastUpdated: number;
}

/** A caller acting as a practitioner (client credentials, token exchange, auth code). */
export interface PractitionerCaller {
  kind: 'practitioner';
  user: UserRow;
  practitioner: PractitionerRow;
}

/** A caller acting as a patient (a token from the invitation flow, §2.5). */
export interface PatientCaller {
  kind: 'patient';
  user: UserRow;
  patient: PatientRow;
}

/** The authenticated user behind a bearer token. */
export type Caller = PractitionerCaller | PatientCaller;
