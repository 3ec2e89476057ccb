/**
 * JHE's only OAuth scopes (reference §2.2): `openid` and `email`. There are no SMART
 * scopes; a request that names anything else is `invalid_scope`.
 */
import { OauthError } from './oauth-json.ts';

/** In settings order; a request without `scope` gets all of them. */
export const SCOPES = ['openid', 'email'];

/** The scope string to grant for a requested `scope` parameter. */
export function grantedScope(requested: string | null, allowed: string[] = SCOPES): string {
  const names = (requested ?? '').split(/\s+/).filter(Boolean);
  if (names.some((name) => !allowed.includes(name))) throw new OauthError(400, 'invalid_scope');
  return (names.length > 0 ? names : allowed).join(' ');
}
