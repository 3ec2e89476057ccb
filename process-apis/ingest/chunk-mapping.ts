/**
 * Runs one mapping over one chunk of vendor records. A record that makes the mapping fail
 * must not sink its chunk: when the chunk fails, each record is mapped alone to find the
 * ones that fail by themselves; those are reported rejected, and the rest of the chunk is
 * mapped together again, so that mappings that group records (sleep episodes) still see
 * every good record of the group.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import { MappingError } from '../../shared/mapping/jsonata-mapping.ts';
import type { Converter } from './converter-registry.ts';
import { readDrafts, type Draft } from './drafts.ts';
import { narrowed, recordKey, type Chunk, type PayloadRecords } from './records.ts';
import type { IngestItem } from './report.ts';

export interface MappedChunk {
  drafts: Draft[];
  /** One rejected item per record the mapping cannot convert. */
  unmappable: IngestItem[];
}

export async function mapChunk(
  converter: Converter, source: PayloadRecords, chunk: Chunk,
): Promise<MappedChunk> {
  try {
    return { drafts: await draftsOf(converter, chunk.payload), unmappable: [] };
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
  }
  const { good, unmappable } = await sortRecords(converter, source, chunk);
  try {
    return { drafts: await draftsOf(converter, narrowed(source, chunk, good)), unmappable };
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    throw new ApiError(422, 'PAYLOAD.UNMAPPABLE', 'The payload cannot be converted', {
      detail: `${converter.file} fails on records that it converts one by one`, cause: error,
    });
  }
}

async function draftsOf(converter: Converter, payload: unknown): Promise<Draft[]> {
  return readDrafts(await converter.mapping.evaluate(payload), converter.file);
}

/** Maps each record of the chunk alone; the ones that fail are unmappable. */
async function sortRecords(converter: Converter, source: PayloadRecords, chunk: Chunk) {
  const good: unknown[] = [];
  const unmappable: IngestItem[] = [];
  for (const [index, record] of chunk.records.entries()) {
    try {
      await converter.mapping.evaluate(narrowed(source, chunk, [record]));
      good.push(record);
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      unmappable.push(rejected(recordKey(chunk, index), converter, error));
    }
  }
  return { good, unmappable };
}

/** The reason names the mapping and JSONata's error, never the record's values. */
function rejected(sourceKey: string, converter: Converter, error: MappingError): IngestItem {
  const where = error.position === undefined ? '' : ` at character ${error.position}`;
  return {
    sourceKey,
    status: 'rejected',
    code: 'PAYLOAD.UNMAPPABLE',
    reason: `The mapping ${converter.file} cannot convert this record `
      + `(JSONata ${error.code ?? 'error'}${where}); the other records were converted`,
  };
}
