/**
 * `POST /FHIR/R5/<Type>`: one create through JHE's write rules (reference §4.1), answered
 * with 201 and the Observation as a practitioner reads it back, or the minimal body a
 * patient gets (§3.5). No Location, ETag or version id, as on JHE. v0.0.10 answered every
 * create failure with 400 (§0).
 */
import type { Request, Response } from 'express';
import { parseRequestBody } from '../body.ts';
import type { SandboxContext } from '../context.ts';
import type { Caller } from '../model.ts';
import { createResource } from '../observation-write.ts';
import { FhirError, sendJson } from '../outcome.ts';
import { renderObservation, renderPatientCreated } from '../render.ts';

/** Handles a create; errors propagate to the FHIR router as FhirError. */
export function createObservationRoute(
  ctx: SandboxContext, caller: Caller, resourceType: string, req: Request, res: Response,
): void {
  try {
    const body = parseRequestBody(req);
    const row = createResource(ctx, caller, {
      resourceType, body, sourceHeader: req.get('X-JHE-FHIR-Source-ID'),
    });
    ctx.logger.debug({ observationId: row.id, codeId: row.codeId },
      'JHE sandbox stored an Observation');
    const rendered = caller.kind === 'patient'
      ? renderPatientCreated(ctx.store, row) : renderObservation(ctx.store, row);
    sendJson(req, res, 201, rendered);
  } catch (error) {
    // v0.0.10 caught every exception of the create and answered it 400.
    if (ctx.version !== 'v0.0.10') throw error;
    throw new FhirError(400, error instanceof Error ? error.message : String(error));
  }
}
