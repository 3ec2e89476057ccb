/**
 * The JHE sandbox's tables and the lookups the routes need. The state is one plain JSON
 * document ({@link StoreState}); Observations and identifiers also get in-memory indexes
 * because searches over thousands of rows would otherwise scan on every lookup.
 *
 * Every mutation ends in `changed()`, which is how the file persistence learns that it
 * has something to write. OAuth rows (clients, tokens, codes, invitations) live in
 * {@link OauthStore}, reached as `store.oauth`.
 */
import { buildSeedObservations, type SeedObservationsRequest } from './bulk-seed.ts';
import type {
  CodeRow, ConsentRow, DataSourceRow, IdentifierRow, ObservationRow, OrganizationRow,
  PatientRow, PractitionerRow, ScopeRequestRow, StudyPatientRow, StudyRow, UserRow,
} from './model.ts';
import { OauthStore } from './oauth-store.ts';
import type { SequenceName, StoreState } from './store-state.ts';

/** An Observation before the store gives it an id. */
export type ObservationDraft = Omit<ObservationRow, 'id'>;

/** Called after every mutation. */
export type ChangeListener = () => void;

/** The sandbox's tables, with the lookups the routes need. */
export class JheStore {
  readonly oauth: OauthStore;
  private readonly state: StoreState;
  private readonly observationsById = new Map<number, ObservationRow>();
  private readonly identifierKeys = new Set<string>();
  private readonly listeners: ChangeListener[] = [];
  private readonly now: () => Date;

  /**
   * @param state - the tables to serve; the store owns it from here on.
   * @param now - the clock bulk seeding stamps `lastUpdated` with.
   */
  constructor(state: StoreState, now: () => Date = () => new Date()) {
    this.state = state;
    this.now = now;
    this.oauth = new OauthStore(state, () => this.changed(), (name) => this.nextId(name));
    for (const row of state.observations) this.index(row);
  }

  /** Registers a listener for mutations (the file persistence). */
  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** The state as a JSON-ready document, Observations in id order. */
  snapshot(): StoreState {
    return { ...this.state, observations: [...this.observationsById.values()] };
  }

  /** Hands out the next id of a sequence. */
  nextId(name: SequenceName): number {
    const id = this.state.sequences[name];
    this.state.sequences[name] = id + 1;
    return id;
  }

  user(id: number): UserRow | undefined {
    return this.state.users.find((row) => row.id === id);
  }

  /** Users whose external identifier equals the text exactly (token exchange, §2.4). */
  usersByIdentifier(identifier: string): UserRow[] {
    return this.state.users.filter((row) => row.identifier === identifier);
  }

  patient(id: number): PatientRow | undefined {
    return this.state.patients.find((row) => row.id === id);
  }

  patientByUser(jheUserId: number): PatientRow | undefined {
    return this.state.patients.find((row) => row.jheUserId === jheUserId);
  }

  /** Every patient, ordered by id as JHE's admin list is. */
  patients(): PatientRow[] {
    return [...this.state.patients].sort((a, b) => a.id - b.id);
  }

  practitionerByUser(jheUserId: number): PractitionerRow | undefined {
    return this.state.practitioners.find((row) => row.jheUserId === jheUserId);
  }

  study(id: number): StudyRow | undefined {
    return this.state.studies.find((row) => row.id === id);
  }

  studies(): StudyRow[] {
    return [...this.state.studies];
  }

  organization(id: number): OrganizationRow | undefined {
    return this.state.organizations.find((row) => row.id === id);
  }

  /** Every organization, ordered by id. */
  organizations(): OrganizationRow[] {
    return [...this.state.organizations].sort((a, b) => a.id - b.id);
  }

  dataSource(id: number): DataSourceRow | undefined {
    return this.state.dataSources.find((row) => row.id === id);
  }

  dataSources(): DataSourceRow[] {
    return [...this.state.dataSources].sort((a, b) => a.id - b.id);
  }

  code(id: number): CodeRow | undefined {
    return this.state.codes.find((row) => row.id === id);
  }

  codes(): CodeRow[] {
    return [...this.state.codes].sort((a, b) => a.id - b.id);
  }

  /** The CodeableConcept with exactly this system and code. */
  codeFor(system: unknown, code: unknown): CodeRow | undefined {
    return this.state.codes.find((row) => row.system === system && row.code === code);
  }

  /** A JheSetting value, or undefined when the row does not exist. */
  setting(key: string): unknown {
    return this.state.settings[key];
  }

  setSetting(key: string, value: unknown): void {
    this.state.settings[key] = value;
    this.changed();
  }

  /** The practitioner's organization ids, in membership order. */
  memberOrganizationIds(practitioner: PractitionerRow): number[] {
    return practitioner.memberships.map((membership) => membership.organizationId);
  }

  /** True when the patient is in at least one of the practitioner's organizations. */
  sharesOrganization(practitioner: PractitionerRow, patientId: number): boolean {
    const patient = this.patient(patientId);
    if (!patient) return false;
    const memberOf = this.memberOrganizationIds(practitioner);
    return patient.organizationIds.some((id) => memberOf.includes(id));
  }

