/**
 * Opens the layer's state (vendor connections, watermarks, idempotency records, locks, jobs):
 * Redis when `REDIS_URL` is set, otherwise the embedded SQLite file.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { StateConfig } from '../../shared/config/config.ts';
import type { Logger } from '../../shared/logging/logger.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { createState, type State } from '../../shared/state/index.ts';

export async function openLayerState(config: StateConfig, logger: Logger): Promise<State> {
  const inMemory = config.sqliteFile === ':memory:';
  const sqliteFile = inMemory ? ':memory:' : resolve(PROJECT_ROOT, config.sqliteFile);
  if (!config.redisUrl && !inMemory) mkdirSync(dirname(sqliteFile), { recursive: true });
  const encryptionKey = config.encryptionKey ?? developmentKey(sqliteFile, inMemory, logger);
  return createState({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, sqliteFile,
    encryptionKey, queue: { leaseMs: config.queueLeaseMs },
    onError: (error) => logger.error({ err: error }, 'state worker error') });
}

/**
 * Without STATE_ENCRYPTION_KEY the embedded default still seals tokens, with a key kept
 * beside the database so a restart can read them; a deployment must set its own key.
 */
function developmentKey(sqliteFile: string, inMemory: boolean, logger: Logger): Buffer {
  logger.warn('STATE_ENCRYPTION_KEY is not set: vendor tokens are sealed with a development '
    + 'key; set a real key before any real patient connects');
  if (inMemory) return randomBytes(32);
  const keyFile = `${sqliteFile}.key`;
  if (!existsSync(keyFile)) {
    writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  chmodSync(keyFile, 0o600);
  return Buffer.from(readFileSync(keyFile, 'utf8'), 'base64');
}
