/**
 * Helpers for the golden tests of every vendor: where a vendor's inputs, hand-checked
 * expected outputs and mapping files live, and how a mapping is run the way the ingest
 * flow runs it. The schema check itself is shared with the Oura kit.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadMapping, type Mapping } from '../../shared/mapping/jsonata-mapping.ts';
import { readDrafts, type DataPointDraft, type Draft } from '../../process-apis/ingest/drafts.ts';
import { readJson, REPO_ROOT } from './oura-golden-kit.ts';

export { dataPoints, schemaFailures } from './oura-golden-kit.ts';

export type Vendor = 'oura' | 'open-wearables' | 'apple-health';

export function goldenDir(vendor: Vendor): string {
  return join(REPO_ROOT, 'test/golden', vendor);
}

export function mappingDir(vendor: Vendor): string {
  return join(REPO_ROOT, 'system-apis', vendor, 'mappings');
}

/** A file under `test/golden/<vendor>/`, e.g. `input/constructed_timeseries_response.json`. */
export function goldenFile(vendor: Vendor, name: string): unknown {
  return readJson(join(goldenDir(vendor), name));
}

/** Compiles `system-apis/<vendor>/mappings/<name>.jsonata`. */
export function vendorMapping(vendor: Vendor, name: string): Promise<Mapping> {
  return loadMapping(join(mappingDir(vendor), `${name}.jsonata`));
}

/**
 * Runs a mapping and reads its output through the ingest contract, so a malformed item
 * (no sourceKey, neither skip nor schema and body) fails the test as it would fail ingest,
 * and so does an item carrying keys the contract does not know.
 */
export async function run(mapping: Mapping, input: unknown): Promise<Draft[]> {
  const output = await mapping.evaluate(input);
  const drafts = readDrafts(output, mapping.file);
  if (JSON.stringify(drafts) !== JSON.stringify(output)) {
    throw new Error(`${mapping.file} yields items with keys outside the draft contract`);
  }
  return drafts;
}

/** The names of every mapping of one vendor collection, e.g. all `timeseries.to-*` files. */
export function collectionMappings(vendor: Vendor, collection: string): string[] {
  return readdirSync(mappingDir(vendor))
    .filter((file) => file.startsWith(`${collection}.to-`) && file.endsWith('.jsonata'))
    .map((file) => file.slice(0, -'.jsonata'.length))
    .sort();
}

/** Runs every mapping of a collection on one payload, as the ingest flow does. */
export async function runCollection(
  vendor: Vendor,
  collection: string,
  input: unknown,
): Promise<Draft[]> {
  const names = collectionMappings(vendor, collection);
  const outputs = await Promise.all(
    names.map(async (name) => run(await vendorMapping(vendor, name), input)),
  );
  return outputs.flat();
}

/** The body of the only data point a mapping made, failing if it made anything else. */
export function onlyBody(drafts: Draft[]): Record<string, unknown> {
  if (drafts.length !== 1 || 'skip' in drafts[0]) {
    throw new Error(`Expected one data point, got ${JSON.stringify(drafts)}`);
  }
  return (drafts[0] as DataPointDraft).body;
}

/** Wraps records the way the vendor pages them: Oura `{data, next_token}`, OW `{data, ...}`. */
export function page(...records: unknown[]): { data: unknown[]; next_token: null } {
  return { data: records, next_token: null };
}
