/**
 * The JHE sandbox: an in-process stand-in for JupyterHealth Exchange, faithful to the
 * reference (`/work/shared/reference/jhe-api.md`) for what the gateway's ingest-and-read
 * flow touches. Dev and test only; it holds demo data in memory and nothing else.
 */
import express from 'express';
import { silentLogger, type Logger } from '../../shared/logging/logger.ts';
import { jheSchemas, type SandboxContext } from './context.ts';
import { sendDjangoNotFound, sendDjangoServerError } from './outcome.ts';
import { fhirRouter } from './routes/fhir.ts';
import { oauthCors, publicRouter } from './routes/public.ts';
import { tokenRouter } from './routes/token.ts';
import { DEMO, demoDirectory } from './seed.ts';
import { JheStore } from './store.ts';

export interface JheSandboxOptions {
  logger?: Logger;
  /** The clock for token expiry and `meta.lastUpdated`; tests move it. */
  now?: () => Date;
}

export interface JheSandbox {
  app: express.Express;
  store: JheStore;
  demo: typeof DEMO;
}

/**
 * Builds a seeded sandbox app (not listening).
 * @example
 * const { app, demo } = createJheSandbox();
 * await request(app).post('/o/token/').auth(demo.clientId, demo.clientSecret)
 *   .type('form').send({ grant_type: 'client_credentials' });
 */
export function createJheSandbox(options: JheSandboxOptions = {}): JheSandbox {
  const logger = options.logger ?? silentLogger();
  const store = new JheStore(demoDirectory());
  const ctx: SandboxContext = {
    store, schemas: jheSchemas(), now: options.now ?? (() => new Date()), logger,
  };
  const app = express();
  // Current JHE routes are case-sensitive and do not fold trailing slashes (reference §0).
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  app.disable('x-powered-by');
  app.use(logRequests(logger));
  app.use(oauthCors);
  app.use(publicRouter(ctx.now()));
  app.use(tokenRouter(ctx));
  app.use(fhirRouter(ctx));
  app.use((_req: express.Request, res: express.Response) => sendDjangoNotFound(res));
  app.use(handleUnexpected(logger));
  return { app, store, demo: DEMO };
}

/** One debug line per request: method, path, status, duration. Never bodies or queries. */
function logRequests(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: req.method, path: req.path, status: res.statusCode, durationMs },
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
