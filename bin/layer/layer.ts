/**
 * Assembles the tiers this process serves. Each API is mounted from its contract; a tier
 * reaches the tier below in memory when both live in this process, or over HTTP at the
 * configured URL when they do not. Behaviour is the same either way: the in-memory path
 * goes through the lower API's own validated Express app.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { LayerConfig, Tier } from '../../shared/config/config.ts';
import { ApiError } from '../../shared/errors/problem.ts';
import { sendProblem } from '../../shared/api-kit/error-middleware.ts';
import { contextFromHeaders, CORRELATION_HEADER } from '../../shared/api-kit/request-context.ts';
import type { MountedApi } from '../../shared/api-kit/mount-api.ts';
import { ApiClient } from '../../shared/http/api-client.ts';
import { HttpTransport, MemoryTransport } from '../../shared/http/transport.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { createPauseBackendApi } from '../../experience-apis/pause-backend/index.ts';
import { createIngestApi } from '../../process-apis/ingest/index.ts';
import { createPatientBundleApi } from '../../process-apis/patient-bundle/index.ts';
import { createWearableConnectionsApi } from '../../process-apis/wearable-connections/index.ts';
import { createWearableSyncApi } from '../../process-apis/wearable-sync/index.ts';
import { createJheSystemApi } from '../../system-apis/jhe/index.ts';
import { createOpenWearablesSystemApi } from '../../system-apis/open-wearables/index.ts';
import { createOuraSystemApi } from '../../system-apis/oura/index.ts';
import { startSyncWorker } from '../../workers/sync/sync-worker.ts';
import { openLayerState } from './state.ts';
import { resolveUpstreams } from './upstreams.ts';

export interface RunningLayer {
  url: string;
  apis: MountedApi[];
  sandboxes: Record<string, string>;
  close(): Promise<void>;
}

type Closer = () => Promise<void>;

/** Builds every API of the configured tiers and listens on one port. */
export async function startLayer(config: LayerConfig, logger: Logger): Promise<RunningLayer> {
  const closers: Closer[] = [];
  const apis: MountedApi[] = [];
  const has = (tier: Tier) => config.tiers.includes(tier);
  let sandboxes: Record<string, string> = {};
  // Listen before building, answering 503 until every API is built: the default public URL,
  // which the Oura redirect URI names, is then the address actually bound, even with PORT=0.
  let ready = false;
  const server = await listen(rootApp(apis, () => ready), config);
  const url = `http://${config.host}:${(server.address() as AddressInfo).port}`;
  const publicBaseUrl = config.publicBaseUrl ?? url;

  // One state per process, shared by the tiers that need it (vendor connections, held points).
  const state = has('system') || has('process')
    ? await openLayerState(config.state, logger) : undefined;
  if (state) closers.push(() => state.close());

  const system: Record<string, MountedApi> = {};
  let owUsers = config.openWearables.users;
  if (has('system')) {
    const upstreams = await resolveUpstreams(config, logger, publicBaseUrl);
    closers.push(upstreams.close);
    sandboxes = upstreams.sandboxes;
    const jhe = await createJheSystemApi({ jhe: upstreams.jhe, logger,
      validateResponses: config.validateResponses, tokenExchange: tokenExchange(config) });
    const oura = await createOuraSystemApi({ oura: upstreams.oura, logger,
      validateResponses: config.validateResponses, connections: state!.connections,
      oauth: upstreams.ouraOAuth });
    const ow = await createOpenWearablesSystemApi({ ow: upstreams.openWearables, logger,
      validateResponses: config.validateResponses });
    closers.push(jhe.close, oura.close, ow.close);
    system.jhe = jhe.api;
    system.oura = oura.api;
    system['open-wearables'] = ow.api;
    owUsers = upstreams.openWearables.users;
    apis.push(jhe.api, oura.api, ow.api);
  }

  const client = clientFactory(config, closers);
  const processApis: Record<string, MountedApi> = {};
  if (has('process')) {
    const jhe = client('jhe', '/jhe/v1', system.jhe, config.systemUrl);
    const vendors = {
      'oura': client('oura', '/oura/v1', system.oura, config.systemUrl),
      'open-wearables': client('open-wearables', '/open-wearables/v1', system['open-wearables'],
        config.systemUrl),
    };
    processApis.ingest = await createIngestApi({ jhe, vendors, config: config.ingest,
      held: state!.held,
      accounts: { 'open-wearables': owUsers }, logger,
      validateResponses: config.validateResponses });
    processApis.patientBundle = await createPatientBundleApi({ jhe, logger,
      validateResponses: config.validateResponses });
    processApis.wearableConnections = await createWearableConnectionsApi({
      oura: vendors.oura, logger, validateResponses: config.validateResponses });
    processApis.wearableSync = await createWearableSyncApi({ state: state!, owAccounts: owUsers,
      retry: config.sync, logger, validateResponses: config.validateResponses });
    apis.push(processApis.ingest, processApis.patientBundle, processApis.wearableConnections,
      processApis.wearableSync);
  }

  if (has('experience')) {
    apis.push(await createPauseBackendApi({
      ingest: client('ingest', '/ingest/v1', processApis.ingest, config.processUrl),
      patientBundle: client('patient-bundle', '/patient-bundle/v1', processApis.patientBundle,
        config.processUrl),
      wearableConnections: client('wearable-connections', '/wearable-connections/v1',
        processApis.wearableConnections, config.processUrl),
      wearableSync: client('wearable-sync', '/wearable-sync/v1', processApis.wearableSync,
        config.processUrl),
      logger,
      validateResponses: config.validateResponses,
      bodyLimit: config.ingest.bodyLimit,
    }));
  }

  if (config.sync.inLayer && has('process')) {
    // The worker in this process, for a laptop or a small deployment; a cluster runs
    // `pause-gateway worker` replicas instead.
    const worker = startSyncWorker({ state: state!, config: config.sync, logger,
      ingest: client('ingest', '/ingest/v1', processApis.ingest),
      sync: client('wearable-sync', '/wearable-sync/v1', processApis.wearableSync) });
    closers.push(worker.close);
    logger.info({ backend: state!.backend, intervalMs: config.sync.intervalMs,
      concurrency: config.sync.concurrency }, 'sync worker started in the layer');
  }

  ready = true;
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    for (const closer of closers.reverse()) await closer();
  };
  return { url, apis, sandboxes, close };
}

