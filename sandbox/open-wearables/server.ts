/**
 * Runs the Open Wearables sandbox on a loopback port, for development and for tests that
 * need a real socket (the system API's HTTP client, a second process).
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../shared/logging/logger.ts';
import {
  createOpenWearablesSandbox, SANDBOX_USER_ID, type OpenWearablesSandboxOptions,
} from './app.ts';
import { OwFaultScript } from './fault-script.ts';
import type { SandboxRequest } from './request-log.ts';
import { OwSandboxData } from './sandbox-data.ts';

export interface StartOpenWearablesSandboxOptions
  extends Omit<OpenWearablesSandboxOptions, 'requests'> {
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  /** 127.0.0.1 by default, so the sample data is never offered beyond this machine. */
  host?: string;
}

/** A listening sandbox. */
export interface RunningOpenWearablesSandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request answered so far, oldest first (see {@link SandboxRequest}). */
  requests: SandboxRequest[];
  /** Faults to script while it runs (the one passed in, or a new script). */
  faults: OwFaultScript;
  /** The rows it serves, per OW user; change them while it runs. */
  data: OwSandboxData;
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox and logs at warn that it serves invented data, so that nobody takes it
 * for a connection to a real Open Wearables server.
 * @example
 * const ow = await startOpenWearablesSandbox({ pageSize: 2, faults: [{ status: 429, count: 1 }] });
 * // point the Open Wearables system API at ow.url with DEFAULT_SANDBOX_API_KEY, then
 * await ow.close();
 */
export async function startOpenWearablesSandbox(
  options: StartOpenWearablesSandboxOptions = {},
): Promise<RunningOpenWearablesSandbox> {
  const logger = options.logger ?? createLogger();
  const host = options.host ?? '127.0.0.1';
  const requests: SandboxRequest[] = [];
  const faults = options.faultScript ?? new OwFaultScript();
  const data = options.sandboxData ?? new OwSandboxData(SANDBOX_USER_ID);
  const app = createOpenWearablesSandbox({ ...options, logger, requests, faultScript: faults,
    sandboxData: data });

  const server = app.listen(options.port ?? 0, host);
  await once(server, 'listening');

  const url = urlOf(host, (server.address() as AddressInfo).port);
  logger.warn({ url, control: `${url}/_sandbox` }, 'Open Wearables SANDBOX is running: it '
    + 'serves invented sample data, not Open Wearables. Anyone who can reach it may script '
    + 'faults and replace its data under /_sandbox');
  return { url, requests, faults, data, close: () => stop(server) };
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      const notRunning = (error as NodeJS.ErrnoException | undefined)?.code
        === 'ERR_SERVER_NOT_RUNNING';
      if (error && !notRunning) reject(error);
      else resolve();
    });
    // Idle keep-alive sockets would otherwise hold close() open until they time out.
    server.closeAllConnections();
  });
}
