/**
 * Decides which JHE, Oura and Open Wearables the layer talks to. With nothing configured, it
 * starts the embedded sandboxes on loopback (they log loudly that they are sandboxes); with
 * `JHE_BASE_URL` / `OURA_BASE_URL` / `OPEN_WEARABLES_BASE_URL` and credentials set, it uses
 * the real services.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LayerConfig } from '../../shared/config/config.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import type { JheConnection } from '../../system-apis/jhe/index.ts';
import type { OuraConnection } from '../../system-apis/oura/index.ts';
import type { OuraOAuthOptions } from '../../system-apis/oura/oauth/settings.ts';
import { OURA_CALLBACK_PATH } from '../../experience-apis/pause-backend/index.ts';

export interface OpenWearablesConnection {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  users: Record<string, string>;
}

/** The OAuth client patients connect their Oura accounts through. */
export type OuraOAuth = OuraOAuthOptions;

export interface Upstreams {
  jhe: JheConnection;
  oura: OuraConnection;
  ouraOAuth?: OuraOAuth;
  openWearables: OpenWearablesConnection;
  /** Sandboxes started here, by name, with their URLs. */
  sandboxes: Record<string, string>;
  close(): Promise<void>;
}

/**
 * @param publicBaseUrl where browsers reach this gateway: the default Oura redirect URI is
 * the Pause backend's Oura callback there.
 */
export async function resolveUpstreams(config: LayerConfig, logger: Logger,
  publicBaseUrl: string): Promise<Upstreams> {
  const closers: (() => Promise<void>)[] = [];
  const sandboxes: Record<string, string> = {};

  let jhe: JheConnection;
  if (config.jhe.baseUrl) {
    jhe = { ...config.jhe, baseUrl: config.jhe.baseUrl, clientId: config.jhe.clientId!,
      clientSecret: config.jhe.clientSecret! };
  } else {
    const { startJheSandbox } = await import('../../sandbox/jhe/server.ts');
    const dataFile = config.jhe.sandboxDataFile === 'none' ? undefined
      : resolve(PROJECT_ROOT, config.jhe.sandboxDataFile);
    if (dataFile) mkdirSync(dirname(dataFile), { recursive: true });
    const sandbox = await startJheSandbox({ logger, dataFile });
    closers.push(sandbox.close);
    sandboxes.jhe = sandbox.url;
    jhe = { ...config.jhe, baseUrl: sandbox.url, clientId: sandbox.demo.clientId,
      clientSecret: sandbox.demo.clientSecret };
  }

  let oura: OuraConnection;
  let ouraOAuth: OuraOAuth | undefined;
  const ouraConfig = config.oura;
  const redirectUri = ouraConfig.redirectUri ?? publicBaseUrl + OURA_CALLBACK_PATH;
  if (ouraConfig.baseUrl) {
    oura = { baseUrl: ouraConfig.baseUrl, accessToken: ouraConfig.accessToken,
      timeoutMs: ouraConfig.timeoutMs };
    if (ouraConfig.clientId) {
      ouraOAuth = { clientId: ouraConfig.clientId, clientSecret: ouraConfig.clientSecret!,
        redirectUri, authorizeUrl: ouraConfig.authorizeUrl,
        tokenUrl: ouraConfig.tokenUrl, revokeUrl: ouraConfig.revokeUrl };
    }
  } else {
    const { startOuraSandbox } = await import('../../sandbox/oura/server.ts');
    const { DEFAULT_SANDBOX_TOKEN, DEFAULT_SANDBOX_CLIENT } =
      await import('../../sandbox/oura/app.ts');
    const sandbox = await startOuraSandbox({ logger });
    closers.push(sandbox.close);
    sandboxes.oura = sandbox.url;
    oura = { baseUrl: sandbox.url, accessToken: DEFAULT_SANDBOX_TOKEN,
      timeoutMs: ouraConfig.timeoutMs };
    // The sandbox accepts any redirect URI; by default it is this gateway's own callback.
    ouraOAuth = { clientId: DEFAULT_SANDBOX_CLIENT.clientId,
      clientSecret: DEFAULT_SANDBOX_CLIENT.clientSecret, redirectUri,
      authorizeUrl: `${sandbox.url}/oauth/authorize`, tokenUrl: `${sandbox.url}/oauth/token`,
      revokeUrl: `${sandbox.url}/oauth/revoke` };
  }

  let openWearables: OpenWearablesConnection;
  const ow = config.openWearables;
  if (ow.baseUrl) {
    openWearables = { baseUrl: ow.baseUrl, apiKey: ow.apiKey!, timeoutMs: ow.timeoutMs,
      users: ow.users };
  } else {
    const { startOpenWearablesSandbox } = await import('../../sandbox/open-wearables/server.ts');
    const { DEFAULT_SANDBOX_API_KEY, SANDBOX_USER_ID } =
      await import('../../sandbox/open-wearables/app.ts');
    const sandbox = await startOpenWearablesSandbox({ logger });
    closers.push(sandbox.close);
    sandboxes['open-wearables'] = sandbox.url;
    // The sandbox's one invented user stands for the demo patient.
    openWearables = { baseUrl: sandbox.url, apiKey: DEFAULT_SANDBOX_API_KEY,
      timeoutMs: ow.timeoutMs, users: { '40001': SANDBOX_USER_ID, ...ow.users } };
  }

  const close = async () => {
    await Promise.all(closers.map((closer) => closer()));
  };
  return { jhe, oura, ouraOAuth, openWearables, sandboxes, close };
}
