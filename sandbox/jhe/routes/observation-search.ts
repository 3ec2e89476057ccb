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
import { renderObservation } from '../render.ts';

/** Handles a search; errors propagate to the FHIR router as FhirError. */
export function searchObservationsRoute(
  ctx: SandboxContext, caller: Caller, req: Request, res: Response,
): void {
  const params = QueryParams.fromUrl(req.originalUrl);
  const rows = searchObservations(ctx.store, caller, params);
  const url = requestUrl(req);
  if ((params.get('_summary') ?? '').trim().toLowerCase() === 'count') {
    sendJson(req, res, 200, {
      resourceType: 'Bundle', type: 'searchset', total: rows.length, entry: [],
      link: [{ relation: 'self', url: selfLink(url) }], meta: {},
    });
    return;
  }
  const page = paginate(rows, params);
  sendJson(req, res, 200, {
    resourceType: 'Bundle',
    type: 'searchset',
    total: rows.length,
    entry: page.items.map((row) => ({ resource: renderObservation(ctx.store, row) })),
    link: pageLinks(url, page),
    meta: {},
  });
}
