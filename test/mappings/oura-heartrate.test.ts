import { beforeAll, describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/mapping/jsonata-mapping.ts';
import type { Draft } from '../../process-apis/ingest/drafts.ts';
import {
  asPage, dataPoints, golden, ouraInput, ouraMapping, schemaFailures,
} from './oura-golden-kit.ts';

let toHeartRate: Mapping;

beforeAll(async () => {
  toHeartRate = await ouraMapping('heartrate.to-omh-heart-rate');
});

async function map(input: unknown): Promise<Draft[]> {
  return (await toHeartRate.evaluate(input)) as Draft[];
}

describe('Oura heartrate -> omh:heart-rate:2.0', () => {
  it('maps the constructed page exactly as the golden file', async () => {
    const drafts = await map(ouraInput('constructed_heartrate_response.json'));

    expect(drafts).toStrictEqual(golden('heartrate.constructed-response.to-omh-heart-rate.json'));
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it('turns a page of exactly one row into an array of one draft', async () => {
    const page = asPage(ouraInput('omh-shim_oura_raw_heart_rate_input.json'));

    const drafts = await map(page);

    expect(Array.isArray(drafts)).toBe(true);
    expect(drafts).toHaveLength(1);
    expect(drafts).toStrictEqual(golden('heartrate.omh-shim-single-row.to-omh-heart-rate.json'));
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it('turns a page with no rows into an empty array', async () => {
    expect(await map(asPage())).toEqual([]);
  });

  it('keeps both copies of a duplicated row, under one sourceKey', async () => {
    const drafts = dataPoints(await map(ouraInput('constructed_heartrate_response.json')));

    const twins = drafts.filter((d) => d.sourceKey === 'heartrate:2026-03-10T16:34:00+00:00');

    expect(twins).toHaveLength(2);
    expect(twins[0]).toEqual(twins[1]);
  });

  it('keeps every timestamp exactly as Oura wrote it', async () => {
    const page = ouraInput('constructed_heartrate_response.json') as {
      data: { timestamp: string }[];
    };

    const drafts = dataPoints(await map(page));

    const frames = drafts.map((d) => d.body.effective_time_frame as { date_time: string });
    const times = frames.map((frame) => frame.date_time);
    expect(times).toEqual(page.data.map((row) => row.timestamp));
  });

  it('sets the activity relationship only for workout and rest rows', async () => {
    const rows = ['workout', 'rest', 'sleep', 'awake', 'live', 'session'].map((source, i) => ({
      bpm: 60 + i,
      source,
      timestamp: `2026-03-10T12:0${i}:00+00:00`,
    }));

    const drafts = dataPoints(await map(asPage(...rows)));

    const relations = drafts.map((d) => d.body.temporal_relationship_to_physical_activity);
    expect(relations).toEqual(['during exercise', 'at rest', undefined, undefined, undefined,
      undefined]);
    expect(drafts.map((d) => 'temporal_relationship_to_physical_activity' in d.body))
      .toEqual([true, true, false, false, false, false]);
  });

  it('reports a row without a numeric bpm as a skip, in its place', async () => {
    const row = { bpm: null, source: 'awake', timestamp: '2026-03-10T12:00:00+00:00' };
    const next = { bpm: 61, source: 'awake', timestamp: '2026-03-10T12:05:00+00:00' };

    const drafts = await map(asPage(row, next));

    expect(drafts).toStrictEqual([
      { sourceKey: 'heartrate:2026-03-10T12:00:00+00:00', skip: 'The row has no numeric bpm' },
      {
        schema: 'omh:heart-rate:2.0',
        sourceKey: 'heartrate:2026-03-10T12:05:00+00:00',
        body: {
          heart_rate: { value: 61, unit: 'beats/min' },
          effective_time_frame: { date_time: '2026-03-10T12:05:00+00:00' },
        },
      },
    ]);
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it('reports a row whose bpm key is missing as a skip, not as an empty reading', async () => {
    const row = { source: 'awake', timestamp: '2026-03-10T12:00:00+00:00' };

    const drafts = await map(asPage(row));

    expect(drafts).toStrictEqual([
      { sourceKey: 'heartrate:2026-03-10T12:00:00+00:00', skip: 'The row has no numeric bpm' },
    ]);
  });

  it('reports rows without a timestamp or outside 25-250 bpm as skips with the reason',
    async () => {
      const drafts = await map(asPage(
        { bpm: 60, source: 'awake' },
        { bpm: 5, source: 'awake', timestamp: '2026-03-10T12:00:00+00:00' },
        { bpm: 300, source: 'awake', timestamp: '2026-03-10T12:05:00+00:00' },
      ));

      expect(drafts).toStrictEqual([
        { sourceKey: 'heartrate:(no timestamp)', skip: 'The row has no timestamp' },
        { sourceKey: 'heartrate:2026-03-10T12:00:00+00:00',
          skip: 'Heart rate 5 is outside 25-250 beats/min' },
        { sourceKey: 'heartrate:2026-03-10T12:05:00+00:00',
          skip: 'Heart rate 300 is outside 25-250 beats/min' },
      ]);
    });
});