  scopeRequests(studyId: number): ScopeRequestRow[] {
    return this.state.scopeRequests.filter((row) => row.studyId === studyId)
      .sort((a, b) => a.id - b.id);
  }

  /** The codes a study asks for. */
  studyCodeIds(studyId: number): number[] {
    return this.scopeRequests(studyId).map((row) => row.codeId);
  }

  studyPatient(studyId: number, patientId: number): StudyPatientRow | undefined {
    return this.state.studyPatients.find((row) =>
      row.studyId === studyId && row.patientId === patientId);
  }

  enrolledPatientIds(studyId: number): number[] {
    return this.state.studyPatients.filter((row) => row.studyId === studyId)
      .map((row) => row.patientId);
  }

  /** Study ids the patient is enrolled in, in enrolment order. */
  enrolledStudyIds(patientId: number): number[] {
    return this.state.studyPatients.filter((row) => row.patientId === patientId)
      .map((row) => row.studyId);
  }

  /** Enrols a patient; enrolling does not create consents (§5.3). */
  enroll(studyId: number, patientId: number): StudyPatientRow {
    const row = { id: this.nextId('studyPatient'), studyId, patientId };
    this.state.studyPatients.push(row);
    this.changed();
    return row;
  }

  /** Withdraws a patient from a study (the enrolment only; consents stay). */
  unenroll(studyId: number, patientId: number): void {
    this.state.studyPatients = this.state.studyPatients.filter((row) =>
      !(row.studyId === studyId && row.patientId === patientId));
    this.changed();
  }

  /** The patient's consent rows, oldest first. */
  consents(patientId: number): ConsentRow[] {
    return this.state.consents.filter((row) => row.patientId === patientId);
  }

  consent(studyId: number, patientId: number, codeId: number): ConsentRow | undefined {
    return this.state.consents.find((row) => row.studyId === studyId
      && row.patientId === patientId && row.codeId === codeId);
  }

  insertConsent(draft: Omit<ConsentRow, 'id'>): ConsentRow {
    const row = { id: this.nextId('consent'), ...draft };
    this.state.consents.push(row);
    this.changed();
    return row;
  }

  updateConsent(row: ConsentRow, consented: boolean, at: number): ConsentRow {
    row.consented = consented;
    row.consentedTime = at;
    this.changed();
    return row;
  }

  deleteConsent(row: ConsentRow): void {
    this.state.consents = this.state.consents.filter((candidate) => candidate !== row);
    this.changed();
  }

  /** Deletes every consent of the patient (`?reset=true`, a development aid in JHE). */
  deleteConsentsOf(patientId: number): void {
    this.state.consents = this.state.consents.filter((row) => row.patientId !== patientId);
    this.changed();
  }

  /**
   * Codes the patient consented to (consented=true) in any study they are enrolled in:
   * JHE's `consolidated_consented_scopes()`, which gates OMH writes.
   */
  consentedCodeIds(patientId: number): Set<number> {
    const enrolled = this.enrolledStudyIds(patientId);
    const consents = this.state.consents.filter((row) =>
      row.patientId === patientId && row.consented && enrolled.includes(row.studyId));
    return new Set(consents.map((row) => row.codeId));
  }

  /** Global uniqueness, as JHE's `(system, value)` constraint on ObservationIdentifier. */
  identifierExists(identifier: IdentifierRow): boolean {
    return this.identifierKeys.has(identifierKey(identifier));
  }

  /** Stores an Observation and returns it with its new id. */
  insertObservation(draft: ObservationDraft): ObservationRow {
    const row = this.insertQuietly(draft);
    this.changed();
    return row;
  }

  /**
   * Bulk-inserts valid OMH rows for tests (a 2,500-row paging test, say) without going
   * through the HTTP write path. Ingest times are `now` plus one microsecond per row, so
   * the default newest-first order is the reverse of insertion.
   * @example
   * store.seedObservations(40001, 'omh:heart-rate:2.0', 2500, '2025-03-01T00:00:00Z', 60);
   */
  seedObservations(
    patientId: number, code: string, count: number, startInstant: string | Date,
    stepSeconds: number,
  ): ObservationRow[] {
    const request: SeedObservationsRequest = {
      patientId, code, count, startInstant, stepSeconds, ingestedAt: this.now(),
    };
    const rows = buildSeedObservations(this, request).map((draft) => this.insertQuietly(draft));
    this.changed();
    return rows;
  }

  observation(id: number): ObservationRow | undefined {
    return this.observationsById.get(id);
  }

  /** Every stored Observation, oldest first. */
  observations(): ObservationRow[] {
    return [...this.observationsById.values()];
  }

  observationCount(): number {
    return this.observationsById.size;
  }

  /** Tells the listeners that the state moved. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  private insertQuietly(draft: ObservationDraft): ObservationRow {
    const row: ObservationRow = { id: this.nextId('observation'), ...draft };
    this.index(row);
    return row;
  }

  private index(row: ObservationRow): void {
    this.observationsById.set(row.id, row);
    for (const identifier of row.identifiers) this.identifierKeys.add(identifierKey(identifier));
  }
}

function identifierKey(identifier: IdentifierRow): string {
  // JSON keeps null distinct from the string "null" and cannot be confused by separators.
  return JSON.stringify([identifier.system, identifier.value]);
}
