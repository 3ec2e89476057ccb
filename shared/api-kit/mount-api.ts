/**
 * Mounts one API from its OpenAPI contract: handlers are bound by operationId, requests are
 * validated by express-openapi-validator before any handler runs, responses optionally too,
 * errors leave as problem+json, and the contract is served at `<base>/openapi.json`.
 */
import { randomBytes } from 'node:crypto';
import express, { type Express, type Request, type Response, type Router } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { inject } from 'light-my-request';
import type { Logger } from '../logging/logger.ts';
import { accessLog } from './access-log.ts';
import { loadContract, toExpressPath, type Contract, type ContractOperation } from './contract.ts';
import { errorMiddleware } from './error-middleware.ts';
import { jsonDepthGuard } from './json-depth.ts';
import { hasLongArray, sendInSlices } from './json-slices.ts';
import { assertHandlersMatch, type ApiResponse, type Handlers } from './handlers.ts';
import { contextFromHeaders, CORRELATION_HEADER } from './request-context.ts';

export interface MountOptions {
  /** Short name used in logs and start-up errors, e.g. `jhe`. */
  name: string;
  /** Path of the contract file. */
  contractFile: string;
  handlers: Handlers;
  logger: Logger;
  /** Validate every response against the contract (tests turn this on). */
  validateResponses?: boolean;
  /** Largest accepted JSON body; default 10 MB. */
  bodyLimit?: string;
}

/**
 * An API ready to serve. Both apps answer full paths (base path included) through the same
 * router, validator and handlers: `app` for sockets, `memoryApp` for in-process calls.
 */
export interface MountedApi {
  name: string;
  basePath: string;
  contract: Contract;
  app: Express;
  memoryApp: Express;
}

const WARMUP_HEADER = 'x-pause-warmup';

/**
 * Builds the API's Express app from its contract and compiles its validators.
 * @throws Error when handlers and operations do not match one to one.
 */
export async function mountApi(options: MountOptions): Promise<MountedApi> {
  const contract = await loadContract(options.contractFile);
  assertHandlersMatch(options.name, contract.operations.map((op) => op.operationId),
    options.handlers);

  const log = options.logger.child({ api: options.name });
  const warmupToken = randomBytes(16).toString('hex');
  const app = express.Router();

  // Warm-up requests are marked first, so that no log line is written for them even when
  // the validator answers them itself.
  app.use((req, res, next) => {
    if (req.headers[WARMUP_HEADER] === warmupToken) res.locals.warmup = true;
    next();
  });
  app.use(accessLog(log));
  app.use((req, res, next) => {
    res.locals.context = contextFromHeaders(req.headers);
    res.setHeader(CORRELATION_HEADER, res.locals.context.correlationId);
    next();
  });
  const servedContract = JSON.stringify(contract.document);
  app.get(`${contract.basePath}/openapi.json`, (_req, res) => {
    res.type('application/json').send(servedContract);
  });
  app.use(express.json({ limit: options.bodyLimit ?? '10mb' }));
  app.use(jsonDepthGuard());
  app.use(OpenApiValidator.middleware({
    apiSpec: contract.dereferenced as never,
    validateApiSpec: false,
    validateRequests: { allowUnknownQueryParameters: false, allErrors: true },
    validateResponses: options.validateResponses ? { allErrors: true } : false,
    ignoreUndocumented: false,
  }));
  // Lets warmUp() reach each route's compiled validator without running its handler.
  app.use((req, res, next) => {
    if (res.locals.warmup) res.status(204).end();
    else next();
  });

  for (const operation of contract.operations) {
    bindOperation(app, contract.basePath, operation, options.handlers, log,
      Boolean(options.validateResponses));
  }
  app.use(errorMiddleware(log));

  const mounted = {
    name: options.name,
    basePath: contract.basePath,
    contract,
    app: appFor(app),
    memoryApp: isolatePrototypes(appFor(app)),
  };
  await warmUp(mounted, warmupToken);
  return mounted;
}

function appFor(router: Router): Express {
  const app = express();
  app.disable('x-powered-by');
  // An ETag is a SHA-1 of every answer; no caller here revalidates, so it is pure cost.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(router);
  return app;
}

/**
 * light-my-request makes Express apps injectable by re-parenting the request and response
 * prototypes they share with every other Express app in the process, which breaks real
 * sockets. Giving the in-memory app private copies of those prototypes confines that change
 * to this one app.
 */
function isolatePrototypes(app: Express): Express {
  for (const key of ['request', 'response'] as const) {
    const shared = Object.getPrototypeOf(app[key]);
    const own = Object.create(Object.getPrototypeOf(shared),
      Object.getOwnPropertyDescriptors(shared));
    Object.setPrototypeOf(app[key], own);
  }
  return app;
}

function bindOperation(
  app: Router,
  basePath: string,
  operation: ContractOperation,
  handlers: Handlers,
  log: Logger,
  validateResponses: boolean,
): void {
  const handler = handlers[operation.operationId];
  const route = basePath + operation.path;
  app[operation.method](toExpressPath(route), async (req: Request, res: Response) => {
    res.locals.operationId = operation.operationId;
    res.locals.route = route;
    const context = res.locals.context;
    const result = await handler({
      operationId: operation.operationId,
      params: req.params as Record<string, string>,
      query: req.query as Record<string, unknown>,
      body: req.body,
      headers: req.headers,
      context,
      log: log.child({ correlationId: context.correlationId, operationId: operation.operationId }),
    });
    await send(res, result, validateResponses);
  });
}

async function send(res: Response, result: ApiResponse, validating: boolean): Promise<void> {
  if (result.headers) res.set(result.headers);
  res.status(result.status);
  if (result.body === undefined) {
    res.end();
  } else if (result.contentType && result.contentType !== 'application/json') {
    res.type(result.contentType).send(JSON.stringify(result.body));
  } else if (!validating && hasLongArray(result.body)) {
    // The response validator checks bodies given to res.json; with it off, a long report
    // goes out in slices instead of as one string.
    await sendInSlices(res, result.body);
  } else {
    res.json(result.body);
  }
}

/**
 * The validator compiles a route's schemas on its first request; doing that here keeps the
 * first real caller from paying for it, and a broken schema fails start-up instead.
 */
async function warmUp(api: MountedApi, token: string): Promise<void> {
  for (const operation of api.contract.operations) {
    const path = api.basePath + operation.path.replace(/\{[^}]+\}/g, 'warmup');
    const response = await inject(api.memoryApp, {
      method: operation.method.toUpperCase() as 'GET',
      url: path,
      headers: { [WARMUP_HEADER]: token, 'content-type': 'application/json' },
      payload: ['post', 'put', 'patch'].includes(operation.method) ? '{}' : undefined,
    });
    if (response.statusCode >= 500) {
      throw new Error(`API ${api.name} cannot start: the validator for ${operation.operationId} `
        + `failed to compile (${response.payload.slice(0, 200)})`);
    }
  }
}
