/**
 * The practitioner API client's token request: client credentials at JHE's `/o/token/`,
 * the API key sent as HTTP Basic (reference §2.3). The token acts as the practitioner who
 * owns the client.
 */
import { clientCredentialsGrant, type Configuration } from 'openid-client';
import { oauthFailure } from './oauth-errors.ts';
import type { IssuedToken } from './token-provider.ts';

/**
 * A token requester for {@link TokenProvider}.
 * @throws ApiError `JHE.AUTH_FAILED` when JHE refuses the key, `UPSTREAM.*` when it fails.
 */
export function practitionerTokenRequester(config: Configuration): () => Promise<IssuedToken> {
  return async () => {
    try {
      const response = await clientCredentialsGrant(config);
      return { accessToken: response.access_token, expiresIn: response.expires_in };
    } catch (error) {
      throw oauthFailure('client-credentials', error);
    }
  };
}
