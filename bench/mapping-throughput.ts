/**
 * Data points per CPU second (one core) of the conversion half of an ingest, measured in
 * this process, side by side: (a) Oura heart rate through the vendor mapping, schema
 * validation and the Observation build, exactly as the ingest flow runs them; (b) the JSONata
 * mapping alone (as the flow calls it, JSON-safe copy included); (c) a hand-written
 * TypeScript mapping of the same fields. Rounds alternate, so drift hits all three alike.
 */
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { ConverterRegistry, type Converter } from '../process-apis/ingest/converter-registry.ts';
import { readDrafts, type Draft } from '../process-apis/ingest/drafts.ts';
import type { IngestDeps } from '../process-apis/ingest/ingest-flow.ts';
import { prepare } from '../process-apis/ingest/prepare.ts';
import type { ApiClient } from '../shared/http/api-client.ts';
import { SchemaRegistry } from '../shared/omh/schema-registry.ts';
import { PROJECT_ROOT } from '../shared/paths.ts';
import { heartRatePage, referenceMapping } from './oura-heart-rate.ts';

export type ConversionKey = 'pipeline' | 'jsonata' | 'reference';

/** Data points per CPU second of each round, per measurement. */
export type ConversionRates = Record<ConversionKey, number[]>;

/** Rows per page: the ingest flow's own chunk size. */
const ROWS = 250;
/** Rounds per measurement; the first of each is a warm-up and not kept. */
const ROUNDS = 7;
/** CPU time each measurement runs for in a round: far above the clock's resolution. */
const ROUND_CPU_MS = 400;

export async function measureConversion(): Promise<ConversionRates> {
  const converters = await ConverterRegistry.load(join(PROJECT_ROOT, 'system-apis'));
  const [converter] = converters.for('oura', 'heartrate');
  const deps: IngestDeps = { converters, schemas: new SchemaRegistry(),
    jhe: undefined as unknown as ApiClient,
    config: { deviceIds: { oura: 70001 }, identifierSystem: 'urn:bench', batchSize: 200 } };
  await checkSameDrafts(converter);

  const runs: Record<ConversionKey, (page: { data: unknown[] }) => Promise<number>> = {
    pipeline: (page) => pipeline(deps, converter, page),
    jsonata: async (page) => readDrafts(await converter.mapping.evaluate(page), '').length,
    reference: async (page) => referenceMapping(page).length,
  };
  const rates: ConversionRates = { pipeline: [], jsonata: [], reference: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const key of Object.keys(runs) as ConversionKey[]) {
      const rate = await perCpuSecond(round, runs[key]);
      if (round > 0) rates[key].push(rate);
    }
  }
  return rates;
}

/** Mapping -> data point -> validation -> Observation, as `prepare` does for each draft. */
async function pipeline(deps: IngestDeps, converter: Converter, page: { data: unknown[] })
  : Promise<number> {
  const input = { patientId: 40001, vendor: 'oura', collection: 'heartrate', payload: page };
  const seen = new Map<string, string>();
  let built = 0;
  for (const draft of readDrafts(await converter.mapping.evaluate(page), converter.file)) {
    if (prepare(deps, input, draft, seen).upload) built += 1;
  }
  if (built !== page.data.length) throw new Error(`only ${built} Observations were built`);
  return built;
}

/** The yardstick is only fair if it produces what the JSONata mapping does. */
async function checkSameDrafts(converter: Converter): Promise<void> {
  const page = heartRatePage('2026-01-01T00:00:00Z', 50);
  page.data[3].bpm = 300;
  const expected = readDrafts(await converter.mapping.evaluate(page), converter.file);
  const actual: Draft[] = referenceMapping(page);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(actual)), expected)) {
    throw new Error('the TypeScript reference mapping differs from the JSONata mapping');
  }
}

/**
 * Items per second of this process's CPU time (user + system, so garbage collection on
 * V8's helper threads counts too): one core's throughput. Pages are made before the clock
 * starts, each on its own days, so no page is converted twice.
 */
async function perCpuSecond(round: number, work: (page: { data: unknown[] }) => Promise<number>)
  : Promise<number> {
  let items = 0;
  let used = 0;
  for (let page = 0; used < ROUND_CPU_MS * 1000; page += 1) {
    const start = new Date(Date.UTC(2026, 0, 1, 0, 0) + (round * 1000 + page) * ROWS * 300_000);
    const rows = heartRatePage(start.toISOString(), ROWS);
    const before = process.cpuUsage();
    items += await work(rows);
    const cpu = process.cpuUsage(before);
    used += cpu.user + cpu.system;
  }
  return items / (used / 1e6);
}
