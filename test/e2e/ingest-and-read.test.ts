/**
 * The spine, end to end: a real Oura sample file goes in through the Pause backend
 * experience API, through the ingest process API and the JHE system API into the JHE
 * sandbox, and comes back through the patient-bundle process API as the same readings.
 * Every case runs in both layouts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataPoint } from '../../shared/omh/data-point.ts';
import { loadMapping } from '../../shared/mapping/jsonata-mapping.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { isSkip, readDrafts } from '../../process-apis/ingest/drafts.ts';
import { startGateway, type Layout, type Running } from './harness.ts';

const OURA = join(PROJECT_ROOT, 'sandbox/oura/data');
const HEART_RATE = JSON.parse(readFileSync(join(OURA, 'constructed_heartrate_response.json'),
  'utf8'));
const SLEEP = JSON.parse(readFileSync(join(OURA, 'constructed_sleep_response.json'), 'utf8'));
const PATIENT = 40001;

const ingest = (gateway: Running, collection: string, payload: object) =>
  request(gateway.url).post(`/pause/v1/patients/${PATIENT}/wearables/oura/${collection}`)
    .send(payload);

const timeline = (gateway: Running, query: Record<string, string | string[]>) =>
  request(gateway.url).get(`/pause/v1/patients/${PATIENT}/timeline`).query(query);

/** Items counted by `<status> <schema>`. */
function countBy(items: { status: string; schema?: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const key = `${item.status} ${item.schema ?? '-'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

interface Held {
  identifier: string;
  schema: string;
  vendor: string;
  heldAt: string;
  reason: string;
  dataPoint: unknown;
}

/** The patient's held data points, through the ingest process API. */
async function heldPoints(gateway: Running, schema?: string): Promise<Held[]> {
  const response = await request(gateway.processUrl)
    .get(`/ingest/v1/patients/${PATIENT}/held-data-points`).query(schema ? { schema } : {});
  expect(response.status).toBe(200);
  return response.body.items;
}

/** The HRV data points the Oura sleep mapping makes of the sleep file, by identifier. */
async function heldHrvOfSleep(): Promise<Map<string, unknown>> {
  const file = join(PROJECT_ROOT, 'system-apis/oura/mappings',
    'sleep.to-pause-heart-rate-variability.jsonata');
  const mapping = await loadMapping(file);
  const points = new Map<string, unknown>();
  for (const draft of readDrafts(await mapping.evaluate(SLEEP), file)) {
    if (isSkip(draft)) continue;
    const point = buildDataPoint({ schema: draft.schema, body: draft.body, device: 'Oura Ring',
      identity: [PATIENT, 'oura', draft.schema, draft.sourceKey].join('|') });
    points.set(point.header.uuid, point);
  }
  return points;
}

describe.each<Layout>(['single-process', 'process-per-tier'])('ingest and read (%s)', (layout) => {
  let gateway: Running;

  beforeAll(async () => {
    gateway = await startGateway(layout);
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('stores every heart-rate row once and reports the repeated row as a duplicate', async () => {
    const response = await ingest(gateway, 'heartrate', HEART_RATE);

    expect(response.status).toBe(200);
    expect(response.body.summary).toEqual({ received: 21, stored: 20, duplicate: 1, rejected: 0,
      skipped: 0, held: 0 });
    const repeated = response.body.items.filter((item: { status: string }) =>
      item.status === 'duplicate');
    expect(repeated.map((item: { sourceKey: string }) => item.sourceKey))
      .toEqual(['heartrate:2026-03-10T16:34:00+00:00']);
    expect(gateway.observationCount()).toBe(20);
  });

  it('reads back the same readings: count, values and instants with their offsets', async () => {
    const response = await timeline(gateway, { start: '2026-03-10T00:00:00Z',
      end: '2026-03-11T00:00:00Z', type: 'heart-rate' });

    expect(response.status).toBe(200);
    const unique = new Map<string, number>();
    for (const row of HEART_RATE.data) unique.set(row.timestamp, row.bpm);
    expect(response.body.count).toBe(unique.size);
    expect(response.body.readings.map((r: { effective: { dateTime: string };
      values: { heart_rate: { value: number } } }) => [r.effective.dateTime,
      r.values.heart_rate.value])).toEqual([...unique.entries()]);
    expect(response.body.readings[0]).toMatchObject({ type: 'heart-rate',
      schema: 'omh:heart-rate:2.0', values: { heart_rate: { unit: 'beats/min' } } });
  });

  it('accepts instants written into the query without escaping their colons', async () => {
    const response = await request(gateway.url).get(`/pause/v1/patients/${PATIENT}/timeline`
      + '?start=2026-03-10T00:00:00Z&end=2026-03-11T00:00:00Z&type=heart-rate');

    expect(response.status).toBe(200);
    expect(response.body.count).toBeGreaterThan(0);
  });

  it('stores nothing on a second identical ingest', async () => {
    const before = gateway.observationCount();
    const response = await ingest(gateway, 'heartrate', HEART_RATE);

    expect(response.status).toBe(200);
    expect(response.body.summary).toEqual({ received: 21, stored: 0, duplicate: 21, rejected: 0,
      skipped: 0, held: 0 });
    expect(gateway.observationCount()).toBe(before);
  });

  it('keeps a night\'s calendar day and local offsets from Oura sleep to the timeline', async () => {
    const before = gateway.observationCount();
    const response = await ingest(gateway, 'sleep', SLEEP);
    const counts = countBy(response.body.items);
    const nights = SLEEP.data.filter((s: { type: string }) => !['rest', 'deleted'].includes(s.type));
    const present = (key: 'heart_rate' | 'hrv') => nights.flatMap((s: Record<string, unknown>) =>
      ((s[key] as { items?: unknown[] })?.items ?? [])).filter((v: unknown) => v !== null).length;

    expect(counts['stored omh:sleep-duration:2.0']).toBe(nights.length);
    expect(counts['stored omh:sleep-episode:1.1']).toBe(nights.length);
    expect(counts['stored omh:heart-rate:2.0']).toBe(present('heart_rate'));
    // HRV has no schema JHE stores yet: converted, validated, held, reported, not uploaded.
    expect(counts['held pause:heart-rate-variability:1.0']).toBe(present('hrv'));
    expect(response.body.summary.held).toBe(present('hrv'));
    expect(response.body.items.filter((i: { code?: string }) =>
      i.code === 'DATAPOINT.HELD_FOR_JHE')).toHaveLength(present('hrv'));
    expect(response.body.summary.received).toBe(response.body.items.length);
    expect(gateway.observationCount() - before).toBe(response.body.summary.stored);

    const read = await timeline(gateway, { start: '2026-03-09T00:00:00-07:00',
      end: '2026-03-11T00:00:00-07:00', type: ['sleep-duration', 'sleep-episode'] });
    const longSleep = SLEEP.data.find((s: { type: string }) => s.type === 'long_sleep');
    const night = read.body.readings.filter((r: { effective: { start: string } }) =>
      r.effective.start === longSleep.bedtime_start);
    expect(night).toHaveLength(2);
    for (const reading of night) {
      expect(reading.calendarDay).toBe(longSleep.day);
      expect(reading.effective.end).toBe(longSleep.bedtime_end);
    }
  });

  it('holds the same HRV points again on a second sleep ingest, adding none', async () => {
    const before = await heldPoints(gateway);
    const response = await ingest(gateway, 'sleep', SLEEP);
    const held = response.body.items.filter((i: { status: string }) => i.status === 'held');

    expect(held.length).toBe(before.length);
    expect(response.body.summary).toMatchObject({ stored: 0, held: held.length, rejected: 0 });
    for (const item of held) {
      expect(item).toMatchObject({ code: 'DATAPOINT.HELD_FOR_JHE',
        reason: expect.stringMatching(/^Already held: /) });
    }
    expect(await heldPoints(gateway)).toEqual(before);
  });

  it('lists the held HRV points of the sleep file with their exact data points', async () => {
    const expected = await heldHrvOfSleep();
    const listed = await heldPoints(gateway, 'pause:heart-rate-variability:1.0');

    expect(expected.size).toBeGreaterThan(0);
    expect(listed.length).toBe(expected.size);
    for (const entry of listed) {
      expect(entry).toMatchObject({ schema: 'pause:heart-rate-variability:1.0', vendor: 'oura',
        reason: expect.stringContaining('held') });
      expect(entry.dataPoint).toEqual(expected.get(entry.identifier));
    }
    const other = await heldPoints(gateway, 'pause:skin-temperature:1.0');
    expect(other).toEqual([]);
  });

  it('keeps day 2024-03-10 for a sleep that starts at 23:00 on the 9th at +01:00', async () => {
    const record = { id: 'cet-night', type: 'long_sleep', day: '2024-03-10',
      bedtime_start: '2024-03-09T23:00:00+01:00', bedtime_end: '2024-03-10T07:00:00+01:00',
      time_in_bed: 28800, total_sleep_duration: 26000, awake_time: 2800, latency: 600,
      efficiency: 90, low_battery_alert: false, period: 0 };
    const stored = await ingest(gateway, 'sleep', { data: [record], next_token: null });
    expect(stored.body.summary.stored).toBe(2);

    const read = await timeline(gateway, { start: '2024-03-09T00:00:00Z',
      end: '2024-03-11T00:00:00Z', type: 'sleep-duration' });
    expect(read.body.readings).toEqual([expect.objectContaining({
      calendarDay: '2024-03-10',
      effective: { start: '2024-03-09T23:00:00+01:00', end: '2024-03-10T07:00:00+01:00' },
      values: { sleep_duration: { value: 26000, unit: 'sec' } },
    })]);
  });

  it('handles a page of one row and a page of none', async () => {
    const one = await ingest(gateway, 'heartrate', { data: [{ bpm: 64, source: 'awake',
      timestamp: '2024-05-01T06:30:00+05:00' }], next_token: null });
    expect(one.body.items).toHaveLength(1);
    expect(one.body.items[0]).toMatchObject({ status: 'stored', schema: 'omh:heart-rate:2.0' });

    const none = await ingest(gateway, 'heartrate', { data: [], next_token: null });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ items: [], summary: { received: 0, stored: 0 } });
  });

  it('rejects a contract violation at the edge with field pointers and the correlation id',
    async () => {
      const before = gateway.observationCount();
      const response = await ingest(gateway, 'heartrate', { data: 'not-a-list' })
        .set('x-correlation-id', 'e2e-check-1');

      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'REQUEST.INVALID', correlationId: 'e2e-check-1',
        errors: [{ pointer: '/body/data' }] });
      expect(gateway.observationCount()).toBe(before);
    });

  it('answers a path no API serves as a problem carrying the correlation id', async () => {
    const response = await request(gateway.url).get('/nowhere').set('x-correlation-id', 'lost-1');

    expect(response.status).toBe(404);
    expect(response.headers['x-correlation-id']).toBe('lost-1');
    expect(response.body).toMatchObject({ code: 'ROUTE.NOT_FOUND', correlationId: 'lost-1' });
  });

  it('reports two rows with one key but different values as a conflict, not a duplicate',
    async () => {
      const at = '2024-06-01T10:00:00+00:00';
      const response = await ingest(gateway, 'heartrate', { data: [
        { bpm: 60, source: 'rest', timestamp: at }, { bpm: 180, source: 'workout', timestamp: at },
      ] });

      expect(response.body.items.map((i: { status: string; code?: string }) =>
        [i.status, i.code])).toEqual([['stored', undefined], ['rejected', 'DATAPOINT.CONFLICT']]);
    });

  it('refuses a timeline window that ends before it starts, pointing at end', async () => {
    const response = await timeline(gateway, { start: '2026-03-11T00:00:00Z',
      end: '2026-03-09T00:00:00Z' });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.INVALID',
      errors: [{ pointer: '/query/end' }] });
  });

  it('rejects a row whose instant has no offset, and says why', async () => {
    const response = await ingest(gateway, 'heartrate', { data: [{ bpm: 70, source: 'awake',
      timestamp: '2024-05-01T06:30:00' }] });

    expect(response.body.items).toEqual([expect.objectContaining({ status: 'rejected',
      code: 'DATAPOINT.SCHEMA_INVALID',
      errors: expect.arrayContaining([expect.objectContaining({
        pointer: '/body/effective_time_frame/date_time' })]) })]);
  });
});
