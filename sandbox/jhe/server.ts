/**
 * Runs the JHE sandbox on a local port for processes that need a real URL (the gateway in
 * dev, end-to-end tests). Binds to 127.0.0.1 by default and says loudly what it is.
 */
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../../shared/logging/logger.ts';
import { createJheSandbox } from './app.ts';
import type { DEMO } from './seed.ts';
import type { JheStore } from './store.ts';

export interface StartJheSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  logger?: Logger;
}

export interface RunningJheSandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:53121`. */
  url: string;
  close(): Promise<void>;
  store: JheStore;
  demo: typeof DEMO;
}

/** Starts a seeded sandbox and resolves once it is listening. */
export async function startJheSandbox(
  options: StartJheSandboxOptions = {},
): Promise<RunningJheSandbox> {
  const logger = options.logger ?? silentLogger();
  const host = options.host ?? '127.0.0.1';
  const { app, store, demo } = createJheSandbox({ logger });
  const server = app.listen(options.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  logger.warn({ url }, 'JHE SANDBOX listening: this is NOT JupyterHealth Exchange. It holds '
    + 'fake demo data in memory and must never receive real patient data.');
  return {
    url,
    store,
    demo,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
