/**
 * Errors answered in Django REST framework's default shapes (reference §1.4.3): a
 * `{"detail": …}` object, a list of messages, or a field dict for a 400, and Django's bare
 * HTML page for the unhandled exceptions JHE lets through as 500.
 */
import type { Response } from 'express';
import { sendDjangoServerError, sendPlainJson } from './outcome.ts';

/** A failure with DRF's status and body; a null body means Django's HTML 500 page. */
export class DrfError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    super(typeof body === 'object' && body !== null && 'detail' in body
      ? String((body as { detail: unknown }).detail) : `DRF ${status}`);
    this.name = 'DrfError';
    this.status = status;
    this.body = body;
  }
}

/** `{"detail": text}` with a status: 401, 403, 404, 405 and friends. */
export function drfDetail(status: number, detail: string): DrfError {
  return new DrfError(status, { detail });
}

/** A plain `ValidationError("text")`: 400 with a one-element list. */
export function drfInvalid(message: string): DrfError {
  return new DrfError(400, [message]);
}

/** An exception JHE does not handle: Django's 500 page (DEBUG off). */
export function serverCrash(reason: string): DrfError {
  const error = new DrfError(500, null);
  error.message = reason;
  return error;
}

/** DRF's NotFound for a lookup that matched nothing (`get_object_or_404`). */
export function noMatch(model: string): DrfError {
  return drfDetail(404, `No ${model} matches the given query.`);
}

/** DRF's default PermissionDenied text. */
export const PERMISSION_DENIED = 'You do not have permission to perform this action.';

/** Writes the error as DRF would. */
export function sendDrfError(res: Response, error: DrfError): void {
  if (error.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
  if (error.body === null) return sendDjangoServerError(res);
  sendPlainJson(res, error.status, error.body);
}
