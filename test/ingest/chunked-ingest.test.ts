/**
 * Push ingest at volume, at the ingest flow without HTTP: a payload runs in chunks of vendor
 * records, and the report must not depend on where the chunks fall (statuses, identifiers,
 * effectiveAt, dataThrough, repeats across chunks); a record its mapping cannot convert is
 * rejected alone; progress is told after each chunk; a failure part-way says how much
 * reached JHE. JHE is an in-memory stand-in that stores each identifier once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newContext } from '../../shared/api-kit/request-context.ts';
import { ApiError } from '../../shared/errors/problem.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import { SchemaRegistry } from '../../shared/omh/schema-registry.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { ConverterRegistry } from '../../process-apis/ingest/converter-registry.ts';
import {
  ingestPayload, type IngestDeps, type IngestInput, type IngestOptions, type IngestProgress,
} from '../../process-apis/ingest/ingest-flow.ts';

const PATIENT = 40001;
const BATCH_SIZE = 25;
const ONE_CHUNK = 1_000_000;

const fixture = (path: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, path), 'utf8'));
const SLEEP = fixture('test/golden/oura/input/constructed_sleep_response.json');
const APPLE = fixture('test/golden/apple-health/input/constructed_ow-sdk-sync-request_apple.json');
/** The night with 5-minute heart-rate and HRV samples. */
const NIGHT = SLEEP.data.find((period: { type: string }) => period.type === 'long_sleep');

/** JHE as the flow sees it: batches in, one result per Observation, each identifier once. */
class MemoryJhe {
  readonly stored = new Set<string>();
  readonly batchSizes: number[] = [];
  /** The call (1-based) from which every batch fails, as JHE failing part-way would. */
  failFrom?: number;

  readonly client = {
    call: async (_context: unknown, request: { body: { observations: Observation[] } }) => {
      this.batchSizes.push(request.body.observations.length);
      if (this.failFrom !== undefined && this.batchSizes.length >= this.failFrom) {
        throw new ApiError(502, 'UPSTREAM.FAILED', 'JHE failed');
      }
      return { results: request.body.observations.map((observation) => this.store(observation)) };
    },
  } as unknown as ApiClient;

  private store(observation: Observation) {
    const { value } = observation.identifier[0];
    const created = !this.stored.has(value);
    this.stored.add(value);
    return created
      ? { identifier: { value }, outcome: 'created', observationId: `obs-${value}` }
      : { identifier: { value }, outcome: 'duplicate' };
  }
}

interface Observation {
  identifier: { value: string }[];
}

let converters: ConverterRegistry;
let schemas: SchemaRegistry;

beforeAll(async () => {
  converters = await ConverterRegistry.load(join(PROJECT_ROOT, 'system-apis'));
  schemas = new SchemaRegistry();
});

function depsFor(jhe: MemoryJhe): IngestDeps {
  return { converters, schemas, jhe: jhe.client,
    config: { deviceIds: { 'oura': 70001, 'apple-health': 70005 }, identifierSystem: 'urn:test',
      batchSize: BATCH_SIZE } };
}

function ingest(jhe: MemoryJhe, input: Omit<IngestInput, 'patientId'>, options: IngestOptions) {
  return ingestPayload(depsFor(jhe), newContext(), { patientId: PATIENT, ...input }, options);
}

/** Invented Oura heart-rate rows, 5 minutes apart; every `skipEvery`-th is out of range. */
function syntheticHeartRate(series: { start: string; rows: number; skipEvery?: number }) {
  const startMs = Date.parse(series.start);
  const data = Array.from({ length: series.rows }, (_, index) => ({
    bpm: series.skipEvery && (index + 1) % series.skipEvery === 0 ? 300 : 50 + (index % 40),
    source: index % 2 ? 'awake' : 'rest',
    timestamp: new Date(startMs + index * 300_000).toISOString().replace('.000Z', '+00:00'),
  }));
  return { data, next_token: null };
}

const heartRate = (payload: unknown) => ({ vendor: 'oura', collection: 'heartrate', payload });

/** Oura sleep periods like the fixture's night, each under its own id. */
function nights(count: number) {
  return Array.from({ length: count }, (_, index) => ({ ...NIGHT, id: `night-${index}` }));
}

