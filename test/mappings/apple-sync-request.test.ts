/**
 * The HealthKit bridge upload is one collection holding quantity and category samples,
 * sleep stages and workouts. Run together, its mappings account for every record and every
 * sleep sample; sleep stages are put together into episodes per source.
 */
import { describe, expect, it } from 'vitest';
import { isSkip, type DataPointDraft } from '../../process-apis/ingest/drafts.ts';
import {
  collectionMappings, goldenFile, run, schemaFailures, vendorMapping,
} from './golden-kit.ts';

interface Upload { data: { records: { id: string }[]; sleep: { id: string }[];
  workouts: { id: string }[] } }

const UPLOADS = [
  'input/constructed_ow-sdk-sync-request_apple.json',
  'cases/constructed_sync-request_workouts-wrist-temperature-two-nights.json',
];

const SLEEP_TARGETS = ['sync_request.to-omh-sleep-duration', 'sync_request.to-omh-sleep-episode'];

function upload(parts: Record<string, unknown[]>): unknown {
  return { provider: 'apple', sdkVersion: '0.9.0', syncTimestamp: '2026-03-12T00:00:00Z',
    data: { records: [], sleep: [], workouts: [], ...parts } };
}

function stage(id: string, name: string, start: string, end: string, appId = 'watch') {
  return { id, stage: name, startDate: start, endDate: end, zoneOffset: null,
    source: { appId } };
}

describe('Apple Health upload, all mappings together', () => {
  it('has one mapping per Pause target plus the report of unused types', () => {
    expect(collectionMappings('apple-health', 'sync_request')).toEqual([
      'sync_request.to-omh-heart-rate', 'sync_request.to-omh-none',
      'sync_request.to-omh-oxygen-saturation', 'sync_request.to-omh-physical-activity',
      'sync_request.to-omh-sleep-duration', 'sync_request.to-omh-sleep-episode',
      'sync_request.to-omh-step-count', 'sync_request.to-pause-heart-rate-variability',
      'sync_request.to-pause-skin-temperature',
    ]);
  });

  it.each(UPLOADS)('accounts for every record and workout of %s exactly once', async (name) => {
    const input = goldenFile('apple-health', name) as Upload;
    const others = collectionMappings('apple-health', 'sync_request')
      .filter((mapping) => !SLEEP_TARGETS.includes(mapping));

    const drafts = (await Promise.all(others.map(async (mapping) =>
      run(await vendorMapping('apple-health', mapping), input)))).flat();

    const expected = [...input.data.records, ...input.data.workouts]
      .map((record) => `sync_request:${record.id}`);
    expect(drafts.map((d) => d.sourceKey).sort()).toEqual(expected.sort());
  });

  it.each(SLEEP_TARGETS)('%s: every sleep sample is in an episode or skipped', async (name) => {
    const input = goldenFile('apple-health', UPLOADS[1]) as Upload;
    const mapping = await vendorMapping('apple-health', name);

    const drafts = await run(mapping, input);

    const skipped = drafts.filter(isSkip).map((d) => d.sourceKey.replace('sync_request:', ''));
    const episodes = drafts.filter((d) => !isSkip(d))
      .map((d) => d.sourceKey.replace('sync_request:episode:', ''));
    expect(skipped).toEqual(['D1000000-0000-4000-8000-000000000001']);
    expect(episodes).toEqual(['B1000000-0000-4000-8000-000000000001',
      'B1000000-0000-4000-8000-000000000005', 'C1000000-0000-4000-8000-000000000001']);
  });
});

describe('Apple Health heart rate', () => {
  it('tags motion context 1 "at rest", 2 "active" and leaves 0 and none untagged', async () => {
    const mapping = await vendorMapping('apple-health', 'sync_request.to-omh-heart-rate');
    const records = ['1', '2', '0', null].map((context, i) => ({
      id: `HR-${i}`, type: 'HKQuantityTypeIdentifierHeartRate', value: 60, unit: 'bpm',
      startDate: '2026-03-10T15:00:00Z', endDate: '2026-03-10T15:00:00Z', zoneOffset: null,
      metadata: context === null ? null : { HKMetadataKeyHeartRateMotionContext: context },
    }));

    const drafts = await run(mapping, upload({ records }));

    expect(drafts.map((d) => (d as DataPointDraft).body.temporal_relationship_to_physical_activity))
      .toEqual(['at rest', 'active', undefined, undefined]);
  });
});

