/**
 * The sandbox's control API under `/_sandbox`, for tests that run the sandbox in another
 * process (the layer, a worker): script faults and read the request log, through the routes
 * every sandbox shares. It exists only in the sandbox; JHE has nothing like it. Control
 * calls are neither logged nor faulted, and answer errors as `{"detail": ...}` 400s.
 */
import type { Router } from 'express';
import { controlRouter as sharedControlRouter } from '../control/control-router.ts';
import type { JheFaults } from './faults.ts';
import type { JheRequestLog } from './request-log.ts';

/** What the control API changes: the same objects the sandbox serves with. */
export interface JheControls {
  faults: JheFaults;
  requests: JheRequestLog;
}

/** The `/_sandbox` routes over `controls`; JHE's own handler answers an oversized body. */
export function controlRouter(controls: JheControls): Router {
  return sharedControlRouter({ ...controls, bodyLimit: '1mb', passTooLarge: true });
}
