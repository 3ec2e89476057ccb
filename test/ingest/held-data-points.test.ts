/**
 * Holding data points JHE cannot store (issue 4: "held and reported, never silently
 * dropped"), at the ingest flow, without HTTP: Oura readiness becomes only
 * `pause:skin-temperature:1.0` points, so no upload to JHE is ever attempted here.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newContext } from '../../shared/api-kit/request-context.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import { SchemaRegistry } from '../../shared/omh/schema-registry.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { createState, type State } from '../../shared/state/index.ts';
import { ConverterRegistry } from '../../process-apis/ingest/converter-registry.ts';
import { ingestPayload, type IngestDeps } from '../../process-apis/ingest/ingest-flow.ts';

const READINESS = JSON.parse(readFileSync(join(PROJECT_ROOT,
  'test/golden/oura/input/constructed_daily_readiness_response.json'), 'utf8'));
const INPUT = { patientId: 40001, vendor: 'oura', collection: 'daily_readiness',
  payload: READINESS };

/** Any call to JHE fails the test: held points must never be uploaded. */
const NO_JHE = {
  call: () => {
    throw new Error('JHE must not be called for held data points');
  },
} as unknown as ApiClient;

let converters: ConverterRegistry;
const states: State[] = [];

async function deps(withStore: boolean): Promise<IngestDeps & { state?: State }> {
  const base = { converters, schemas: new SchemaRegistry(), jhe: NO_JHE,
    config: { deviceIds: { oura: 70001 }, identifierSystem: 'urn:test', batchSize: 50 } };
  if (!withStore) return base;
  const state = await createState({ sqliteFile: ':memory:', encryptionKey: randomBytes(32) });
  states.push(state);
  return { ...base, held: state.held, state };
}

beforeAll(async () => {
  converters = await ConverterRegistry.load(join(PROJECT_ROOT, 'system-apis'));
});

afterEach(async () => {
  await Promise.all(states.splice(0).map((state) => state.close()));
});

describe('held data points in the ingest flow', () => {
  it('holds each valid skin-temperature point and reports it held', async () => {
    const flow = await deps(true);
    const report = await ingestPayload(flow, newContext(), INPUT);
    const held = report.items.filter((item) => item.status === 'held');

    expect(held.length).toBeGreaterThan(0);
    expect(report.summary.held).toBe(held.length);
    expect(report.summary.rejected).toBe(0);
    expect(held[0]).toMatchObject({ code: 'DATAPOINT.HELD_FOR_JHE',
      reason: expect.stringContaining('pause:skin-temperature:1.0') });
    const stored = await flow.state!.held.list({ patientId: '40001' });
    expect(stored.map((record) => record.identifier).sort())
      .toEqual(held.map((item) => item.identifier).sort());
    expect(stored[0]).toMatchObject({ vendor: 'oura', schema: 'pause:skin-temperature:1.0' });
  });

  it('reports the same points held again on a second ingest, and keeps one copy', async () => {
    const flow = await deps(true);
    const first = await ingestPayload(flow, newContext(), INPUT);
    const kept = await flow.state!.held.list();
    const second = await ingestPayload(flow, newContext(), INPUT);

    expect(second.summary).toEqual(first.summary);
    for (const item of second.items.filter((i) => i.status === 'held')) {
      expect(item.reason).toMatch(/^Already held: /);
    }
    expect(await flow.state!.held.list()).toEqual(kept);
  });

  it('reports a conflict when a held key comes back with other values', async () => {
    const flow = await deps(true);
    await ingestPayload(flow, newContext(), INPUT);
    const record = READINESS.data.find((row: { temperature_deviation: unknown }) =>
      typeof row.temperature_deviation === 'number');
    const changed = { ...record, temperature_deviation: record.temperature_deviation + 0.5 };
    const report = await ingestPayload(flow, newContext(),
      { ...INPUT, payload: { data: [changed], next_token: null } });

    expect(report.items.map((item) => [item.status, item.code]))
      .toContainEqual(['rejected', 'DATAPOINT.CONFLICT']);
  });

  it('without a store, reports them rejected as not accepted by JHE', async () => {
    const report = await ingestPayload(await deps(false), newContext(), INPUT);

    expect(report.summary.held).toBe(0);
    expect(report.summary.rejected).toBeGreaterThan(0);
    expect(report.items.filter((item) => item.status === 'rejected')
      .every((item) => item.code === 'DATAPOINT.NOT_ACCEPTED_BY_JHE')).toBe(true);
  });
});
