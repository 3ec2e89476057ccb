/**
 * `POST /FHIR/R5/<Type>`: one create through JHE's write rules (reference §4.1), answered
 * with 201 and the Observation as a practitioner reads it back (§3.5). No Location, ETag
 * or version id, as on JHE.
 */
import type { Request, Response } from 'express';
import { parseRequestBody } from '../body.ts';
import type { SandboxContext } from '../context.ts';
import type { Caller } from '../model.ts';
import { createResource } from '../observation-write.ts';
import { sendJson } from '../outcome.ts';
import { renderObservation } from '../render.ts';

/** Handles a create; errors propagate to the FHIR router as FhirError. */
export function createObservationRoute(
  ctx: SandboxContext, caller: Caller, resourceType: string, req: Request, res: Response,
): void {
  const body = parseRequestBody(req);
  const row = createResource(ctx, caller, {
    resourceType, body, sourceHeader: req.get('X-JHE-FHIR-Source-ID'),
  });
  ctx.logger.debug({ observationId: row.id, codeId: row.codeId },
    'JHE sandbox stored an Observation');
  sendJson(req, res, 201, renderObservation(ctx.store, row));
}
