/**
 * Builds the JHE system API: the upstream connection, the FHIR base, the OAuth clients, the
 * token provider and the mounted contract.
 */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import type { JheConfig } from '../../shared/config/config.ts';
import { HttpTransport, type Transport } from '../../shared/http/transport.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import { resolveFhirBasePath } from './fhir-base-path.ts';
import { jheHandlers } from './handlers.ts';
import { JheClient } from './jhe-client.ts';
import {
  practitionerConfiguration, tokenExchangeConfiguration, type ClientCredentials,
  type OAuthSettings,
} from './oauth-config.ts';
import { OidcIssuer } from './oidc-issuer.ts';
import { practitionerTokenRequester } from './practitioner-token.ts';
import { TokenProvider } from './token-provider.ts';

/** The mounted API and what it settled on at start-up. */
export interface JheSystemApi {
  api: MountedApi;
  /** The FHIR base in use, after `auto` detection. */
  fhirBasePath: string;
  close(): Promise<void>;
}

/** The JHE connection settings once a real or sandbox JHE is known. */
export type JheConnection = Required<Pick<JheConfig, 'baseUrl' | 'clientId' | 'clientSecret'>>
  & Pick<JheConfig, 'fhirBasePath' | 'timeoutMs'>;

/** The SMART EHR exchange's client and audience; each defaults as documented. */
export interface TokenExchangeOptions extends Partial<ClientCredentials> {
  /** JHE's `site.url`; defaults to the JHE base URL. */
  audience?: string;
}

/** What {@link createJheSystemApi} needs. */
export interface JheSystemApiOptions {
  jhe: JheConnection;
  logger: Logger;
  validateResponses?: boolean;
  /** Defaults to the practitioner client and the JHE base URL. */
  tokenExchange?: TokenExchangeOptions;
  /** The clock token expiry is judged by, in epoch milliseconds; tests move it. */
  now?: () => number;
  /** Replaces the HTTP connection to JHE; tests script it. */
  transport?: Transport;
}

/**
 * Builds the API.
 * @throws Error when `JHE_FHIR_BASE_PATH` is `auto` and JHE shows neither FHIR base.
 */
export async function createJheSystemApi(options: JheSystemApiOptions): Promise<JheSystemApi> {
  const { jhe } = options;
  const origin = new URL(jhe.baseUrl).origin;
  const transport = options.transport ?? new HttpTransport(origin);
  try {
    const fhirBasePath = await resolveFhirBasePath(jhe.fhirBasePath, transport, jhe.timeoutMs);
    if (jhe.fhirBasePath === 'auto') {
      options.logger.info({ api: 'jhe', fhirBasePath }, 'JHE FHIR base detected');
    }

    const api = await mount(options, { origin, transport, timeoutMs: jhe.timeoutMs },
      fhirBasePath);
    return { api, fhirBasePath, close: () => transport.close() };
  } catch (error) {
    await transport.close();
    throw error;
  }
}

async function mount(
  options: JheSystemApiOptions,
  oauth: OAuthSettings,
  fhirBasePath: string,
): Promise<MountedApi> {
  const { jhe } = options;
  const practitioner = { clientId: jhe.clientId, clientSecret: jhe.clientSecret };
  const tokens = new TokenProvider({
    requestToken: practitionerTokenRequester(practitionerConfiguration(oauth, practitioner)),
    now: options.now,
  });
  const client = new JheClient(oauth.transport, tokens, fhirBasePath, jhe.timeoutMs);

  const exchange = options.tokenExchange ?? {};
  const exchangeClient = {
    clientId: exchange.clientId ?? practitioner.clientId,
    clientSecret: exchange.clientSecret ?? practitioner.clientSecret,
  };

  return mountApi({
    name: 'jhe',
    contractFile: join(SPECS_DIR, 'system/jhe.yaml'),
    handlers: jheHandlers({
      client,
      invitations: { client, oauth, issuer: new OidcIssuer(client, oauth.origin) },
      tokenExchange: {
        configuration: tokenExchangeConfiguration(oauth, exchangeClient),
        audience: exchange.audience ?? jhe.baseUrl,
      },
    }),
    logger: options.logger,
    validateResponses: options.validateResponses,
  });
}
