/**
 * The push ingest flow: vendor page -> data point drafts (JSONata) -> validated Open mHealth
 * data points -> Observations with deterministic identifiers -> JHE batches. Each item's fate
 * is reported; nothing is dropped without a line in the report. Valid points JHE cannot
 * store yet are held in the state layer when a store is given.
 *
 * A large payload (a year of 5-minute heart rate) runs in chunks of vendor records: each
 * chunk is mapped, validated, built and uploaded before the next is read, so the drafts,
 * data points and Observations of the whole payload never exist at once; only the report
 * items and one fingerprint per identifier (to find repeats across chunks) accumulate.
 */
import { setImmediate } from 'node:timers/promises';
import { ApiError } from '../../shared/errors/problem.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { RequestContext } from '../../shared/api-kit/request-context.ts';
import type { IngestConfig } from '../../shared/config/config.ts';
import type { SchemaRegistry } from '../../shared/omh/schema-registry.ts';
import type { HeldDataPointStore } from '../../shared/state/index.ts';
import type { Converter, ConverterRegistry } from './converter-registry.ts';
import { IngestRun } from './ingest-run.ts';
import { chunkOf, findRecords } from './records.ts';
import type { IngestReport, IngestSummary } from './report.ts';

export interface IngestDeps {
  converters: ConverterRegistry;
  schemas: SchemaRegistry;
  jhe: ApiClient;
  config: IngestConfig;
  /** Where valid points JHE cannot store are held; without it they are reported rejected. */
  held?: HeldDataPointStore;
}

export interface IngestInput {
  patientId: number;
  vendor: string;
  collection: string;
  payload: unknown;
  /**
   * A pull's end: a data point whose period ends later (today's activity, a day still
   * running) is not final yet and is skipped, to be ingested by a later pull once complete.
   */
  finalBy?: string;
}

/** How far an ingest has got; `done` and `total` count vendor records. */
export interface IngestProgress {
  done: number;
  total: number;
  summary: IngestSummary;
}

export interface IngestOptions {
  /**
   * Called as chunks are done (every item of theirs final), with `done` growing, and last
   * with `done` = `total`; once for a payload without records.
   */
  onProgress?: (progress: IngestProgress) => void;
  /** The most vendor records mapped at once (default 250). */
  recordsPerChunk?: number;
}

/**
 * Small chunks keep memory flat: what a chunk holds while it is mapped outlives young-
 * generation collections and is promoted, so bigger chunks fill the old generation with
 * garbage faster. A year of heart rate through the flow alone peaked near 350 MB RSS with
 * 2,000 records per chunk and near 260 MB with 250, at the same speed.
 */
const RECORDS_PER_CHUNK = 250;
/** The first chunk is smaller still: it tells how many data points a record gives. */
const FIRST_CHUNK = 25;
/** Data points one chunk should give at most; an Oura sleep period gives hundreds. */
const DRAFTS_PER_CHUNK = 1_000;

/** Runs the flow for one vendor payload and reports per item. */
export async function ingestPayload(
  deps: IngestDeps,
  context: RequestContext,
  input: IngestInput,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const converters = convertersFor(deps, input);
  const source = findRecords(input.vendor, input.collection, input.payload);
  const run = new IngestRun(deps, context, input, converters);
  const maxChunk = Math.max(1, options.recordsPerChunk ?? RECORDS_PER_CHUNK);
  let told = -1;
  const tell = () => {
    if (run.done === told) return;
    told = run.done;
    options.onProgress?.({ done: run.done, total: source.total, summary: { ...run.summary } });
  };
  try {
    for (const array of source.arrays) {
      let size = Math.min(maxChunk, FIRST_CHUNK);
      for (let start = 0; start < array.records.length;) {
        const chunk = chunkOf(source, array, start, size);
        const drafts = await run.ingestChunk(source, chunk);
        start += chunk.records.length;
        size = nextSize(drafts, chunk.records.length, maxChunk);
        if (run.done > 0) tell();
        // JSONata runs on promises alone: without this turn, other requests would wait for
        // the whole payload whenever no upload goes out over the network.
        await setImmediate();
      }
    }
    await run.flush();
  } catch (error) {
    throw run.failedPartWay(error);
  }
  tell();
  return run.report();
}

/** The vendor collection's mappings; 404 `CONVERTER.NOT_FOUND` when it has none. */
export function convertersFor(deps: IngestDeps, input: IngestInput): Converter[] {
  const converters = deps.converters.for(input.vendor, input.collection);
  if (converters.length === 0) {
    throw new ApiError(404, 'CONVERTER.NOT_FOUND', 'No mapping exists for this vendor collection',
      { detail: `${input.vendor} ${input.collection} has no mapping to Open mHealth` });
  }
  return converters;
}

/** Keeps the data points a chunk gives near DRAFTS_PER_CHUNK, whatever a record yields. */
function nextSize(drafts: number, records: number, maxChunk: number): number {
  const perRecord = Math.max(1, drafts / Math.max(1, records));
  return Math.max(1, Math.min(maxChunk, Math.floor(DRAFTS_PER_CHUNK / perRecord)));
}
