/**
 * `GET /FHIR/R5/Observation` (and `POST .../_search`, which reads only the query string):
 * a searchset Bundle in JHE's exact shape (reference §3.4), or the count-only Bundle for
 * `_summary=count`.
 */
import type { Request, Response } from 'express';
import type { SandboxContext } from '../context.ts';
import type { Caller } from '../model.ts';
import { searchObservations } from '../observation-query.ts';
import { sendJson } from '../outcome.ts';
import { pageLinks, paginate, requestUrl, selfLink } from '../paging.ts';
import { QueryParams } from '../query-params.ts';
import { drfInvalid } from '../drf-error.ts';
import { renderObservation } from '../render.ts';

/** Handles a search; errors propagate to the FHIR router as FhirError. */
export function searchObservationsRoute(
  ctx: SandboxContext, caller: Caller, req: Request, res: Response,
): void {
  const params = QueryParams.fromUrl(req.originalUrl);
  if (ctx.version === 'v0.0.10') requireLocationFilter(params);
  const rows = searchObservations(ctx.store, caller, params);
  const url = requestUrl(req);
  if ((params.get('_summary') ?? '').trim().toLowerCase() === 'count') {
    sendJson(req, res, 200, {
      resourceType: 'Bundle', type: 'searchset', total: rows.length, entry: [],
      link: [{ relation: 'self', url: selfLink(url) }], meta: {},
    });
    return;
  }
  // Older releases sliced the result before paging and still counted the whole of it.
  const listed = ctx.legacyListCap === undefined ? rows : rows.slice(0, ctx.legacyListCap);
  const page = paginate(listed, params);
  sendJson(req, res, 200, {
    resourceType: 'Bundle',
    type: 'searchset',
    total: rows.length,
    entry: page.items.map((row) => ({ resource: renderObservation(ctx.store, row) })),
    link: pageLinks(url, page),
    meta: {},
  });
}

/**
 * v0.0.10's Observation viewset refused a search without a study, patient or patient
 * identifier, through DRF's default handler rather than an OperationOutcome (§0).
 */
function requireLocationFilter(params: QueryParams): void {
  const named = ['patient._has:_group:member:_id', 'patient', 'patient.identifier']
    .some((key) => Boolean(params.get(key)));
  if (named) return;
  throw drfInvalid('Request parameter patient._has:Group:member:_id=<study_id> or'
    + ' patient=<patient_id> or patient.identifier=<system>|<value> must be provided.');
}
