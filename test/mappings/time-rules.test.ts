/**
 * Issue 4, "cases that must hold": every instant keeps its UTC offset, offsets are hours and
 * minutes, fractions finer than a millisecond keep the instant to the millisecond, and a
 * timestamp without an offset is handled by the rule written beside each vendor's mappings
 * (Oura and Apple: refused; Open Wearables: read as UTC, as its API documents).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/mapping/jsonata-mapping.ts';
import { isSkip, type DataPointDraft, type Draft } from '../../process-apis/ingest/drafts.ts';
import { onlyBody, page, run, schemaFailures, vendorMapping } from './golden-kit.ts';

let owHeartRate: Mapping;
let appleHeartRate: Mapping;
let ouraSamples: Mapping;
let ouraActivity: Mapping;
let ouraReadiness: Mapping;
let ouraWorkout: Mapping;
let ouraHeartrate: Mapping;

beforeAll(async () => {
  owHeartRate = await vendorMapping('open-wearables', 'timeseries.to-omh-heart-rate');
  appleHeartRate = await vendorMapping('apple-health', 'sync_request.to-omh-heart-rate');
  ouraSamples = await vendorMapping('oura', 'sleep.to-omh-heart-rate');
  ouraActivity = await vendorMapping('oura', 'daily_activity.to-omh-step-count');
  ouraReadiness = await vendorMapping('oura', 'daily_readiness.to-pause-skin-temperature');
  ouraWorkout = await vendorMapping('oura', 'workout.to-omh-physical-activity');
  ouraHeartrate = await vendorMapping('oura', 'heartrate.to-omh-heart-rate');
});

function owRow(timestamp: string, zoneOffset: string | null): unknown {
  return page({
    timestamp, zone_offset: zoneOffset, type: 'heart_rate', value: 60, unit: 'bpm',
    source: { provider: 'oura', source: 'oura', device: null }, is_daily_total: null,
  });
}

function appleRecord(startDate: string, zoneOffset: string | null, endDate = startDate): unknown {
  return { provider: 'apple', data: { records: [{
    id: 'HR-1', type: 'HKQuantityTypeIdentifierHeartRate', startDate, endDate, zoneOffset,
    value: 60, unit: 'count/min', metadata: null,
  }], sleep: [], workouts: [] } };
}

function ouraNight(timestamp: string, items: (number | null)[]): unknown {
  return page({
    id: 'night', type: 'long_sleep', day: '2024-05-01',
    heart_rate: { interval: 300, items, timestamp },
  });
}

function dateTimeOf(drafts: Draft[]): string[] {
  return drafts.filter((d): d is DataPointDraft => !isSkip(d))
    .map((d) => (d.body.effective_time_frame as { date_time: string }).date_time);
}

describe('offsets are hours and minutes', () => {
  it('Open Wearables: 06:30+05:00 with no zone_offset is 01:30Z, not 06:25Z', async () => {
    const body = onlyBody(await run(owHeartRate, owRow('2024-05-01T06:30:00+05:00', null)));

    expect(body.effective_time_frame).toEqual({ date_time: '2024-05-01T01:30:00Z' });
  });

  it('Apple: 06:30+05:00 with no zoneOffset is 01:30Z', async () => {
    const record = appleRecord('2024-05-01T06:30:00+05:00', null);

    const body = onlyBody(await run(appleHeartRate, record));

    expect(body.effective_time_frame).toEqual({ date_time: '2024-05-01T01:30:00Z' });
  });

  it('Oura: a sample taken at 06:30+05:00 stays there and names 01:30Z', async () => {
    const times = dateTimeOf(await run(ouraSamples, ouraNight('2024-05-01T06:30:00+05:00', [60])));

    expect(times).toEqual(['2024-05-01T06:30:00+05:00']);
    expect(new Date(times[0]).toISOString()).toBe('2024-05-01T01:30:00.000Z');
  });

  it.each([
    ['+05:30', '2024-05-01T07:00:00+05:30'],
    ['+05:45', '2024-05-01T07:15:00+05:45'],
    ['-03:30', '2024-04-30T22:00:00-03:30'],
    ['-00:30', '2024-05-01T01:00:00-00:30'],
    ['-07:00', '2024-04-30T18:30:00-07:00'],
    ['+14:00', '2024-05-01T15:30:00+14:00'],
  ])('Open Wearables: 01:30Z in zone_offset %s is %s', async (zone, expected) => {
    const body = onlyBody(await run(owHeartRate, owRow('2024-05-01T01:30:00Z', zone)));

    expect(body.effective_time_frame).toEqual({ date_time: expected });
    expect(Date.parse(expected)).toBe(Date.parse('2024-05-01T01:30:00Z'));
  });

  it('Apple: 01:30Z in zoneOffset -03:30 is 22:00-03:30 the day before', async () => {
    const body = onlyBody(await run(appleHeartRate, appleRecord('2024-05-01T01:30:00Z', '-03:30')));

    expect(body.effective_time_frame).toEqual({ date_time: '2024-04-30T22:00:00-03:30' });
  });

  it('Oura: 5-minute samples in -03:30 keep that offset, minutes included', async () => {
    const times = dateTimeOf(await run(ouraSamples,
      ouraNight('2024-04-30T23:55:00.000-03:30', [60, 61, 62])));

    expect(times).toEqual([
      '2024-04-30T23:55:00-03:30', '2024-05-01T00:00:00-03:30', '2024-05-01T00:05:00-03:30',
    ]);
  });

  it('Oura: a day starting 04:00 at +09:00 keeps +09:00 at both ends', async () => {
    const record = { id: 'a', day: '2024-05-01', steps: 10,
      timestamp: '2024-05-01T04:00:00+09:00' };

    const body = onlyBody(await run(ouraActivity, page(record)));

    expect(body.effective_time_frame).toEqual({ time_interval: {
      start_date_time: '2024-05-01T04:00:00+09:00', end_date_time: '2024-05-02T04:00:00+09:00',
    } });
  });
});

describe('fractions finer than a millisecond', () => {
  it('Open Wearables: 04.94756Z keeps the instant to the millisecond, in UTC', async () => {
    const body = onlyBody(await run(owHeartRate, owRow('2026-03-10T06:22:04.94756Z', null)));

    expect(body.effective_time_frame).toEqual({ date_time: '2026-03-10T06:22:04.947Z' });
  });

  it('Open Wearables: and in the local zone_offset', async () => {
    const body = onlyBody(await run(owHeartRate, owRow('2026-03-10T06:22:04.94756Z', '-07:00')));

    expect(body.effective_time_frame).toEqual({ date_time: '2026-03-09T23:22:04.947-07:00' });
  });

  it('Apple: a sub-millisecond start keeps its millisecond', async () => {
    const body = onlyBody(await run(appleHeartRate,
      appleRecord('2026-03-10T15:04:12.94756Z', null)));

    expect(body.effective_time_frame).toEqual({ date_time: '2026-03-10T15:04:12.947Z' });
  });

  it('Oura: every sample after a sub-millisecond start keeps the millisecond', async () => {
    const times = dateTimeOf(await run(ouraSamples,
      ouraNight('2026-03-09T23:12:04.94756-07:00', [57, 58])));

    expect(times).toEqual(['2026-03-09T23:12:04.947-07:00', '2026-03-09T23:17:04.947-07:00']);
  });
});

describe('a timestamp without any offset', () => {
  it('Open Wearables: is read as UTC, the rule beside its mappings', async () => {
    const body = onlyBody(await run(owHeartRate, owRow('2026-03-10T12:00:00', null)));

    expect(body.effective_time_frame).toEqual({ date_time: '2026-03-10T12:00:00Z' });
  });

  it('Open Wearables: is read as UTC even when a zone_offset is given', async () => {
    const body = onlyBody(await run(owHeartRate, owRow('2026-03-10T12:00:00', '-07:00')));

    expect(body.effective_time_frame).toEqual({ date_time: '2026-03-10T05:00:00-07:00' });
  });

  it('Apple: is refused with the reason', async () => {
    expect(await run(appleHeartRate, appleRecord('2026-03-10T15:04:12', '-07:00'))).toStrictEqual([{
      sourceKey: 'sync_request:HR-1',
      skip: 'startDate 2026-03-10T15:04:12 has no UTC offset',
    }]);
  });

  it('Oura 5-minute samples: the period is refused with the reason', async () => {
    expect(await run(ouraSamples, ouraNight('2026-03-09T23:12:04', [57]))).toStrictEqual([{
      sourceKey: 'sleep:night',
      skip: 'heart_rate.timestamp 2026-03-09T23:12:04 has no UTC offset; Oura always sends one',
    }]);
  });

  it('Oura daily activity: the day cannot be placed and is refused', async () => {
    const record = { id: 'a', day: '2026-03-10', steps: 10, timestamp: '2026-03-10T04:00:00' };

    expect(await run(ouraActivity, page(record))).toStrictEqual([{
      sourceKey: 'daily_activity:2026-03-10',
      skip: 'timestamp 2026-03-10T04:00:00 has no UTC offset; Oura always sends one, so the '
        + '04:00-04:00 activity day cannot be placed',
    }]);
  });

  it('Oura readiness and workout: refused too', async () => {
    const readiness = { id: 'r', day: '2026-03-10', temperature_deviation: 0.1,
      timestamp: '2026-03-10T00:00:00' };
    const workout = { id: 'w', activity: 'walking', day: '2026-03-10',
      start_datetime: '2026-03-10T07:00:00', end_datetime: '2026-03-10T07:30:00-07:00' };

    expect((await run(ouraReadiness, page(readiness)))[0]).toHaveProperty('skip',
      'timestamp 2026-03-10T00:00:00 has no UTC offset; Oura always sends one');
    expect((await run(ouraWorkout, page(workout)))[0]).toHaveProperty('skip',
      'start_datetime 2026-03-10T07:00:00 has no UTC offset; Oura always sends one');
  });

  it('Oura heartrate (existing mapping): passed on, then refused by the schema', async () => {
    const drafts = await run(ouraHeartrate,
      page({ bpm: 60, source: 'awake', timestamp: '2026-03-10T12:00:00' }));

    expect(schemaFailures(drafts)).toHaveLength(1);
  });
});

describe('instants that are not real', () => {
  it('a date that does not exist is refused, not rolled into the next month', async () => {
    const drafts = await run(owHeartRate, owRow('2026-02-30T12:00:00Z', null));

    expect(drafts).toStrictEqual([{
      sourceKey: 'timeseries:heart_rate:oura/oura:2026-02-30T12:00:00Z',
      skip: 'timestamp 2026-02-30T12:00:00Z is not a real calendar date-time',
    }]);
  });

  it('text that is no date-time is refused instead of failing the whole page', async () => {
    const drafts = await run(owHeartRate, owRow('yesterday', null));

    expect(drafts[0]).toHaveProperty('skip', 'timestamp is not an RFC 3339 date-time');
  });

  it('a zone_offset that is not +HH:MM is refused with the value named', async () => {
    const drafts = await run(owHeartRate, owRow('2026-03-10T12:00:00Z', '-0700'));

    expect(drafts[0]).toHaveProperty('skip', 'zone_offset -0700 is not +HH:MM');
  });
});
