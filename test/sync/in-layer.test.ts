/**
 * Issue 5: with SYNC_WORKER=true the layer runs the worker itself (tiers in memory), and the
 * Pause backend reads each data type's sync status: last success, lag, counts.
 */
import { request } from 'undici';
import { afterEach, expect, it } from 'vitest';
import { PATIENT, startSyncGateway, waitFor, type SyncGateway } from './harness.ts';

let gateway: SyncGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

interface DataTypeStatus {
  dataType: string;
  lastSuccessAt?: string;
  lagSeconds?: number;
  watermark?: string;
  counts: Record<string, number>;
}

async function syncStatus(g: SyncGateway) {
  const response = await request(
    `${g.layer.url}/pause/v1/patients/${PATIENT}/wearables/sync-status`);
  expect(response.statusCode).toBe(200);
  return await response.body.json() as {
    vendors: { vendor: string; dataTypes: DataTypeStatus[] }[];
  };
}

it('runs the worker inside the layer and reports sync status to the Pause backend', async () => {
  gateway = await startSyncGateway({ env: { SYNC_WORKER: 'true' } });

  const status = await waitFor('every data type synced', async () => {
    const body = await syncStatus(gateway!);
    const types = body.vendors.flatMap((vendor) => vendor.dataTypes);
    return types.length === 9 && types.every((type) => type.lastSuccessAt) ? body : undefined;
  }, 120_000);

  expect(status.vendors.map((vendor) => vendor.vendor).sort()).toEqual(['open-wearables', 'oura']);
  const types = status.vendors.flatMap((vendor) => vendor.dataTypes);
  const stored = types.reduce((sum, type) => sum + type.counts.stored, 0);
  expect(stored).toBe(gateway.identifiers().length);
  const heartRate = status.vendors.find((vendor) => vendor.vendor === 'oura')!.dataTypes
    .find((type) => type.dataType === 'heartrate')!;
  expect(heartRate.counts.fetched).toBeGreaterThan(0);
  // The lag is now minus the watermark, read off the data (March), not the worker's clock.
  expect(heartRate.watermark).toMatch(/^2026-03-/);
  const lag = (Date.now() - Date.parse(heartRate.watermark!)) / 1000;
  expect(Math.abs(heartRate.lagSeconds! - lag)).toBeLessThan(60);
}, 180_000);
