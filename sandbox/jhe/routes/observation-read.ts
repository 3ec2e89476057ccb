/**
 * `GET /FHIR/R5/Observation/<id>` (reference §3.1): a UUID would be an aux row (there are
 * none here), an integer is a mapped row the caller may see, anything else is Django's
 * 422. Missing and inaccessible rows are the same 404.
 */
import type { Request, Response } from 'express';
import { canSeePatient } from '../access.ts';
import type { SandboxContext } from '../context.ts';
import { requireModelId } from '../model-id.ts';
import type { Caller } from '../model.ts';
import { FhirError, sendJson } from '../outcome.ts';
import { renderObservation } from '../render.ts';

/** Handles a read; errors propagate to the FHIR router as FhirError. */
export function readObservationRoute(
  ctx: SandboxContext, caller: Caller, id: string, req: Request, res: Response,
): void {
  const notFound = new FhirError(404, `Observation/${id} not found.`);
  if (isUuid(id)) throw notFound;
  const row = ctx.store.observation(requireModelId(id));
  if (!row || !canSeePatient(ctx.store, caller, row.patientId)) throw notFound;
  sendJson(req, res, 200, renderObservation(ctx.store, row));
}

/** Python's `uuid.UUID(text)` acceptance: 32 hex digits, hyphens, braces, urn prefix. */
export function isUuid(text: string): boolean {
  const hex = text.replace(/urn:/g, '').replace(/uuid:/g, '').replace(/^[{}]+|[{}]+$/g, '')
    .replace(/-/g, '');
  return /^[0-9a-fA-F]{32}$/.test(hex);
}
