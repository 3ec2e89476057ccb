/**
 * The routes JHE serves without a token: `/health` (reference §1.1), the FHIR
 * CapabilityStatement (§3.8) and SMART discovery (§2.1), plus the CORS headers JHE's
 * OAuthCorsMiddleware puts on exactly these and `/o/*` (§1.5).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { requestUrl } from '../paging.ts';
import type { JheVersion } from '../context.ts';
import { sendDjangoJson, sendJson, sendPlainJson } from '../outcome.ts';
import { capabilityStatement } from './capability.ts';

/** JHE_VERSION of the JHE commit the reference was read at. */
export const JHE_VERSION = 'v0.0.13';

/** What `/health` reports for each emulated release. */
const HEALTH_VERSION: Record<JheVersion, string> = {
  head: JHE_VERSION, 'v0.0.13': 'v0.0.13', 'v0.0.10': 'v0.0.10',
};

const CORS_PATHS = [/^\/o\//, /^\/FHIR\/[^/]+\/metadata$/,
  /^\/FHIR\/[^/]+\/\.well-known\/smart-configuration$/];

/** CORS for the OAuth and discovery endpoints only; preflight answers 204. */
export function oauthCors(req: Request, res: Response, next: NextFunction): void {
  if (!CORS_PATHS.some((pattern) => pattern.test(req.path))) return next();
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.setHeader('Access-Control-Max-Age', '86400');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}

/**
 * `/health`, plus `/FHIR/R5/metadata` and `/FHIR/R5/.well-known/smart-configuration`, which
 * only HEAD has (§0).
 */
export function publicRouter(startedAt: Date, version: JheVersion): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.get('/health', (_req, res) => {
    sendDjangoJson(res, 200, { status: 'ok', version: HEALTH_VERSION[version] });
  });
  if (version !== 'head') return router;
  router.get('/FHIR/R5/metadata', (req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    sendJson(req, res, 200, capabilityStatement(requestUrl(req).origin, startedAt));
  });
  router.get('/FHIR/R5/.well-known/smart-configuration', (req, res) => {
    const origin = requestUrl(req).origin;
    res.setHeader('Cache-Control', 'public, max-age=3600');
    sendPlainJson(res, 200, {
      authorization_endpoint: `${origin}/o/authorize/`,
      token_endpoint: `${origin}/o/token/`,
      grant_types_supported: ['authorization_code'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      capabilities: ['launch-standalone', 'client-public', 'client-confidential-symmetric'],
    });
  });
  return router;
}
