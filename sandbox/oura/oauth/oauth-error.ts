/**
 * OAuth errors as an authorization server answers them (RFC 6749, section 5.2): a status and
 * `{"error", "error_description"}`, never cached.
 */
import type { ErrorRequestHandler } from 'express';

/** A refusal of the sandbox's token or revocation endpoint. */
export class OAuthSandboxError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
    this.name = 'OAuthSandboxError';
  }
}

/** Sends OAuthSandboxError as OAuth JSON; other errors go on to the sandbox's handler. */
export const oauthErrorResponder: ErrorRequestHandler = (error, _req, res, next) => {
  if (!(error instanceof OAuthSandboxError)) {
    next(error);
    return;
  }
  if (error.status === 401) res.set('WWW-Authenticate', 'Basic realm="oura-sandbox"');
  res.status(error.status).set('Cache-Control', 'no-store')
    .json({ error: error.error, error_description: error.message });
};
