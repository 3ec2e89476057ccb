/**
 * The sandbox's control API under `/_sandbox`, for tests that run the sandbox in another
 * process (the layer, a worker): script faults, set the rows served, read the request log,
 * change the page size. The faults and log routes are every sandbox's; the data routes are
 * Oura's. It exists only in the sandbox; Oura has nothing like it. Control calls are neither
 * logged nor faulted, and answer errors as `{"detail": ...}` 400s.
 */
import type { Request, Router } from 'express';
import {
  objectBody, readCollection, readRowsField, readUserField,
} from '../control/control-body.ts';
import { ControlError } from '../control/control-error.ts';
import { controlRouter as sharedControlRouter, pageSizeRoute } from '../control/control-router.ts';
import type { CollectionSettings } from './collections.ts';
import type { SandboxFaults } from './faults.ts';
import { generateHeartRate, type HeartRateSeries } from './heart-rate-generator.ts';
import type { SandboxRequestLog } from './request-log.ts';
import { COLLECTION_NAMES } from './sample-data.ts';
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

/** The `/_sandbox` routes over `controls`. */
export function controlRouter(controls: OuraControls): Router {
  return sharedControlRouter({
    ...controls,
    // Big enough for a year of 5-minute heart-rate rows sent as JSON.
    bodyLimit: '64mb',
    routes: (router) => {
      dataRoutes(router, controls.data);
      pageSizeRoute(router, controls.settings);
    },
    callerErrors: [OuraSandboxError, UnreadableRowError],
  });
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
  const collection = readCollection(req, COLLECTION_NAMES);
  const body = objectBody(req);
  const at = typeof body.at === 'string' ? parseInstant(body.at) : undefined;
  if (at === undefined) {
    throw new ControlError(400, '"at" must be an RFC 3339 date-time with an offset: where '
      + 'the listing places the row');
  }
  if (body.row === undefined) throw new ControlError(400, 'The body needs "row"');
  return { collection, row: body.row, at, user: readUser(body) };
}

function readRows(req: Request) {
  const collection = readCollection(req, COLLECTION_NAMES);
  const body = objectBody(req);
  return { collection, rows: readRowsField(body), user: readUser(body) };
}

// Any non-empty string: the sandbox keeps rows for whichever sandbox_user a test names.
function readUser(body: Record<string, unknown>): string | undefined {
  return readUserField(body, (text) => text || undefined,
    '"user" must be a non-empty string (a sandbox_user)');
}
