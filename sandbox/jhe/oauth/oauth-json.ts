/**
 * How django-oauth-toolkit and oauthlib write their answers (reference §1.4.4, §2.2):
 * Python `json.dumps` text with no-store headers, errors as `{"error", "error_description"?}`
 * and a `WWW-Authenticate` challenge on 401.
 */
import type { Response } from 'express';
import { pythonJsonDumps, type DumpableValue } from '../python-json.ts';

/** A failure of the token endpoint, as oauthlib's OAuth2Error carries it. */
export class OauthError extends Error {
  readonly status: number;
  readonly error: string;
  readonly description: string | undefined;

  constructor(status: number, error: string, description?: string) {
    super(description ?? error);
    this.name = 'OauthError';
    this.status = status;
    this.error = error;
    this.description = description;
  }
}

/** oauthlib's InvalidRequestError with its description. */
export function invalidRequest(description: string): OauthError {
  return new OauthError(400, 'invalid_request', description);
}

/** oauthlib's InvalidGrantError: an unknown, expired, used or mismatched code or token. */
export function invalidGrant(): OauthError {
  return new OauthError(400, 'invalid_grant');
}

/** oauthlib's InvalidClientError. */
export function invalidClient(): OauthError {
  return new OauthError(401, 'invalid_client');
}

/** Writes an OauthError the way oauthlib serialises it. */
export function sendOauthError(res: Response, error: OauthError): void {
  if (error.status === 401) res.setHeader('WWW-Authenticate', `Bearer error="${error.error}"`);
  const body: Record<string, string> = { error: error.error };
  if (error.description) body.error_description = error.description;
  sendOauthJson(res, error.status, body);
}

/** oauthlib writes `json.dumps` output with its no-store headers, errors included. */
export function sendOauthJson(
  res: Response, status: number, body: Record<string, DumpableValue>,
): void {
  res.status(status);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  res.end(pythonJsonDumps(body));
}
