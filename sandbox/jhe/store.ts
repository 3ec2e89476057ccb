/**
 * In-memory state of the JHE sandbox: a fixed directory (organizations, people, studies,
 * consents, codes, data sources, clients) and the two things that change at run time,
 * Observations and access tokens.
 *
 * Everything sits behind this one class so that a later file-backed variant can replace
 * the maps without touching the routes.
 */
import type {
  ClientRow, CodeRow, ConsentRow, DataSourceRow, IdentifierRow, ObservationRow,
  OrganizationRow, PatientRow, PractitionerRow, StudyRow, TokenRow,
} from './model.ts';

/** The seeded rows a store starts from. */
export interface Directory {
  organizations: OrganizationRow[];
  practitioners: PractitionerRow[];
  patients: PatientRow[];
  studies: StudyRow[];
  consents: ConsentRow[];
  codes: CodeRow[];
  dataSources: DataSourceRow[];
  clients: ClientRow[];
}

/** An Observation before the store gives it an id. */
export type ObservationDraft = Omit<ObservationRow, 'id'>;

/** JHE's seed restarts the Observation sequence here (reference §1.6). */
const FIRST_OBSERVATION_ID = 60001;

/** The sandbox's tables, with the lookups the routes need. */
export class JheStore {
  private readonly directory: Directory;
  private readonly observationsById = new Map<number, ObservationRow>();
  private readonly identifierKeys = new Set<string>();
  private readonly tokens = new Map<string, TokenRow>();
  private nextObservationId = FIRST_OBSERVATION_ID;

  constructor(directory: Directory) {
    this.directory = directory;
  }

  patient(id: number): PatientRow | undefined {
    return this.directory.patients.find((row) => row.id === id);
  }

  practitionerByUser(jheUserId: number): PractitionerRow | undefined {
    return this.directory.practitioners.find((row) => row.jheUserId === jheUserId);
  }

  study(id: number): StudyRow | undefined {
    return this.directory.studies.find((row) => row.id === id);
  }

  organization(id: number): OrganizationRow | undefined {
    return this.directory.organizations.find((row) => row.id === id);
  }

  dataSource(id: number): DataSourceRow | undefined {
    return this.directory.dataSources.find((row) => row.id === id);
  }

  code(id: number): CodeRow | undefined {
    return this.directory.codes.find((row) => row.id === id);
  }

  /** The CodeableConcept with exactly this system and code. */
  codeFor(system: unknown, code: unknown): CodeRow | undefined {
    return this.directory.codes.find((row) => row.system === system && row.code === code);
  }

  client(clientId: string): ClientRow | undefined {
    return this.directory.clients.find((row) => row.clientId === clientId);
  }

  /**
   * Codes the patient consented to (consented=true) in any study they are enrolled in:
   * JHE's `consolidated_consented_scopes()`, which gates OMH writes.
   */
  consentedCodeIds(patientId: number): Set<number> {
    const enrolled = this.directory.studies
      .filter((study) => study.patientIds.includes(patientId))
      .map((study) => study.id);
    const consents = this.directory.consents.filter((row) =>
      row.patientId === patientId && row.consented && enrolled.includes(row.studyId));
    return new Set(consents.map((row) => row.codeId));
  }

  /** True when the patient is in at least one of the practitioner's organizations. */
  sharesOrganization(practitioner: PractitionerRow, patientId: number): boolean {
    const patient = this.patient(patientId);
    if (!patient) return false;
    return patient.organizationIds.some((id) => practitioner.organizationIds.includes(id));
  }

  /** Global uniqueness, as JHE's `(system, value)` constraint on ObservationIdentifier. */
  identifierExists(identifier: IdentifierRow): boolean {
    return this.identifierKeys.has(identifierKey(identifier));
  }

  /** Stores an Observation and returns it with its new id. */
  insertObservation(draft: ObservationDraft): ObservationRow {
    const row: ObservationRow = { id: this.nextObservationId, ...draft };
    this.nextObservationId += 1;
    this.observationsById.set(row.id, row);
    for (const identifier of row.identifiers) this.identifierKeys.add(identifierKey(identifier));
    return row;
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

  saveToken(row: TokenRow): void {
    this.tokens.set(row.token, row);
  }

  /** The token row when it exists and has not expired at `nowMs`. */
  liveToken(token: string, nowMs: number): TokenRow | undefined {
    const row = this.tokens.get(token);
    if (!row) return undefined;
    if (nowMs >= row.expiresAt) {
      this.tokens.delete(token);
      return undefined;
    }
    return row;
  }
}

function identifierKey(identifier: IdentifierRow): string {
  // JSON keeps null distinct from the string "null" and cannot be confused by separators.
  return JSON.stringify([identifier.system, identifier.value]);
}
