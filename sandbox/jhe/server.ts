/**
 * Runs the JHE sandbox on a local port for processes that need a real URL (the gateway in
 * dev, end-to-end tests). Binds to 127.0.0.1 by default and says loudly what it is.
 */
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../shared/logging/logger.ts';
import { createJheSandbox, type JheSandboxOptions } from './app.ts';
import type { JheVersion } from './context.ts';
import type { JheFaults } from './faults.ts';
import type { JheRequestLog } from './request-log.ts';
import type { DEMO } from './seed.ts';
import type { JheStore } from './store.ts';

/** The build options plus where to listen. */
export interface StartJheSandboxOptions extends JheSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

/** A listening sandbox. */
export interface RunningJheSandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:53121`. */
  url: string;
  /** Stops listening and flushes the data file. */
  close(): Promise<void>;
  store: JheStore;
  demo: typeof DEMO;
  version: JheVersion;
  /** Failures to script while it runs; also at `<url>/_sandbox/faults`. */
  faults: JheFaults;
  /** Every request but the control calls; also at `<url>/_sandbox/requests`. */
  requests: JheRequestLog;
}

/** Starts a seeded sandbox and resolves once it is listening. */
export async function startJheSandbox(
  options: StartJheSandboxOptions = {},
): Promise<RunningJheSandbox> {
  const logger = options.logger ?? silentLogger();
  const host = options.host ?? '127.0.0.1';
  const sandbox = createJheSandbox({ ...options, logger });
  const server = sandbox.app.listen(options.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  logger.warn({ url, version: sandbox.version, control: `${url}/_sandbox` },
    'JHE SANDBOX listening: this is NOT JupyterHealth Exchange. It holds fake demo data and '
    + 'must never receive real patient data. Anyone who can reach it may script faults under '
    + '/_sandbox');
  return {
    url,
    store: sandbox.store,
    demo: sandbox.demo,
    version: sandbox.version,
    faults: sandbox.faults,
    requests: sandbox.requests,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => {
        sandbox.close();
        return error ? reject(error) : resolve();
      });
    }),
  };
}
