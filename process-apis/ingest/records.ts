/**
 * Where the vendor records of a payload are, and how to cut the payload into chunks that the
 * same mappings read: each chunk is the payload with one record array cut to a slice and the
 * other record arrays emptied, so that a mapping runs over a chunk exactly as over the whole
 * page, and every record is mapped once.
 */
import { ApiError } from '../../shared/errors/problem.ts';

/** Where a collection keeps its records; `whole` arrays are mapped together, never cut. */
interface RecordPath {
  path: readonly string[];
  whole?: boolean;
}

/** Oura and Open Wearables pages hold their records in `data`. */
const PAGE: RecordPath[] = [{ path: ['data'] }];

/**
 * An Apple Health upload holds three arrays. Its sleep samples are grouped into episodes
 * across samples by the sleep mappings, so they stay together.
 */
const RECORD_PATHS: Record<string, RecordPath[]> = {
  'apple-health/sync_request': [
    { path: ['data', 'records'] },
    { path: ['data', 'workouts'] },
    { path: ['data', 'sleep'], whole: true },
  ],
};

/** One record array found in a payload. */
export interface RecordArray {
  path: readonly string[];
  records: unknown[];
  whole: boolean;
}

/** The payload and its record arrays. */
export interface PayloadRecords {
  payload: Record<string, unknown>;
  arrays: RecordArray[];
  /** Records over all arrays. */
  total: number;
}

/** A slice of one record array, and the payload a mapping reads for it. */
export interface Chunk {
  array: RecordArray;
  /** Index of the first record of the slice within its array. */
  start: number;
  records: unknown[];
  payload: unknown;
}

/**
 * Finds the record arrays of a payload.
 * @throws ApiError 422 PAYLOAD.UNMAPPABLE when the payload has none of them.
 */
export function findRecords(vendor: string, collection: string, payload: unknown)
  : PayloadRecords {
  const paths = RECORD_PATHS[`${vendor}/${collection}`] ?? PAGE;
  const arrays = paths.flatMap(({ path, whole }) => {
    const records = valueAt(payload, path);
    return Array.isArray(records) ? [{ path, records, whole: whole === true }] : [];
  });
  if (arrays.length === 0) {
    throw new ApiError(422, 'PAYLOAD.UNMAPPABLE', 'The payload cannot be converted', {
      detail: `A ${vendor} ${collection} payload holds its records in `
        + `${paths.map(({ path }) => path.join('.')).join(', ')}, and this one has no such list`,
    });
  }
  const total = arrays.reduce((sum, array) => sum + array.records.length, 0);
  return { payload: payload as Record<string, unknown>, arrays, total };
}

/** The chunk of `array` from `start`, at most `size` records (all of them when whole). */
export function chunkOf(
  source: PayloadRecords, array: RecordArray, start: number, size: number,
): Chunk {
  const records = array.whole ? array.records : array.records.slice(start, start + size);
  return { array, start, records, payload: payloadWith(source, array, records) };
}

/** The chunk's payload with only the given records of it, to map them apart from the rest. */
export function narrowed(source: PayloadRecords, chunk: Chunk, records: unknown[]): unknown {
  return payloadWith(source, chunk.array, records);
}

/** How a report names a record of a chunk: its place in the payload, e.g. `data[17]`. */
export function recordKey(chunk: Chunk, index: number): string {
  return `${chunk.array.path.join('.')}[${chunk.start + index}]`;
}

function payloadWith(source: PayloadRecords, kept: RecordArray, records: unknown[]): unknown {
  let payload: unknown = source.payload;
  for (const array of source.arrays) {
    payload = withValueAt(payload, array.path, array === kept ? records : []);
  }
  return payload;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `value` with `path` set; only the objects along the path are copied. */
function withValueAt(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const object = value as Record<string, unknown>;
  const [key, ...rest] = path;
  return { ...object, [key]: withValueAt(object[key], rest, replacement) };
}
