/**
 * The admin API's JSON shapes (reference §5), written directly in the camelCase JHE's
 * renderer produces. Nested rows follow the serializer each view uses: the full
 * Organization with `children` and `currentUserRole`, the short `{id, name, type}` form
 * inside studies, and DRF `depth=1` rows (foreign keys as ids) inside link tables.
 */
import { formatUtc } from '../iso-time.ts';
import type {
  ApplicationRow, Caller, CodeRow, ConsentRow, DataSourceRow, InvitationRow, OrganizationRow,
  PatientRow, ScopeRequestRow, StudyPatientRow, StudyRow, UserRow,
} from '../model.ts';
import type { JheStore } from '../store.ts';

type Json = Record<string, unknown>;

/** A CodeableConcept. */
export function renderCode(row: CodeRow): Json {
  return { id: row.id, codingSystem: row.system, codingCode: row.code, text: row.text };
}

/** OrganizationWithoutLineageSerializer. */
export function renderOrganizationBrief(row: OrganizationRow): Json {
  return { id: row.id, name: row.name, type: row.type };
}

/** OrganizationSerializer: children recursively, the caller's role in each. */
export function renderOrganization(
  store: JheStore, row: OrganizationRow, caller: Caller | undefined,
): Json {
  const children = store.organizations().filter((child) => child.partOf === row.id
    && child.id !== row.id);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    partOf: row.partOf,
    currentUserRole: roleIn(row.id, caller),
    children: children.map((child) => renderOrganization(store, child, caller)),
  };
}

function roleIn(organizationId: number, caller: Caller | undefined): string | null {
  if (!caller) return null;
  if (caller.user.isSuperuser) return 'super_user';
  if (caller.kind !== 'practitioner') return null;
  const membership = caller.practitioner.memberships
    .find((candidate) => candidate.organizationId === organizationId);
  return membership?.role ?? null;
}

/** PatientSerializer (§5.2); nested organizations are rendered without a request. */
export function renderPatient(store: JheStore, row: PatientRow): Json {
  const user = store.user(row.jheUserId);
  return {
    id: row.id,
    jheUserId: row.jheUserId,
    identifiers: row.identifiers.map(({ id, system, value }) => ({ id, system, value })),
    nameFamily: row.nameFamily,
    nameGiven: row.nameGiven,
    birthDate: row.birthDate,
    telecomPhone: row.telecomPhone,
    telecomEmail: user?.email ?? null,
    organizations: row.organizationIds.map((id) => store.organization(id))
      .filter((org): org is OrganizationRow => org !== undefined)
      .map((org) => renderOrganization(store, org, undefined)),
  };
}

/** StudyOrganizationSerializer: the GET shape of a study. */
export function renderStudy(store: JheStore, row: StudyRow): Json {
  const organization = store.organization(row.organizationId);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    organization: organization ? renderOrganizationBrief(organization) : null,
    iconUrl: row.iconUrl,
  };
}

/** A Study at `depth=1`: its organization as an id. */
function studyFlat(row: StudyRow | undefined): Json | null {
  if (!row) return null;
  return { id: row.id, name: row.name, description: row.description,
    organization: row.organizationId, iconUrl: row.iconUrl };
}

/** A Patient at `depth=1`: its user as an id. */
function patientFlat(row: PatientRow | undefined): Json | null {
  if (!row) return null;
  return { id: row.id, jheUser: row.jheUserId, nameFamily: row.nameFamily,
    nameGiven: row.nameGiven, birthDate: row.birthDate, telecomPhone: row.telecomPhone };
}

/** StudyPatientSerializer (`depth=1`). */
export function renderStudyPatient(store: JheStore, row: StudyPatientRow): Json {
  return { id: row.id, study: studyFlat(store.study(row.studyId)),
    patient: patientFlat(store.patient(row.patientId)) };
}

/** StudyScopeRequestSerializer (`depth=1`). */
export function renderScopeRequest(store: JheStore, row: ScopeRequestRow): Json {
  const code = store.code(row.codeId);
  return { id: row.id, study: studyFlat(store.study(row.studyId)),
    scopeCode: code ? renderCode(code) : null };
}

/** StudyPatientScopeConsentSerializer (`depth=1`). */
export function renderConsent(store: JheStore, row: ConsentRow): Json {
  const link = store.studyPatient(row.studyId, row.patientId);
  const code = store.code(row.codeId);
  return {
    id: row.id,
    studyPatient: link ? { id: link.id, study: link.studyId, patient: link.patientId } : null,
    scopeCode: code ? renderCode(code) : null,
    consented: row.consented,
    consentedTime: row.consentedTime === null ? null : formatUtc(row.consentedTime),
  };
}

/** DataSourceSerializer. */
export function renderDataSource(store: JheStore, row: DataSourceRow): Json {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    supportedScopes: row.supportedCodeIds.map((id) => store.code(id))
      .filter((code): code is CodeRow => code !== undefined).map(renderCode),
  };
}

/** PractitionerClientSerializer: the API key is base64(`client_id:client_secret`). */
export function renderPractitionerClient(row: ApplicationRow): Json {
  const key = Buffer.from(`${row.clientId}:${row.clientSecret ?? ''}`, 'utf8').toString('base64');
  return { id: row.practitionerClient?.id ?? null, label: row.practitionerClient?.label ?? '',
    created: formatUtc(row.created), name: row.name, key };
}

/**
 * PatientInvitationSerializer, plus the link when one was just built; `client_id` keeps
 * JHE's snake spelling (§1.2).
 */
export function renderInvitation(row: InvitationRow, token: string | null, link?: string): Json {
  const body: Json = {
    id: row.id,
    patientId: row.patientId,
    client_id: row.applicationId,
    tokenHash: row.tokenHash,
    token,
    status: row.status,
    lastUpdated: formatUtc(row.lastUpdated),
  };
  if (link !== undefined) body.invitationLink = link;
  return body;
}

/** `users/profile`: practitioners get the full user, patients a PHI-stripped one. */
export function renderProfile(store: JheStore, user: UserRow): Json {
  const patient = store.patientByUser(user.id);
  if (user.userType === 'patient') {
    return {
      id: user.id,
      patient: patient ? {
        id: patient.id,
        jheUserId: patient.jheUserId,
        identifiers: patient.identifiers.map(({ id, system, value }) => ({ id, system, value })),
        organizations: patient.organizationIds.map((id) => store.organization(id))
          .filter((org): org is OrganizationRow => org !== undefined)
          .map((org) => renderOrganization(store, org, undefined)),
      } : null,
      userType: user.userType,
      isSuperuser: user.isSuperuser,
    };
  }
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName,
    patient: null, userType: user.userType, isSuperuser: user.isSuperuser, settings: {} };
}
