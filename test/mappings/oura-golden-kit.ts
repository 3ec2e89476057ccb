/**
 * Helpers shared by the Oura golden tests: where inputs, expected outputs and mapping files
 * live, and a schema check that reports every invalid body by its source key.
 *
 * Mapping output is typed as the ingest flow reads it (`process-apis/ingest/drafts.ts`): each
 * vendor record yields either a data point draft or a skip with its reason.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMapping, type Mapping } from '../../shared/mapping/jsonata-mapping.ts';
import { isSkip, type DataPointDraft, type Draft } from '../../process-apis/ingest/drafts.ts';
import { SchemaRegistry } from '../../shared/omh/schema-registry.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const GOLDEN_DIR = join(REPO_ROOT, 'test/golden/oura');
export const INPUT_DIR = join(GOLDEN_DIR, 'input');
const MAPPING_DIR = join(REPO_ROOT, 'system-apis/oura/mappings');

/** An Oura v2 list response. */
export interface OuraPage {
  data: unknown[];
  next_token: string | null;
}

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A copied vendor input from `test/golden/oura/input/`. */
export function ouraInput(name: string): unknown {
  return readJson(join(INPUT_DIR, name));
}

/** A hand-checked expected output from `test/golden/oura/`. */
export function golden(name: string): unknown {
  return readJson(join(GOLDEN_DIR, name));
}

/** Wraps single rows the way Oura returns them: one page, nothing after it. */
export function asPage(...rows: unknown[]): OuraPage {
  return { data: rows, next_token: null };
}

/** Compiles `system-apis/oura/mappings/<name>.jsonata`. */
export function ouraMapping(name: string): Promise<Mapping> {
  return loadMapping(join(MAPPING_DIR, `${name}.jsonata`));
}

const registry = new SchemaRegistry();

/**
 * Validates each data point draft's body against its own schema and lists the failures, so a
 * test can expect `[]` and still show which row broke and why. Skips have no body to validate;
 * the tests that expect them assert their reason and sourceKey instead.
 */
export function schemaFailures(drafts: Draft[]): string[] {
  return drafts.flatMap((draft) => {
    if (isSkip(draft)) return [];
    const validate = registry.validator(draft.schema);
    if (validate(draft.body)) return [];
    return [`${draft.sourceKey}: ${JSON.stringify(validate.errors)}`];
  });
}

/**
 * For output in which every record should become a data point: a skip here means a record
 * was rejected by mistake, so it fails the test with its reason instead of being stepped over.
 */
export function dataPoints(drafts: Draft[]): DataPointDraft[] {
  const skips = drafts.filter(isSkip);
  if (skips.length > 0) throw new Error(`Unexpected skips: ${JSON.stringify(skips)}`);
  return drafts as DataPointDraft[];
}
