/**
 * Errors of the Open Wearables sandbox, in the shapes OW's FastAPI server uses: a string
 * `{"detail": "..."}` for a refused request, a list of located issues for a 422, and a
 * plain-text body for an unhandled 500. The layer's own problem+json stays out of here.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../shared/logging/logger.ts';

/** One failed parameter, as FastAPI lists it in a 422. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** A refusal answered as `{"detail": "<text>"}`. */
export class OwSandboxError extends Error {
  constructor(readonly status: number, detail: string) {
    super(detail);
    this.name = 'OwSandboxError';
  }
}

/** A 422 answered as `{"detail": [issue, ...]}`. */
export class OwValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`${issues.length} invalid parameter(s)`);
    this.name = 'OwValidationError';
  }
}

/** Unknown routes get FastAPI's JSON 404, not Express's HTML page. */
export const notFound: RequestHandler = () => {
  throw new OwSandboxError(404, 'Not Found');
};

/** Answers the sandbox's errors; anything unexpected is logged and answered as OW would. */
export function errorResponder(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof OwValidationError) {
      res.status(422).json({ detail: error.issues });
      return;
    }
    if (error instanceof OwSandboxError) {
      res.status(error.status).json({ detail: error.message });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path },
      'Open Wearables sandbox failed');
    internalServerError(res);
  };
}

/** FastAPI's answer to an unhandled exception: a bare text 500. */
export function internalServerError(res: Parameters<RequestHandler>[1]): void {
  res.status(500).type('text/plain').send('Internal Server Error');
}
