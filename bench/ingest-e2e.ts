/**
 * End-to-end push ingest: a year of 5-minute Oura heart rate POSTed to the ingest process
 * API of a gateway child process (`pause-gateway start`, all tiers in one process, as
 * `npm start` runs it), which uploads to the JHE sandbox in a second child process. Gives
 * the data points stored per second and the gateway's peak resident memory, read from
 * /proc/<pid>/status (VmHWM) before and after.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { PROJECT_ROOT } from '../shared/paths.ts';
import { cpuMs } from './cpu-time.ts';
import { ONE_YEAR_ROWS, heartRatePage } from './oura-heart-rate.ts';
import { DEPLOYED_HEAP_OPTION } from './start-heap.ts';
import { spawnScript } from './processes.ts';

const PATIENT = 40001;
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
/** Rows to push; a year of 5-minute rows unless `BENCH_ROWS` says otherwise. */
const ROWS = Number(process.env.BENCH_ROWS ?? ONE_YEAR_ROWS);

/**
 * The gateway child's Node options: a deployment's heap cap (`PAUSE_HEAP_MB`), or none as
 * `npm start` runs by default, so the run shows what the cap does;
 * `BENCH_GATEWAY_NODE_OPTIONS` overrides both.
 */
export function gatewayNodeOptions(capped: boolean): string {
  return process.env.BENCH_GATEWAY_NODE_OPTIONS ?? (capped ? DEPLOYED_HEAP_OPTION : '');
}
const GATEWAY_READY = /^Portal: (http:\/\/127\.0\.0\.1:\d+)\/apis$/;
const JSON_READY = /^(\{"ready":.*\})$/;

export interface EndToEnd {
  /** The gateway child's NODE_OPTIONS. */
  nodeOptions: string;
  rows: number;
  bodyBytes: number;
  stored: number;
  summary: Record<string, number>;
  seconds: number;
  /** Gateway CPU seconds spent on the ingest. */
  gatewayCpuSeconds: number;
  jheCpuSeconds: number;
  /** Resident set of the gateway when ready (MB), and its peak over the whole run. */
  readyRssMb: number;
  peakRssMb: number;
}

export async function measureEndToEnd(nodeOptions: string): Promise<EndToEnd> {
  const jheChild = await spawnScript('JHE sandbox', join(PROJECT_ROOT,
    'bench/jhe-sandbox-process.ts'), { env: { LOG_LEVEL }, readyLine: JSON_READY });
  const jhe = JSON.parse(jheChild.ready[1]) as { url: string; clientId: string;
    clientSecret: string };
  const gateway = await spawnScript('gateway (TIERS=all)', join(PROJECT_ROOT,
    'bin/pause-gateway.ts'), {
    args: ['start'],
    env: { NODE_OPTIONS: nodeOptions, TIERS: 'all', HOST: '127.0.0.1', PORT: '0',
      LOG_LEVEL, JHE_BASE_URL: jhe.url, JHE_CLIENT_ID: jhe.clientId,
      JHE_CLIENT_SECRET: jhe.clientSecret,
      SYSTEM_API_URL: '', PROCESS_API_URL: '', OURA_BASE_URL: '', VALIDATE_RESPONSES: 'false',
      JHE_FHIR_BASE_PATH: '/FHIR/R5' },
    readyLine: GATEWAY_READY,
    timeoutMs: 60_000,
  });
  const body = JSON.stringify(heartRatePage('2025-01-01T00:00:00Z', ROWS));
  const readyRssMb = memoryMb(gateway.pid, 'VmRSS');
  const cpuBefore = [cpuMs(gateway.pid), cpuMs(jheChild.pid)];

  const started = performance.now();
  const response = await request(
    `${gateway.ready[1]}/ingest/v1/patients/${PATIENT}/vendors/oura/heartrate`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body,
      headersTimeout: 600_000, bodyTimeout: 600_000 });
  const text = await response.body.text();
  const seconds = (performance.now() - started) / 1000;
  if (response.statusCode !== 200) {
    throw new Error(`the ingest answered ${response.statusCode}: ${text.slice(0, 300)}`);
  }
  const { summary } = JSON.parse(text) as { summary: Record<string, number> };
  return {
    nodeOptions, rows: ROWS, bodyBytes: Buffer.byteLength(body), stored: summary.stored, summary,
    seconds,
    gatewayCpuSeconds: (cpuMs(gateway.pid) - cpuBefore[0]) / 1000,
    jheCpuSeconds: (cpuMs(jheChild.pid) - cpuBefore[1]) / 1000,
    readyRssMb, peakRssMb: memoryMb(gateway.pid, 'VmHWM'),
  };
}

/** A memory line of /proc/<pid>/status (kB there), in MB. */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return kb / 1024;
}
