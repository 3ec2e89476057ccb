/**
 * Client authentication at the token endpoints, in django-oauth-toolkit's order: HTTP Basic
 * first, then `client_id`/`client_secret` form fields (reference §2.3, §2.4). Public
 * clients identify themselves with `client_id` alone.
 */
import type { Request } from 'express';
import { pythonB64Decode } from '../base64-python.ts';
import type { ApplicationRow } from '../model.ts';
import type { OauthStore } from '../oauth-store.ts';

/** The Basic credentials of a request, form-decoded as RFC 6749 §2.3.1 asks. */
export function basicCredentials(header: string | undefined): [string, string] | undefined {
  const parts = (header ?? '').split(/\s+/).filter(Boolean);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'basic') return undefined;
  const decoded = pythonB64Decode(parts[1])?.toString('utf8');
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === undefined || colon < 0) return undefined;
  return [unquotePlus(decoded.slice(0, colon)), unquotePlus(decoded.slice(colon + 1))];
}

/** A confidential client whose secret matches, by Basic auth or by form fields. */
export function authenticateConfidential(
  oauth: OauthStore, req: Request, form: URLSearchParams,
): ApplicationRow | undefined {
  const attempts = [
    basicCredentials(req.headers.authorization),
    [form.get('client_id') ?? '', form.get('client_secret') ?? ''] as const,
  ];
  for (const attempt of attempts) {
    const client = attempt ? oauth.applicationByClientId(attempt[0]) : undefined;
    if (client?.clientSecret && attempt && client.clientSecret === attempt[1]) return client;
  }
  return undefined;
}

/**
 * DOT's `client_authentication_required` then `authenticate_client` or
 * `authenticate_client_id`: credentials, when sent, must verify; a bare `client_id` is
 * enough only for a public client.
 */
export function authenticateAnyClient(
  oauth: OauthStore, req: Request, form: URLSearchParams,
): ApplicationRow | undefined {
  const sentSecret = basicCredentials(req.headers.authorization) !== undefined
    || (form.has('client_id') && form.has('client_secret'));
  if (sentSecret) return authenticateConfidential(oauth, req, form);
  const client = oauth.applicationByClientId(form.get('client_id') ?? '');
  return client?.clientType === 'public' ? client : undefined;
}

function unquotePlus(text: string): string {
  return new URLSearchParams(`v=${text.replace(/&/g, '%26')}`).get('v') ?? text;
}
