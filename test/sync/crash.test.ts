/**
 * Issue 5, crash safety: the worker process is killed (SIGKILL) in the middle of a poll,
 * between uploads and before its watermark moved; a new worker process finishes the job,
 * and JHE holds every expected Observation exactly once.
 */
import { once } from 'node:events';
import { afterEach, expect, it } from 'vitest';
import { PATIENT, startSyncGateway, waitFor, type SyncGateway } from './harness.ts';
import { control, onlyOuraHeartRate } from './sandbox-control.ts';

let gateway: SyncGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const ROWS = 12_000;

it('stores every Observation exactly once when the worker is killed mid-poll', async () => {
  gateway = await startSyncGateway({ env: {
    // One account, one data type with data: the heart-rate rows generated below.
    OPEN_WEARABLES_USERS: '',
    INGEST_BATCH_SIZE: '100',
    // A dead worker's job and account lock free up in seconds rather than minutes.
    STATE_QUEUE_LEASE_MS: '2000',
    SYNC_LOCK_TTL_MS: '2000',
  } });
  await onlyOuraHeartRate(gateway.oura.url);
  await control(gateway.oura.url, 'POST', '/data/heartrate/generate', {
    start: '2026-06-01T00:00:00+00:00', everySeconds: 300,
    end: new Date(Date.parse('2026-06-01T00:00:00Z') + ROWS * 300_000).toISOString(),
  });

  const first = gateway.spawnWorker();
  await waitFor('part of the upload', () => (gateway!.identifiers().length >= 2_000
    ? true : undefined), 120_000);
  first.kill('SIGKILL');
  await once(first, 'exit');
  const atKill = gateway.identifiers().length;
  expect(atKill).toBeLessThan(ROWS);
  expect(await gateway.state.watermarks.get(`oura:${PATIENT}`, 'heartrate')).toBeUndefined();

  gateway.spawnWorker();
  await waitFor('the heart-rate poll to finish', async () => {
    const status = await gateway!.state.syncStatus.get(`oura:${PATIENT}`, 'heartrate');
    return status?.lastSuccessAt ? status : undefined;
  }, 180_000);

  const identifiers = gateway.identifiers();
  expect(identifiers).toHaveLength(ROWS);
  expect(new Set(identifiers).size).toBe(ROWS);
  const status = await gateway.state.syncStatus.get(`oura:${PATIENT}`, 'heartrate');
  // The process tier may finish the killed worker's upload, so the new worker's run can
  // find any share of the rows stored already; together they are every row, once.
  expect(status!.counts.stored + status!.counts.duplicate).toBe(ROWS);
  expect(status!.counts.rejected).toBe(0);
  expect(status!.watermark).toBe(new Date(Date.parse('2026-06-01T00:00:00Z')
    + (ROWS - 1) * 300_000).toISOString().replace('.000Z', '+00:00'));
}, 300_000);
