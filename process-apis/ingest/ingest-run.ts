/**
 * What one ingest has done so far. Chunks are mapped and prepared in turn; their
 * Observations go to JHE in full batches, which may span chunks, so a chunk is counted as
 * done (its records in `done`, its items in `summary`) only once every item of it, and of
 * every chunk before it, has its final status.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { RequestContext } from '../../shared/api-kit/request-context.ts';
import { mapChunk } from './chunk-mapping.ts';
import type { Converter } from './converter-registry.ts';
import { holdAll, type PendingHold } from './hold.ts';
import type { IngestDeps, IngestInput } from './ingest-flow.ts';
import { prepare, type SeenBodies } from './prepare.ts';
import type { Chunk, PayloadRecords } from './records.ts';
import {
  addTo, emptySummary, LatestInstant, type IngestItem, type IngestReport,
} from './report.ts';
import { uploadInBatches, type PendingUpload } from './upload.ts';

/** A chunk whose items are not all final yet. */
interface OpenChunk {
  records: number;
  items: IngestItem[];
  /** Its Observations still waiting for JHE's answer. */
  outstanding: number;
}

interface Waiting {
  upload: PendingUpload;
  chunk: OpenChunk;
}

export class IngestRun {
  /** Counts of the items of the chunks that are done. */
  readonly summary = emptySummary();
  /** Vendor records of the chunks that are done. */
  done = 0;
  private readonly seen: SeenBodies = new Map();
  /** Items per converter, so the report lists them in the same order for any chunk size. */
  private readonly items: IngestItem[][];
  private readonly dataThrough = new LatestInstant();
  /** Chunks not yet done, oldest first. */
  private readonly open: OpenChunk[] = [];
  /** Observations waiting to fill a JHE batch. */
  private pending: Waiting[] = [];
  private uploaded = 0;

  constructor(
    private readonly deps: IngestDeps,
    private readonly context: RequestContext,
    private readonly input: IngestInput,
    private readonly converters: Converter[],
  ) {
    this.items = converters.map(() => []);
  }

  /** Maps, prepares and stores one chunk; returns how many drafts its mappings gave. */
  async ingestChunk(source: PayloadRecords, chunk: Chunk): Promise<number> {
    const open: OpenChunk = { records: chunk.records.length, items: [], outstanding: 0 };
    const holds: PendingHold[] = [];
    let drafts = 0;
    for (const [index, converter] of this.converters.entries()) {
      const mapped = await mapChunk(converter, source, chunk);
      drafts += mapped.drafts.length;
      for (const item of mapped.unmappable) this.add(index, open, item);
      for (const draft of mapped.drafts) {
        const { item, upload, hold } = prepare(this.deps, this.input, draft, this.seen);
        this.add(index, open, item);
        if (upload) {
          this.pending.push({ upload, chunk: open });
          open.outstanding += 1;
        }
        if (hold) holds.push({ item, point: hold });
      }
    }
    this.open.push(open);
    if (this.deps.held) await holdAll(this.deps.held, this.input, holds);
    await this.uploadFullBatches();
    this.settle();
    return drafts;
  }

  /** Uploads what is still waiting for a full batch: the payload has no more records. */
  async flush(): Promise<void> {
    await this.uploadFullBatches();
    if (this.pending.length > 0) await this.upload(this.pending.splice(0));
    this.settle();
  }

  report(): IngestReport {
    const { patientId, vendor, collection } = this.input;
    const report: IngestReport = { patientId, vendor, collection, summary: this.summary,
      items: this.items.flat() };
    const dataThrough = this.dataThrough.value;
    return dataThrough === undefined ? report : { ...report, dataThrough };
  }

  /**
   * A failure after some batches went to JHE says how many: the caller can tell a partial
   * ingest from none, and retrying the same payload is safe (identifiers are deterministic).
   */
  failedPartWay(error: unknown): unknown {
    if (this.uploaded === 0) return error;
    const uploaded = `${this.uploaded} data points were uploaded before the failure; retrying `
      + 'the same payload is safe and stores each of them once';
    if (!(error instanceof ApiError)) {
      return new ApiError(500, 'INTERNAL.UNEXPECTED', 'The ingest failed part-way',
        { detail: uploaded, cause: error });
    }
    const detail = error.detail ? `${error.detail}. ${uploaded}` : uploaded;
    return new ApiError(error.status, error.code, error.message,
      { detail, errors: error.errors, retryAfterMs: error.retryAfterMs, cause: error });
  }

  private add(converter: number, open: OpenChunk, item: IngestItem): void {
    this.items[converter].push(item);
    open.items.push(item);
  }

  private async uploadFullBatches(): Promise<void> {
    const { batchSize } = this.deps.config;
    while (this.pending.length >= batchSize) await this.upload(this.pending.splice(0, batchSize));
  }

  /** One JHE batch; upload.ts writes each result onto its item. */
  private async upload(batch: Waiting[]): Promise<void> {
    await uploadInBatches(this.deps.jhe, this.context, batch.map(({ upload }) => upload),
      batch.length);
    this.uploaded += batch.length;
    for (const { chunk } of batch) chunk.outstanding -= 1;
  }

  /** Counts the leading chunks whose items are all final. */
  private settle(): void {
    while (this.open.length > 0 && this.open[0].outstanding === 0) {
      const chunk = this.open.shift()!;
      addTo(this.summary, chunk.items);
      for (const item of chunk.items) this.dataThrough.see(item.effectiveAt);
      this.done += chunk.records;
    }
  }
}
