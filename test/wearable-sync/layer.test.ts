/**
 * Sync status and dead letters through the whole layer (all tiers in one process, with the
 * embedded sandboxes): the Pause backend's sync-status route reaches the wearable-sync
 * process API, and the `dead-letters` commands drive the dead-letter queue over HTTP. The
 * test opens a second state on the layer's SQLite file and plays the worker's part: it
 * records sync runs and runs jobs that fail into the dead-letter queue.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config/config.ts';
import { silentLogger } from '../../shared/logging/logger.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import {
  createState, PermanentError, type JobContext, type JobProcessor, type State,
} from '../../shared/state/index.ts';
import { startLayer, type RunningLayer } from '../../bin/layer/layer.ts';
import { runDeadLetterCommand, type Output } from '../../bin/dead-letter-commands.ts';
import { waitFor } from '../state/wait-for.ts';

const JOB = 'sync.record';
const POISON_ID = 'oura:40001:heartrate:record:hr-0003';

let directory: string;
let layer: RunningLayer;
let worker: State;
let pool: JobProcessor;
const ran: JobContext[] = [];
let fixed = false;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'pause-wsync-'));
  const key = randomBytes(32);
  const sqliteFile = join(directory, 'state.sqlite');
  layer = await startLayer(loadConfig({
    PORT: '0', STATE_SQLITE_FILE: sqliteFile, STATE_ENCRYPTION_KEY: key.toString('base64'),
    JHE_SANDBOX_DATA_FILE: 'none', VALIDATE_RESPONSES: 'true',
  }), silentLogger());
  worker = await createState({ sqliteFile, encryptionKey: key,
    queue: { pollIntervalMs: 20 } });
  pool = worker.queue.process(JOB, (job) => {
    ran.push(job);
    if (!fixed) throw new PermanentError('heart_rate.value is missing at /data/2');
  });
});

afterAll(async () => {
  await pool?.close();
  await worker?.close();
  await layer?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

/** Runs a command in this process and keeps what it printed. */
async function command(...args: string[]) {
  const printed = { out: '', err: '' };
  const output: Output = {
    out: (text) => { printed.out += text; },
    err: (text) => { printed.err += text; },
  };
  const code = await runDeadLetterCommand([...args, '--url', layer.url], output);
  return { code, ...printed };
}

/** Runs `pause-gateway` as a separate process, as an operator would. */
function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'bin/pause-gateway.ts'), ...args, '--url', layer.url],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stderr.on('data', (chunk) => { err += chunk; });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

async function poison(id: string): Promise<void> {
  await worker.queue.enqueue({ id, name: JOB, data: { vendor: 'oura', patientId: '40001',
    collection: 'heartrate', sourceKey: id.split(':').pop() } });
  await waitFor(`the dead letter ${id}`, () => worker.deadLetters.get(JOB, id));
}

