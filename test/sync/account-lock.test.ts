/**
 * Issue 5: at most one worker works on an account at a time, across replicas (two state
 * handles on one Redis stand for two replicas), and a dead holder's lock frees itself.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/logging/logger.ts';
import { createState, type State } from '../../shared/state/index.ts';
import { withAccountLock } from '../../workers/sync/account-lock.ts';
import { deletePrefix } from '../state/redis-keys.ts';

const opened: State[] = [];
const prefixes: string[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((state) => state.close()));
  for (const prefix of prefixes.splice(0)) await deletePrefix('redis://127.0.0.1:6379', prefix);
});

async function replicas(): Promise<[State, State]> {
  const prefix = `pause-test-lock-${randomBytes(4).toString('hex')}:`;
  prefixes.push(prefix);
  const open = () => createState({ redisUrl: 'redis://127.0.0.1:6379', redisPrefix: prefix,
    encryptionKey: randomBytes(32) });
  const pair = [await open(), await open()] as [State, State];
  opened.push(...pair);
  return pair;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('account lock', () => {
  it('runs two replicas\' work on one account one after the other', async () => {
    const [one, two] = await replicas();
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} in`);
      await pause(150);
      events.push(`${name} out`);
    };
    const settings = { ttlMs: 5_000, waitMs: 5_000 };

    await Promise.all([
      withAccountLock(one.locks, 'oura:40001', settings, silentLogger(), work('a')),
      withAccountLock(two.locks, 'oura:40001', settings, silentLogger(), work('b')),
    ]);

    expect(events).toHaveLength(4);
    expect(events[0].split(' ')[0]).toBe(events[1].split(' ')[0]);
    expect(events[1]).toMatch(/ out$/);
  });

  it('lets other accounts through at once', async () => {
    const [one, two] = await replicas();
    const events: string[] = [];
    const settings = { ttlMs: 5_000, waitMs: 0 };
    const work = (name: string) => async () => {
      events.push(`${name} in`);
      await pause(100);
      events.push(`${name} out`);
    };

    await Promise.all([
      withAccountLock(one.locks, 'oura:40001', settings, silentLogger(), work('a')),
      withAccountLock(two.locks, 'oura:40002', settings, silentLogger(), work('b')),
    ]);
    expect(events.slice(0, 2).sort()).toEqual(['a in', 'b in']);
  });

  it('gives the job back as transient while another replica holds the account', async () => {
    const [one, two] = await replicas();
    await one.locks.acquire('sync:oura:40001', 60_000);

    const busy = withAccountLock(two.locks, 'oura:40001', { ttlMs: 5_000, waitMs: 300 },
      silentLogger(), async () => 'ran');

    await expect(busy).rejects.toMatchObject({ name: 'TransientError' });
  });

  it('takes over once a dead holder\'s lease has run out', async () => {
    const [one, two] = await replicas();
    // A holder that died: it took the lock and never renewed or released it.
    await one.locks.acquire('sync:oura:40001', 400);

    const result = await withAccountLock(two.locks, 'oura:40001',
      { ttlMs: 5_000, waitMs: 5_000 }, silentLogger(), async () => 'ran');

    expect(result).toBe('ran');
  });
});
