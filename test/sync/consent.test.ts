/**
 * Issue 5: a permanent failure is not retried. A patient who has not consented to heart
 * rate gets every record refused by JHE; the poll fails at once, keeps its watermark and
 * waits as a dead letter, while the consented patient's data flows. Once consent is given,
 * a replay stores the data type, each Observation once.
 */
import { request } from 'undici';
import { afterEach, expect, it } from 'vitest';
import { startSyncGateway, waitFor, type SyncGateway } from './harness.ts';
import { onlyOuraHeartRate } from './sandbox-control.ts';
import { DEFAULT_SANDBOX_TOKEN } from '../../sandbox/oura/app.ts';

let gateway: SyncGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const UNCONSENTED = '40002';

async function call(method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await request(gateway!.layer.url + path, { method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' } });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
}

it('dead-letters a poll JHE refuses for consent, and replays it once consent is given',
  async () => {
    gateway = await startSyncGateway({ env: { OPEN_WEARABLES_USERS: '', SYNC_ATTEMPTS: '5' } });
    await onlyOuraHeartRate(gateway.oura.url);
    await gateway.state.connections.put({ patientId: UNCONSENTED, vendor: 'oura',
      tokens: { accessToken: DEFAULT_SANDBOX_TOKEN }, scopes: ['heartrate'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(), status: 'connected' });
    const worker = gateway.worker();
    expect(await worker.schedule()).toBe(12);

    const letter = await waitFor('the refused poll', async () => {
      const letters = await gateway!.state.deadLetters.list({ name: 'sync.pull' });
      return letters[0];
    });
    expect(letter).toMatchObject({ kind: 'permanent', attempts: 1,
      data: { patientId: UNCONSENTED, collection: 'heartrate' } });
    expect(letter.reason).toMatch(/^JHE refused \d+ records of the pull; CONSENT.MISSING: /);
    expect(await gateway.state.watermarks.get(`oura:${UNCONSENTED}`, 'heartrate'))
      .toBeUndefined();
    expect(gateway.identifiers(Number(UNCONSENTED))).toEqual([]);
    const consented = await waitFor('the consented patient', async () => {
      const status = await gateway!.state.syncStatus.get('oura:40001', 'heartrate');
      return status?.lastSuccessAt ? status : undefined;
    });

    const grant = await call('POST', `/jhe/v1/patients/${UNCONSENTED}/consents`, {
      studyScopeConsents: [{ studyId: gateway.jhe.demo.studyId, scopeConsents: [{
        codingSystem: 'https://w3id.org/openmhealth', codingCode: 'omh:heart-rate:2.0',
        consented: true }] }] });
    expect(grant.status).toBe(201);
    const id = encodeURIComponent(letter.jobId);
    expect((await call('POST', `/wearable-sync/v1/dead-letters/sync.pull/${id}/replay`))
      .status).toBe(202);

    const status = await waitFor('the replayed poll', async () => {
      const after = await gateway!.state.syncStatus.get(`oura:${UNCONSENTED}`, 'heartrate');
      return after?.lastSuccessAt ? after : undefined;
    });
    const identifiers = gateway.identifiers(Number(UNCONSENTED));
    expect(identifiers.length).toBe(consented.counts.stored);
    expect(new Set(identifiers).size).toBe(identifiers.length);
    expect(status.counts.stored).toBe(identifiers.length);
    expect(status.watermark).toBe(consented.watermark);
    expect(await gateway.state.deadLetters.list({ name: 'sync.pull' })).toEqual([]);
  }, 120_000);
