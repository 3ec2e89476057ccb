/**
 * Starts what the benchmark measures, each in its own process: the JHE sandbox, the
 * pass-through hop, the gateway with all tiers in one process, and the gateway with one
 * process per tier. Everything listens on 127.0.0.1 on a free port.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../shared/paths.ts';
import { spawnScript, type Child } from './processes.ts';

export interface Service {
  url: string;
  /** Processes that serve it, for CPU accounting; the first is the one called. */
  pids: number[];
}

export interface Stack {
  jhe: Service & { clientId: string; clientSecret: string };
  hop: Service;
  singleProcess: Service;
  /** Experience, process and system tier, in that order. */
  perTier: Service;
}

const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
const GATEWAY = join(PROJECT_ROOT, 'bin/pause-gateway.ts');
// The gateway prints its banner on stderr at any log level; its last line names the port.
const GATEWAY_READY = /^Portal: (http:\/\/127\.0\.0\.1:\d+)\/apis$/;
const JSON_READY = /^(\{"ready":.*\})$/;

export async function startStack(): Promise<Stack> {
  const jheChild = await spawnScript('JHE sandbox', join(PROJECT_ROOT,
    'bench/jhe-sandbox-process.ts'), { env: { LOG_LEVEL }, readyLine: JSON_READY });
  const jhe = JSON.parse(jheChild.ready[1]) as { url: string; clientId: string;
    clientSecret: string };
  const jheEnv = { JHE_URL: jhe.url, JHE_CLIENT_ID: jhe.clientId,
    JHE_CLIENT_SECRET: jhe.clientSecret };
  // Started side by side: start-up is mostly loading TypeScript and compiling validators.
  const [hop, singleProcess, perTier] = await Promise.all([
    startHop(jheEnv),
    startGateway('all', jheEnv).then(service),
    startPerTier(jheEnv),
  ]);
  return { jhe: { ...jhe, pids: [jheChild.pid] }, hop, singleProcess, perTier };
}

async function startHop(jheEnv: Record<string, string>): Promise<Service> {
  const child = await spawnScript('pass-through hop', join(PROJECT_ROOT,
    'bench/passthrough-hop.ts'), { env: { ...jheEnv, LOG_LEVEL }, readyLine: JSON_READY });
  return { url: JSON.parse(child.ready[1]).url, pids: [child.pid] };
}

async function startPerTier(jheEnv: Record<string, string>): Promise<Service> {
  const system = await startGateway('system', jheEnv);
  const processTier = await startGateway('process', jheEnv,
    { SYSTEM_API_URL: system.ready[1] });
  const experience = await startGateway('experience', jheEnv,
    { PROCESS_API_URL: processTier.ready[1] });
  return { url: experience.ready[1], pids: [experience.pid, processTier.pid, system.pid] };
}

/** Runs `pause-gateway start` for the given tiers, as `npm start` would. */
function startGateway(tiers: string, jheEnv: Record<string, string>,
  lower: Record<string, string> = {}): Promise<Child> {
  return spawnScript(`gateway (TIERS=${tiers})`, GATEWAY, {
    args: ['start'],
    env: {
      TIERS: tiers, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL,
      JHE_BASE_URL: jheEnv.JHE_URL, JHE_CLIENT_ID: jheEnv.JHE_CLIENT_ID,
      JHE_CLIENT_SECRET: jheEnv.JHE_CLIENT_SECRET,
      // Nothing inherited from the caller's shell may change the layout or the settings.
      SYSTEM_API_URL: '', PROCESS_API_URL: '', OURA_BASE_URL: '', VALIDATE_RESPONSES: 'false',
      JHE_FHIR_BASE_PATH: '/FHIR/R5',
      ...lower,
    },
    readyLine: GATEWAY_READY,
    timeoutMs: 60_000,
  });
}

function service(child: Child): Service {
  return { url: child.ready[1], pids: [child.pid] };
}