/** The SMART EHR exchange settings, when configured; the API defaults the rest. */
function tokenExchange(config: LayerConfig) {
  const { sofClientId, sofClientSecret, siteUrl } = config.jhe;
  return {
    ...(sofClientId && sofClientSecret
      ? { clientId: sofClientId, clientSecret: sofClientSecret } : {}),
    ...(siteUrl ? { audience: siteUrl } : {}),
  };
}

/** A client for a lower API: in memory when it is mounted here, else HTTP to `url`. */
function clientFactory(config: LayerConfig, closers: Closer[]) {
  return (name: string, basePath: string, local: MountedApi | undefined, url?: string) => {
    if (!local && !url) {
      throw new Error(`The ${name} API is not in this process and no URL is configured for it `
        + '(set SYSTEM_API_URL or PROCESS_API_URL)');
    }
    const transport = local ? new MemoryTransport(local.memoryApp) : new HttpTransport(url!);
    const client = new ApiClient(name, basePath, transport, config.tierTimeoutMs);
    closers.push(() => client.close());
    return client;
  };
}

function rootApp(apis: MountedApi[], ready: () => boolean): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    if (ready()) return next();
    res.locals.context = contextFromHeaders(req.headers);
    res.setHeader(CORRELATION_HEADER, res.locals.context.correlationId);
    sendProblem(res, req, new ApiError(503, 'LAYER.STARTING', 'The gateway is starting',
      { retryAfterMs: 1000 }));
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', apis: apis.map((api) => api.name) });
  });
  app.get('/apis', (_req, res) => {
    res.json(apis.map((api) => ({
      name: api.name,
      title: api.contract.document.info.title,
      version: api.contract.document.info.version,
      basePath: api.basePath,
      contract: `${api.basePath}/openapi.json`,
    })));
  });
  // Dispatch on the base path, so that only the owning API's middleware (access log, body
  // parser, validator) ever sees a request.
  app.use((req, res, next) => {
    const api = apis.find((candidate) => req.path === candidate.basePath
      || req.path.startsWith(`${candidate.basePath}/`));
    if (api) api.app(req, res, next);
    else next();
  });
  app.use((req, res) => {
    res.locals.context = contextFromHeaders(req.headers);
    res.setHeader(CORRELATION_HEADER, res.locals.context.correlationId);
    sendProblem(res, req, new ApiError(404, 'ROUTE.NOT_FOUND', 'No API serves this path'));
  });
  return app;
}

async function listen(app: express.Express, config: LayerConfig): Promise<Server> {
  const server = app.listen(config.port, config.host);
  await once(server, 'listening');
  return server;
}
