/**
 * The token response the JHE system API hands to internal callers. Only the OAuth fields
 * are copied: openid-client decorates its results with helpers, and a caller should see
 * exactly what JHE issued. The values are secrets; nothing here or in the callers of this
 * module logs them.
 */
import type { TokenEndpointResponse } from 'openid-client';
import type { components } from '../../specs/types/jhe.ts';

/** An OAuth token response, as the contract names it. */
export type TokenResponse = components['schemas']['TokenResponse'];

const OPTIONAL_FIELDS = ['scope', 'refresh_token', 'id_token', 'issued_token_type'] as const;

/** Copies the OAuth fields of a token endpoint response. */
export function tokenResponse(response: TokenEndpointResponse): TokenResponse {
  const body: TokenResponse = {
    access_token: response.access_token,
    token_type: response.token_type,
  };
  if (typeof response.expires_in === 'number') body.expires_in = Math.floor(response.expires_in);
  for (const field of OPTIONAL_FIELDS) {
    const value = response[field];
    if (typeof value === 'string') body[field] = value;
  }
  return body;
}
