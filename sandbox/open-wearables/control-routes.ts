/**
 * The sandbox's control API under `/_sandbox`, for tests that run the sandbox in another
 * process (the layer, a worker): script faults, set a user's rows, read the request log,
 * change the page cap. It exists only in the sandbox; OW has nothing like it. Control calls
 * are neither logged nor faulted, and answer errors as `{"detail": ...}` 400s.
 */
import express, { type ErrorRequestHandler, type Request, type Router } from 'express';
import { readFault, type OwFaultScript } from './fault-script.ts';
import { canonicalUserId } from './query-params.ts';
import type { SandboxRequest } from './request-log.ts';
import type { RouteSettings } from './routes.ts';
import { COLLECTION_NAMES, UnreadableRowError, type OwCollection } from './sample-data.ts';
import type { OwSandboxData } from './sandbox-data.ts';
import { OwSandboxError } from './sandbox-error.ts';
import { generateSeries, type SeriesRequest } from './series-generator.ts';

/** What the control API changes: the same objects the sandbox serves from. */
export interface OwControls {
  faults: OwFaultScript;
  requests: SandboxRequest[];
  data: OwSandboxData;
  settings: RouteSettings;
  /** Whose rows a data call changes when it names no user. */
  defaultUser: string;
}

/** Big enough for a year of 5-minute samples sent as JSON. */
const BODY_LIMIT = '64mb';

/** The `/_sandbox` routes over `controls`. */
export function controlRouter(controls: OwControls): Router {
  const router = express.Router();
  // Not strict: a bare value then gets a message about its shape, not about JSON.
  router.use(express.json({ limit: BODY_LIMIT, strict: false }));
  router.get('/faults', (_req, res) => {
    res.json({ faults: controls.faults.list() });
  });
  router.post('/faults', (req, res) => {
    const faults = (Array.isArray(req.body) ? req.body : [req.body]).map(readFault);
    for (const fault of faults) controls.faults.inject(fault);
    res.status(201).json({ faults: controls.faults.list() });
  });
  router.delete('/faults', (_req, res) => {
    controls.faults.clear();
    res.status(204).end();
  });
  router.get('/requests', (req, res) => {
    const suffix = typeof req.query.path === 'string' ? req.query.path : '';
    res.json({ requests: controls.requests.filter((entry) => entry.path.endsWith(suffix)) });
  });
  router.delete('/requests', (_req, res) => {
    controls.requests.length = 0;
    res.status(204).end();
  });
  dataRoutes(router, controls);
  router.put('/settings', (req, res) => {
    controls.settings.pageSize = readPageSize(req.body);
    res.json({ pageSize: controls.settings.pageSize });
  });
  router.use(controlErrors);
  return router;
}

function dataRoutes(router: Router, controls: OwControls): void {
  const { data } = controls;
  router.post('/data/timeseries/generate', (req, res) => {
    const body = objectBody(req);
    const rows = generateSeries(body as unknown as SeriesRequest);
    const user = readUser(body, controls.defaultUser);
    const total = body.append === true ? data.append('timeseries', rows, user)
      : data.replace('timeseries', rows, user);
    res.status(201).json({ collection: 'timeseries', user, generated: rows.length, total });
  });
  router.put('/data/:collection', (req, res) => {
    const { collection, rows, user } = readRows(req, controls.defaultUser);
    res.json({ collection, user, total: data.replace(collection, rows, user) });
  });
  router.post('/data/:collection', (req, res) => {
    const { collection, rows, user } = readRows(req, controls.defaultUser);
    res.json({ collection, user, total: data.append(collection, rows, user) });
  });
  router.delete('/data', (_req, res) => {
    data.reset();
    res.status(204).end();
  });
}

function readRows(req: Request, defaultUser: string) {
  const collection = String(req.params.collection);
  if (!(COLLECTION_NAMES as readonly string[]).includes(collection)) {
    throw new OwSandboxError(400, `Unknown collection "${collection}"; one of `
      + COLLECTION_NAMES.join(', '));
  }
  const body = objectBody(req);
  if (!Array.isArray(body.data)) {
    throw new OwSandboxError(400, 'The body needs "data": an array of rows');
  }
  return { collection: collection as OwCollection, rows: body.data as unknown[],
    user: readUser(body, defaultUser) };
}

function objectBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OwSandboxError(400, 'The body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function readUser(body: Record<string, unknown>, defaultUser: string): string {
  if (body.user === undefined) return defaultUser;
  const user = typeof body.user === 'string' ? canonicalUserId(body.user) : undefined;
  if (!user) throw new OwSandboxError(400, '"user" must be an OW user id (a UUID)');
  return user;
}

function readPageSize(body: unknown): number {
  const pageSize = (body as { pageSize?: unknown } | null)?.pageSize;
  if (!Number.isSafeInteger(pageSize) || (pageSize as number) < 1) {
    throw new OwSandboxError(400, '"pageSize" must be a whole number, 1 or more');
  }
  return pageSize as number;
}

// Body-parser failures carry a type; everything here is the caller's mistake or a 500.
const controlErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof OwSandboxError) {
    res.status(error.status).json({ detail: error.message });
  } else if (error instanceof UnreadableRowError) {
    res.status(400).json({ detail: error.message });
  } else if (error?.type === 'entity.parse.failed') {
    res.status(400).json({ detail: 'The body is not valid JSON' });
  } else if (error?.type === 'entity.too.large') {
    res.status(413).json({ detail: `The body is larger than ${BODY_LIMIT}` });
  } else {
    next(error);
  }
};
