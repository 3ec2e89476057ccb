/**
 * Our issue-4 mappings against omh-shim 1.4's expected bodies, on omh-shim's own inputs:
 * field by field, every field either agrees or its difference is asserted here with the
 * reason. (The heart-rate and sleep-episode comparisons for Oura are in
 * oura-vs-omh-shim.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import {
  goldenFile, onlyBody, page, run, vendorMapping, type Vendor,
} from './golden-kit.ts';

function theirs(vendor: Vendor, name: string): Record<string, unknown> {
  return goldenFile(vendor, `omh-shim-expected/${name}`) as Record<string, unknown>;
}

async function ours(vendor: Vendor, mapping: string, record: unknown) {
  return run(await vendorMapping(vendor, mapping), page(record));
}

const OURA_DAY = 'input/omh-shim_oura_raw_physical_activity_input.json';

// omh-shim's hand-written daily_activity row has no `timestamp`, which the Oura API always
// sends; this is the same row with the 04:00 start Oura would give a wearer in UTC.
function withTimestamp(): Record<string, unknown> {
  const record = goldenFile('oura', OURA_DAY) as Record<string, unknown>;
  return { ...record, timestamp: '2026-04-09T04:00:00.000+00:00' };
}

describe('Oura daily_spo2 -> oxygen-saturation, compared with omh-shim 1.4', () => {
  it('agrees on value, unit and day interval; we add how and which day', async () => {
    const record = goldenFile('oura', 'input/omh-shim_oura_raw_oxygen_saturation_input.json');

    const body = onlyBody(await ours('oura', 'daily_spo2.to-omh-oxygen-saturation', record));
    const expected = theirs('oura', 'oura_raw_oxygen_saturation_expected.json');

    const { descriptive_statistic, measurement_method, calendar_day, ...shared } = body;
    expect(shared).toEqual(expected);
    // Oura's value is the night's average of many readings, taken by pulse oximetry.
    expect(descriptive_statistic).toBe('average');
    expect(measurement_method).toBe('pulse oximetry');
    // The UTC day is an assumed label; the date Oura gave is kept exactly.
    expect(calendar_day).toBe('2026-04-09');
  });
});

describe('Oura daily_activity, compared with omh-shim 1.4', () => {
  it('refuses omh-shim\'s row, which lacks the timestamp that places the day', async () => {
    const record = goldenFile('oura', OURA_DAY);

    for (const mapping of ['daily_activity.to-omh-step-count',
      'daily_activity.to-omh-physical-activity']) {
      expect(await ours('oura', mapping, record)).toStrictEqual([{
        sourceKey: 'daily_activity:2026-04-09',
        skip: 'timestamp is not an RFC 3339 date-time, so the 04:00-04:00 activity day cannot '
          + 'be placed',
      }]);
    }
  });

  it('step count: same count; the day runs 04:00-04:00, not midnight to midnight', async () => {
    const body = onlyBody(await ours('oura', 'daily_activity.to-omh-step-count', withTimestamp()));
    const expected = theirs('oura', 'oura_raw_step_count_expected.json');

    expect(body.step_count).toEqual(expected.step_count);
    expect(expected.effective_time_frame).toEqual({ time_interval: {
      start_date_time: '2026-04-09T00:00:00Z', end_date_time: '2026-04-10T00:00:00Z' } });
    expect(body.effective_time_frame).toEqual({ time_interval: {
      start_date_time: '2026-04-09T04:00:00+00:00', end_date_time: '2026-04-10T04:00:00+00:00' } });
    expect(body.calendar_day).toBe('2026-04-09');
    expect(Object.keys(body).sort())
      .toEqual(['calendar_day', 'effective_time_frame', 'step_count']);
  });

  it('physical activity: same name, distance and calories; 04:00-04:00 day', async () => {
    const body = onlyBody(await ours('oura', 'daily_activity.to-omh-physical-activity',
      withTimestamp()));
    const expected = theirs('oura', 'oura_raw_physical_activity_expected.json');

    const { effective_time_frame, calendar_day, ...shared } = body;
    const { effective_time_frame: theirFrame, ...theirShared } = expected;
    expect(shared).toEqual(theirShared);
    expect(theirFrame).toEqual({ time_interval: {
      start_date_time: '2026-04-09T00:00:00Z', end_date_time: '2026-04-10T00:00:00Z' } });
    expect(effective_time_frame).toEqual({ time_interval: {
      start_date_time: '2026-04-09T04:00:00+00:00', end_date_time: '2026-04-10T04:00:00+00:00' } });
    expect(calendar_day).toBe('2026-04-09');
  });
});

describe('Open Wearables timeseries -> heart-rate, compared with omh-shim 1.4', () => {
  it('same reading and instant; we write OW\'s zone_offset "+00:00" instead of "Z"', async () => {
    const row = goldenFile('open-wearables',
      'input/jupyterhealth-omh-shim_ow_heart_rate_input.json');

    const body = onlyBody(await ours('open-wearables', 'timeseries.to-omh-heart-rate', row));
    const expected = theirs('open-wearables', 'ow_normalized_heart_rate_expected.json');

    expect(body.heart_rate).toEqual(expected.heart_rate);
    expect(expected.effective_time_frame).toEqual({ date_time: '2026-04-09T08:30:00Z' });
    expect(body.effective_time_frame).toEqual({ date_time: '2026-04-09T08:30:00+00:00' });
    expect(Object.keys(body).sort()).toEqual(Object.keys(expected).sort());
  });
});
