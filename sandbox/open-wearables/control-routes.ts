/**
 * The sandbox's control API under `/_sandbox`, for tests that run the sandbox in another
 * process (the layer, a worker): script faults, set a user's rows, read the request log,
 * change the page cap. The faults and log routes are every sandbox's; the data routes are
 * OW's. It exists only in the sandbox; OW has nothing like it. Control calls are neither
 * logged nor faulted, and answer errors as `{"detail": ...}` 400s.
 */
import type { Request, Router } from 'express';
import {
  objectBody, readCollection, readRowsField, readUserField,
} from '../control/control-body.ts';
import { controlRouter as sharedControlRouter, pageSizeRoute } from '../control/control-router.ts';
import type { OwFaultScript } from './fault-script.ts';
import { canonicalUserId } from './query-params.ts';
import type { SandboxRequest } from './request-log.ts';
import type { RouteSettings } from './routes.ts';
import { COLLECTION_NAMES, UnreadableRowError } from './sample-data.ts';
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

/** The `/_sandbox` routes over `controls`. */
export function controlRouter(controls: OwControls): Router {
  const log = controls.requests;
  return sharedControlRouter({
    faults: controls.faults,
    // A plain array, so that a test can pass its own and read it in process.
    requests: {
      find: ({ path }) => log.filter((entry) => entry.path.endsWith(path)),
      clear: () => {
        log.length = 0;
      },
    },
    // Big enough for a year of 5-minute samples sent as JSON.
    bodyLimit: '64mb',
    routes: (router) => {
      dataRoutes(router, controls);
      pageSizeRoute(router, controls.settings);
    },
    callerErrors: [OwSandboxError, UnreadableRowError],
  });
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
  const collection = readCollection(req, COLLECTION_NAMES);
  const body = objectBody(req);
  return { collection, rows: readRowsField(body), user: readUser(body, defaultUser) };
}

function readUser(body: Record<string, unknown>, defaultUser: string): string {
  return readUserField(body, canonicalUserId, '"user" must be an OW user id (a UUID)')
    ?? defaultUser;
}
