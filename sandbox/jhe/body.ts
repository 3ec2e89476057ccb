/**
 * Request-body parsing as DRF does it on JHE's FHIR views (reference §1.3): JSON under
 * `application/json`, form types accepted but useless to a FHIR route, anything else 415.
 * An empty body parses to `{}` whatever its content type.
 */
import type { Request } from 'express';
import { FhirError } from './outcome.ts';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * The parsed body of a request whose raw bytes `express.raw` left in `req.body`.
 * @throws FhirError 415 for an unsupported media type, 400 for malformed JSON.
 */
export function parseRequestBody(req: Request): unknown {
  const raw: unknown = req.body;
  if (!Buffer.isBuffer(raw) || raw.length === 0) return {};
  const contentType = req.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  if (FORM_TYPES.includes(mediaType)) return {};
  if (mediaType !== 'application/json') {
    throw new FhirError(415, `Unsupported media type "${contentType}" in request.`);
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (error) {
    throw new FhirError(400, `JSON parse error - ${(error as Error).message}`);
  }
}
