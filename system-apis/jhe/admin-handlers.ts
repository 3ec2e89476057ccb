/**
 * Admin operations: patients, studies, organizations, data sources, the practitioner's API
 * clients and patient invitations. Each keeps JHE's shapes; lists come back whole.
 */
import type { ApiRequest, ApiResponse, Handlers } from '../../shared/api-kit/handlers.ts';
import type { operations } from '../../specs/types/jhe.ts';
import { readAdmin, writeAdmin } from './admin.ts';
import { listAll } from './admin-lists.ts';
import type { JheClient } from './jhe-client.ts';

type Query<Id extends keyof operations> = NonNullable<operations[Id]['parameters']['query']>;
type InvitationRequest =
  operations['createInvitation']['requestBody']['content']['application/json'];

/** Answers that hold API keys or invitation tokens must not be cached on the way. */
const NO_STORE = { 'cache-control': 'no-store' };

/** Handlers of the admin operations. */
export function adminHandlers(client: JheClient): Handlers {
  const list = async (path: string, query: Record<string, number | undefined> = {}) => ({
    status: 200, body: await listAll(client, path, withoutUndefined(query)),
  });
  const read = async (path: string): Promise<ApiResponse> => ({
    status: 200, body: await readAdmin(client, path),
  });

  return {
    listPatients: (request: ApiRequest<unknown, Query<'listPatients'>>) => list('/patients', {
      organization_id: request.query.organizationId, study_id: request.query.studyId,
    }),
    getPatient: (request: ApiRequest) => read(`/patients/${request.params.patientId}`),
    listStudies: (request: ApiRequest<unknown, Query<'listStudies'>>) => list('/studies', {
      organization_id: request.query.organizationId,
    }),
    getStudy: (request: ApiRequest) => read(`/studies/${request.params.studyId}`),
    listStudyPatients: (request: ApiRequest) =>
      list(`/studies/${request.params.studyId}/patients`),
    listOrganizations: (request: ApiRequest<unknown, Query<'listOrganizations'>>) =>
      list('/organizations', { part_of: request.query.partOf }),
    getOrganization: (request: ApiRequest) =>
      read(`/organizations/${request.params.organizationId}`),
    listDataSources: () => list('/data_sources'),

    async listPractitionerClients() {
      return { ...(await list('/practitioner_clients')), headers: NO_STORE };
    },

    async createPractitionerClient(request: ApiRequest<{ label?: string }>) {
      const body = await writeAdmin(client,
        { method: 'POST', path: '/practitioner_clients', body: request.body }, 201);
      return { status: 201, body, headers: NO_STORE };
    },

    async createInvitation(request: ApiRequest<InvitationRequest>) {
      const body = await writeAdmin(client,
        { method: 'POST', path: '/invitation', body: invitationBody(request.body) }, 201);
      return { status: 201, body, headers: NO_STORE };
    },
  };
}

/**
 * JHE reads `client_id` exactly: its camelCase layer leaves that key alone, so `clientId`
 * would never be turned into it (reference §1.2).
 */
export function invitationBody(request: InvitationRequest): Record<string, unknown> {
  return {
    patient_id: request.patientId,
    client_id: request.clientId,
    send_email: request.sendEmail ?? false,
  };
}

function withoutUndefined(query: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(query)
    .filter((entry): entry is [string, number] => entry[1] !== undefined));
}
