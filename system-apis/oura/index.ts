/** Builds the Oura system API over Oura (or the Oura sandbox). */
import { join } from 'node:path';
import { mountApi, type MountedApi } from '../../shared/api-kit/mount-api.ts';
import { HttpTransport } from '../../shared/http/transport.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { SPECS_DIR } from '../../shared/paths.ts';
import { ouraHandlers } from './handlers.ts';
import { OuraClient } from './oura-client.ts';

export interface OuraConnection {
  baseUrl: string;
  accessToken: string;
  timeoutMs: number;
}

export async function createOuraSystemApi(options: {
  oura: OuraConnection;
  logger: Logger;
  validateResponses?: boolean;
}): Promise<{ api: MountedApi; close(): Promise<void> }> {
  const { oura } = options;
  const client = new OuraClient(new HttpTransport(oura.baseUrl), oura.accessToken,
    oura.timeoutMs);
  const api = await mountApi({
    name: 'oura',
    contractFile: join(SPECS_DIR, 'system/oura.yaml'),
    handlers: ouraHandlers(client),
    logger: options.logger,
    validateResponses: options.validateResponses,
  });
  return { api, close: () => client.close() };
}
