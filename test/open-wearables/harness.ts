/**
 * The Open Wearables system API over HTTP to a fresh OW sandbox, with responses validated
 * against the contract, as each test here needs it.
 */
import { readFileSync } from 'node:fs';
import { silentLogger } from '../../shared/logging/logger.ts';
import { DEFAULT_SANDBOX_API_KEY, SANDBOX_USER_ID } from '../../sandbox/open-wearables/app.ts';
import {
  startOpenWearablesSandbox, type RunningOpenWearablesSandbox,
  type StartOpenWearablesSandboxOptions,
} from '../../sandbox/open-wearables/server.ts';
import {
  createOpenWearablesSystemApi, type OpenWearablesConnection,
} from '../../system-apis/open-wearables/index.ts';

export const BASE = `/open-wearables/v1/users/${SANDBOX_USER_ID}`;

export interface OwHarness {
  sandbox: RunningOpenWearablesSandbox;
  app: Awaited<ReturnType<typeof createOpenWearablesSystemApi>>['api']['app'];
  close(): Promise<void>;
}

/** Starts a sandbox and the system API pointed at it; `ow` overrides the connection. */
export async function startOwHarness(options: {
  sandbox?: StartOpenWearablesSandboxOptions;
  ow?: Partial<OpenWearablesConnection>;
} = {}): Promise<OwHarness> {
  const sandbox = await startOpenWearablesSandbox({ logger: silentLogger(), ...options.sandbox });
  const system = await createOpenWearablesSystemApi({
    ow: { baseUrl: sandbox.url, apiKey: DEFAULT_SANDBOX_API_KEY, timeoutMs: 5_000,
      ...options.ow },
    logger: silentLogger(),
    validateResponses: true,
  });
  return {
    sandbox,
    app: system.api.app,
    close: async () => {
      await system.close();
      await sandbox.close();
    },
  };
}

/** The `data` rows of one of the sandbox's sample files. */
export function sampleRows(file: string): Record<string, unknown>[] {
  const url = new URL(`../../sandbox/open-wearables/data/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { data: Record<string, unknown>[] }).data;
}

export const TIMESERIES = sampleRows('constructed_timeseries_response.json');
export const ACTIVITY = sampleRows('constructed_summaries_activity_response.json');
export const SLEEP = sampleRows('constructed_events_sleep_response.json');
