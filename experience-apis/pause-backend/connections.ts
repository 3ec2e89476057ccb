/**
 * The Oura connection operations of the Pause backend experience API: each calls the
 * wearable-connections process API and answers the connection in the Pause shape (status
 * and scopes; the state stays inside the authorize URL, tokens never reach this tier).
 */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { components as Process } from '../../specs/types/wearable-connections.ts';
import type { components } from '../../specs/types/pause-backend.ts';

type ProcessConnection = Process['schemas']['Connection'];
type WearableConnection = components['schemas']['WearableConnection'];
type CallbackQuery = Process['schemas']['Callback'];

/** Answers that concern the flow hold or complete a single-use state. */
const NO_STORE = { 'Cache-Control': 'no-store' };

export function ouraConnectionHandlers(connections: ApiClient): Handlers {
  const path = (request: ApiRequest) =>
    `/patients/${request.params.patientId}/vendors/oura/connection`;

  return {
    async startOuraConnection(request: ApiRequest) {
      const started = await connections.call<Process['schemas']['ConnectionStart']>(
        request.context, { method: 'POST', path: path(request) });
      const body: components['schemas']['OuraConnectionStart'] = {
        patientId: started.patientId, vendor: 'oura', authorizeUrl: started.authorizeUrl,
        expiresAt: started.expiresAt };
      return { status: 201, body, headers: NO_STORE };
    },

    async getOuraConnection(request: ApiRequest) {
      const connection = await connections.call<ProcessConnection>(request.context,
        { method: 'GET', path: path(request) });
      return { status: 200, body: toPause(connection) };
    },

    async disconnectOura(request: ApiRequest) {
      const result = await connections.call<Process['schemas']['Disconnection']>(
        request.context, { method: 'DELETE', path: path(request) });
      return { status: 200, body: toPause(result.connection) };
    },

    async ouraCallback(request: ApiRequest<unknown, CallbackQuery>) {
      const { state, code, error, error_description: description } = request.query;
      const connection = await connections.call<ProcessConnection>(request.context, {
        method: 'POST', path: '/vendors/oura/callback',
        body: { state, code, error, error_description: description },
      });
      return { status: 200, body: toPause(connection), headers: NO_STORE };
    },
  };
}

function toPause(connection: ProcessConnection): WearableConnection {
  const { patientId, status, scopes, updatedAt } = connection;
  return { patientId, vendor: 'oura', status, scopes,
    ...(updatedAt !== undefined ? { updatedAt } : {}) };
}
