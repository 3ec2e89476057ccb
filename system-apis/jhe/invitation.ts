/**
 * The patient invitation flow (reference §2.5): redeem the invitation token at
 * `POST /api/v1/invitation/<token>` (no authentication), then exchange the authorization
 * code JHE grants at `/o/token/` as the patient app, with the PKCE verifier JHE derived from
 * the invitation token. The result is the patient's token response.
 */
import { genericGrantRequest } from 'openid-client';
import { jheProblem } from './jhe-codes.ts';
import { ADMIN_BASE_PATH, type JheClient } from './jhe-client.ts';
import { jheError } from './jhe-errors.ts';
import { patientAppConfiguration, type OAuthSettings } from './oauth-config.ts';
import { oauthFailure } from './oauth-errors.ts';
import type { OidcIssuer } from './oidc-issuer.ts';
import { tokenResponse, type TokenResponse } from './token-response.ts';

/** What the redemption grants: an authorization code for the patient app. */
export interface InvitationGrant {
  grant_type: string;
  redirect_uri: string;
  /** The patient app's OAuth client_id string (not the Application pk). */
  client_id: string;
  code: string;
}

/** How the flow reaches JHE and learns its id_token issuer. */
export interface InvitationDependencies {
  client: JheClient;
  oauth: OAuthSettings;
  issuer: OidcIssuer;
}

/**
 * The PKCE verifier JHE set the grant's challenge from: the invitation token, base64url
 * encoded without padding.
 */
export function pkceVerifier(invitationToken: string): string {
  return Buffer.from(invitationToken, 'utf8').toString('base64url');
}

/**
 * Redeems the invitation and returns the patient's token response.
 * @throws ApiError `JHE.INVITATION_*` when JHE refuses the invitation,
 * `JHE.INVITATION_GRANT_REJECTED` when it refuses the code exchange.
 */
export async function redeemInvitation(
  deps: InvitationDependencies,
  invitationToken: string,
): Promise<TokenResponse> {
  const grant = await redeem(deps.client, invitationToken);
  const issuer = await deps.issuer.issuer();
  const config = patientAppConfiguration(deps.oauth, grant.client_id, issuer);
  // JHE's answer names an absolute token_endpoint built from the forwarded Host header;
  // the configuration sends to our own JHE origin instead.
  try {
    const response = await genericGrantRequest(config, 'authorization_code', {
      code: grant.code,
      redirect_uri: grant.redirect_uri,
      code_verifier: pkceVerifier(invitationToken),
    });
    return tokenResponse(response);
  } catch (error) {
    throw oauthFailure('invitation-grant', error);
  }
}

async function redeem(client: JheClient, invitationToken: string): Promise<InvitationGrant> {
  const response = await client.anonymous({
    method: 'POST', path: `${ADMIN_BASE_PATH}/invitation/${invitationToken}`,
  });
  if (response.status !== 200) throw jheError(response.status, response.body, 'invitation');
  const grant = (response.body as { grant?: Partial<InvitationGrant> } | undefined)?.grant;
  if (!grant || !isText(grant.code) || !isText(grant.client_id) || !isText(grant.redirect_uri)) {
    throw jheProblem('JHE.BAD_RESPONSE', new Error('invitation redemption without a grant'));
  }
  return grant as InvitationGrant;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
