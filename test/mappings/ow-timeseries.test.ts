/**
 * The Open Wearables timeseries page is one collection holding many series. Each mapping
 * picks its own series and `timeseries.to-omh-none` reports the rest, so that, run together
 * as the ingest flow runs them, they account for every row exactly once.
 */
import { describe, expect, it } from 'vitest';
import { isSkip } from '../../process-apis/ingest/drafts.ts';
import {
  collectionMappings, goldenFile, onlyBody, page, run, runCollection, vendorMapping,
} from './golden-kit.ts';

interface Row { type?: string; timestamp: string }

const PAGES = [
  'input/constructed_timeseries_response.json',
  'cases/constructed_timeseries_unused-series.json',
];

async function keysOf(input: unknown): Promise<string[]> {
  return (await runCollection('open-wearables', 'timeseries', input)).map((d) => d.sourceKey);
}

describe('Open Wearables timeseries, all mappings together', () => {
  it('has one mapping per Pause target plus the report of unused series', () => {
    expect(collectionMappings('open-wearables', 'timeseries')).toEqual([
      'timeseries.to-omh-heart-rate',
      'timeseries.to-omh-none',
      'timeseries.to-omh-oxygen-saturation',
      'timeseries.to-omh-step-count',
      'timeseries.to-pause-heart-rate-variability',
      'timeseries.to-pause-skin-temperature',
    ]);
  });

  it.each(PAGES)('accounts for every row of %s exactly once', async (name) => {
    const input = goldenFile('open-wearables', name) as { data: Row[] };

    const keys = await keysOf(input);

    expect(keys).toHaveLength(input.data.length);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reports a row of an unknown or missing series instead of dropping it', async () => {
    const rows = [
      { timestamp: '2026-03-10T09:00:00Z', type: 'blood_glucose', value: 5.4, unit: 'mmol/L',
        source: null },
      { timestamp: '2026-03-10T09:05:00Z', value: 1, unit: 'x', source: null },
    ];

    const drafts = await runCollection('open-wearables', 'timeseries', page(...rows));

    expect(drafts).toStrictEqual([
      { sourceKey: 'timeseries:blood_glucose::2026-03-10T09:00:00Z',
        skip: 'Open Wearables series blood_glucose feeds no Pause signal' },
      { sourceKey: 'timeseries:::2026-03-10T09:05:00Z', skip: 'The row has no series type' },
    ]);
  });

  it('keeps rows of the same series and instant from two sources apart', async () => {
    const row = { timestamp: '2026-03-10T09:00:00Z', zone_offset: null, type: 'heart_rate',
      value: 60, unit: 'bpm' };
    const fromRing = { ...row, source: { provider: 'oura', source: 'oura', device: null } };
    const fromWatch = { ...row, source: { provider: 'apple', source: 'Apple Watch',
      device: 'Watch6,14' } };

    const keys = await keysOf(page(fromRing, fromWatch));

    expect(keys).toEqual(['timeseries:heart_rate:oura/oura:2026-03-10T09:00:00Z',
      'timeseries:heart_rate:apple/Apple Watch/Watch6,14:2026-03-10T09:00:00Z']);
  });
});

describe('Open Wearables steps', () => {
  const STEPS = { timestamp: '2026-03-10T11:00:00Z', type: 'steps', value: 9876, unit: 'count',
    source: { provider: 'oura', source: 'oura', device: null } };

  it('a daily total covers the provider day from its stamp, with its local date', async () => {
    const mapping = await vendorMapping('open-wearables', 'timeseries.to-omh-step-count');

    const body = onlyBody(await run(mapping,
      page({ ...STEPS, zone_offset: '-07:00', is_daily_total: true })));

    expect(body.effective_time_frame).toEqual({ time_interval: {
      start_date_time: '2026-03-10T04:00:00-07:00', end_date_time: '2026-03-11T04:00:00-07:00',
    } });
    expect(body.calendar_day).toBe('2026-03-10');
  });

  it('without zone_offset the day stays in UTC and no calendar date is guessed', async () => {
    const mapping = await vendorMapping('open-wearables', 'timeseries.to-omh-step-count');

    const body = onlyBody(await run(mapping,
      page({ ...STEPS, zone_offset: null, is_daily_total: true })));

    expect(body).not.toHaveProperty('calendar_day');
    expect(body.effective_time_frame).toEqual({ time_interval: {
      start_date_time: '2026-03-10T11:00:00Z', end_date_time: '2026-03-11T11:00:00Z',
    } });
  });

  it('a steps row that is not a daily total names no interval and is skipped', async () => {
    const mapping = await vendorMapping('open-wearables', 'timeseries.to-omh-step-count');

    for (const flag of [false, null, undefined]) {
      const row = { ...STEPS, zone_offset: null, is_daily_total: flag };
      const drafts = await run(mapping, page(row));

      expect(drafts.every(isSkip), String(flag)).toBe(true);
      expect(drafts[0]).toHaveProperty('skip',
        'A steps row that is not a daily total names no interval for its count');
    }
  });
});

describe('Open Wearables skin temperature', () => {
  it('places a ring at the finger and a watch at the wrist, and guesses nothing else', async () => {
    const mapping = await vendorMapping('open-wearables', 'timeseries.to-pause-skin-temperature');
    const row = (deviceType: string | null) => ({ timestamp: '2026-03-10T07:00:00Z',
      zone_offset: null, type: 'garmin_skin_temperature', value: 0.3, unit: 'celsius',
      source: { provider: 'garmin', source: 'garmin', device: null, device_type: deviceType } });

    const drafts = await run(mapping, page(row('ring'), row('watch'), row('fitness_band')));

    expect(drafts.map((d) => (d as { body: { measurement_location?: string } })
      .body.measurement_location)).toEqual(['finger', 'wrist', undefined]);
    expect(onlyBody([drafts[0]]).skin_temperature_deviation).toEqual({ value: 0.3, unit: 'C' });
  });
});
