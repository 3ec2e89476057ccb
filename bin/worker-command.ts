/**
 * `pause-gateway worker`: the background sync worker as its own process. It shares the
 * layer's state (the same SQLite file, or Redis) and reaches the process tier over HTTP,
 * at PROCESS_API_URL (default: the layer on this machine's PORT).
 */
import type { LayerConfig } from '../shared/config/config.ts';
import { ApiClient } from '../shared/http/api-client.ts';
import { HttpTransport } from '../shared/http/transport.ts';
import type { Logger } from '../shared/logging/logger.ts';
import { startSyncWorker } from '../workers/sync/sync-worker.ts';
import { openLayerState } from './layer/state.ts';

/** Starts the worker; resolves to its stop function once it is taking jobs. */
export async function startWorkerProcess(config: LayerConfig, logger: Logger)
  : Promise<() => Promise<void>> {
  const processUrl = config.processUrl ?? `http://127.0.0.1:${config.port}`;
  const state = await openLayerState(config.state, logger);
  const transport = new HttpTransport(processUrl);
  const client = (name: string, basePath: string) =>
    new ApiClient(name, basePath, transport, config.tierTimeoutMs);

  const worker = startSyncWorker({
    state,
    ingest: client('ingest', '/ingest/v1'),
    sync: client('wearable-sync', '/wearable-sync/v1'),
    config: config.sync,
    logger,
  });
  logger.info({ processUrl, backend: state.backend, intervalMs: config.sync.intervalMs,
    concurrency: config.sync.concurrency }, 'sync worker started');

  return async () => {
    await worker.close();
    await state.close();
    await transport.close();
  };
}
