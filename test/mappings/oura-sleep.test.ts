import { beforeAll, describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/mapping/jsonata-mapping.ts';
import { isSkip, type Draft } from '../../process-apis/ingest/drafts.ts';
import {
  asPage, dataPoints, golden, ouraInput, ouraMapping, schemaFailures,
} from './oura-golden-kit.ts';

let toDuration: Mapping;
let toEpisode: Mapping;

beforeAll(async () => {
  toDuration = await ouraMapping('sleep.to-omh-sleep-duration');
  toEpisode = await ouraMapping('sleep.to-omh-sleep-episode');
});

async function map(mapping: Mapping, input: unknown): Promise<Draft[]> {
  return (await mapping.evaluate(input)) as Draft[];
}

// The one rest period in constructed_sleep_response.json.
const REST_PERIOD_ID = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b';

// Invented, not from a fixture: a night that starts the evening before its Oura day and
// in a non-UTC offset, so a UTC conversion would show up in the day or the start time.
const LATE_EVENING_NIGHT = {
  id: 'case-c',
  type: 'long_sleep',
  day: '2024-03-10',
  bedtime_start: '2024-03-09T23:00:00+01:00',
  bedtime_end: '2024-03-10T07:00:00+01:00',
  time_in_bed: 28800,
  total_sleep_duration: 26000,
  awake_time: 2800,
  latency: 600,
  efficiency: 90,
};

// A nap as Oura sends it when most measurements are missing.
const NAP_WITH_NULLS = {
  id: 'nulls',
  type: 'late_nap',
  day: '2026-03-11',
  bedtime_start: '2026-03-10T19:00:00-07:00',
  bedtime_end: '2026-03-10T19:40:00-07:00',
  time_in_bed: 2400,
  total_sleep_duration: null,
  awake_time: null,
  latency: null,
  efficiency: null,
};

describe('Oura sleep -> omh:sleep-duration:2.0', () => {
  it('maps the constructed page exactly as the golden file', async () => {
    const drafts = await map(toDuration, ouraInput('constructed_sleep_response.json'));

    expect(drafts).toStrictEqual(golden('sleep.constructed-response.to-omh-sleep-duration.json'));
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it('maps the omh-shim single row, wrapped as a page, as the golden file', async () => {
    const page = asPage(ouraInput('omh-shim_oura_raw_sleep_episode_input.json'));

    const drafts = await map(toDuration, page);

    expect(drafts).toStrictEqual(golden('sleep.omh-shim-single-row.to-omh-sleep-duration.json'));
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it('reports a period whose total_sleep_duration is null as a skip', async () => {
    expect(await map(toDuration, asPage(NAP_WITH_NULLS))).toStrictEqual([
      { sourceKey: 'sleep:nulls', skip: 'The period has no total sleep duration' },
    ]);
  });

  it('reports a period with no total_sleep_duration key as a skip too', async () => {
    const { total_sleep_duration: _, ...withoutKey } = NAP_WITH_NULLS;

    expect(await map(toDuration, asPage(withoutKey))).toStrictEqual([
      { sourceKey: 'sleep:nulls', skip: 'The period has no total sleep duration' },
    ]);
  });
});

describe('Oura sleep -> omh:sleep-episode:1.1', () => {
  it('maps the constructed page exactly as the golden file', async () => {
    const drafts = await map(toEpisode, ouraInput('constructed_sleep_response.json'));

    expect(drafts).toStrictEqual(golden('sleep.constructed-response.to-omh-sleep-episode.json'));
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it('maps the omh-shim single row, wrapped as a page, as the golden file', async () => {
    const page = asPage(ouraInput('omh-shim_oura_raw_sleep_episode_input.json'));

    const drafts = await map(toEpisode, page);

    expect(drafts).toStrictEqual(golden('sleep.omh-shim-single-row.to-omh-sleep-episode.json'));
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it('leaves out every field whose Oura value is null, never writing null or 0', async () => {
    const [draft] = dataPoints(await map(toEpisode, asPage(NAP_WITH_NULLS)));

    expect(draft.body).toEqual({
      effective_time_frame: {
        time_interval: {
          start_date_time: '2026-03-10T19:00:00-07:00',
          end_date_time: '2026-03-10T19:40:00-07:00',
        },
      },
      is_main_sleep: false,
      calendar_day: '2026-03-11',
    });
    expect(schemaFailures([draft])).toEqual([]);
  });
});

describe('Oura sleep, both targets', () => {
  const targets = [
    ['sleep-duration', () => toDuration],
    ['sleep-episode', () => toEpisode],
  ] as const;

  it.each(targets)('%s: keeps Oura day and local bedtime as sent', async (_, mapping) => {
    const [draft] = dataPoints(await map(mapping(), asPage(LATE_EVENING_NIGHT)));

    const interval = (draft.body.effective_time_frame as {
      time_interval: { start_date_time: string; end_date_time: string };
    }).time_interval;
    expect(draft.body.calendar_day).toBe('2024-03-10');
    expect(interval.start_date_time).toBe('2024-03-09T23:00:00+01:00');
    expect(interval.end_date_time).toBe('2024-03-10T07:00:00+01:00');
    expect(schemaFailures([draft])).toEqual([]);
  });

  it.each(targets)('%s: reports rest and deleted periods as skips', async (_, mapping) => {
    const page = ouraInput('constructed_sleep_response.json') as {
      data: { id: string; type: string }[];
    };
    const deleted = { ...LATE_EVENING_NIGHT, id: 'gone', type: 'deleted' };
    const restIndex = page.data.findIndex((period) => period.type === 'rest');
    const restSkip = {
      sourceKey: `sleep:${REST_PERIOD_ID}`,
      skip: 'Oura marks this period as rest, not sleep',
    };
    const deletedSkip = {
      sourceKey: 'sleep:gone',
      skip: 'Oura marks this period as deleted, not sleep',
    };

    const drafts = await map(mapping(), { ...page, data: [...page.data, deleted] });

    expect(page.data[restIndex]?.id).toBe(REST_PERIOD_ID);
    expect(drafts).toHaveLength(page.data.length + 1);
    expect(drafts[restIndex]).toStrictEqual(restSkip);
    expect(drafts[page.data.length]).toStrictEqual(deletedSkip);
    expect(drafts.filter(isSkip)).toStrictEqual([restSkip, deletedSkip]);
  });

  it.each(targets)('%s: turns a page with no periods into an empty array', async (_, mapping) => {
    expect(await map(mapping(), asPage())).toEqual([]);
  });

  it.each(targets)('%s: turns a one-period page into an array of one', async (_, mapping) => {
    const drafts = await map(mapping(), asPage(LATE_EVENING_NIGHT));

    expect(Array.isArray(drafts)).toBe(true);
    expect(drafts).toHaveLength(1);
  });

  it('never keys two periods without an id alike: each is a skip', async () => {
    const { id: _, ...noId } = NAP_WITH_NULLS;
    for (const mapping of [toDuration, toEpisode]) {
      expect(await map(mapping, asPage(noId, { ...noId, day: '2026-03-12' }))).toStrictEqual([
        { sourceKey: 'sleep:(no id)', skip: 'The period has no Oura id to key it by' },
        { sourceKey: 'sleep:(no id)', skip: 'The period has no Oura id to key it by' },
      ]);
    }
  });
});