describe('Apple Health sleep episodes', () => {
  const episode = async (sleep: object[]) => run(
    await vendorMapping('apple-health', 'sync_request.to-omh-sleep-episode'), upload({ sleep }));

  it('splits a source\'s stages where more than an hour is uncovered', async () => {
    const drafts = await episode([
      stage('a', 'core', '2026-03-10T06:00:00Z', '2026-03-10T07:00:00Z'),
      stage('b', 'deep', '2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z'),
      stage('c', 'rem', '2026-03-10T10:00:01Z', '2026-03-10T11:00:00Z'),
    ]);

    expect(drafts.map((d) => d.sourceKey)).toEqual(['sync_request:episode:a',
      'sync_request:episode:c']);
    expect((drafts[0] as DataPointDraft).body.total_sleep_time)
      .toEqual({ value: 7200, unit: 'sec' });
  });

  it('never joins the stages of two sources', async () => {
    const drafts = await episode([
      stage('a', 'core', '2026-03-10T06:00:00Z', '2026-03-10T07:00:00Z', 'watch'),
      stage('b', 'sleeping', '2026-03-10T06:30:00Z', '2026-03-10T07:30:00Z', 'other.app'),
    ]);

    expect(drafts.map((d) => d.sourceKey)).toEqual(['sync_request:episode:a',
      'sync_request:episode:b']);
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it('counts awakenings only between onset and final awakening', async () => {
    const drafts = await episode([
      stage('w0', 'awake', '2026-03-10T05:50:00Z', '2026-03-10T06:00:00Z'),
      stage('a', 'core', '2026-03-10T06:00:00Z', '2026-03-10T07:00:00Z'),
      stage('w1', 'awake', '2026-03-10T07:00:00Z', '2026-03-10T07:05:00Z'),
      stage('b', 'rem', '2026-03-10T07:05:00Z', '2026-03-10T08:00:00Z'),
      stage('w2', 'awake', '2026-03-10T08:00:00Z', '2026-03-10T08:30:00Z'),
    ]);

    expect((drafts[0] as DataPointDraft).body).toEqual({
      effective_time_frame: { time_interval: {
        start_date_time: '2026-03-10T06:00:00Z', end_date_time: '2026-03-10T08:00:00Z' } },
      total_sleep_time: { value: 6900, unit: 'sec' },
      wake_after_sleep_onset: { value: 300, unit: 'sec' },
      number_of_awakenings: 1,
    });
  });

  it('reports a run of awake samples with no sleep, and in-bed time, as skips', async () => {
    const drafts = await episode([
      stage('w', 'awake', '2026-03-10T03:00:00Z', '2026-03-10T03:20:00Z'),
      stage('bed', 'in_bed', '2026-03-10T05:00:00Z', '2026-03-10T13:00:00Z'),
    ]);

    expect(drafts).toStrictEqual([
      { sourceKey: 'sync_request:bed', skip: 'In bed is time in bed, not sleep' },
      { sourceKey: 'sync_request:episode:w', skip: 'Awake samples with no sleep around them' },
    ]);
  });

  it('refuses a stage whose time has no offset, and keeps the rest', async () => {
    const drafts = await episode([
      stage('a', 'core', '2026-03-10T06:00:00', '2026-03-10T07:00:00Z'),
      stage('b', 'deep', '2026-03-10T07:00:00Z', '2026-03-10T08:00:00Z'),
    ]);

    expect(drafts[0]).toStrictEqual({ sourceKey: 'sync_request:a',
      skip: 'startDate 2026-03-10T06:00:00 has no UTC offset' });
    expect(drafts[1].sourceKey).toBe('sync_request:episode:b');
  });
});
