/**
 * One access-log line per request and per tier, carrying the caller's correlation id and
 * trace id all the way down, and no payload, reading, token or credential anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLayer, type RunningLayer } from '../../bin/layer/layer.ts';
import { loadConfig } from '../../shared/config/config.ts';
import { createLogger } from '../../shared/logging/logger.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { startJheSandbox } from '../../sandbox/jhe/server.ts';

const PAYLOAD = readFileSync(join(PROJECT_ROOT, 'sandbox/oura/data/constructed_heartrate_response.json'),
  'utf8');
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('structured logs', () => {
  const lines: Record<string, unknown>[] = [];
  let raw = '';
  let layer: RunningLayer;
  let jhe: Awaited<ReturnType<typeof startJheSandbox>>;

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk) => {
      raw += chunk;
    });
    jhe = await startJheSandbox({ logger: createLogger({ destination: stream }) });
    layer = await startLayer(loadConfig({ PORT: '0', STATE_SQLITE_FILE: ':memory:',
      JHE_BASE_URL: jhe.url,
      JHE_CLIENT_ID: jhe.demo.clientId, JHE_CLIENT_SECRET: jhe.demo.clientSecret }),
    createLogger({ destination: stream }));

    await request(layer.url).post('/pause/v1/patients/40001/wearables/oura/heartrate')
      .set('content-type', 'application/json')
      .set('x-correlation-id', 'log-check-7')
      .set('traceparent', `00-${TRACE_ID}-00f067aa0ba902b7-01`)
      .send(PAYLOAD)
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    lines.push(...raw.trim().split('\n').map((line) => JSON.parse(line)));
  }, 30_000);

  afterAll(async () => {
    await layer?.close();
    await jhe?.close();
  });

  it('writes one access line per tier for the request, with its correlation and trace ids',
    () => {
      const served = lines.filter((line) => line.msg === 'request served'
        && line.correlationId === 'log-check-7');
      expect(served.map((line) => [line.api, line.operationId, line.status]).sort()).toEqual([
        ['ingest', 'ingestVendorPayload', 200],
        ['jhe', 'createObservationBatch', 200],
        ['pause-backend', 'postWearablePayload', 200],
      ]);
      for (const line of served) expect(line.traceId).toBe(TRACE_ID);
      expect(served.find((line) => line.api === 'pause-backend')?.route)
        .toBe('/pause/v1/patients/{patientId}/wearables/{vendor}/{collection}');
    });

  it('says loudly that the JHE sandbox is a sandbox', () => {
    const warning = lines.find((line) => line.level === 40 && /sandbox/i.test(String(line.msg)));
    expect(warning?.msg).toMatch(/not JupyterHealth Exchange|SANDBOX/);
  });

  it('never logs readings, payload bytes, tokens or credentials', () => {
    expect(raw).not.toContain('2026-03-10T06:22:04');
    expect(raw).not.toContain('"bpm"');
    expect(raw).not.toContain('beats/min');
    expect(raw).not.toContain(jhe.demo.clientSecret);
    expect(raw).not.toContain(Buffer.from(`${jhe.demo.clientId}:${jhe.demo.clientSecret}`)
      .toString('base64'));
    expect(raw).not.toMatch(/Bearer [A-Za-z0-9]/);
    expect(raw).not.toContain('valueAttachment');
  });
});
