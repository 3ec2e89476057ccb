/**
 * Organizations (reference §5.4): the list holds every organization (optionally those with
 * a given `part_of`), each with its children and the caller's role; `{id}/studies` is a
 * plain array.
 */
import { noMatch } from '../drf-error.ts';
import { callerOf, ok, type AdminCall, type AdminRoutes } from './admin-routes.ts';
import { pathId, valueId } from './lookups.ts';
import { paginateAdmin } from './pagination.ts';
import { renderOrganization, renderStudy } from './render.ts';

/** Registers the organization routes. */
export function organizationRoutes(routes: AdminRoutes): void {
  routes.on('GET', 'organizations', listOrganizations);
  routes.on('GET', 'organizations/:id', readOrganization);
  routes.on('GET', 'organizations/:id/studies', organizationStudies);
}

function listOrganizations(call: AdminCall) {
  const { store } = call.ctx;
  const caller = callerOf(call);
  const partOfText = call.query.get('part_of');
  const partOf = partOfText ? valueId(partOfText, 'part_of') : undefined;
  const rows = store.organizations()
    .filter((row) => partOf === undefined || row.partOf === partOf);
  const rendered = rows.map((row) => renderOrganization(store, row, caller));
  return ok(paginateAdmin(call.req, call.query, rendered));
}

function readOrganization(call: AdminCall) {
  const organization = call.ctx.store.organization(pathId(call.params.id));
  if (!organization) throw noMatch('Organization');
  return ok(renderOrganization(call.ctx.store, organization, callerOf(call)));
}

function organizationStudies(call: AdminCall) {
  const { store } = call.ctx;
  const id = pathId(call.params.id);
  const studies = store.studies().filter((study) => study.organizationId === id)
    .sort((a, b) => a.name.localeCompare(b.name));
  return ok(studies.map((study) => renderStudy(store, study)));
}
