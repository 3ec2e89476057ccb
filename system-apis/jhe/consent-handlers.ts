/**
 * Patient consent operations (reference §5.2): read the summary, grant (POST), update
 * (PATCH) and revoke (DELETE), all with JHE's `studyScopeConsents` body. JHE fails several
 * refusals here with a bare 500, which become `JHE.CONSENT_WRITE_FAILED`.
 */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import type { components } from '../../specs/types/jhe.ts';
import { readAdmin, writeAdmin } from './admin.ts';
import type { JheClient } from './jhe-client.ts';

type ConsentChange = components['schemas']['ConsentChange'];

/** Handlers of the consent operations. */
export function consentHandlers(client: JheClient): Handlers {
  const path = (request: ApiRequest) => `/patients/${request.params.patientId}/consents`;
  const write = (request: ApiRequest<ConsentChange>, method: 'POST' | 'PATCH' | 'DELETE',
    expected: number) => writeAdmin(client,
    { method, path: path(request), body: request.body }, expected, 'consent');

  return {
    async getPatientConsents(request: ApiRequest) {
      return { status: 200, body: await readAdmin(client, path(request)) };
    },

    async grantPatientConsents(request: ApiRequest<ConsentChange>) {
      const body = await write(request, 'POST', 201);
      request.log.info({ studies: request.body.studyScopeConsents.length }, 'consents granted');
      return { status: 201, body };
    },

    async updatePatientConsents(request: ApiRequest<ConsentChange>) {
      const body = await write(request, 'PATCH', 200);
      request.log.info({ studies: request.body.studyScopeConsents.length }, 'consents updated');
      return { status: 200, body };
    },

    async revokePatientConsents(request: ApiRequest<ConsentChange>) {
      await write(request, 'DELETE', 204);
      request.log.info({ studies: request.body.studyScopeConsents.length }, 'consents revoked');
      return { status: 204 };
    },
  };
}
