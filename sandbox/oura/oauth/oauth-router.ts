/**
 * The sandbox's authorization server under `/oauth`: authorize, token and revoke. Real
 * Oura splits these across `cloud.ouraring.com` (authorize) and `api.ouraring.com`; the
 * sandbox serves all three on its one origin.
 */
import express, { type Router } from 'express';
import { authorizeRoute } from './authorize-route.ts';
import type { SandboxClient } from './clients.ts';
import type { GrantRegistry } from './grants.ts';
import { oauthErrorResponder } from './oauth-error.ts';
import { revokeRoute } from './revoke-route.ts';
import { tokenRoute } from './token-route.ts';

/** Routes `/authorize`, `/token` and `/revoke`, to be mounted at `/oauth`. */
export function oauthRouter(clients: readonly SandboxClient[], grants: GrantRegistry): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  router.get('/authorize', authorizeRoute(clients, grants));
  router.post('/token', form, tokenRoute(clients, grants));
  router.post('/revoke', form, revokeRoute(grants));
  router.use(oauthErrorResponder);
  return router;
}
