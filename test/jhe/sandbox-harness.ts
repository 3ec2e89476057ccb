/**
 * The JHE sandbox on 127.0.0.1 behind a recorder of every request that reaches it (method,
 * raw URL, status), with the system API mounted in front. The two clocks are separate so a
 * test can put JHE's clock ahead of the gateway's.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../../shared/logging/logger.ts';
import {
  createJheSandbox, type JheSandbox, type JheSandboxOptions,
} from '../../sandbox/jhe/app.ts';
import {
  createJheSystemApi, type JheSystemApi, type JheSystemApiOptions,
} from '../../system-apis/jhe/index.ts';

/** One request JHE received. */
export interface Received {
  method: string;
  /** Path and query exactly as sent on the wire. */
  url: string;
  status: number;
}

/** Epoch milliseconds on the gateway's clock, and how far JHE's clock is ahead of it. */
export interface Clocks {
  gatewayMs: number;
  jheAheadMs: number;
}

export interface Harness {
  sandbox: JheSandbox;
  url: string;
  received: Received[];
  clocks: Clocks;
  jhe: JheSystemApi;
  /** Requests that reached `path` (no query), optionally since index `from`. */
  to(path: string, from?: number): Received[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  sandbox?: Omit<JheSandboxOptions, 'now'>;
  fhirBasePath?: string;
  logger?: Logger;
  api?: Partial<JheSystemApiOptions>;
  /** Where both clocks start; real time when absent. */
  startMs?: number;
}

/** Starts the recorded sandbox and the system API against it. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clocks: Clocks = { gatewayMs: options.startMs ?? Date.now(), jheAheadMs: 0 };
  const sandbox = createJheSandbox({
    ...options.sandbox, now: () => new Date(clocks.gatewayMs + clocks.jheAheadMs),
  });
  const received: Received[] = [];
  const server = createServer((req, res) => {
    res.on('finish', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', status: res.statusCode });
    });
    sandbox.app(req, res);
  });
  const url = await listen(server);
  const jhe = await createJheSystemApi({
    jhe: { baseUrl: url, clientId: sandbox.demo.clientId, clientSecret: sandbox.demo.clientSecret,
      fhirBasePath: options.fhirBasePath ?? '/FHIR/R5', timeoutMs: 10_000 },
    logger: options.logger ?? silentLogger(),
    validateResponses: true,
    now: () => clocks.gatewayMs,
    ...options.api,
  });
  return {
    sandbox, url, received, clocks, jhe,
    to: (path, from = 0) => received.slice(from).filter((r) => r.url.split('?')[0] === path),
    close: async () => {
      await jhe.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      sandbox.close();
    },
  };
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
