/**
 * The sandboxes a layer starts for itself (no upstream configured) answer their control
 * API at the URLs `startLayer` reports, and what is set there is what the gateway reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLayer, type RunningLayer } from '../../bin/layer/layer.ts';
import { loadConfig } from '../../shared/config/config.ts';
import { silentLogger } from '../../shared/logging/logger.ts';

let layer: RunningLayer;

beforeAll(async () => {
  layer = await startLayer(loadConfig({ PORT: '0', STATE_SQLITE_FILE: ':memory:',
    JHE_SANDBOX_DATA_FILE: 'none' }), silentLogger());
});

afterAll(async () => {
  await layer.close();
});

describe('control API of the sandboxes a layer starts', () => {
  it('is reachable at every sandbox URL in layer.sandboxes', async () => {
    expect(Object.keys(layer.sandboxes).sort()).toEqual(['jhe', 'open-wearables', 'oura']);
    for (const url of Object.values(layer.sandboxes)) {
      const response = await fetch(`${url}/_sandbox/faults`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ faults: [] });
    }
  });

  it('serves through the gateway the rows set at the Oura sandbox', async () => {
    const rows = [{ bpm: 71, source: 'awake', timestamp: '2026-06-01T08:00:00+00:00' },
      { bpm: 73, source: 'awake', timestamp: '2026-06-01T08:05:00+00:00' }];
    const set = await fetch(`${layer.sandboxes.oura}/_sandbox/data/heartrate`, {
      method: 'PUT', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: rows }) });
    expect(set.status).toBe(200);

    const read = await fetch(`${layer.url}/oura/v1/heartrate?`
      + new URLSearchParams({ start_datetime: '2026-06-01T00:00:00+00:00',
        end_datetime: '2026-06-02T00:00:00+00:00' }));
    expect(read.status).toBe(200);
    expect((await read.json()).data).toEqual(rows);
  });
});
