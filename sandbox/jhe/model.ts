/**
 * The rows the JHE sandbox keeps, shaped after the JHE tables the ingest-and-read flow
 * touches (reference §1.6, §2.6, §4.1). Ids are plain integers, as JHE's primary keys are.
 */

/** A `(system, value)` pair, as JHE stores Patient and Observation identifiers. */
export interface IdentifierRow {
  system: string | null;
  value: string | null;
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

export interface DataSourceRow {
  id: number;
  name: string;
  type: DataSourceType;
}

export interface OrganizationRow {
  id: number;
  name: string;
  type: string;
  partOf: number | null;
}

export interface PatientRow {
  id: number;
  /** The login account id (JheUser.pk), distinct from the Patient id (reference §1.6). */
  jheUserId: number;
  organizationIds: number[];
  identifiers: IdentifierRow[];
  nameFamily: string;
  nameGiven: string;
}

export interface PractitionerRow {
  id: number;
  jheUserId: number;
  organizationIds: number[];
}

export interface StudyRow {
  id: number;
  name: string;
  organizationId: number;
  /** CodeableConcept ids the study asks for (StudyScopeRequest). */
  scopeCodeIds: number[];
  /** Enrolled Patient ids (StudyPatient). */
  patientIds: number[];
}

/** One StudyPatientScopeConsent row. */
export interface ConsentRow {
  studyId: number;
  patientId: number;
  codeId: number;
  consented: boolean;
}

/** A confidential client-credentials application; its tokens act as its owner. */
export interface ClientRow {
  clientId: string;
  clientSecret: string;
  ownerJheUserId: number;
}

export interface TokenRow {
  token: string;
  jheUserId: number;
  scope: string;
  /** Epoch milliseconds after which the token no longer authenticates. */
  expiresAt: number;
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

/** The authenticated caller; the sandbox only issues practitioner tokens. */
export interface Caller {
  jheUserId: number;
  practitioner: PractitionerRow;
}
