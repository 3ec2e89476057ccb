/**
 * At most one worker, in any replica, works on an account at a time: a lease in the state
 * layer, renewed while the work runs, that frees itself if its holder dies.
 */
import type { Logger } from '../../shared/logging/logger.ts';
import { TransientError, type Lock, type LockService } from '../../shared/state/index.ts';

export interface LockSettings {
  ttlMs: number;
  /** How long to wait for another holder before giving the job back to the queue. */
  waitMs: number;
}

const RETRY_EVERY_MS = 200;

/**
 * Runs `work` holding the account's lock. When another worker keeps it past `waitMs`, the
 * job fails as transient, so the queue tries it again later rather than running it twice
 * at once.
 */
export async function withAccountLock<T>(
  locks: LockService,
  account: string,
  settings: LockSettings,
  logger: Logger,
  work: () => Promise<T>,
): Promise<T> {
  const lock = await acquire(locks, `sync:${account}`, settings);
  if (!lock) {
    throw new TransientError(`another worker is syncing ${account}`,
      { retryAfterMs: RETRY_EVERY_MS * 5 });
  }
  const renewal = keepRenewing(lock, settings.ttlMs, logger);
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await lock.release();
  }
}

async function acquire(locks: LockService, name: string, settings: LockSettings) {
  const deadline = Date.now() + settings.waitMs;
  for (;;) {
    const lock = await locks.acquire(name, settings.ttlMs);
    if (lock || Date.now() >= deadline) return lock;
    await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
  }
}

/**
 * Renews at a third of the ttl, so two renewals may fail before the lease lapses. A lost
 * lease is logged, not fatal: the work is idempotent, so an overlap costs duplicates at
 * JHE's door, never duplicates in JHE.
 */
function keepRenewing(lock: Lock, ttlMs: number, logger: Logger): NodeJS.Timeout {
  const timer = setInterval(() => {
    lock.extend(ttlMs).then((held) => {
      if (!held) logger.warn({ lock: lock.name }, 'account lock lost while syncing');
    }, (error: unknown) => logger.warn({ err: error, lock: lock.name }, 'lock renewal failed'));
  }, Math.max(250, Math.floor(ttlMs / 3)));
  timer.unref();
  return timer;
}
