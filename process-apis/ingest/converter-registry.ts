/**
 * Finds the vendor mappings. Each vendor system API folder may hold `vendor.json` and
 * `mappings/<collection>.to-<omh|pause>-<name>.jsonata`; a collection can feed several data
 * types (Oura sleep gives sleep-duration, sleep-episode, heart rate and HRV). Adding a vendor
 * therefore needs no change here: its folder is discovered at start-up and every mapping is
 * compiled once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMapping, type Mapping } from '../../shared/mapping/jsonata-mapping.ts';

const MAPPING_FILE = /^([a-z0-9_]+)\.to-(?:omh|pause)-([a-z0-9-]+)\.jsonata$/;

export interface Converter {
  vendor: string;
  collection: string;
  file: string;
  mapping: Mapping;
}

export interface VendorInfo {
  vendor: string;
  deviceLabel: string;
}

export class ConverterRegistry {
  private constructor(
    private readonly converters: Map<string, Converter[]>,
    private readonly vendors: Map<string, VendorInfo>,
  ) {}

  /** Compiles every mapping found under `<systemApisDir>/<vendor>/mappings/`. */
  static async load(systemApisDir: string): Promise<ConverterRegistry> {
    const converters = new Map<string, Converter[]>();
    const vendors = new Map<string, VendorInfo>();
    for (const folder of readdirSync(systemApisDir)) {
      const manifest = join(systemApisDir, folder, 'vendor.json');
      if (!existsSync(manifest)) continue;
      const info = JSON.parse(readFileSync(manifest, 'utf8')) as VendorInfo;
      vendors.set(info.vendor, info);
      for (const converter of await loadVendor(info.vendor, join(systemApisDir, folder))) {
        const key = `${converter.vendor}/${converter.collection}`;
        converters.set(key, [...(converters.get(key) ?? []), converter]);
      }
    }
    return new ConverterRegistry(converters, vendors);
  }

  /** The converters for a vendor collection, in file-name order; empty when none. */
  for(vendor: string, collection: string): Converter[] {
    return this.converters.get(`${vendor}/${collection}`) ?? [];
  }

  vendor(vendor: string): VendorInfo | undefined {
    return this.vendors.get(vendor);
  }
}

async function loadVendor(vendor: string, folder: string): Promise<Converter[]> {
  const mappingsDir = join(folder, 'mappings');
  if (!existsSync(mappingsDir)) return [];
  const files = readdirSync(mappingsDir).filter((name) => MAPPING_FILE.test(name)).sort();
  return Promise.all(files.map(async (name) => ({
    vendor,
    collection: MAPPING_FILE.exec(name)![1],
    file: name,
    mapping: await loadMapping(join(mappingsDir, name)),
  })));
}
