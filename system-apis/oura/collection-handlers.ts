/**
 * The collection operations: one per Oura collection for a connected patient, read with
 * that patient's token, and the unscoped `listHeartRate`/`listSleep`, read with the
 * configured default token (for development; the ingest pull reads the patient-scoped ones).
 */
import type { ApiRequest, ApiResponse, Handlers } from '../../shared/api-kit/handlers.ts';
import { ApiError } from '../../shared/errors/problem.ts';
import { readCollection } from './collection-reader.ts';
import { WINDOW_RULES, type OuraCollection } from './collections.ts';
import type { TokenKeeper } from './connections/token-keeper.ts';
import type { Credentials, OuraClient } from './oura-client.ts';
import { patientKey } from './patient-key.ts';

/** What the collection handlers read with. */
export interface CollectionDeps {
  client: OuraClient;
  /** The token of the unscoped operations; without one they answer 501. */
  defaultToken?: string;
  /** Without one (no connection store), the patient operations answer 501. */
  keeper?: TokenKeeper;
}

/** operationId -> the collection it reads for a patient. */
const PATIENT_OPERATIONS: Record<string, OuraCollection> = {
  listPatientHeartRate: 'heartrate',
  listPatientSleep: 'sleep',
  listPatientDailyOxygenSaturation: 'daily_spo2',
  listPatientDailyActivity: 'daily_activity',
  listPatientDailyReadiness: 'daily_readiness',
  listPatientWorkout: 'workout',
};

type Request = ApiRequest<unknown, Record<string, string>>;

/** Handlers of every collection operation. */
export function collectionHandlers(deps: CollectionDeps): Handlers {
  const handlers: Handlers = {
    listHeartRate: async (request: Request) =>
      respond(deps, 'heartrate', request, defaultCredentials(deps.defaultToken)),
    listSleep: async (request: Request) =>
      respond(deps, 'sleep', request, defaultCredentials(deps.defaultToken)),
  };
  for (const [operationId, collection] of Object.entries(PATIENT_OPERATIONS)) {
    handlers[operationId] = async (request: Request) =>
      respond(deps, collection, request, patientCredentials(deps.keeper, request));
  }
  return handlers;
}

async function respond(deps: CollectionDeps, collection: OuraCollection, request: Request,
  credentials: Credentials): Promise<ApiResponse> {
  const rule = WINDOW_RULES[collection];
  const bounds = { start: request.query[rule.startParam], end: request.query[rule.endParam] };
  const result = await readCollection(deps.client, collection, bounds, credentials, request.log);
  const headers = result.dropped > 0
    ? { 'Pause-Overlap-Dropped': String(result.dropped) }
    : undefined;
  return { status: 200, body: result.page, headers };
}

// The default token is fixed: a refused one cannot be replaced.
function defaultCredentials(token: string | undefined): Credentials {
  if (!token) {
    throw new ApiError(501, 'OURA.NOT_CONFIGURED', 'No default Oura token is configured', {
      detail: 'Read through /patients/{patientId}/... with a patient\'s connection instead',
    });
  }
  return { token: async () => token, refused: async () => false };
}

function patientCredentials(keeper: TokenKeeper | undefined, request: Request): Credentials {
  if (!keeper) {
    throw new ApiError(501, 'OURA.NOT_CONFIGURED', 'Oura connections are not configured here');
  }
  return keeper.credentials(patientKey(request));
}
