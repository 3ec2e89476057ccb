/**
 * Polling with a deadline, so tests wait on state rather than on the clock: a slow machine
 * makes them slower, never red, and a real hang fails with what was being waited for.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Resolves with the first truthy value of `probe`, asked every `everyMs`; rejects after
 * `timeoutMs`.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 10_000,
  everyMs = 10,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Lets other work run for `ms`; used only before asserting that something did NOT happen. */
export function settle(ms: number): Promise<void> {
  return sleep(ms).then(() => undefined);
}
