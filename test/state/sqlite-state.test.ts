/**
 * The state contract on the embedded SQLite adapter, plus what only a file can show:
 * data survives a restart, a dead worker's lease runs out, the schema is versioned.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createState, type JobContext, type State } from '../../shared/state/index.ts';
import { openDatabase } from '../../shared/state/sqlite/database.ts';
import { JobTable } from '../../shared/state/sqlite/job-table.ts';
import { describeStateContract, type StateFixture } from './state-contract.ts';
import { waitFor } from './wait-for.ts';

let files = 0;

function fileIn(dir: string): string {
  files += 1;
  return join(dir, `state-${files}.sqlite`);
}

/** Fast polling so queue tests spend their time on work, not on waiting for a poll. */
const TUNING = { pollIntervalMs: 10 };

function sqliteFixture(): StateFixture {
  const dir = mkdtempSync(join(tmpdir(), 'pause-state-contract-'));
  let file = fileIn(dir);
  return {
    async fresh() {
      file = fileIn(dir);
    },
    open: (keys) => createState({ sqliteFile: file, queue: TUNING, ...keys }),
    async rawContents() {
      // The WAL holds the newest pages until a checkpoint; the secret must be in neither.
      return [file, `${file}-wal`]
        .filter((path) => existsSync(path))
        .map((path) => readFileSync(path).toString('latin1'))
        .join('\n');
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeStateContract('sqlite', sqliteFixture());

describe('sqlite state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pause-state-file-'));
  const newFile = () => fileIn(dir);
  const key = randomBytes(32);
  const opened: State[] = [];

  async function open(file: string, leaseMs?: number): Promise<State> {
    const queue = { ...TUNING, ...(leaseMs ? { leaseMs } : {}) };
    const state = await createState({ sqliteFile: file, encryptionKey: key, queue });
    opened.push(state);
    return state;
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((state) => state.close()));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps everything across a restart', async () => {
    const file = newFile();
    const before = await open(file);
    await before.connections.put({
      patientId: 'p-1', vendor: 'oura', tokens: { accessToken: 'a' }, scopes: [],
      status: 'connected',
    });
    await before.watermarks.advance('oura:p-1', 'steps', '2024-05-01T00:00:00+02:00');
    await before.idempotency.claim('upload:1', 3_600_000);
    await before.idempotency.record('upload:1', { stored: 3 });
    await before.queue.enqueue({ id: 'pending', name: 'sync', data: { x: 1 } });
    await before.close();

    const after = await open(file);
    expect((await after.connections.get('p-1', 'oura'))?.tokens.accessToken).toBe('a');
    expect(await after.watermarks.get('oura:p-1', 'steps')).toBe('2024-05-01T00:00:00+02:00');
    expect((await after.idempotency.get('upload:1'))?.value).toEqual({ stored: 3 });
    const ran: JobContext[] = [];
    after.queue.process('sync', (job) => {
      ran.push(job);
    });
    await waitFor('the job enqueued before the restart', () => ran.length === 1);
    expect(ran[0].data).toEqual({ x: 1 });
  });

  it('runs again a job whose worker died holding it', async () => {
    const file = newFile();
    const state = await open(file, 200);
    await state.queue.enqueue({ id: 'orphan', name: 'sync', data: {}, attempts: 3 });
    // A worker in another process leases the job and is then killed: it never reports back.
    const ghost = openDatabase(file);
    expect(new JobTable(ghost).claimNext('sync', Date.now(), 50)?.id).toBe('orphan');
    ghost.close();

    const ran: JobContext[] = [];
    state.queue.process('sync', (job) => {
      ran.push(job);
    });
    await waitFor('the orphaned job to run', () => ran.length === 1);
    expect(ran[0].attempt).toBe(2);
  });

  it('dead-letters a job whose worker died on its last attempt', async () => {
    const file = newFile();
    const state = await open(file);
    await state.queue.enqueue({ id: 'poison', name: 'sync', data: {}, attempts: 1 });
    const ghost = openDatabase(file);
    new JobTable(ghost).claimNext('sync', Date.now(), 1);
    ghost.close();

    state.queue.process('sync', () => undefined);
    const letter = await waitFor('the dead letter', () => state.deadLetters.get('sync', 'poison'));
    expect(letter).toMatchObject({ kind: 'stalled', attempts: 1 });
  });

  it('creates a versioned schema, and refuses a file from a newer release', async () => {
    const file = newFile();
    await (await open(file)).close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: 3 }]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.prepare('UPDATE schema_version SET version = 99').run();
    db.close();

    await expect(open(file)).rejects.toThrow(/schema version 99/);
  });

  it('upgrades a version 1 file, keeping its data and adding held data points', async () => {
    const file = newFile();
    const before = await open(file);
    await before.watermarks.advance('oura:p-1', 'steps', '2024-05-01T00:00:00+02:00');
    await before.close();
    // What a release before held data points left on disk: no table, version 1.
    const db = openDatabase(file);
    db.exec('DROP TABLE held_data_points; DROP TABLE sync_status; '
      + 'UPDATE schema_version SET version = 1');
    db.close();

    const after = await open(file);
    expect(await after.watermarks.get('oura:p-1', 'steps')).toBe('2024-05-01T00:00:00+02:00');
    expect(await after.held.hold({ identifier: 'x', patientId: '1', vendor: 'oura',
      schema: 'pause:skin-temperature:1.0', dataPoint: {}, heldAt: '2024-05-01T00:00:00Z',
      reason: 'r' })).toBe(true);
  });

  it('runs in memory for tests', async () => {
    const state = await open(':memory:');
    expect(await state.idempotency.claim('k', 1_000)).toBe(true);
    expect(state.backend).toBe('sqlite');
  });

  it('refuses a key that is not 32 bytes, and a call with no backend', async () => {
    const file = newFile();
    await expect(createState({ sqliteFile: file, encryptionKey: randomBytes(16) }))
      .rejects.toThrow(/32 bytes/);
    await expect(createState({ encryptionKey: key })).rejects.toThrow(/redisUrl or sqliteFile/);
  });
});
