/**
 * `effectiveAt` on report items and `dataThrough` on the report: the latest instant of each
 * data point's effective time frame, in the data's own offset, and the latest of them all,
 * compared as instants (a sync watermark is taken from it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newContext } from '../../shared/api-kit/request-context.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import { latestInstant } from '../../shared/omh/effective-time.ts';
import { SchemaRegistry } from '../../shared/omh/schema-registry.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { ConverterRegistry } from '../../process-apis/ingest/converter-registry.ts';
import { ingestPayload, type IngestDeps } from '../../process-apis/ingest/ingest-flow.ts';

const SLEEP = JSON.parse(readFileSync(join(PROJECT_ROOT,
  'test/golden/oura/input/constructed_sleep_response.json'), 'utf8'));

/** Stores every Observation it is sent. */
const JHE = {
  call: async (_context: unknown, request: { body: { observations: Observation[] } }) => ({
    results: request.body.observations.map(({ identifier: [{ value }] }) => ({
      identifier: { value }, outcome: 'created', observationId: `obs-${value}` })),
  }),
} as unknown as ApiClient;

interface Observation {
  identifier: { value: string }[];
}

let deps: IngestDeps;

beforeAll(async () => {
  deps = { converters: await ConverterRegistry.load(join(PROJECT_ROOT, 'system-apis')),
    schemas: new SchemaRegistry(), jhe: JHE,
    config: { deviceIds: { oura: 70001 }, identifierSystem: 'urn:test', batchSize: 50 } };
});

const ingest = (collection: string, payload: unknown) => ingestPayload(deps, newContext(),
  { patientId: 40001, vendor: 'oura', collection, payload });

describe('latestInstant', () => {
  const frame = (effective_time_frame: unknown) => latestInstant({ effective_time_frame });

  it('is a date_time itself, and an interval\'s end as written', () => {
    expect(frame({ date_time: '2026-03-10T06:22:04+05:30' })).toBe('2026-03-10T06:22:04+05:30');
    expect(frame({ time_interval: { start_date_time: '2026-03-09T23:12:04-07:00',
      end_date_time: '2026-03-10T06:58:34-07:00' } })).toBe('2026-03-10T06:58:34-07:00');
  });

  it('adds a duration to a start, in the start\'s offset', () => {
    expect(frame({ time_interval: { start_date_time: '2026-03-09T23:12:04-07:00',
      duration: { value: 8.5, unit: 'h' } } })).toBe('2026-03-10T07:42:04-07:00');
    expect(frame({ time_interval: { start_date_time: '2026-03-09T23:59:59.500Z',
      duration: { value: 750, unit: 'ms' } } })).toBe('2026-03-10T00:00:00.250Z');
    expect(frame({ time_interval: { start_date_time: '2026-01-31T22:00:00-03:30',
      duration: { value: 1, unit: 'Mo' } } })).toBe('2026-02-28T22:00:00-03:30');
  });

  it('has none for a day part or a frame it cannot read', () => {
    expect(frame({ time_interval: { date: '2026-03-10', part_of_day: 'morning' } }))
      .toBeUndefined();
    expect(frame({ time_interval: { start_date_time: '2026-03-10T06:00:00Z',
      duration: { value: 1.5, unit: 'Mo' } } })).toBeUndefined();
    expect(latestInstant({})).toBeUndefined();
  });
});

describe('effectiveAt and dataThrough in the report', () => {
  it('give each heart-rate reading its instant and the report the latest one', async () => {
    const data = [
      { bpm: 61, source: 'awake', timestamp: '2026-03-10T07:30:00+00:00' },
      // Later as an instant (08:00 UTC), earlier as text: the offset is negative.
      { bpm: 62, source: 'awake', timestamp: '2026-03-10T01:00:00-07:00' },
      { bpm: 63, source: 'rest', timestamp: '2026-03-10T09:00:00+02:00' },
      { bpm: 400, source: 'awake', timestamp: '2026-03-10T23:00:00+00:00' },
    ];

    const report = await ingest('heartrate', { data, next_token: null });

    expect(report.items.map((item) => [item.status, item.effectiveAt])).toEqual([
      ['stored', data[0].timestamp], ['stored', data[1].timestamp],
      ['stored', data[2].timestamp], ['skipped', undefined]]);
    expect(report.dataThrough).toBe(data[1].timestamp);
  });

  it('end an Oura sleep period at its bedtime end, in the wearer\'s offset', async () => {
    const report = await ingest('sleep', SLEEP);
    const periods = SLEEP.data.filter((period: { type: string }) => period.type !== 'rest');

    for (const period of periods) {
      const episode = report.items.find((item) => item.sourceKey === `sleep:${period.id}`
        && item.schema === 'omh:sleep-episode:1.1');
      expect(episode?.effectiveAt).toBe(period.bedtime_end);
    }
    const latest = periods.map((period: { bedtime_end: string }) => period.bedtime_end)
      .sort((a: string, b: string) => Date.parse(a) - Date.parse(b)).at(-1);
    expect(report.dataThrough).toBe(latest);
    expect(report.dataThrough).toMatch(/-07:00$/);
  });

  it('leave both out when nothing became a data point', async () => {
    const report = await ingest('heartrate', { data: [{ bpm: 10, source: 'awake',
      timestamp: '2026-03-10T07:30:00+00:00' }], next_token: null });

    expect(report.items[0]).not.toHaveProperty('effectiveAt');
    expect(report).not.toHaveProperty('dataThrough');
  });
});
