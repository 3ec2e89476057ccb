/**
 * Issue 5, fault injection: vendor 429 and 500 bursts, JHE 503s and a JHE that does not
 * answer in time, and a malformed record in the middle of a page. Everything good arrives
 * once; the bad record waits in the dead-letter queue with its reason; after the vendor
 * corrects it, a replay stores it once.
 */
import { request } from 'undici';
import { afterEach, expect, it } from 'vitest';
import { PATIENT, startSyncGateway, waitFor, type SyncGateway } from './harness.ts';
import { control } from './sandbox-control.ts';

let gateway: SyncGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const START = Date.parse('2026-06-30T00:00:00Z');
const GOOD_ROWS = 400;
// June has 30 days: the vendor wrote an impossible date; the sandbox lists the row where
// the corrected one will be, among the 1 July rows.
const BAD_TIMESTAMP = '2026-06-31T10:02:30+00:00';
const FIXED_TIMESTAMP = '2026-07-01T10:02:30+00:00';

function heartRateRows() {
  const rows: Record<string, unknown>[] = [];
  for (let index = 0; index < GOOD_ROWS; index += 1) {
    const timestamp = new Date(START + index * 300_000).toISOString().replace('.000Z', '+00:00');
    rows.push({ bpm: 60 + (index % 30), source: 'awake', timestamp });
  }
  return rows;
}

async function syncApi(method: 'GET' | 'POST', path: string) {
  const response = await request(`${gateway!.layer.url}/wearable-sync/v1${path}`, { method });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
}

it('retries what may pass, dead-letters the poison record, and replays it once', async () => {
  gateway = await startSyncGateway({ env: { JHE_TIMEOUT_MS: '1000', SYNC_ATTEMPTS: '8' } });
  const { oura, ow, jhe } = gateway;
  await control(oura.url, 'PUT', '/data/heartrate', { data: heartRateRows() });
  await control(oura.url, 'POST', '/data/heartrate/malformed', { at: FIXED_TIMESTAMP,
    row: { bpm: 71, source: 'awake', timestamp: BAD_TIMESTAMP } });
  await control(oura.url, 'POST', '/faults', [
    { path: '/heartrate', status: 429, retryAfterSeconds: 1, times: 2 },
    { path: '/sleep', status: 500, times: 3 },
  ]);
  await control(ow.url, 'POST', '/faults', { path: '/timeseries', status: 500, times: 2 });
  await control(jhe.url, 'POST', '/faults', [
    { path: '/FHIR/R5/', method: 'POST', status: 503, times: 2 },
    { path: '/FHIR/R5/', method: 'POST', delayMs: 2_500, times: 1 },
  ]);

  const worker = gateway.worker();
  expect(await worker.schedule()).toBe(9);
  const statuses = await waitFor('every data type synced', async () => {
    const all = await gateway!.state.syncStatus.list({ patientId: PATIENT });
    return all.length === 9 && all.every((status) => status.lastSuccessAt) ? all : undefined;
  }, 120_000);

  // Every fault was met and outlasted.
  expect(await control(oura.url, 'GET', '/faults')).toEqual({ faults: [] });
  expect(await control(jhe.url, 'GET', '/faults')).toEqual({ faults: [] });
  const heartRate = statuses.find((status) => status.dataType === 'heartrate')!;
  expect(heartRate.counts.stored + heartRate.counts.duplicate).toBe(GOOD_ROWS);
  expect(heartRate.counts.rejected).toBe(1);
  const identifiers = gateway.identifiers();
  expect(new Set(identifiers).size).toBe(identifiers.length);

  // The poison record is a dead letter with its reason; its page went on without it.
  const letter = await waitFor('the dead letter', async () => {
    const { body } = await syncApi('GET', '/dead-letters?name=sync.record');
    return body.items.length ? body.items[0] : undefined;
  });
  expect(letter).toMatchObject({ name: 'sync.record', kind: 'permanent',
    data: { vendor: 'oura', patientId: PATIENT, collection: 'heartrate' } });
  expect(letter.reason).toMatch(/DATAPOINT\.SCHEMA_INVALID/);

  // The vendor corrects the record; a replay stores it, once.
  const before = identifiers.length;
  await control(oura.url, 'PUT', '/data/heartrate', { data: [...heartRateRows(),
    { bpm: 71, source: 'awake', timestamp: FIXED_TIMESTAMP }] });
  const id = encodeURIComponent(letter.jobId);
  expect((await syncApi('POST', `/dead-letters/sync.record/${id}/replay`)).status).toBe(202);
  await waitFor('the replayed record', () => (gateway!.identifiers().length > before
    ? true : undefined));
  await waitFor('the record job to finish', async () => {
    const { body: after } = await syncApi('GET', '/dead-letters?name=sync.record');
    const status = await gateway!.state.syncStatus.get(`oura:${PATIENT}`, 'heartrate');
    return after.items.length === 0 && status!.counts.stored > heartRate.counts.stored
      ? true : undefined;
  });
  const final = gateway.identifiers();
  expect(final).toHaveLength(before + 1);
  expect(new Set(final).size).toBe(final.length);
  expect((await syncApi('POST', `/dead-letters/sync.record/${id}/replay`)).status).toBe(404);
}, 180_000);
