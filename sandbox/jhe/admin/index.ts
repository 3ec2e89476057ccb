/**
 * The admin REST API the sandbox emulates under `/api/v1` (reference §5): the routes a
 * gateway and jupyterhealth-client use, with JHE's camelCase shapes, DRF errors and
 * pagination.
 */
import type { Router } from 'express';
import type { SandboxContext } from '../context.ts';
import { AdminRoutes } from './admin-routes.ts';
import { consentRoutes } from './consents.ts';
import { dataSourceRoutes } from './data-sources.ts';
import { invitationRoutes } from './invitations.ts';
import { organizationRoutes } from './organizations.ts';
import { patientRoutes } from './patients.ts';
import { practitionerClientRoutes } from './practitioner-clients.ts';
import { studyRoutes } from './studies.ts';
import { userRoutes } from './users.ts';

/** The `/api/v1` router. */
export function adminRouter(ctx: SandboxContext): Router {
  const routes = new AdminRoutes();
  userRoutes(routes);
  patientRoutes(routes);
  consentRoutes(routes);
  studyRoutes(routes);
  organizationRoutes(routes);
  dataSourceRoutes(routes);
  practitionerClientRoutes(routes);
  invitationRoutes(routes);
  return routes.build(ctx);
}
