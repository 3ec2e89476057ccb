/**
 * Runs the whole layer for end-to-end tests, in either layout: all tiers in this process
 * (tiers call each other in memory), or one child process per tier (tiers call each other
 * over HTTP). The JHE and Oura sandboxes run in this process so tests can count what JHE
 * stored.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { loadConfig, type Env } from '../../shared/config/config.ts';
import { createLogger, silentLogger } from '../../shared/logging/logger.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { startJheSandbox } from '../../sandbox/jhe/server.ts';
import { startOuraSandbox } from '../../sandbox/oura/server.ts';
import { DEFAULT_SANDBOX_CLIENT, DEFAULT_SANDBOX_TOKEN } from '../../sandbox/oura/app.ts';
import { startLayer } from '../../bin/layer/layer.ts';

export type Layout = 'single-process' | 'process-per-tier';

export interface Running {
  url: string;
  /** Where the process tier answers: `url` itself when all tiers share one process. */
  processUrl: string;
  observationCount(): number;
  close(): Promise<void>;
}

export async function startGateway(layout: Layout): Promise<Running> {
  const jhe = await startJheSandbox({ logger: silentLogger() });
  const oura = await startOuraSandbox({ logger: silentLogger() });
  const env: Env = {
    JHE_BASE_URL: jhe.url,
    JHE_CLIENT_ID: jhe.demo.clientId,
    JHE_CLIENT_SECRET: jhe.demo.clientSecret,
    OURA_BASE_URL: oura.url,
    OURA_ACCESS_TOKEN: DEFAULT_SANDBOX_TOKEN,
    // The redirect URI defaults to the gateway's own Oura callback.
    OURA_CLIENT_ID: DEFAULT_SANDBOX_CLIENT.clientId,
    OURA_CLIENT_SECRET: DEFAULT_SANDBOX_CLIENT.clientSecret,
    OURA_AUTHORIZE_URL: `${oura.url}/oauth/authorize`,
    OURA_TOKEN_URL: `${oura.url}/oauth/token`,
    OURA_REVOKE_URL: `${oura.url}/oauth/revoke`,
    VALIDATE_RESPONSES: process.env.BENCH_NO_VALIDATE ? 'false' : 'true',
    STATE_SQLITE_FILE: ':memory:',
    PORT: '0',
  };
  const gateway = layout === 'single-process' ? await single(env) : await perTier(env);
  return {
    url: gateway.url,
    processUrl: gateway.processUrl,
    observationCount: () => jhe.store.observationCount(),
    close: async () => {
      await gateway.close();
      await Promise.all([jhe.close(), oura.close()]);
    },
  };
}

async function single(env: Env) {
  const logger = process.env.E2E_LOG ? createLogger() : silentLogger();
  const layer = await startLayer(loadConfig(env), logger);
  return { url: layer.url, processUrl: layer.url, close: layer.close };
}

async function perTier(env: Env) {
  const children: ChildProcess[] = [];
  const close = async () => {
    await Promise.all(children.map(stop));
  };
  try {
    const system = await spawnTier('system', env, children);
    const processTier = await spawnTier('process', { ...env, SYSTEM_API_URL: system }, children);
    const url = await spawnTier('experience', { ...env, PROCESS_API_URL: processTier }, children);
    return { url, processUrl: processTier, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Starts `pause-gateway start` for one tier and resolves with the URL it listens on. */
function spawnTier(tier: string, env: Env, children: ChildProcess[]): Promise<string> {
  const script = join(PROJECT_ROOT, 'bin/pause-gateway.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, 'start'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, TIERS: tier, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const entry = safeParse(line);
      if (entry?.msg === 'API listening') resolve(new URL(entry.url).origin);
    });
    child.once('exit', (code) => reject(new Error(`${tier} tier exited ${code}: ${stderr}`)));
  });
}

function safeParse(line: string): { msg?: string; url: string } | undefined {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
