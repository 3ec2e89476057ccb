/**
 * A pull never stores a period that has not ended: its identifier is fixed by the period,
 * so today's partial step count would block the day's final value for good, and its end
 * (tomorrow) would carry the watermark past now. Found by a fresh run of issue 5.
 */
import { request } from 'undici';
import { afterEach, expect, it } from 'vitest';
import { PATIENT, startSyncGateway, type SyncGateway } from './harness.ts';

let gateway: SyncGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

interface Report {
  items: { status: string; code?: string; schema?: string; effectiveAt?: string }[];
  dataThrough?: string;
}

async function pull(end: string): Promise<Report> {
  const response = await request(`${gateway!.layer.url}/ingest/v1/patients/${PATIENT}/vendors/`
    + 'oura/daily_activity/pull', { method: 'POST', headers: { 'content-type':
    'application/json' }, body: JSON.stringify({ start: '2026-03-09T00:00:00Z', end }) });
  expect(response.statusCode).toBe(200);
  return await response.body.json() as Report;
}

it('skips a day still running and stores it once a later pull finds it over', async () => {
  gateway = await startSyncGateway();

  // The sample's 2026-03-10 activity day runs from 04:00-07:00 to the next 04:00-07:00
  // (11:00Z). A worker's pull ends at its clock in UTC, whose date is already the 11th.
  const during = await pull('2026-03-11T02:00:00Z');
  expect(during.items.length).toBeGreaterThan(0);
  for (const item of during.items) {
    expect(item).toMatchObject({ status: 'skipped', code: 'DATAPOINT.NOT_FINAL' });
    expect(item.effectiveAt).toBeUndefined();
  }
  expect(during.dataThrough).toBeUndefined();
  expect(gateway.identifiers()).toEqual([]);

  const after = await pull('2026-03-11T12:00:00Z');
  const stored = after.items.filter((item) => item.status === 'stored');
  expect(stored.length).toBe(during.items.length);
  expect(Date.parse(after.dataThrough!)).toBeLessThanOrEqual(Date.parse('2026-03-11T12:00:00Z'));
  expect(gateway.identifiers()).toHaveLength(stored.length);
});
