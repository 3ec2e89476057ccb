/**
 * Issue 5: the sync worker polls every connected account's data types through the ingest
 * process API, stores each Observation once, moves each watermark to the data's last
 * instant, and a later poll stores nothing twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PATIENT, startSyncGateway, waitFor, type SyncGateway } from './harness.ts';

let gateway: SyncGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

/** Every data type's status, once each has had a successful run since `since`. */
async function allSynced(g: SyncGateway, types: number, since = '') {
  return waitFor(`${types} data types synced`, async () => {
    const statuses = await g.state.syncStatus.list({ patientId: PATIENT });
    const done = statuses.filter((status) => (status.lastSuccessAt ?? '') > since);
    return done.length === types ? statuses : undefined;
  });
}

describe('sync worker', () => {
  it('polls each account data type once and stores every Observation once', async () => {
    gateway = await startSyncGateway();
    const worker = gateway.worker();

    // Oura: six collections through the patient's connection; Open Wearables: three.
    expect(await worker.schedule()).toBe(9);
    expect(await worker.schedule()).toBe(0);
    const statuses = await allSynced(gateway, 9);

    const identifiers = gateway.identifiers();
    expect(new Set(identifiers).size).toBe(identifiers.length);
    const stored = statuses.reduce((sum, status) => sum + status.counts.stored, 0);
    expect(identifiers.length).toBe(stored);
    expect(stored).toBeGreaterThan(20);
    for (const status of statuses) {
      expect(status.lastError).toBeUndefined();
      if (status.counts.stored + status.counts.held > 0) {
        expect(status.watermark, status.dataType).toMatch(/^2026-0[34]-/);
        const stored = await gateway.state.watermarks.get(status.accountKey, status.dataType);
        expect(stored).toBe(status.watermark);
      }
    }
  });

  it('polls again from the watermark and stores nothing twice', async () => {
    gateway = await startSyncGateway({ env: { SYNC_INTERVAL_MS: '1000' } });
    const worker = gateway.worker();
    await worker.schedule();
    const first = await allSynced(gateway, 9);
    const before = gateway.identifiers().length;
    const marks = Object.fromEntries(first.map((status) => [status.dataType, status.watermark]));

    // The next interval gets new job ids, so the polls run again.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const since = new Date().toISOString();
    expect(await worker.schedule()).toBe(9);
    const second = await allSynced(gateway, 9, since);

    expect(gateway.identifiers().length).toBe(before);
    for (const status of second) {
      const earlier = first.find((one) => one.dataType === status.dataType)!;
      expect(status.counts.stored, status.dataType).toBe(earlier.counts.stored);
      expect(status.watermark).toBe(marks[status.dataType]);
    }
  });

  it('keeps polling the other accounts while one account fails', async () => {
    gateway = await startSyncGateway({ env: { SYNC_ATTEMPTS: '2' } });
    // A second patient whose Oura token the vendor no longer accepts.
    await gateway.state.connections.put({ patientId: '40002', vendor: 'oura',
      tokens: { accessToken: 'revoked-at-oura' }, scopes: ['heartrate'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(), status: 'connected' });
    const worker = gateway.worker();

    expect(await worker.schedule()).toBe(15);
    await allSynced(gateway, 9);
    const failed = await waitFor('the failing account to be dead-lettered', async () => {
      const letters = await gateway!.state.deadLetters.list({ name: 'sync.pull' });
      return letters.length === 6 ? letters : undefined;
    });

    expect(failed.every((letter) => (letter.data as { patientId: string }).patientId
      === '40002')).toBe(true);
    const statuses = await gateway.state.syncStatus.list({ patientId: '40002' });
    expect(statuses).toHaveLength(6);
    for (const status of statuses) {
      expect(status.lastSuccessAt).toBeUndefined();
      expect(status.lastError?.code).toMatch(/^[A-Z_]+\.[A-Z_]+$/);
      expect(status.counts.deadLettered).toBe(1);
    }
    expect(gateway.identifiers(40002)).toEqual([]);
    expect(gateway.identifiers().length).toBeGreaterThan(20);
  });
});
