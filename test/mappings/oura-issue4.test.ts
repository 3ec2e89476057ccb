/**
 * Rules of the Oura mappings added for issue 4 that the golden files alone do not pin:
 * 5-minute series with nulls and gaps, Oura's 04:00-04:00 activity day, calendar days that
 * are not UTC dates, readiness without a baseline, and who reported a workout's intensity.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/mapping/jsonata-mapping.ts';
import { isSkip, type DataPointDraft, type Draft } from '../../process-apis/ingest/drafts.ts';
import {
  goldenFile, onlyBody, page, run, schemaFailures, vendorMapping,
} from './golden-kit.ts';

let heartRate: Mapping;
let hrv: Mapping;
let steps: Mapping;
let activity: Mapping;
let workout: Mapping;

beforeAll(async () => {
  heartRate = await vendorMapping('oura', 'sleep.to-omh-heart-rate');
  hrv = await vendorMapping('oura', 'sleep.to-pause-heart-rate-variability');
  steps = await vendorMapping('oura', 'daily_activity.to-omh-step-count');
  activity = await vendorMapping('oura', 'daily_activity.to-omh-physical-activity');
  workout = await vendorMapping('oura', 'workout.to-omh-physical-activity');
});

const START = '2026-03-09T23:12:04.000-07:00';

function night(series: Record<string, unknown>, extra: object = {}): unknown {
  return page({ id: 'n1', type: 'long_sleep', day: '2026-03-10', ...series, ...extra });
}

describe('Oura 5-minute sleep series', () => {
  it.each([
    ['heart_rate', () => heartRate, 'heart rate'],
    ['hrv', () => hrv, 'HRV'],
  ] as const)('%s: a null is a skip at its own instant and later items keep their time',
    async (field, mapping, what) => {
      const drafts = await run(mapping(),
        night({ [field]: { interval: 300, items: [50, null, null, 52], timestamp: START } }));

      expect(drafts.map((d) => d.sourceKey))
        .toEqual([0, 1, 2, 3].map((i) => `sleep:n1:${field}:${i}`));
      expect(drafts.filter(isSkip).map((d) => d.skip)).toEqual([
        `Oura has no ${what} for the 5-minute slot at 2026-03-09T23:17:04-07:00`,
        `Oura has no ${what} for the 5-minute slot at 2026-03-09T23:22:04-07:00`,
      ]);
      const points = drafts.filter((d): d is DataPointDraft => !isSkip(d));
      expect(points.map((d) => d.body.effective_time_frame)).toEqual([
        { date_time: '2026-03-09T23:12:04-07:00' }, { date_time: '2026-03-09T23:27:04-07:00' },
      ]);
      expect(JSON.stringify(drafts)).not.toMatch(/"value":0\b/);
      expect(schemaFailures(drafts)).toEqual([]);
    });

  it('HRV is RMSSD, during sleep', async () => {
    const series = { interval: 300, items: [41], timestamp: START };

    const body = onlyBody(await run(hrv, night({ hrv: series })));

    expect(body).toEqual({
      heart_rate_variability: { value: 41, unit: 'ms' },
      variability_measure: 'RMSSD',
      effective_time_frame: { date_time: '2026-03-09T23:12:04-07:00' },
      temporal_relationship_to_sleep: 'during sleep',
    });
  });

  it('the interval is read from the series, not assumed to be 5 minutes', async () => {
    const drafts = await run(heartRate,
      night({ heart_rate: { interval: 30, items: [50, 51], timestamp: START } }));

    expect((drafts[1] as DataPointDraft).body.effective_time_frame)
      .toEqual({ date_time: '2026-03-09T23:12:34-07:00' });
  });

  it.each([
    [{ heart_rate: null }, 'The period has no 5-minute heart-rate samples'],
    [{ heart_rate: { interval: 300, items: [], timestamp: START } },
      'The period has no 5-minute heart-rate samples'],
    [{ heart_rate: { interval: 0, items: [50], timestamp: START } },
      'The heart-rate samples have no positive interval'],
    [{ type: 'deleted', heart_rate: { interval: 300, items: [50], timestamp: START } },
      'Oura marks this period as deleted, not sleep'],
  ])('a period without usable samples is one skip: %j', async (fields, reason) => {
    expect(await run(heartRate, night(fields)))
      .toStrictEqual([{ sourceKey: 'sleep:n1', skip: reason }]);
  });
});

describe('Oura daily activity', () => {
  const DAY = { id: 'd', day: '2026-03-10', timestamp: '2026-03-10T04:00:00.000-07:00',
    steps: 9876, equivalent_walking_distance: 8120, active_calories: null };

  it('covers 04:00 to 04:00 local, not midnight to midnight', async () => {
    const body = onlyBody(await run(steps, page(DAY)));

    expect(body.effective_time_frame).toEqual({ time_interval: {
      start_date_time: '2026-03-10T04:00:00-07:00', end_date_time: '2026-03-11T04:00:00-07:00',
    } });
  });

  it('keeps Oura\'s day even where the UTC date differs', async () => {
    const tokyo = { ...DAY, timestamp: '2026-03-10T04:00:00+09:00' };

    const body = onlyBody(await run(steps, page(tokyo)));

    expect(body.calendar_day).toBe('2026-03-10');
    expect(new Date('2026-03-10T04:00:00+09:00').toISOString().slice(0, 10)).toBe('2026-03-09');
  });

  it('leaves out a null field rather than writing null or 0', async () => {
    const body = onlyBody(await run(activity, page(DAY)));

    expect(body).not.toHaveProperty('kcal_burned');
    expect(body.distance).toEqual({ value: 8120, unit: 'm' });
  });

  it('skips a record without a step count, and a negative one', async () => {
    const drafts = await run(steps, page({ ...DAY, steps: null }, { ...DAY, day: '2026-03-11',
      steps: -1 }));

    expect(drafts).toStrictEqual([
      { sourceKey: 'daily_activity:2026-03-10', skip: 'The record has no step count' },
      { sourceKey: 'daily_activity:2026-03-11', skip: 'A step count of -1 is negative' },
    ]);
  });
});

describe('Oura readiness', () => {
  it('reports a day without a temperature deviation as a skip, never a 0', async () => {
    const input = goldenFile('oura', 'input/constructed_daily_readiness_response.json');
    const mapping = await vendorMapping('oura', 'daily_readiness.to-pause-skin-temperature');

    const drafts: Draft[] = await run(mapping, input);

    expect(drafts[1]).toStrictEqual({ sourceKey: 'daily_readiness:2026-03-11',
      skip: 'Oura has no temperature deviation for this day' });
  });
});

describe('Oura workout intensity', () => {
  const RUN = { id: 'w', activity: 'running', day: '2026-04-09', intensity: 'hard',
    start_datetime: '2026-04-09T07:00:00+00:00', end_datetime: '2026-04-09T07:45:00+00:00' };

  it('is the wearer\'s report only for workouts the wearer entered', async () => {
    const manual = onlyBody(await run(workout, page({ ...RUN, source: 'manual' })));
    const detected = onlyBody(await run(workout, page({ ...RUN, source: 'autodetected' })));

    expect(manual.reported_activity_intensity).toBe('vigorous');
    expect(detected).not.toHaveProperty('reported_activity_intensity');
  });

  it('skips a workout that ends before it starts', async () => {
    const backwards = { ...RUN, end_datetime: '2026-04-09T06:00:00+00:00' };

    expect(await run(workout, page(backwards))).toStrictEqual([
      { sourceKey: 'workout:w', skip: 'The workout ends before it starts' },
    ]);
  });
});
