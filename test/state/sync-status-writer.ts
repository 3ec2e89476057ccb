/**
 * A separate process for the sync status tests: opens the state named by its argument and
 * records `runs` successes of `{ stored: 1 }` at once, then exits 0. Two of these on the
 * same storage show that increments from different processes are never lost.
 *
 * Argument: JSON `{ sqliteFile?, redisUrl?, redisPrefix?, runs }`.
 */
import { randomBytes } from 'node:crypto';
import { createState } from '../../shared/state/index.ts';

const { runs, ...where } = JSON.parse(process.argv[2] ?? '{}') as {
  sqliteFile?: string; redisUrl?: string; redisPrefix?: string; runs: number;
};
const state = await createState({ ...where, encryptionKey: randomBytes(32) });
const key = { vendor: 'oura', patientId: '40001', dataType: 'heartrate' };

await Promise.all(Array.from({ length: runs }, () =>
  state.syncStatus.recordSuccess(key, { at: '2024-05-01T02:00:00Z', counts: { stored: 1 } })));
await state.close();
