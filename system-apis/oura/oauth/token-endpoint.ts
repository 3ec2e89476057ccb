/**
 * Calls to Oura's OAuth endpoints: the authorization-code and refresh-token grants at the
 * token endpoint (client credentials in the form, as Oura's examples send them) and the
 * revocation. Every call has the API's timeout. Token responses hold secrets: no error
 * built here carries a response body of a successful call, and nothing here logs one.
 */
import { ApiError } from '../../../shared/errors/problem.ts';
import type { Logger } from '../../../shared/logging/logger.ts';
import type { OutboundResponse, Transport } from '../../../shared/http/transport.ts';
import { ouraError, unanswered } from '../oura-errors.ts';
import type { ResolvedOAuth } from './settings.ts';

/** Tokens as Oura issued them. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken?: string;
  tokenType?: string;
  /** Seconds from issue. */
  expiresIn?: number;
  /** The granted scopes, when Oura listed them. */
  scopes?: string[];
}

/** Oura refused a code or refresh token (`invalid_grant`): it is used, expired or revoked. */
export class InvalidGrantError extends Error {
  constructor(grant: string) {
    super(`Oura refused the ${grant} (invalid_grant)`);
    this.name = 'InvalidGrantError';
  }
}

/** What became of a revocation at Oura. */
export type RevocationOutcome = 'revoked' | 'failed' | 'not_configured';

/** The transport that reaches a URL's origin. */
export type TransportFor = (url: string) => Transport;

/** Oura's token and revocation endpoints, for one OAuth client. */
export class OuraTokenEndpoint {
  constructor(
    private readonly settings: ResolvedOAuth,
    private readonly transportFor: TransportFor,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  /**
   * Exchanges the code Oura sent to the redirect URI.
   * @throws InvalidGrantError when Oura refuses the code; ApiError otherwise.
   */
  exchangeCode(code: string, verifier?: string): Promise<IssuedTokens> {
    const form: Record<string, string> = {
      grant_type: 'authorization_code', code, redirect_uri: this.settings.redirectUri,
    };
    if (verifier) form.code_verifier = verifier;
    return this.grant('authorization code', form);
  }

  /**
   * Renews an access token.
   * @throws InvalidGrantError when Oura refuses the refresh token; ApiError otherwise.
   */
  refresh(refreshToken: string): Promise<IssuedTokens> {
    return this.grant('refresh token',
      { grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** Asks Oura to revoke the grant behind `accessToken`; never throws. */
  async revoke(accessToken: string): Promise<RevocationOutcome> {
    const url = this.settings.revokeUrl;
    if (!url) return 'not_configured';
    try {
      const response = await this.transportFor(url).send({
        method: 'POST', path: new URL(url).pathname, query: { access_token: accessToken },
        headers: { accept: 'application/json' }, timeoutMs: this.timeoutMs,
      });
      if (response.status >= 200 && response.status < 300) return 'revoked';
      this.log.warn({ status: response.status }, 'Oura refused to revoke a grant');
    } catch (error) {
      this.log.warn({ reason: (error as Error).message }, 'Oura revocation got no answer');
    }
    return 'failed';
  }

  private async grant(grant: string, form: Record<string, string>): Promise<IssuedTokens> {
    const url = this.settings.tokenUrl;
    const body = new URLSearchParams({ ...form, client_id: this.settings.clientId,
      client_secret: this.settings.clientSecret });
    let response: OutboundResponse;
    try {
      response = await this.transportFor(url).send({
        method: 'POST', path: new URL(url).pathname, headers: { accept: 'application/json' },
        rawBody: { contentType: 'application/x-www-form-urlencoded', text: body.toString() },
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      throw unanswered(error);
    }
    if (response.status !== 200) throw refusal(grant, response);
    return issuedTokens(response.body);
  }
}

/** The error for a token endpoint answer other than 200. */
function refusal(grant: string, response: OutboundResponse): Error {
  const { status } = response;
  const oauthError = (response.body as { error?: unknown } | undefined)?.error;
  if (oauthError === 'invalid_grant') return new InvalidGrantError(grant);
  if (status === 429 || status >= 500) return ouraError(response);
  const name = typeof oauthError === 'string' ? oauthError.slice(0, 100) : 'no OAuth error';
  return new ApiError(502, 'OURA.AUTH_FAILED', 'Oura refused the gateway\'s OAuth request', {
    cause: new Error(`token endpoint, ${grant}: ${status} ${name}`),
  });
}

/**
 * Reads a token response (RFC 6749, section 5.1).
 * @throws ApiError `OURA.BAD_RESPONSE` when it lacks a usable access token.
 */
function issuedTokens(body: unknown): IssuedTokens {
  const fields = (body ?? {}) as Record<string, unknown>;
  const tokenType = fields.token_type;
  if (typeof fields.access_token !== 'string' || fields.access_token === ''
    || (typeof tokenType === 'string' && tokenType.toLowerCase() !== 'bearer')) {
    throw new ApiError(502, 'OURA.BAD_RESPONSE', 'Oura answered a token request oddly', {
      cause: new Error('token response without a bearer access_token'),
    });
  }
  const tokens: IssuedTokens = { accessToken: fields.access_token };
  if (typeof fields.refresh_token === 'string') tokens.refreshToken = fields.refresh_token;
  if (typeof tokenType === 'string') tokens.tokenType = tokenType;
  if (typeof fields.expires_in === 'number' && fields.expires_in > 0) {
    tokens.expiresIn = fields.expires_in;
  }
  if (typeof fields.scope === 'string') tokens.scopes = fields.scope.split(' ').filter(Boolean);
  return tokens;
}
