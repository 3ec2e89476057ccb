/**
 * The mapping kit: every vendor-to-OMH transform in this layer is a `.jsonata` file of its own,
 * compiled once at start-up and evaluated per page. Keeping mappings out of TypeScript lets each
 * one be reviewed and golden-tested by itself, and the file name says source and target.
 *
 * JSONata returns one match as a bare value and no match as `undefined`; mapping files are
 * written to always yield an array, and callers that still want a guarantee use {@link asArray}.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import jsonata from 'jsonata';

/** A compiled mapping file. */
export interface Mapping {
  /** The file the expression came from, for error messages and logs. */
  readonly file: string;
  /**
   * Runs the mapping and returns plain JSON: JSONata's internal sequence markers and any
   * `undefined` members are gone, so results compare and serialise like ordinary data.
   * @param input - The vendor document, already parsed.
   * @param bindings - Values the expression reads as `$name`.
   * @throws MappingError when the expression fails at run time.
   */
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}

/** A mapping that failed to compile or to run; `position` points into the `.jsonata` text. */
export class MappingError extends Error {
  readonly file: string;
  readonly code?: string;
  readonly position?: number;

  constructor(file: string, stage: 'compile' | 'evaluate', cause: unknown) {
    const detail = jsonataDetail(cause);
    const where = detail.position === undefined ? '' : ` at character ${detail.position}`;
    super(`Mapping ${basename(file)} failed to ${stage}${where}: ${detail.message}`, { cause });
    this.name = 'MappingError';
    this.file = file;
    this.code = detail.code;
    this.position = detail.position;
  }
}

/**
 * Reads and compiles a `.jsonata` file once; the returned mapping can be evaluated many times.
 * @param file - Path to the mapping file.
 * @throws MappingError when the file does not parse as JSONata.
 * @example
 * const file = fileURLToPath(new URL('./mappings/heartrate.to-omh-heart-rate.jsonata',
 *   import.meta.url));
 * const toHeartRate = await loadMapping(file);
 * const drafts = asArray<Draft>(await toHeartRate.evaluate(page));
 */
export async function loadMapping(file: string): Promise<Mapping> {
  const source = await readFile(file, 'utf8');
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source);
  } catch (error) {
    throw new MappingError(file, 'compile', error);
  }

  return {
    file,
    async evaluate(input, bindings) {
      try {
        return toPlainJson(await expression.evaluate(input, bindings));
      } catch (error) {
        throw new MappingError(file, 'evaluate', error);
      }
    },
  };
}

/**
 * Normalises a JSONata result to an array: `undefined` (no match) becomes `[]`, a bare value
 * (one match) becomes an array of one, an array is returned as it is.
 */
export function asArray<T>(value: unknown): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as T[]) : [value as T];
}

/**
 * JSONata tags its result arrays with extra properties, builds objects without a prototype
 * and may hold `undefined` members; this copy leaves only what a vendor-neutral consumer
 * would see on the wire, as a JSON round trip would, at a fraction of its cost: mapping
 * output is copied once per data point, so this is on the hot path of every ingest.
 */
export function toPlainJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  return copyJson(value);
}

/** One value as `JSON.parse(JSON.stringify(value))` gives it back, members in order. */
function copyJson(value: unknown): unknown {
  if (value === null) return null;
  if (typeof value !== 'object') return jsonScalar(value);
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    for (let index = 0; index < value.length; index += 1) {
      copy[index] = copyJson(value[index]) ?? null;
    }
    return copy;
  }
  // Anything with its own JSON form (a Date passed through from the input) keeps it.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.parse(JSON.stringify(value));
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = copyJson((value as Record<string, unknown>)[key]);
    if (member !== undefined) copy[key] = member;
  }
  return copy;
}

/** Scalars as JSON has them: no functions, symbols or undefined, no NaN or Infinity. */
function jsonScalar(value: unknown): unknown {
  switch (typeof value) {
    case 'number': return Number.isFinite(value) ? value : null;
    case 'string': case 'boolean': return value;
    case 'bigint': return JSON.parse(JSON.stringify(value));
    default: return undefined;
  }
}

// JSONata throws plain objects (not Error instances) that carry message, code and position.
function jsonataDetail(error: unknown): { message: string; code?: string; position?: number } {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { message, code, position } = error as Partial<jsonata.JsonataError>;
  return { message: message ?? String(error), code, position };
}
