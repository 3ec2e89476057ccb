/**
 * The routes every sandbox's control API under `/_sandbox` has: script faults, read and
 * clear the request log; then the sandbox's own routes (its data, its settings), then one
 * error handler. Control errors are answered as `{"detail": ...}`.
 */
import express, { type ErrorRequestHandler, type Router } from 'express';
import { readPageSize } from './control-body.ts';
import { ControlError } from './control-error.ts';

/** What the request routes filter the log by: a path suffix and a method, '' for any. */
export interface RequestFilter {
  path: string;
  /** Upper case. */
  method: string;
}

// Any error class; instances answer their own `status` when they carry one, else 400.
type CallerErrorClass = abstract new (...args: never[]) => Error;

/** The parts of a sandbox the shared routes work on, and how the sandbox differs. */
export interface ControlRouterOptions<F> {
  /** The fault script; `read` throws ControlError 400 on a bad fault. */
  faults: { read(body: unknown): F; inject(fault: F): void; clear(): void; list(): unknown[] };
  requests: { find(filter: RequestFilter): unknown[]; clear(): void };
  /** The largest body taken, in body-parser's notation (`64mb`). */
  bodyLimit: string;
  /** The sandbox's own routes, mounted after the shared ones. */
  routes?: (router: Router) => void;
  /** Errors besides ControlError that are the caller's mistake, answered as `detail`. */
  callerErrors?: CallerErrorClass[];
  /** Leave a too-large body to the app's error handler, which answers as the vendor does. */
  passTooLarge?: boolean;
}

/** The `/_sandbox` router. */
export function controlRouter<F>(options: ControlRouterOptions<F>): Router {
  const router = express.Router();
  // Not strict: a bare value then gets a message about its shape, not about JSON.
  router.use(express.json({ limit: options.bodyLimit, strict: false }));
  faultRoutes(router, options.faults);
  requestRoutes(router, options.requests);
  options.routes?.(router);
  router.use(controlErrors(options));
  return router;
}

/** `PUT /settings` with `{ pageSize }`, for sandboxes whose listings are paged. */
export function pageSizeRoute(router: Router, settings: { pageSize: number }): void {
  router.put('/settings', (req, res) => {
    settings.pageSize = readPageSize(req.body);
    res.json({ pageSize: settings.pageSize });
  });
}

function faultRoutes<F>(router: Router, faults: ControlRouterOptions<F>['faults']): void {
  router.get('/faults', (_req, res) => {
    res.json({ faults: faults.list() });
  });
  router.post('/faults', (req, res) => {
    const sent: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
    const read = sent.map((body) => faults.read(body));
    for (const fault of read) faults.inject(fault);
    res.status(201).json({ faults: faults.list() });
  });
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });
}

function requestRoutes(router: Router, requests: ControlRouterOptions<unknown>['requests'])
  : void {
  router.get('/requests', (req, res) => {
    const path = typeof req.query.path === 'string' ? req.query.path : '';
    const method = typeof req.query.method === 'string' ? req.query.method.toUpperCase() : '';
    res.json({ requests: requests.find({ path, method }) });
  });
  router.delete('/requests', (_req, res) => {
    requests.clear();
    res.status(204).end();
  });
}

// Body-parser failures carry a type; everything else here is the caller's mistake or a 500.
function controlErrors(options: ControlRouterOptions<unknown>): ErrorRequestHandler {
  const callerErrors = [ControlError, ...(options.callerErrors ?? [])];
  return (error, _req, res, next) => {
    if (callerErrors.some((kind) => error instanceof kind)) {
      const status = typeof error.status === 'number' ? error.status : 400;
      res.status(status).json({ detail: error.message });
    } else if (error?.type === 'entity.parse.failed') {
      res.status(400).json({ detail: 'The body is not valid JSON' });
    } else if (error?.type === 'entity.too.large' && !options.passTooLarge) {
      res.status(413).json({ detail: `The body is larger than ${options.bodyLimit}` });
    } else {
      next(error);
    }
  };
}
