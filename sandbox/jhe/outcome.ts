/**
 * Errors and response writing for the JHE sandbox. Handlers throw {@link FhirError}; the
 * FHIR routes turn it into an OperationOutcome with JHE's status mapping (reference §1.4),
 * and the batch route turns it into a `batch-response` entry (reference §3.6).
 */
import type { Request, Response } from 'express';
import { pythonJsonDumps, type DumpableValue } from './python-json.ts';

/** A failure with the HTTP status JHE would answer and its `diagnostics` text. */
export class FhirError extends Error {
  readonly status: number;

  constructor(status: number, diagnostics: string) {
    super(diagnostics);
    this.name = 'FhirError';
    this.status = status;
  }
}

/** The FHIR OperationOutcome JHE builds for every error on a resource route. */
export function operationOutcome(diagnostics: string): Record<string, unknown> {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'processing', diagnostics }],
  };
}

/** Reason phrases from Python 3.11's `http.HTTPStatus`, which JHE's batch entries use. */
const PHRASES: Record<number, string> = {
  200: 'OK', 201: 'Created', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 415: 'Unsupported Media Type',
  422: 'Unprocessable Entity', 500: 'Internal Server Error',
};

/** `"<code> <phrase>"`, e.g. `409 Conflict`. */
export function statusLine(status: number): string {
  return `${status} ${PHRASES[status] ?? 'Unknown'}`;
}

/**
 * Writes JSON the way DRF does: compact, `application/json` without a charset, or
 * `application/fhir+json` when the caller asked for it (reference §1.3).
 */
export function sendJson(req: Request, res: Response, status: number, body: unknown): void {
  const wantsFhir = (req.headers.accept ?? '').includes('application/fhir+json');
  res.status(status);
  res.setHeader('Content-Type', wantsFhir ? 'application/fhir+json' : 'application/json');
  res.end(JSON.stringify(body));
}

/** Writes JSON as Django's JsonResponse and DRF's plain JSONRenderer do: no charset. */
export function sendPlainJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

/** Sends an error as an OperationOutcome; anything that is not a FhirError is a 422. */
export function sendOutcome(req: Request, res: Response, error: unknown): void {
  const { status, diagnostics } = describeError(error);
  sendJson(req, res, status, operationOutcome(diagnostics));
}

/**
 * The status and text JHE would report. JHE's FHIR view maps every unexpected exception
 * to 422, so a sandbox bug surfaces as 422 here too; the message says it is one.
 */
export function describeError(error: unknown): { status: number; diagnostics: string } {
  if (error instanceof FhirError) return { status: error.status, diagnostics: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 422, diagnostics: `JHE sandbox internal error: ${message}` };
}

/** Django's plain 404 page for paths no route matches (JHE runs with DEBUG off). */
export function sendDjangoNotFound(res: Response): void {
  res.status(404).type('text/html').send('<h1>Not Found</h1>');
}

/** Django's plain 500 page, for the failures JHE leaves unhandled (batch envelope errors). */
export function sendDjangoServerError(res: Response): void {
  res.status(500).type('text/html').send('<h1>Server Error (500)</h1>');
}

/** Writes JSON as Django's JsonResponse does: `json.dumps` spacing, ASCII, no charset. */
export function sendDjangoJson(res: Response, status: number, body: DumpableValue): void {
  res.status(status);
  res.setHeader('Content-Type', 'application/json');
  res.end(pythonJsonDumps(body));
}
