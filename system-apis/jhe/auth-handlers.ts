/**
 * Token operations for internal callers: a patient token from an invitation, and a JHE
 * token for an EHR user's id_token. Tokens pass through in the response body only; they are
 * never logged, and the answers forbid caching.
 */
import type { Configuration } from 'openid-client';
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import { redeemInvitation, type InvitationDependencies } from './invitation.ts';
import { exchangeIdToken } from './token-exchange.ts';

/** The SMART EHR exchange: JHE's client for it and the audience JHE expects. */
export interface TokenExchangeSettings {
  configuration: Configuration;
  audience: string;
}

const NO_STORE = { 'cache-control': 'no-store' };

/** Handlers of the token operations. */
export function authHandlers(
  invitations: InvitationDependencies,
  exchange: TokenExchangeSettings,
): Handlers {
  return {
    async redeemInvitation(request: ApiRequest<{ token: string }>) {
      const body = await redeemInvitation(invitations, request.body.token);
      request.log.info('invitation redeemed');
      return { status: 200, body, headers: NO_STORE };
    },

    async exchangeIdToken(request: ApiRequest<{ idToken: string }>) {
      const body = await exchangeIdToken(exchange.configuration, exchange.audience,
        request.body.idToken);
      request.log.info('id_token exchanged');
      return { status: 200, body, headers: NO_STORE };
    },
  };
}
