/**
 * A whole gateway for sync worker tests: the JHE, Oura and Open Wearables sandboxes and
 * the layer run in this process (so tests can read what JHE stored), the state in a SQLite
 * file of the test's own or in Redis under a prefix of its own; workers run here or as
 * child processes (`pause-gateway worker`) over the same state.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Env, type LayerConfig } from '../../shared/config/config.ts';
import { ApiClient } from '../../shared/http/api-client.ts';
import { HttpTransport } from '../../shared/http/transport.ts';
import { silentLogger } from '../../shared/logging/logger.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { createState, type State } from '../../shared/state/index.ts';
import { startJheSandbox, type RunningJheSandbox } from '../../sandbox/jhe/server.ts';
import { startOuraSandbox, type RunningOuraSandbox } from '../../sandbox/oura/server.ts';
import {
  startOpenWearablesSandbox, type RunningOpenWearablesSandbox,
} from '../../sandbox/open-wearables/server.ts';
import { DEFAULT_SANDBOX_TOKEN } from '../../sandbox/oura/app.ts';
import {
  DEFAULT_SANDBOX_API_KEY, SANDBOX_USER_ID,
} from '../../sandbox/open-wearables/app.ts';
import { startLayer, type RunningLayer } from '../../bin/layer/layer.ts';
import { startSyncWorker, type SyncWorker } from '../../workers/sync/sync-worker.ts';
import { waitFor as waitUntil } from '../state/wait-for.ts';
import { deletePrefix } from '../state/redis-keys.ts';

export const PATIENT = '40001';

export interface SyncGateway {
  layer: RunningLayer;
  jhe: RunningJheSandbox;
  oura: RunningOuraSandbox;
  ow: RunningOpenWearablesSandbox;
  config: LayerConfig;
  /** The environment a worker process needs to share this gateway's state. */
  env: Env;
  /** A state handle of the test's own, on the same backend. */
  state: State;
  /** Starts a worker in this process (timer off unless asked). */
  worker(options?: { timer?: boolean }): SyncWorker;
  /** Starts `pause-gateway worker` as a child process. */
  spawnWorker(extraEnv?: Env): ChildProcess;
  /** Identifier values of every Observation JHE holds for the patient, one per row. */
  identifiers(patientId?: number): string[];
  close(): Promise<void>;
}

export interface SyncGatewayOptions {
  /** Use Redis under a fresh prefix instead of a SQLite file. */
  redis?: boolean;
  /** Extra or overriding environment for the layer and workers. */
  env?: Env;
}

/** Starts the sandboxes, the layer and a state handle; connects the patient's Oura. */
export async function startSyncGateway(options: SyncGatewayOptions = {}): Promise<SyncGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'pause-sync-'));
  const jhe = await startJheSandbox({ logger: silentLogger() });
  const oura = await startOuraSandbox({ logger: silentLogger() });
  const ow = await startOpenWearablesSandbox({ logger: silentLogger() });
  const key = randomBytes(32).toString('base64');
  const env: Env = {
    JHE_BASE_URL: jhe.url,
    JHE_CLIENT_ID: jhe.demo.clientId,
    JHE_CLIENT_SECRET: jhe.demo.clientSecret,
    OURA_BASE_URL: oura.url,
    OURA_ACCESS_TOKEN: DEFAULT_SANDBOX_TOKEN,
    OPEN_WEARABLES_BASE_URL: ow.url,
    OPEN_WEARABLES_API_KEY: DEFAULT_SANDBOX_API_KEY,
    OPEN_WEARABLES_USERS: `${PATIENT}=${SANDBOX_USER_ID}`,
    STATE_SQLITE_FILE: join(dir, 'state.sqlite'),
    STATE_ENCRYPTION_KEY: key,
    ...(options.redis ? { REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `pause-test-sync-${randomBytes(4).toString('hex')}:` } : {}),
    // The sandboxes' data is from 2026-03 and -04: reach back far enough for it.
    SYNC_LOOKBACK_DAYS: '400',
    SYNC_BACKOFF_MS: '50',
    SYNC_LOCK_WAIT_MS: '20000',
    VALIDATE_RESPONSES: 'true',
    PORT: '0',
    ...options.env,
  };
  const config = loadConfig(env);
  const layer = await startLayer(config, silentLogger());
  const workerEnv: Env = { ...env, PROCESS_API_URL: layer.url };
  const state = await createState({ sqliteFile: config.state.sqliteFile,
    redisUrl: config.state.redisUrl, redisPrefix: env.REDIS_PREFIX,
    encryptionKey: Buffer.from(key, 'base64'), queue: { pollIntervalMs: 50 } });
  await connectOura(state, PATIENT);

  const transport = new HttpTransport(layer.url);
  const workers: SyncWorker[] = [];
  const children: ChildProcess[] = [];
  return {
    layer, jhe, oura, ow, config, env: workerEnv, state,
    worker: (workerOptions = {}) => {
      const worker = startSyncWorker({
        state,
        ingest: new ApiClient('ingest', '/ingest/v1', transport, 30_000),
        sync: new ApiClient('wearable-sync', '/wearable-sync/v1', transport, 30_000),
        config: config.sync,
        logger: silentLogger(),
      }, { timer: workerOptions.timer ?? false });
      workers.push(worker);
      return worker;
    },
    spawnWorker: (extraEnv = {}) => {
      const child = spawnWorkerProcess({ ...workerEnv, ...extraEnv });
      children.push(child);
      return child;
    },
    identifiers: (patientId = Number(PATIENT)) => jhe.store.observations()
      .filter((row) => row.patientId === patientId)
      .flatMap((row) => row.identifiers.map((identifier) => String(identifier.value))),
    close: async () => {
      for (const child of children) child.kill('SIGKILL');
      await Promise.all(workers.map((worker) => worker.close()));
      await state.close();
      await transport.close();
      await layer.close();
      await Promise.all([jhe.close(), oura.close(), ow.close()]);
      rmSync(dir, { recursive: true, force: true });
      if (env.REDIS_PREFIX) await deletePrefix(env.REDIS_URL!, env.REDIS_PREFIX);
    },
  };
}

/** A connection the Oura sandbox accepts, as the OAuth flow would have stored it. */
async function connectOura(state: State, patientId: string): Promise<void> {
  await state.connections.put({
    patientId, vendor: 'oura', tokens: { accessToken: DEFAULT_SANDBOX_TOKEN,
      refreshToken: 'sandbox-refresh', tokenType: 'Bearer' },
    scopes: ['heartrate', 'daily', 'personal', 'workout', 'spo2'],
    expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    status: 'connected',
  });
}

function spawnWorkerProcess(env: Env): ChildProcess {
  const script = join(PROJECT_ROOT, 'bin/pause-gateway.ts');
  return spawn(process.execPath, ['--import', 'tsx', script, 'worker'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: process.env.SYNC_LOG ? 'info' : 'warn' },
    stdio: ['ignore', process.env.SYNC_LOG ? 'inherit' : 'ignore', 'inherit'],
  });
}

/**
 * Waits on a whole gateway: probes go over HTTP or to the state layer, so every 100 ms, and
 * up to a minute unless told, since a sync involves every tier and sandbox.
 */
export function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 60_000)
  : Promise<NonNullable<T>> {
  return waitUntil(what, check, timeoutMs, 100);
}
