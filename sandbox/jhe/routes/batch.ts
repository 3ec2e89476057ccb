/**
 * `POST /FHIR/R5/` and `POST /FHIR/R5`: JHE's Bundle batch of creates (reference §3.6).
 *
 * Failures before the entry loop use DRF's default shapes (plain JSON), not
 * OperationOutcome. Each
 * entry is then created on its own (no transaction) and the answer is HTTP 200 whatever
 * happened. JHE's quirk is kept: a non-Observation or non-POST entry adds a 400 entry and
 * is still processed, so the response can hold more entries than the request.
 */
import type { Request, Response } from 'express';
import { NOT_AUTHENTICATED, resolveCaller } from '../auth.ts';
import { parseRequestBody } from '../body.ts';
import { asFhirViewSeesIt, rewriteKeys, underscoreizeKey } from '../case-keys.ts';
import type { SandboxContext } from '../context.ts';
import type { Caller } from '../model.ts';
import { createResource } from '../observation-write.ts';
import {
  describeError, FhirError, operationOutcome, sendDjangoServerError, sendJson, sendPlainJson,
  statusLine,
} from '../outcome.ts';

type Json = Record<string, unknown>;

const MISSING_DATA = 'resource.valueAttachment.data must be not null.';

/** Handles one batch request. */
export function batchRoute(ctx: SandboxContext, req: Request, res: Response): void {
  const caller = resolveCaller(ctx, req);
  if (!caller) return sendPlainJson(res, 401, { detail: NOT_AUTHENTICATED });
  let body: unknown;
  try {
    body = parseRequestBody(req);
  } catch (error) {
    const { status, diagnostics } = describeError(error);
    return sendPlainJson(res, status, { detail: diagnostics });
  }
  const precheck = precheckEntries(rewriteKeys(body, underscoreizeKey));
  if (precheck === 'server-error') return sendDjangoServerError(res);
  if (precheck === 'missing-data') return sendPlainJson(res, 400, [MISSING_DATA]);
  if (!isValidEnvelope(asFhirViewSeesIt(body))) return sendDjangoServerError(res);
  const entries = (body as { entry: Json[] }).entry;
  const results = entries.flatMap((entry) => processEntry(ctx, caller, req, entry));
  sendJson(req, res, 200, { resourceType: 'Bundle', type: 'batch-response', entry: results });
}

/**
 * JHE's first loop, over the snake-cased body: every entry needs a resource with
 * `value_attachment.data`. Shapes it cannot index raise in Python and become a 500.
 */
function precheckEntries(data: unknown): 'ok' | 'missing-data' | 'server-error' {
  const entries = isDict(data) ? data.entry : undefined;
  if (!Array.isArray(entries)) return 'server-error';
  for (const entry of entries) {
    if (!isDict(entry) || !isDict(entry.resource)) return 'server-error';
    const attachment = entry.resource.value_attachment;
    if (!isDict(attachment) || attachment.data === undefined || attachment.data === null) {
      return 'missing-data';
    }
  }
  return 'ok';
}

/** What `Bundle.parse_obj` needs of the envelope before any entry is created. */
function isValidEnvelope(bundle: unknown): boolean {
  if (!isDict(bundle) || !Array.isArray(bundle.entry) || typeof bundle.type !== 'string') {
    return false;
  }
  if (bundle.resourceType !== undefined && bundle.resourceType !== 'Bundle') return false;
  return bundle.entry.every((entry) => isDict(entry) && isDict(entry.request)
    && typeof entry.request.method === 'string' && typeof entry.request.url === 'string'
    && isDict(entry.resource) && typeof entry.resource.resourceType === 'string');
}

/** The response entries for one request entry: the quirk entries, then the outcome. */
function processEntry(ctx: SandboxContext, caller: Caller, req: Request, entry: Json): Json[] {
  const resource = entry.resource as Json;
  const resourceType = String((asFhirViewSeesIt(resource) as Json).resourceType);
  const method = (entry.request as Json).method;
  const results: Json[] = [];
  if (resourceType !== 'Observation') {
    results.push(failure(new FhirError(400, 'Only Observation resourceType supported.')));
  }
  if (method !== 'POST') {
    results.push(failure(new FhirError(400, 'Only POST/Create method supported.')));
  }
  try {
    const row = createResource(ctx, caller, {
      resourceType, body: resource, sourceHeader: req.get('X-JHE-FHIR-Source-ID'),
    });
    results.push({
      response: { status: statusLine(201) },
      resource: { resourceType: 'Observation', id: String(row.id) },
    });
  } catch (error) {
    results.push(failure(error));
  }
  return results;
}

function failure(error: unknown): Json {
  const { status, diagnostics } = describeError(error);
  return { response: { status: statusLine(status), outcome: operationOutcome(diagnostics) } };
}

function isDict(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
