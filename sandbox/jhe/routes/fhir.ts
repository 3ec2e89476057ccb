/**
 * The FHIR resource routes (reference §3.1): bearer authentication first, then
 * dispatch by method, resource type and id shape, with every error answered as an
 * OperationOutcome (§1.4). Paths are case-sensitive and slash-strict, as on current JHE.
 *
 * The sandbox emulates Observation only. Other types JHE supports answer 404 with a
 * diagnostics text that says so, rather than pretending to be empty.
 */
import express, { type Request, type Response, type Router } from 'express';
import { rejectMissingSource } from '../aux-write.ts';
import { NOT_AUTHENTICATED, resolveCaller } from '../auth.ts';
import { parseRequestBody } from '../body.ts';
import type { SandboxContext } from '../context.ts';
import { DrfError, sendDrfError } from '../drf-error.ts';
import type { Caller } from '../model.ts';
import { FhirError, sendOutcome } from '../outcome.ts';
import { batchRoute } from './batch.ts';
import { createObservationRoute } from './observation-create.ts';
import { isUuid, readObservationRoute } from './observation-read.ts';
import { searchObservationsRoute } from './observation-search.ts';

/** The 26 resource types JHE's FHIR config supports (mapped or auxiliary). */
const SUPPORTED_TYPES = new Set([
  'AllergyIntolerance', 'CarePlan', 'CareTeam', 'Condition', 'Coverage', 'Device',
  'DiagnosticReport', 'DocumentReference', 'Encounter', 'Goal', 'Group', 'Immunization',
  'Location', 'Medication', 'MedicationDispense', 'MedicationRequest', 'Observation',
  'Organization', 'Patient', 'Practitioner', 'PractitionerRole', 'Procedure', 'Provenance',
  'QuestionnaireResponse', 'RelatedPerson', 'ServiceRequest',
]);

/** Request bodies are read raw so the routes can answer 415 and parse errors as JHE does. */
const rawBody = express.raw({ type: () => true, limit: '25mb' });

/**
 * The batch endpoint and the `<base>/<Type>[/<id>]` routes, for one FHIR base (`/FHIR/R5`
 * or the legacy `/fhir/r5`).
 */
export function fhirRouter(ctx: SandboxContext, base: string): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.post([base, `${base}/`], rawBody, (req, res) => batchRoute(ctx, req, res));
  router.all([`${base}/:type`, `${base}/:type/:id`], rawBody, (req, res) => {
    const caller = resolveCaller(ctx, req);
    try {
      if (!caller) throw new FhirError(401, NOT_AUTHENTICATED);
      dispatch(ctx, caller, req, res);
    } catch (error) {
      if (error instanceof DrfError) return sendDrfError(res, error);
      sendOutcome(req, res, error);
    }
  });
  return router;
}

function dispatch(ctx: SandboxContext, caller: Caller, req: Request, res: Response): void {
  const type = String(req.params.type);
  const id = req.params.id === undefined ? undefined : String(req.params.id);
  if (!SUPPORTED_TYPES.has(type)) {
    throw new FhirError(404, `Unsupported FHIR resource type: ${type}.`);
  }
  switch (req.method) {
    // Django serves HEAD with the GET handler; Express drops the body.
    case 'HEAD':
    case 'GET':
      if (id === undefined) return search(ctx, caller, type, req, res);
      return read(ctx, caller, type, id, req, res);
    case 'POST':
      if (id === '_search') return search(ctx, caller, type, req, res);
      if (id !== undefined) throw new FhirError(405, 'Method "POST" not allowed.');
      return createObservationRoute(ctx, caller, type, req, res);
    case 'PUT':
    case 'PATCH':
      return refuseWrite(req, type, id, 'update');
    case 'DELETE':
      return refuseWrite(req, type, id, 'delete');
    default:
      throw new FhirError(405, `Method "${req.method}" not allowed.`);
  }
}

function search(
  ctx: SandboxContext, caller: Caller, type: string, req: Request, res: Response,
): void {
  if (type !== 'Observation') throw notEmulated(type);
  searchObservationsRoute(ctx, caller, req, res);
}

function read(
  ctx: SandboxContext, caller: Caller, type: string, id: string, req: Request, res: Response,
): void {
  if (type !== 'Observation') throw notEmulated(type);
  readObservationRoute(ctx, caller, id, req, res);
}

/**
 * Updates and deletes: a UUID id targets the aux store, which first needs a FhirSource;
 * an integer id targets a mapped row, which JHE never updates or deletes.
 */
function refuseWrite(
  req: Request, type: string, id: string | undefined, action: 'update' | 'delete',
): never {
  if (id === undefined) throw new FhirError(405, `An id is required to ${action} a resource.`);
  if (isUuid(id)) rejectMissingSource(parseRequestBody(req), req.get('X-JHE-FHIR-Source-ID'));
  if (type !== 'Observation') {
    throw new FhirError(405, `The '${action}' interaction is not allowed for ${type}.`);
  }
  const verb = action === 'update' ? 'Update' : 'Delete';
  throw new FhirError(405, `${verb} of a ${type} record is not supported.`);
}

function notEmulated(type: string): FhirError {
  return new FhirError(404, `The JHE sandbox does not emulate ${type}; only Observation.`);
}
