/**
 * Builds the JHE system API: the upstream connection, token provider and mounted contract.
 */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import type { JheConfig } from '../../shared/config/config.ts';
import { HttpTransport } from '../../shared/http/transport.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import { jheHandlers } from './handlers.ts';
import { JheClient } from './jhe-client.ts';
import { TokenProvider } from './token-provider.ts';

export interface JheSystemApi {
  api: MountedApi;
  close(): Promise<void>;
}

/** The JHE connection settings once a real or sandbox JHE is known. */
export type JheConnection = Required<Pick<JheConfig, 'baseUrl' | 'clientId' | 'clientSecret'>>
  & Pick<JheConfig, 'fhirBasePath' | 'timeoutMs'>;

export async function createJheSystemApi(options: {
  jhe: JheConnection;
  logger: Logger;
  validateResponses?: boolean;
}): Promise<JheSystemApi> {
  const { jhe } = options;
  const transport = new HttpTransport(jhe.baseUrl);
  const tokens = new TokenProvider({
    transport, clientId: jhe.clientId, clientSecret: jhe.clientSecret, timeoutMs: jhe.timeoutMs,
  });
  const client = new JheClient(transport, tokens, jhe.fhirBasePath, jhe.timeoutMs);
  const api = await mountApi({
    name: 'jhe',
    contractFile: join(SPECS_DIR, 'system/jhe.yaml'),
    handlers: jheHandlers(client),
    logger: options.logger,
    validateResponses: options.validateResponses,
  });
  return { api, close: () => client.close() };
}
