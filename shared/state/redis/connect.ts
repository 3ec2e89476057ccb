/**
 * Connecting to Redis so that a wrong URL or a stopped server fails at start-up with a
 * sentence, rather than as commands that hang in ioredis's offline queue.
 */
import { Redis, type RedisOptions } from 'ioredis';

/** How long start-up waits for Redis to answer. */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * Opens a client and waits until Redis answers a PING.
 *
 * @param url - e.g. `redis://127.0.0.1:6379`
 * @param options - extra ioredis options (BullMQ needs `maxRetriesPerRequest: null`)
 * @param onError - receives connection errors after start-up (ioredis reconnects by itself)
 * @throws Error naming the URL (without credentials) when Redis does not answer
 */
export async function connectRedis(
  url: string,
  options: RedisOptions = {},
  onError: (error: unknown) => void = () => undefined,
): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    ...options,
  });
  let started = false;
  // Without a listener ioredis raises every failed reconnect as an unhandled 'error'.
  client.on('error', (error) => {
    if (started) onError(error);
  });

  try {
    await client.connect();
    await client.ping();
    started = true;
    return client;
  } catch (error) {
    client.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Redis at ${withoutPassword(url)} did not answer (${reason}): start it, ` +
      'or unset REDIS_URL to use the embedded SQLite state');
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