describe('sync status through the Pause backend experience API', () => {
  it('answers the patient\'s status per vendor and data type', async () => {
    const oura = { vendor: 'oura', patientId: '40001' };
    await worker.syncStatus.recordSuccess({ ...oura, dataType: 'heartrate' }, {
      at: '2026-03-10T10:00:00+00:00', counts: { fetched: 288, stored: 287, duplicate: 1 },
      watermark: '2026-03-10T09:55:00+01:00' });
    await worker.syncStatus.recordFailure({ ...oura, dataType: 'sleep' }, {
      at: '2026-03-10T10:01:00+00:00', error: { code: 'UPSTREAM.RATE_LIMITED',
        message: 'Oura asked to slow down' } });
    await worker.syncStatus.recordSuccess({ vendor: 'open-wearables', patientId: '40001',
      dataType: 'timeseries' }, { at: '2026-03-10T10:02:00+00:00', counts: { rejected: 2 } });
    await worker.syncStatus.recordSuccess({ ...oura, patientId: '40002',
      dataType: 'heartrate' }, { at: '2026-03-10T10:00:00+00:00', counts: { stored: 5 } });

    const before = Date.now();
    const answer = await request(layer.url).get('/pause/v1/patients/40001/wearables/sync-status');
    const after = Date.now();

    expect(answer.status).toBe(200);
    const zero = { fetched: 0, stored: 0, duplicate: 0, rejected: 0, skipped: 0, held: 0,
      deadLettered: 0 };
    const lag = answer.body.vendors[1]?.dataTypes[0]?.lagSeconds;
    expect(answer.body).toEqual({ patientId: 40001, vendors: [
      { vendor: 'open-wearables', dataTypes: [{ dataType: 'timeseries',
        lastSuccessAt: '2026-03-10T10:02:00+00:00', counts: { ...zero, rejected: 2 } }] },
      { vendor: 'oura', dataTypes: [
        { dataType: 'heartrate', lastSuccessAt: '2026-03-10T10:00:00+00:00',
          watermark: '2026-03-10T09:55:00+01:00', lagSeconds: lag,
          counts: { ...zero, fetched: 288, stored: 287, duplicate: 1 } },
        { dataType: 'sleep', lastFailureAt: '2026-03-10T10:01:00+00:00',
          lastError: { code: 'UPSTREAM.RATE_LIMITED', message: 'Oura asked to slow down' },
          counts: zero },
      ] },
    ] });
    const watermarkMs = Date.parse('2026-03-10T08:55:00Z');
    expect(lag).toBeGreaterThanOrEqual(Math.floor((before - watermarkMs) / 1000));
    expect(lag).toBeLessThanOrEqual(Math.floor((after - watermarkMs) / 1000));

    const nobody = await request(layer.url).get('/pause/v1/patients/49999/wearables/sync-status');
    expect([nobody.status, nobody.body]).toEqual([200, { patientId: 49999, vendors: [] }]);
    const invalid = await request(layer.url).get('/pause/v1/patients/0/wearables/sync-status');
    expect([invalid.status, invalid.body.code]).toEqual([400, 'REQUEST.INVALID']);
  });

  it('lists the sandbox\'s Open Wearables user among the accounts to poll', async () => {
    const answer = await request(layer.url).get('/wearable-sync/v1/accounts');
    expect(answer.status).toBe(200);
    expect(answer.body.items).toContainEqual(expect.objectContaining({
      accountKey: 'open-wearables:40001', vendor: 'open-wearables', patientId: '40001' }));
  });
});

describe('pause-gateway dead-letters', () => {
  it('lists, shows and replays a poison record, which then runs once more', async () => {
    await poison(POISON_ID);

    const listed = await command('list', '--name', JOB);
    expect(listed).toMatchObject({ code: 0, err: '' });
    expect(listed.out).toContain(`${JOB}  ${POISON_ID}  permanent after 1/5: `
      + 'heart_rate.value is missing at /data/2');
    expect(listed.out).toMatch(/\n1 dead letter\n$/);

    const shown = await command('show', JOB, POISON_ID);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`job id:       ${POISON_ID}\n`);
    expect(shown.out).toContain('reason:       heart_rate.value is missing at /data/2\n');
    expect(shown.out).toContain('data:         {"vendor":"oura","patientId":"40001",'
      + '"collection":"heartrate","sourceKey":"hr-0003"}\n');

    fixed = true;
    const replayed = await command('replay', JOB, POISON_ID);
    expect(replayed).toEqual({ code: 0, out: `replayed ${JOB} ${POISON_ID}\n`, err: '' });
    await waitFor('the replayed record to run', () =>
      ran.filter((job) => job.id === POISON_ID).length === 2);
    expect(await worker.deadLetters.get(JOB, POISON_ID)).toBeUndefined();

    const again = await command('replay', JOB, POISON_ID);
    expect(again.code).toBe(1);
    expect(again.out).toBe('');
    expect(again.err).toContain('request failed with 404');
    expect(JSON.parse(again.err.slice(again.err.indexOf('{')))).toMatchObject({
      status: 404, code: 'DEAD_LETTER.NOT_FOUND' });
    fixed = false;
  });

  it('removes a dead letter, from a separate pause-gateway process', async () => {
    const id = 'oura:40001:heartrate:record:hr-0009';
    await poison(id);

    const listed = await command('list');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`${JOB}  ${id}  permanent`);

    const removed = await cli('dead-letters', 'remove', JOB, id);
    expect([removed.code, removed.out]).toEqual([0, `removed ${JOB} ${id}\n`]);
    expect(await worker.deadLetters.get(JOB, id)).toBeUndefined();

    const missing = await cli('dead-letters', 'show', JOB, id);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('"code": "DEAD_LETTER.NOT_FOUND"');

    const usage = await command('replay', JOB);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/^usage: pause-gateway dead-letters/);
  });
});
