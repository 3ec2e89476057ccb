/**
 * Builds the Oura system API over Oura API v2 (or the Oura sandbox): the collections a
 * patient's connection reads, the OAuth flow that makes the connection, and the unscoped
 * reads with a default token.
 */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import type { VendorConnectionStore } from '../../shared/state/ports.ts';
import { collectionHandlers } from './collection-handlers.ts';
import { connectionHandlers } from './connection-handlers.ts';
import { ConnectFlow } from './connections/connect-flow.ts';
import { PatientLanes } from './connections/patient-lanes.ts';
import { TokenKeeper } from './connections/token-keeper.ts';
import { StateSealer } from './oauth/authorization-state.ts';
import {
  DEFAULT_REFRESH_MARGIN_MS, resolveOAuth, type OuraOAuthOptions, type ResolvedOAuth,
} from './oauth/settings.ts';
import { OuraTokenEndpoint } from './oauth/token-endpoint.ts';
import { OuraClient } from './oura-client.ts';
import { TransportsByOrigin } from './transports.ts';

export type { OuraOAuthOptions, OuraScope } from './oauth/settings.ts';

/** Where Oura's data routes are. */
export interface OuraConnection {
  /** Origin of the data routes, e.g. `https://api.ouraring.com`. */
  baseUrl: string;
  /** Token of the unscoped listHeartRate/listSleep; without it they answer 501. */
  accessToken?: string;
  /** Bound on every call to Oura, token and revocation calls included. */
  timeoutMs: number;
}

/** Options of {@link createOuraSystemApi}. */
export interface OuraSystemApiOptions {
  oura: OuraConnection;
  logger: Logger;
  validateResponses?: boolean;
  /**
   * Where patients' connections are kept (tokens encrypted at rest); without it every
   * `/patients/...` operation answers 501 `OURA.NOT_CONFIGURED`.
   */
  connections?: VendorConnectionStore;
  /** The gateway's Oura OAuth client; needs `connections`. Without it the connect flow and
   * token renewal answer 501, and stored tokens are used until Oura refuses them. */
  oauth?: OuraOAuthOptions;
  /** The clock, in epoch ms, for token expiry and state lifetimes; tests move it. */
  now?: () => number;
}

/**
 * Mounts the API from `specs/system/oura.yaml`.
 * @throws TypeError when `oauth` is given without `connections` or has a bad setting.
 * @example
 * const oura = await createOuraSystemApi({
 *   oura: { baseUrl: 'https://api.ouraring.com', timeoutMs: 30_000 },
 *   connections: state.connections,
 *   oauth: { clientId, clientSecret, redirectUri: 'https://pause.example/oura/callback',
 *     authorizeUrl: 'https://cloud.ouraring.com/oauth/authorize',
 *     tokenUrl: 'https://api.ouraring.com/oauth/token' },
 *   logger,
 * });
 */
export async function createOuraSystemApi(options: OuraSystemApiOptions):
  Promise<{ api: MountedApi; close(): Promise<void> }> {
  if (options.oauth && !options.connections) {
    throw new TypeError('createOuraSystemApi: oauth needs connections to keep the tokens in');
  }
  const { oura } = options;
  const now = options.now ?? Date.now;
  const log = options.logger.child({ api: 'oura' });
  const transports = new TransportsByOrigin();
  const client = new OuraClient(transports.for(oura.baseUrl), oura.timeoutMs);
  const oauth = options.oauth && resolveOAuth(options.oauth);
  const endpoint = oauth
    && new OuraTokenEndpoint(oauth, (url) => transports.for(url), oura.timeoutMs, log);
  const store = options.connections;
  const lanes = new PatientLanes();
  const keeper = store && new TokenKeeper({ store, endpoint, lanes, now, log,
    marginMs: oauth?.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS });
  const flow = store && oauth && endpoint
    && new ConnectFlow({ settings: oauth, sealer: sealerFor(oauth, now), endpoint, store,
      lanes, now, log });

  const handlers = {
    ...collectionHandlers({ client, defaultToken: oura.accessToken, keeper }),
    ...connectionHandlers({ store, keeper, flow,
      disconnect: store && { store, endpoint, lanes, log } }),
  };
  const api = await mountApi({
    name: 'oura',
    contractFile: join(SPECS_DIR, 'system/oura.yaml'),
    handlers,
    logger: options.logger,
    validateResponses: options.validateResponses,
  });
  return { api, close: () => transports.closeAll() };
}

function sealerFor(oauth: ResolvedOAuth, now: () => number): StateSealer {
  return new StateSealer(oauth.clientSecret, oauth, now);
}
