/**
 * The one place where failures become HTTP: every tier answers errors as RFC 9457
 * `application/problem+json`, with a stable code, the JSON pointer of each failed field
 * and the request's correlation id.
 */
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from '../logging/logger.ts';
import {
  ApiError, PROBLEM_CONTENT_TYPE, toProblem, type ProblemField,
} from '../errors/problem.ts';

interface ValidatorErrorItem {
  path?: string;
  message?: string;
  errorCode?: string;
}

interface ValidatorError {
  status?: number;
  message?: string;
  errors?: ValidatorErrorItem[];
  type?: string;
}

/** Sends a problem body for an ApiError. */
export function sendProblem(res: Response, req: Request, error: ApiError): void {
  const correlationId = res.locals.context?.correlationId as string | undefined;
  res
    .set(error.headers)
    .status(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(toProblem(error, correlationId, req.originalUrl.split('?')[0])));
}

/** Error middleware for one API: translate, log server-side failures, answer. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const error = translate(err);
    if (error.status >= 500) {
      logger.error(
        { err: describeCause(err), correlationId: res.locals.context?.correlationId },
        'request failed',
      );
    }
    if (res.headersSent) return;
    sendProblem(res, req, error);
  };
}

/** Maps anything thrown to an ApiError; unknown errors become an opaque 500. */
export function translate(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const candidate = err as ValidatorError;
  if (candidate?.type === 'entity.parse.failed') {
    return new ApiError(400, 'REQUEST.MALFORMED_JSON', 'The request body is not valid JSON');
  }
  if (candidate?.type === 'entity.too.large') {
    return new ApiError(413, 'REQUEST.TOO_LARGE', 'The request body is too large');
  }
  if (candidate?.type === 'charset.unsupported' || candidate?.type === 'encoding.unsupported') {
    return new ApiError(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      'Unsupported charset or content encoding');
  }
  if (isBodyReadError(candidate)) {
    return new ApiError(400, 'REQUEST.UNREADABLE_BODY', 'The request body cannot be read');
  }
  if (typeof candidate?.status === 'number' && Array.isArray(candidate.errors)) {
    return fromValidator(candidate);
  }
  return new ApiError(500, 'INTERNAL.UNEXPECTED', 'Internal server error', { cause: err });
}

const VALIDATOR_CODES: Record<number, [string, string]> = {
  400: ['REQUEST.INVALID', 'The request does not match the API contract'],
  401: ['AUTH.UNAUTHENTICATED', 'Authentication is required'],
  403: ['AUTH.FORBIDDEN', 'Not allowed'],
  404: ['ROUTE.NOT_FOUND', 'No such route in the API contract'],
  405: ['ROUTE.METHOD_NOT_ALLOWED', 'Method not allowed on this route'],
  406: ['REQUEST.NOT_ACCEPTABLE', 'No acceptable response type'],
  413: ['REQUEST.TOO_LARGE', 'The request body is too large'],
  415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type'],
};

/** body-parser marks the errors it raised while reading a body as safe to show (4xx). */
function isBodyReadError(err: ValidatorError & { expose?: boolean }): boolean {
  return err?.expose === true && typeof err.status === 'number' && err.status >= 400
    && err.status < 500 && !Array.isArray(err.errors);
}

function fromValidator(err: ValidatorError): ApiError {
  const status = err.status ?? 500;
  if (status >= 500) {
    // A response that breaks its own contract is our bug, not the caller's.
    return new ApiError(500, 'CONTRACT.RESPONSE_INVALID', 'Internal server error', { cause: err });
  }
  const [code, title] = VALIDATOR_CODES[status] ?? ['REQUEST.INVALID', 'Invalid request'];
  // Only a contract violation names fields; a 404 or 405 names a route, not a field.
  const errors: ProblemField[] = status !== 400 ? [] : (err.errors ?? []).map((item) => ({
    pointer: toPointer(item.path ?? ''),
    detail: item.message ?? 'invalid',
  }));
  return new ApiError(status, code, title, { errors, detail: err.message });
}

/** The validator reports `/body/a/0` or `.body.a[0]`; callers get a JSON pointer. */
export function toPointer(path: string): string {
  if (path.startsWith('/')) return path;
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment.length > 0)
    .map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1'));
  return '/' + segments.join('/');
}

function describeCause(err: unknown): Record<string, unknown> {
  const root = err instanceof ApiError && err.cause ? err.cause : err;
  if (root instanceof Error) return { type: root.name, message: root.message, stack: root.stack };
  return { type: typeof root };
}
