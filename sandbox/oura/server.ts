/**
 * Runs the Oura sandbox on a local port, for development and for tests that need a real
 * socket (an HTTP client under test, a second process).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLogger, type Logger } from '../../shared/logging/logger.ts';
import { createOuraSandbox, type OuraSandboxOptions } from './app.ts';
import { SandboxFaults } from './faults.ts';
import { SandboxRequestLog } from './request-log.ts';
import { OuraSandboxData } from './sandbox-data.ts';

export interface StartOuraSandboxOptions extends OuraSandboxOptions {
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  /** Loopback by default, so sample data is never offered beyond this machine. */
  host?: string;
  logger?: Logger;
}

/** A listening sandbox. */
export interface RunningOuraSandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request served, in order (the one passed in, or a new one). */
  requests: SandboxRequestLog;
  /** Failures to script while it runs (the ones passed in, or a new script). */
  faults: SandboxFaults;
  /** The rows it serves, shared and per sandbox user; change them while it runs. */
  data: OuraSandboxData;
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox and logs, at warn, that it serves sample data, so nobody mistakes
 * it for a connection to Oura.
 * @example
 * const oura = await startOuraSandbox();
 * // point the Oura client at oura.url, then
 * await oura.close();
 */
export async function startOuraSandbox(
  options: StartOuraSandboxOptions = {},
): Promise<RunningOuraSandbox> {
  const logger = options.logger ?? createLogger();
  const host = options.host ?? '127.0.0.1';
  const requests = options.requestLog ?? new SandboxRequestLog();
  const faults = options.faults ?? new SandboxFaults();
  const data = options.sandboxData ?? new OuraSandboxData(options.data);
  const app = createOuraSandbox({ ...options, logger, requestLog: requests, faults,
    sandboxData: data });

  const server = app.listen(options.port ?? 0, host);
  await once(server, 'listening');

  const url = baseUrl(host, (server.address() as AddressInfo).port);
  logger.warn({ url, control: `${url}/_sandbox` }, 'Oura SANDBOX is running: it serves '
    + 'invented sample data and issues fake OAuth tokens; it is not Oura. Anyone who can reach '
    + 'it may script faults and replace its data under /_sandbox');
  return { url, requests, faults, data, close: () => closeServer(server) };
}

function baseUrl(host: string, port: number): string {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `http://${hostPart}:${port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      const alreadyClosed = (error as NodeJS.ErrnoException | undefined)?.code
        === 'ERR_SERVER_NOT_RUNNING';
      if (error && !alreadyClosed) reject(error);
      else resolve();
    });
    // Idle keep-alive sockets would otherwise hold close() open for seconds.
    server.closeAllConnections();
  });
}
