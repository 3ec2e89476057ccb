/**
 * The sandbox's control API under `/_sandbox`, for tests that run the sandbox in another
 * process (the layer, a worker): script faults and read the request log. It exists only in
 * the sandbox; JHE has nothing like it. Control calls are neither logged nor faulted, and
 * answer errors as `{"detail": ...}` 400s.
 */
import express, { type ErrorRequestHandler, type Router } from 'express';
import { FaultFormatError, readFault, type JheFaults } from './faults.ts';
import type { JheRequestLog } from './request-log.ts';

/** What the control API changes: the same objects the sandbox serves with. */
export interface JheControls {
  faults: JheFaults;
  requests: JheRequestLog;
}

/** The `/_sandbox` routes over `controls`. */
export function controlRouter(controls: JheControls): Router {
  const router = express.Router();
  // Not strict: a bare value then gets a message about its shape, not about JSON.
  router.use(express.json({ limit: '1mb', strict: false }));
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
    const method = typeof req.query.method === 'string' ? req.query.method.toUpperCase() : '';
    res.json({ requests: controls.requests.entries.filter((entry) =>
      entry.path.endsWith(suffix) && (!method || entry.method === method)) });
  });
  router.delete('/requests', (_req, res) => {
    controls.requests.clear();
    res.status(204).end();
  });
  router.use(controlErrors);
  return router;
}

const controlErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof FaultFormatError) {
    res.status(400).json({ detail: error.message });
  } else if (error?.type === 'entity.parse.failed') {
    res.status(400).json({ detail: 'The body is not valid JSON' });
  } else {
    next(error);
  }
};
