/**
 * The JHE sandbox: an in-process stand-in for JupyterHealth Exchange, faithful to the
 * reference (`/work/shared/reference/jhe-api.md`) for what the gateway can observe: OAuth
 * (client credentials, invitation codes with PKCE, refresh, OIDC, token exchange), the
 * admin API under `/api/v1`, and Observation create, search, read and batch. Dev and test
 * only; it holds demo data, in memory or in a JSON file, and nothing else. Sandbox only:
 * scripted faults and a request log, also driven over HTTP under `/_sandbox`.
 */
import express from 'express';
import { silentLogger, type Logger } from '../../shared/logging/logger.ts';
import { adminRouter } from './admin/index.ts';
import { jheSchemas, type JheVersion, type SandboxContext } from './context.ts';
import { controlRouter, type JheControls } from './control-routes.ts';
import { JheFaults } from './faults.ts';
import { sendDjangoNotFound, sendDjangoServerError } from './outcome.ts';
import { loadStateFile, StateFileWriter } from './persistence.ts';
import { JheRequestLog, redactPath } from './request-log.ts';
import { ehrSandboxRouter } from './routes/ehr-sandbox.ts';
import { fhirRouter } from './routes/fhir.ts';
import { oidcRouter } from './routes/oidc.ts';
import { oauthCors, publicRouter } from './routes/public.ts';
import { tokenExchangeRouter } from './routes/token-exchange.ts';
import { tokenRouter } from './routes/token.ts';
import { DEMO, demoState } from './seed.ts';
import { JheStore } from './store.ts';

export { signEhrIdToken } from './ehr-issuer.ts';
export type { JheVersion } from './context.ts';
export { DEFAULT_DATA_FILE } from './persistence.ts';

/** How to build a sandbox; every field is optional. */
export interface JheSandboxOptions {
  logger?: Logger;
  /** The clock for token and code expiry and `meta.lastUpdated`; tests move it. */
  now?: () => Date;
  /** The JHE release to emulate (reference §0); `head` by default. */
  version?: JheVersion;
  /**
   * Emulates releases that stop a search at this many rows: `total` stays the full count
   * and no `next` link points past the cap.
   */
  legacyListCap?: number;
  /** A JSON file to load the state from at start and to keep it in after every change. */
  dataFile?: string;
  /** JHE's SITE_URL; by default each request's own origin stands in for it. */
  siteUrl?: string;
  /** Failures to script while it runs (a new script when absent). */
  faults?: JheFaults;
}

/** A built sandbox: the Express app, its store and the demo ids. */
export interface JheSandbox {
  app: express.Express;
  store: JheStore;
  demo: typeof DEMO;
  version: JheVersion;
  /** Failures to script while it runs; also at `/_sandbox/faults`. */
  faults: JheFaults;
  /** Every request but the control calls; also at `/_sandbox/requests`. */
  requests: JheRequestLog;
  /** Writes pending changes to the data file now (a no-op without one). */
  flush(): void;
  /** Flushes and detaches from the process; the app itself has no sockets to close. */
  close(): void;
}

/** The FHIR bases each release serves (reference §0). */
const FHIR_BASES: Record<JheVersion, string[]> = {
  head: ['/FHIR/R5'],
  'v0.0.13': ['/FHIR/R5', '/fhir/r5'],
  'v0.0.10': ['/fhir/r5'],
};

/**
 * Builds a seeded sandbox app (not listening).
 * @example
 * const { app, demo } = createJheSandbox();
 * await request(app).post('/o/token/').auth(demo.clientId, demo.clientSecret)
 *   .type('form').send({ grant_type: 'client_credentials' });
 */
export function createJheSandbox(options: JheSandboxOptions = {}): JheSandbox {
  const logger = options.logger ?? silentLogger();
  const now = options.now ?? (() => new Date());
  const loaded = options.dataFile ? loadStateFile(options.dataFile) : undefined;
  const store = new JheStore(loaded ?? demoState(), now);
  const writer = options.dataFile ? new StateFileWriter(options.dataFile, store) : undefined;
  if (writer && !loaded) store.changed();
  const version = options.version ?? 'head';
  const ctx: SandboxContext = {
    store, schemas: jheSchemas(), now, logger, version,
    siteUrl: options.siteUrl, legacyListCap: options.legacyListCap,
  };
  const controls = { faults: options.faults ?? new JheFaults(), requests: new JheRequestLog() };
  return {
    app: buildApp(ctx, controls),
    store,
    demo: DEMO,
    version,
    ...controls,
    flush: () => writer?.flush(),
    close: () => writer?.close(),
  };
}

function buildApp(ctx: SandboxContext, controls: JheControls): express.Express {
  const app = express();
  // JHE routes are case-sensitive and do not fold trailing slashes (reference §0, §1.1).
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  app.disable('x-powered-by');
  // Before the log and the faults: controlling the sandbox is not calling JHE.
  app.use('/_sandbox', controlRouter(controls));
  app.use(logRequests(ctx.logger));
  app.use(controls.requests.middleware());
  app.use(controls.faults.middleware());
  app.use(oauthCors);
  app.use(publicRouter(ctx.now(), ctx.version));
  app.use(tokenRouter(ctx));
  app.use(tokenExchangeRouter(ctx));
  app.use(oidcRouter(ctx));
  app.use(ehrSandboxRouter());
  app.use(adminRouter(ctx));
  for (const base of FHIR_BASES[ctx.version]) app.use(fhirRouter(ctx, base));
  app.use((_req: express.Request, res: express.Response) => sendDjangoNotFound(res));
  app.use(handleUnexpected(ctx.logger));
  return app;
}

/** One debug line per request: method, path, status, duration. Never bodies or queries. */
function logRequests(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: req.method, path: redactPath(req.path), status: res.statusCode,
        durationMs },
        'JHE sandbox request');
    });
    next();
  };
}

/** Body-size and other framework errors; JHE would answer these with its own 4xx/500. */
function handleUnexpected(logger: Logger): express.ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _req, res, _next) => {
    if (error.status === 413) {
      res.status(413).type('text/plain').send('Request body too large');
      return;
    }
    logger.error({ err: error }, 'JHE sandbox failed a request');
    sendDjangoServerError(res);
  };
}
