/**
 * Operation handlers of the wearable-connections process API
 * (`specs/process/wearable-connections.yaml`). Each calls the Oura system API's operation of
 * the same purpose and answers only what the caller may see: the system API keeps the
 * tokens, and the fields are picked here so that nothing else can slip through.
 */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { components as Oura } from '../../specs/types/oura.ts';
import type { components } from '../../specs/types/wearable-connections.ts';

type Connection = components['schemas']['Connection'];
type ConnectionStart = components['schemas']['ConnectionStart'];
type Callback = components['schemas']['Callback'];

/** The authorize URL carries the sealed state: no cache may keep it. */
const NO_STORE = { 'Cache-Control': 'no-store' };

export interface WearableConnectionsDeps {
  oura: ApiClient;
}

export function wearableConnectionsHandlers(deps: WearableConnectionsDeps): Handlers {
  const connectionPath = (request: ApiRequest) =>
    `/patients/${request.params.patientId}/connection`;

  return {
    async startOuraConnection(request: ApiRequest) {
      const started = await deps.oura.call<Oura['schemas']['OuraAuthorization']>(
        request.context, { method: 'POST', path: `${connectionPath(request)}/authorization` });
      const body: ConnectionStart = { patientId: started.patientId, vendor: 'oura',
        authorizeUrl: started.authorizeUrl, state: started.state, expiresAt: started.expiresAt };
      request.log.info({ patientId: started.patientId }, 'Oura connection started');
      return { status: 201, body, headers: NO_STORE };
    },

    async completeOuraConnection(request: ApiRequest<Callback>) {
      const { state, code, error, error_description: description } = request.body;
      const connection = await deps.oura.call<Oura['schemas']['OuraConnection']>(
        request.context, { method: 'POST', path: '/oauth/callback',
          body: { state, code, error, error_description: description } });
      request.log.info({ patientId: connection.patientId, status: connection.status },
        'Oura connection completed');
      return { status: 200, body: view(connection), headers: NO_STORE };
    },

    async getOuraConnectionStatus(request: ApiRequest) {
      const connection = await deps.oura.call<Oura['schemas']['OuraConnection']>(
        request.context, { method: 'GET', path: connectionPath(request) });
      return { status: 200, body: view(connection) };
    },

    async disconnectOuraAccount(request: ApiRequest) {
      const result = await deps.oura.call<Oura['schemas']['OuraDisconnection']>(
        request.context, { method: 'DELETE', path: connectionPath(request) });
      request.log.info({ patientId: result.connection.patientId,
        upstreamRevocation: result.upstreamRevocation }, 'Oura connection revoked');
      return { status: 200, body: { connection: view(result.connection),
        upstreamRevocation: result.upstreamRevocation } };
    },
  };
}

/** The system API's connection, field by field. */
function view(connection: Oura['schemas']['OuraConnection']): Connection {
  const { patientId, status, scopes, expiresAt, updatedAt, lastError } = connection;
  return { patientId, vendor: 'oura', status, scopes,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    ...(updatedAt !== undefined ? { updatedAt } : {}),
    ...(lastError !== undefined ? { lastError } : {}) };
}
