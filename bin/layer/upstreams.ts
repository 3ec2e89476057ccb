/**
 * Decides which JHE and which Oura the layer talks to. With nothing configured, it starts
 * the embedded sandboxes on loopback (they log loudly that they are sandboxes); with
 * `JHE_BASE_URL` / `OURA_BASE_URL` and credentials set, it uses the real services.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LayerConfig } from '../../shared/config/config.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import type { JheConnection } from '../../system-apis/jhe/index.ts';
import type { OuraConnection } from '../../system-apis/oura/index.ts';

export interface Upstreams {
  jhe: JheConnection;
  oura: OuraConnection;
  /** Sandboxes started here, by name, with their URLs. */
  sandboxes: Record<string, string>;
  close(): Promise<void>;
}

export async function resolveUpstreams(config: LayerConfig, logger: Logger): Promise<Upstreams> {
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
  if (config.oura.baseUrl) {
    oura = { baseUrl: config.oura.baseUrl, accessToken: config.oura.accessToken!,
      timeoutMs: config.oura.timeoutMs };
  } else {
    const { startOuraSandbox } = await import('../../sandbox/oura/server.ts');
    const { DEFAULT_SANDBOX_TOKEN } = await import('../../sandbox/oura/app.ts');
    const sandbox = await startOuraSandbox({ logger });
    closers.push(sandbox.close);
    sandboxes.oura = sandbox.url;
    oura = { baseUrl: sandbox.url, accessToken: DEFAULT_SANDBOX_TOKEN,
      timeoutMs: config.oura.timeoutMs };
  }

  const close = async () => {
    await Promise.all(closers.map((closer) => closer()));
  };
  return { jhe, oura, sandboxes, close };
}
