/**
 * The SMART EHR path: an EHR's id_token exchanged for a JHE access token at JHE's
 * `/o/token-exchange` (RFC 8693; reference §2.4). JHE requires every field below and
 * accepts `scope` only as `openid`.
 */
import { genericGrantRequest, type Configuration } from 'openid-client';
import { oauthFailure } from './oauth-errors.ts';
import { tokenResponse, type TokenResponse } from './token-response.ts';

/** RFC 8693's grant type. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
/** The kind of token JHE exchanges: an OIDC id_token. */
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
/** The kind of token JHE issues in return. */
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/**
 * Exchanges the id_token.
 * @param audience - JHE's `site.url`, exactly as JHE has it configured.
 * @throws ApiError `JHE.TOKEN_EXCHANGE_REJECTED` when JHE refuses the id_token.
 */
export async function exchangeIdToken(
  config: Configuration,
  audience: string,
  idToken: string,
): Promise<TokenResponse> {
  try {
    const response = await genericGrantRequest(config, TOKEN_EXCHANGE_GRANT, {
      subject_token: idToken,
      subject_token_type: ID_TOKEN_TYPE,
      requested_token_type: ACCESS_TOKEN_TYPE,
      audience,
      scope: 'openid',
    });
    return tokenResponse(response);
  } catch (error) {
    throw oauthFailure('token-exchange', error);
  }
}
