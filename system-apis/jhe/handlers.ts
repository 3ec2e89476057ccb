/**
 * Operation handlers of the JHE system API, bound by operationId from `specs/system/jhe.yaml`.
 */
import type { Handlers } from '../../shared/api-kit/handlers.ts';
import { adminHandlers } from './admin-handlers.ts';
import { authHandlers, type TokenExchangeSettings } from './auth-handlers.ts';
import { consentHandlers } from './consent-handlers.ts';
import type { InvitationDependencies } from './invitation.ts';
import type { JheClient } from './jhe-client.ts';
import { observationHandlers } from './observation-handlers.ts';

/** Everything the handlers reach JHE through. */
export interface HandlerDependencies {
  client: JheClient;
  invitations: InvitationDependencies;
  tokenExchange: TokenExchangeSettings;
}

/** Every handler of the API. */
export function jheHandlers(deps: HandlerDependencies): Handlers {
  return {
    ...observationHandlers(deps.client),
    ...adminHandlers(deps.client),
    ...consentHandlers(deps.client),
    ...authHandlers(deps.invitations, deps.tokenExchange),
  };
}
