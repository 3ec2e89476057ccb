/**
 * The sandbox's control API under `/_sandbox`, for tests that run the sandbox in another
 * process (the layer, a worker): script faults, set the rows served, read the request log,
 * change the page size. It exists only in the sandbox; Oura has nothing like it. Control
 * calls are neither logged nor faulted, and answer errors as `{"detail": ...}` 400s.
 */
import express, { type ErrorRequestHandler, type Request, type Router } from 'express';
import type { CollectionSettings } from './collections.ts';
import { readFault, type SandboxFaults } from './faults.ts';
import { generateHeartRate, type HeartRateSeries } from './heart-rate-generator.ts';
import type { SandboxRequestLog } from './request-log.ts';
import { COLLECTION_NAMES, type CollectionName } from './sample-data.ts';
import { UnreadableRowError, type OuraSandboxData } from './sandbox-data.ts';
import { parseInstant } from './query-window.ts';
import { OuraSandboxError } from './sandbox-error.ts';

/** What the control API changes: the same objects the sandbox serves from. */
export interface OuraControls {
  faults: SandboxFaults;
  requests: SandboxRequestLog;
  data: OuraSandboxData;
  settings: CollectionSettings;
}

/** Big enough for a year of 5-minute heart-rate rows sent as JSON. */
const BODY_LIMIT = '64mb';

/** The `/_sandbox` routes over `controls`. */
export function controlRouter(controls: OuraControls): Router {
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
    res.json({ requests: controls.requests.forPath(suffix) });
  });
  router.delete('/requests', (_req, res) => {
    controls.requests.clear();
    res.status(204).end();
  });
  dataRoutes(router, controls.data);
  router.put('/settings', (req, res) => {
    controls.settings.pageSize = readPageSize(req.body);
    res.json({ pageSize: controls.settings.pageSize });
  });
  router.use(controlErrors);
  return router;
}

function dataRoutes(router: Router, data: OuraSandboxData): void {
  router.post('/data/heartrate/generate', (req, res) => {
    const body = objectBody(req);
    const rows = generateHeartRate(body as unknown as HeartRateSeries);
    const user = readUser(body);
    const total = body.append === true ? data.append('heartrate', rows, user)
      : data.replace('heartrate', rows, user);
    res.status(201).json({ collection: 'heartrate', user: user ?? null,
      generated: rows.length, total });
  });
  router.post('/data/:collection/malformed', (req, res) => {
    const { collection, row, at, user } = readMalformed(req);
    const total = data.appendMalformed(collection, row, at, user);
    res.status(201).json({ collection, user: user ?? null, total });
  });
  router.put('/data/:collection', (req, res) => {
    const { collection, rows, user } = readRows(req);
    const total = data.replace(collection, rows, user);
    res.json({ collection, user: user ?? null, total });
  });
  router.post('/data/:collection', (req, res) => {
    const { collection, rows, user } = readRows(req);
    const total = data.append(collection, rows, user);
    res.json({ collection, user: user ?? null, total });
  });
  router.delete('/data', (_req, res) => {
    data.reset();
    res.status(204).end();
  });
}

/** `{ at, row, user? }`: a row to serve verbatim at the instant `at`. */
function readMalformed(req: Request) {
  const collection = readCollection(req);
  const body = objectBody(req);
  const at = typeof body.at === 'string' ? parseInstant(body.at) : undefined;
  if (at === undefined) {
    throw new OuraSandboxError(400, '"at" must be an RFC 3339 date-time with an offset: where '
      + 'the listing places the row');
  }
  if (body.row === undefined) throw new OuraSandboxError(400, 'The body needs "row"');
  return { collection, row: body.row, at, user: readUser(body) };
}

function readCollection(req: Request): CollectionName {
  const collection = String(req.params.collection);
  if (!(COLLECTION_NAMES as readonly string[]).includes(collection)) {
    throw new OuraSandboxError(400, `Unknown collection "${collection}"; one of `
      + COLLECTION_NAMES.join(', '));
  }
  return collection as CollectionName;
}

function readRows(req: Request) {
  const collection = readCollection(req);
  const body = objectBody(req);
  if (!Array.isArray(body.data)) {
    throw new OuraSandboxError(400, 'The body needs "data": an array of rows');
  }
  return { collection, rows: body.data as unknown[],
    user: readUser(body) };
}

function objectBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OuraSandboxError(400, 'The body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function readUser(body: Record<string, unknown>): string | undefined {
  if (body.user === undefined) return undefined;
  if (typeof body.user !== 'string' || body.user === '') {
    throw new OuraSandboxError(400, '"user" must be a non-empty string (a sandbox_user)');
  }
  return body.user;
}

function readPageSize(body: unknown): number {
  const pageSize = (body as { pageSize?: unknown } | null)?.pageSize;
  if (!Number.isSafeInteger(pageSize) || (pageSize as number) < 1) {
    throw new OuraSandboxError(400, '"pageSize" must be a whole number, 1 or more');
  }
  return pageSize as number;
}

// Body-parser failures carry a status; everything here is the caller's mistake or a 500.
const controlErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof OuraSandboxError) {
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