describe('a payload in chunks', () => {
  it.each([
    ['Oura heart rate', heartRate(syntheticHeartRate({ start: '2026-01-05T00:00:00Z', rows: 130,
      skipEvery: 11 }))],
    ['Oura sleep', { vendor: 'oura', collection: 'sleep',
      payload: { data: [...nights(4), ...SLEEP.data], next_token: null } }],
    ['an Apple Health upload', { vendor: 'apple-health', collection: 'sync_request',
      payload: APPLE }],
  ])('gives the same report for %s in chunks of 3 records as in one chunk', async (_, input) => {
    const whole = await ingest(new MemoryJhe(), input, { recordsPerChunk: ONE_CHUNK });
    const chunkedJhe = new MemoryJhe();
    const chunked = await ingest(chunkedJhe, input, { recordsPerChunk: 3 });

    expect(chunked).toEqual(whole);
    expect(whole.summary.stored + whole.summary.held).toBeGreaterThan(0);
    expect(whole.items.some((item) => item.effectiveAt)).toBe(true);
    expect(whole.dataThrough).toBeDefined();
    // JHE-sized batches across chunk boundaries: only the last one may be short.
    expect(chunkedJhe.batchSizes.slice(0, -1).every((size) => size === BATCH_SIZE)).toBe(true);
  });

  it('tells a repeat and a conflict from rows that fall in different chunks', async () => {
    const { data } = syntheticHeartRate({ start: '2026-01-05T00:00:00Z', rows: 10 });
    const repeat = { ...data[2] };
    const changed = { ...data[3], bpm: data[3].bpm + 7 };
    const jhe = new MemoryJhe();

    const report = await ingest(jhe, heartRate({ data: [...data, repeat, changed] }),
      { recordsPerChunk: 4 });

    const byKey = (key: string) => report.items.filter((item) => item.sourceKey === key);
    expect(byKey(`heartrate:${repeat.timestamp}`).map((item) => item.status))
      .toEqual(['stored', 'duplicate']);
    expect(byKey(`heartrate:${changed.timestamp}`).map((item) => [item.status, item.code]))
      .toEqual([['stored', undefined], ['rejected', 'DATAPOINT.CONFLICT']]);
    expect(report.summary).toMatchObject({ received: 12, stored: 10, duplicate: 1, rejected: 1 });
    expect(jhe.stored.size).toBe(10);
  });

  it('reports progress as chunks are done, in vendor records, ending at the total', async () => {
    const payload = syntheticHeartRate({ start: '2026-01-05T00:00:00Z', rows: 100, skipEvery: 9 });
    const seen: IngestProgress[] = [];

    const report = await ingest(new MemoryJhe(), heartRate(payload),
      { recordsPerChunk: 30, onProgress: (progress) => seen.push(progress) });

    const done = seen.map((progress) => progress.done);
    expect(done.length).toBeGreaterThan(2);
    done.forEach((count, index) => expect(count).toBeGreaterThan(done[index - 1] ?? 0));
    expect(done.at(-1)).toBe(100);
    expect(seen.every((progress) => progress.total === 100)).toBe(true);
    // A chunk counts once all its items are final: every record done is in the summary.
    for (const { done: records, summary } of seen) {
      expect(summary.stored + summary.skipped).toBe(records);
    }
    const received = seen.map((progress) => progress.summary.received);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(seen.at(-1)!.summary).toEqual(report.summary);
  });

  it('says how many data points reached JHE when it fails part-way', async () => {
    const jhe = new MemoryJhe();
    jhe.failFrom = 3;

    const failure = await ingest(jhe, heartRate(syntheticHeartRate({
      start: '2026-01-05T00:00:00Z', rows: 200 })), { recordsPerChunk: 40 })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 502, code: 'UPSTREAM.FAILED' });
    expect((failure as ApiError).detail)
      .toMatch(/^50 data points were uploaded before the failure/);
    expect(jhe.stored.size).toBe(2 * BATCH_SIZE);
  });
});

describe('a record its mapping cannot convert', () => {
  // An interval no clock can step through makes JSONata's arithmetic fail (D1001).
  const poison = { ...NIGHT, id: 'night-poison',
    heart_rate: { ...NIGHT.heart_rate, interval: 1e308 } };
  const sleep = (data: unknown[]) => ({ vendor: 'oura', collection: 'sleep',
    payload: { data, next_token: null } });

  it('is rejected alone while every other record is stored', async () => {
    const good = nights(7);
    const clean = await ingest(new MemoryJhe(), sleep(good), { recordsPerChunk: ONE_CHUNK });
    const jhe = new MemoryJhe();

    const report = await ingest(jhe, sleep([...good.slice(0, 4), poison, ...good.slice(4)]),
      { recordsPerChunk: 3 });

    const rejected = report.items.filter((item) => item.code === 'PAYLOAD.UNMAPPABLE');
    expect(rejected).toEqual([{ sourceKey: 'data[4]', status: 'rejected',
      code: 'PAYLOAD.UNMAPPABLE', reason: expect.stringContaining('sleep.to-omh-heart-rate') }]);
    const storedKeys = (items: typeof report.items) => items
      .filter((item) => item.status === 'stored').map((item) => item.sourceKey);
    // The poisoned period's own sleep-duration and sleep-episode points still convert.
    expect(storedKeys(report.items)).toEqual(expect.arrayContaining(storedKeys(clean.items)));
    expect(storedKeys(report.items).filter((key) => key.startsWith('sleep:night-poison')))
      .toEqual(['sleep:night-poison', 'sleep:night-poison']);
    expect(report.items.some((item) =>
      item.sourceKey.startsWith('sleep:night-poison:heart_rate'))).toBe(false);
  });

  it('leaves a payload without its record list a 422', async () => {
    for (const input of [heartRate({ rows: [] }), heartRate({ data: 'none' }),
      { vendor: 'apple-health', collection: 'sync_request', payload: { data: {} } }]) {
      const failure = await ingest(new MemoryJhe(), input, {}).catch((error: unknown) => error);

      expect(failure).toMatchObject({ status: 422, code: 'PAYLOAD.UNMAPPABLE' });
    }
  });

  it('answers an empty page with an empty report and one progress call', async () => {
    const seen: IngestProgress[] = [];

    const report = await ingest(new MemoryJhe(), heartRate({ data: [] }),
      { onProgress: (progress) => seen.push(progress) });

    expect(report.items).toEqual([]);
    expect(report.dataThrough).toBeUndefined();
    expect(seen).toEqual([{ done: 0, total: 0, summary: report.summary }]);
  });
});
