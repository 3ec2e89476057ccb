/**
 * Loads the vendored Open mHealth and IEEE 1752.1 JSON schemas, and the schemas this project
 * proposes where no upstream one fits (`shared/omh/schemas/pause/`), into one Ajv instance and
 * hands out compiled validators by schema id (`omh:heart-rate:2.0`, `ieee:header:1.0`,
 * `pause:skin-temperature:1.0`).
 *
 * Each file is registered under `<family base URI><file name>`, the same URLs JHE uses,
 * because most OMH files carry no `$id` and IEEE files carry versionless ones; without a
 * stable `$id` Ajv cannot resolve `#/definitions/...` reached through another file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { isPlaceableInstant } from './instant.ts';

// ajv and ajv-formats are CommonJS with `exports.default`; require() avoids the double
// default that an ESM import of them produces under NodeNext.
const require = createRequire(import.meta.url);
const Ajv: typeof AjvClass = require('ajv').default;
const addFormats: FormatsPlugin = require('ajv-formats').default;

export const OMH_BASE = 'https://w3id.org/openmhealth/schemas/omh/';
export const IEEE_BASE = 'https://w3id.org/ieee/ieee-1752-schema/';
/** Base URI of the project's own proposed schemas; see `schemas/pause/README.md`. */
export const PAUSE_BASE = 'https://w3id.org/pause/schemas/';

const BASES: Record<string, string> = { omh: OMH_BASE, ieee: IEEE_BASE, pause: PAUSE_BASE };

const SCHEMA_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'schemas');

/** How strictly string formats are checked. */
export type FormatMode = 'strict' | 'none';

export interface SchemaRegistryOptions {
  /** `strict` asserts `date-time` and `uuid` (our own output); `none` mimics JHE's Python
   * validator, which sets no FormatChecker. Default `strict`. */
  formats?: FormatMode;
}

/** Compiled validators for the vendored OMH and IEEE schemas. */
export class SchemaRegistry {
  private readonly ajv: AjvClass;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(options: SchemaRegistryOptions = {}) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    if ((options.formats ?? 'strict') === 'strict') {
      addFormats(this.ajv, ['uuid', 'uri']);
      this.ajv.addFormat('date-time', isPlaceableInstant);
    } else {
      // JHE checks no formats at all: every format becomes "any string".
      for (const name of ['date-time', 'uuid', 'uri']) this.ajv.addFormat(name, true);
    }
    // `iri` has no ajv-formats checker, and JHE's own data points put free text there.
    this.ajv.addFormat('iri', (value: string) => value.length > 0);
    this.registerFolder(join(SCHEMA_ROOT, 'omh'), OMH_BASE);
    this.registerFolder(join(SCHEMA_ROOT, 'ieee'), IEEE_BASE);
    this.registerFolder(join(SCHEMA_ROOT, 'pause'), PAUSE_BASE);
  }

  /** True when the id names a schema this registry holds. */
  has(schemaId: string): boolean {
    if (this.compiled.has(schemaId)) return true;
    const url = schemaUrl(schemaId);
    return url !== undefined && this.ajv.getSchema(url) !== undefined;
  }

  /**
   * The validator for a schema id such as `omh:heart-rate:2.0`.
   * @throws Error when the id is malformed or names no vendored schema.
   */
  validator(schemaId: string): ValidateFunction {
    const cached = this.compiled.get(schemaId);
    if (cached) return cached;
    const url = schemaUrl(schemaId);
    const validate = url ? this.ajv.getSchema(url) : undefined;
    if (!validate) throw new Error(`No schema is registered for ${schemaId}`);
    this.compiled.set(schemaId, validate);
    return validate;
  }

  private registerFolder(folder: string, base: string): void {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      // Ajv 8 has no draft-04 meta-schema; none of these files relies on draft-04 semantics.
      delete schema.$schema;
      schema.$id = base + file;
      this.ajv.addSchema(schema);
    }
  }
}

/**
 * Maps a schema id to the URL its file is registered under.
 * @example
 * schemaUrl('pause:skin-temperature:1.0');
 * // 'https://w3id.org/pause/schemas/skin-temperature-1.0.json'
 */
export function schemaUrl(schemaId: string): string | undefined {
  const match = /^(omh|ieee|pause):([a-z0-9-]+):(\d+\.\d+)$/.exec(schemaId);
  if (!match) return undefined;
  const [, namespace, name, version] = match;
  return BASES[namespace] + `${name}-${version}.json`;
}
