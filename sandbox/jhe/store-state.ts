/**
 * The whole of the JHE sandbox's state as one plain JSON value: what a data file holds and
 * what the store is rebuilt from at start. Keeping it a single document makes an atomic
 * write (temp file + rename) the only persistence mechanism needed.
 */
import type {
  ApplicationRow, CodeRow, ConsentRow, DataSourceRow, GrantRow, InvitationRow, ObservationRow,
  OrganizationRow, PatientRow, PractitionerRow, RefreshTokenRow, ScopeRequestRow,
  StudyPatientRow, StudyRow, TokenRow, UserRow,
} from './model.ts';

/** Bumped when the shape changes, so an old file is refused rather than misread. */
export const STATE_FORMAT = 1;

/** Tables whose ids the sandbox assigns. */
export type SequenceName =
  | 'observation' | 'patient' | 'patientIdentifier' | 'user' | 'studyPatient'
  | 'scopeRequest' | 'consent' | 'application' | 'practitionerClient' | 'invitation';

/** The tables of the JHE database the sandbox emulates. */
export interface StoreState {
  format: typeof STATE_FORMAT;
  users: UserRow[];
  organizations: OrganizationRow[];
  practitioners: PractitionerRow[];
  patients: PatientRow[];
  studies: StudyRow[];
  scopeRequests: ScopeRequestRow[];
  studyPatients: StudyPatientRow[];
  consents: ConsentRow[];
  codes: CodeRow[];
  dataSources: DataSourceRow[];
  applications: ApplicationRow[];
  observations: ObservationRow[];
  tokens: TokenRow[];
  refreshTokens: RefreshTokenRow[];
  grants: GrantRow[];
  invitations: InvitationRow[];
  /** JheSetting rows by key (§1.5, §2.4, §2.5). */
  settings: Record<string, unknown>;
  /** The next id each sequence hands out. */
  sequences: Record<SequenceName, number>;
}

/**
 * The first id of each sequence: JHE's seed resets sequences to these ranges (§1.6), and
 * the sandbox's seeded rows sit just below them.
 */
export function initialSequences(): Record<SequenceName, number> {
  return {
    observation: 60001,
    patient: 40101,
    patientIdentifier: 101,
    user: 10101,
    studyPatient: 101,
    scopeRequest: 101,
    consent: 101,
    application: 101,
    practitionerClient: 101,
    invitation: 101,
  };
}

/** True when a parsed file looks like a state this version of the sandbox wrote. */
export function isStoreState(value: unknown): value is StoreState {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoreState>;
  return candidate.format === STATE_FORMAT && Array.isArray(candidate.observations)
    && typeof candidate.sequences === 'object';
}
