/**
 * Every vendor collection with a mapping, pushed through the Pause backend experience API
 * into the JHE sandbox and read back through the timeline: each stored data point comes back
 * with the same values and instants the mapping produced, and each item is accounted for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataPoint } from '../../shared/omh/data-point.ts';
import { loadMapping } from '../../shared/mapping/jsonata-mapping.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { readDrafts, type DataPointDraft } from '../../process-apis/ingest/drafts.ts';
import { startGateway, type Running } from './harness.ts';

const PATIENT = 40001;
const GOLDEN = join(PROJECT_ROOT, 'test/golden');

interface Case {
  vendor: string;
  collection: string;
  input: string;
  /** The experience API path below the patient. */
  route: string;
  /** The input file is one vendor record: push it as a page of one. */
  single?: boolean;
}

const oura = (collection: string, file: string): Case => ({ vendor: 'oura', collection,
  input: `oura/input/${file}`, route: `wearables/oura/${collection}` });
const ow = (collection: string, file: string): Case => ({ vendor: 'open-wearables',
  collection, input: `open-wearables/input/${file}`,
  route: `wearables/open-wearables/${collection}` });

const CASES: Case[] = [
  oura('heartrate', 'constructed_heartrate_response.json'),
  oura('sleep', 'constructed_sleep_response.json'),
  oura('daily_spo2', 'constructed_daily_spo2_response.json'),
  oura('daily_activity', 'constructed_daily_activity_response.json'),
  oura('daily_readiness', 'constructed_daily_readiness_response.json'),
  { ...oura('workout', 'jupyterhealth-omh-shim_oura_raw_workout_input.json'), single: true },
  ow('timeseries', 'constructed_timeseries_response.json'),
  ow('summaries_activity', 'constructed_summaries_activity_response.json'),
  ow('events_sleep', 'constructed_events_sleep_response.json'),
  { vendor: 'apple-health', collection: 'sync_request', route: 'apple-health/sync-requests',
    input: 'apple-health/input/constructed_ow-sdk-sync-request_apple.json' },
];

/** What the vendor's own mappings make of the payload, keyed by data point id. */
async function expectedPoints(testCase: Case, payload: unknown) {
  const folder = join(PROJECT_ROOT, 'system-apis', testCase.vendor, 'mappings');
  const files = readdirSync(folder)
    .filter((name) => name.startsWith(`${testCase.collection}.to-omh-`));
  const points = new Map<string, DataPointDraft>();
  for (const file of files) {
    const mapping = await loadMapping(join(folder, file));
    for (const draft of readDrafts(await mapping.evaluate(payload), file)) {
      if ('skip' in draft) continue;
      const id = buildDataPoint({ schema: draft.schema, body: draft.body,
        identity: [PATIENT, testCase.vendor, draft.schema, draft.sourceKey].join('|') }).header.uuid;
      points.set(id, draft);
    }
  }
  return points;
}

describe('every vendor collection, end to end', () => {
  let gateway: Running;

  beforeAll(async () => {
    gateway = await startGateway('single-process');
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it.each(CASES)('$vendor $collection: stored points read back as produced', async (testCase) => {
    const file = JSON.parse(readFileSync(join(GOLDEN, testCase.input), 'utf8'));
    const payload = testCase.single ? { data: [file], next_token: null } : file;
    const expected = await expectedPoints(testCase, payload);
    const before = gateway.observationCount();

    const pushed = await request(gateway.url).post(`/pause/v1/patients/${PATIENT}/${testCase.route}`)
      .send(payload);
    expect(pushed.status).toBe(200);
    const { summary, items } = pushed.body;
    expect(summary.received).toBe(items.length);
    // Valid points JHE cannot store yet (pause: schemas) are held, not rejected.
    expect(summary.rejected).toBe(0);
    const held = items.filter((i: { status: string }) => i.status === 'held');
    expect(summary.held).toBe(held.length);
    for (const item of held) {
      expect(item).toMatchObject({ code: 'DATAPOINT.HELD_FOR_JHE',
        schema: expect.stringMatching(/^pause:/) });
    }
    const stored = items.filter((i: { status: string }) => i.status === 'stored');
    expect(new Set(stored.map((i: { identifier: string }) => i.identifier)))
      .toEqual(new Set(expected.keys()));
    expect(gateway.observationCount() - before).toBe(expected.size);

    // A second push stores nothing and holds nothing new: the same points come back held.
    const again = await request(gateway.url)
      .post(`/pause/v1/patients/${PATIENT}/${testCase.route}`).send(payload);
    expect(again.body.summary).toMatchObject({ stored: 0, held: held.length });
    expect(again.body.items.filter((i: { reason?: string }) =>
      i.reason?.startsWith('Already held: '))).toHaveLength(held.length);
    expect(gateway.observationCount() - before).toBe(expected.size);

    const read = await request(gateway.url).get(`/pause/v1/patients/${PATIENT}/timeline`)
      .query({ start: '1970-01-01T00:00:00Z', end: '2100-01-01T00:00:00Z' });
    expect(read.status).toBe(200);
    const byId = new Map(read.body.readings.map((r: { id: string }) => [r.id, r]));
    for (const [id, draft] of expected) {
      const { effective_time_frame: frame, calendar_day: day, ...values } = draft.body as
        Record<string, unknown> & { effective_time_frame: Record<string, any> };
      const reading = byId.get(id) as Record<string, unknown>;
      expect(reading, `${testCase.collection} ${draft.sourceKey}`).toBeDefined();
      expect(reading.values).toEqual(values);
      expect(reading.calendarDay).toBe(day);
      expect(reading.effective).toEqual(frame.date_time ? { dateTime: frame.date_time }
        : { start: frame.time_interval.start_date_time, end: frame.time_interval.end_date_time });
    }
  });
});
