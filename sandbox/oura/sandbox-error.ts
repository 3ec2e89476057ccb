/**
 * Errors of the Oura sandbox, answered the way Oura answers: a status and `{"detail": ...}`.
 * This stays local to the sandbox on purpose: it imitates a vendor's error shape, which the
 * layer's own problem+json envelope must not leak into.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../shared/logging/logger.ts';

/** A failure the sandbox reports to its caller as an Oura-like error body. */
export class OuraSandboxError extends Error {
  readonly status: number;

  constructor(status: number, detail: string) {
    super(detail);
    this.name = 'OuraSandboxError';
    this.status = status;
  }
}

/** Answers unknown routes with a JSON 404 rather than Express's HTML page. */
export const notFound: RequestHandler = () => {
  throw new OuraSandboxError(404, 'Not Found');
};

/** Turns thrown errors into `{"detail": ...}`; anything unexpected becomes a bare 500. */
export function errorResponder(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof OuraSandboxError) {
      res.status(error.status).json({ detail: error.message });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'Oura sandbox failed');
    res.status(500).json({ detail: 'Internal Server Error' });
  };
}
