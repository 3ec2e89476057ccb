/** The one entry point to the state layer: picks the adapter from the options. */
import type { State } from './ports.ts';
import { openRedisState } from './redis/redis-state.ts';
import { openSqliteState } from './sqlite/sqlite-state.ts';
import { resolveStateOptions, type StateOptions } from './state-options.ts';

/**
 * Opens the state layer: Redis (BullMQ for jobs) when `redisUrl` is given, otherwise the
 * SQLite file, which needs no service and survives restarts.
 *
 * @throws TypeError when neither `redisUrl` nor `sqliteFile` is given
 * @throws RangeError when the encryption key is not 32 bytes
 * @throws Error when Redis does not answer, or the SQLite file is from a newer release
 * @see ../../../shared/design/ARCHITECTURE.md, section "State"
 * @example
 * ```ts
 * const state = await createState({
 *   sqliteFile: 'var/pause-state.sqlite',
 *   redisUrl: process.env.REDIS_URL || undefined,
 *   encryptionKey: Buffer.from(process.env.STATE_ENCRYPTION_KEY ?? '', 'base64'),
 * });
 * await state.watermarks.advance('oura:p-42', 'heart-rate', '2024-05-01T06:30:00+05:00');
 * await state.close();
 * ```
 */
export async function createState(options: StateOptions): Promise<State> {
  const resolved = resolveStateOptions(options);
  if (options.redisUrl) {
    return openRedisState(options.redisUrl, options.redisPrefix ?? 'pause:', resolved);
  }
  if (!options.sqliteFile) {
    throw new TypeError('createState needs redisUrl or sqliteFile (a path, or ":memory:")');
  }
  return openSqliteState(options.sqliteFile, resolved);
}
