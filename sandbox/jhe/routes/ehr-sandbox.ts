/**
 * The sandbox EHR's public keys over HTTP, under a path JHE does not have, for anyone who
 * wants to verify an id_token minted by `signEhrIdToken` outside the process.
 */
import express, { type Router } from 'express';
import { ehrJwks } from '../ehr-issuer.ts';
import { sendDjangoJson } from '../outcome.ts';

/** Where the EHR JWK Set is served. */
export const EHR_JWKS_PATH = '/_sandbox/ehr/.well-known/jwks.json';

/** The EHR key route. */
export function ehrSandboxRouter(): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.get(EHR_JWKS_PATH, (_req, res) => sendDjangoJson(res, 200, ehrJwks()));
  return router;
}
