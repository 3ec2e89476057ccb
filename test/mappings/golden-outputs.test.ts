/**
 * Every mapping added for issue 4, run on a real or documented-shape vendor payload and
 * compared with its hand-checked expected output, exactly; every body must pass its schema
 * and every item the ingest contract. Single omh-shim records are wrapped in a one-record
 * page first, as the vendor would return them.
 */
import { describe, expect, it } from 'vitest';
import { isSkip } from '../../process-apis/ingest/drafts.ts';
import { goldenFile, page, run, schemaFailures, vendorMapping } from './golden-kit.ts';
import { CASES } from './golden-cases.ts';

/** `timeseries.to-omh-heart-rate` names the data type its drafts must carry. */
function targetSchema(mapping: string): string {
  const [, namespace, name] = /\.to-(omh|pause)-(.+)$/.exec(mapping) ?? [];
  return `${namespace}:${name}:${SCHEMA_VERSIONS[`${namespace}:${name}`]}`;
}

const SCHEMA_VERSIONS: Record<string, string> = {
  'omh:heart-rate': '2.0',
  'omh:oxygen-saturation': '2.0',
  'omh:step-count': '3.0',
  'omh:physical-activity': '1.2',
  'omh:sleep-duration': '2.0',
  'omh:sleep-episode': '1.1',
  'pause:heart-rate-variability': '1.0',
  'pause:skin-temperature': '1.0',
};

describe('golden outputs of the issue-4 mappings', () => {
  it.each(CASES.map((c) => [`${c.vendor} ${c.mapping} <- ${c.input}`, c] as const))(
    '%s', async (_, { vendor, mapping, input, expected, single }) => {
      const payload = goldenFile(vendor, input);

      const drafts = await run(await vendorMapping(vendor, mapping),
        single ? page(payload) : payload);

      expect(drafts).toStrictEqual(goldenFile(vendor, expected));
      expect(schemaFailures(drafts)).toEqual([]);
      expect(drafts.filter((d) => !isSkip(d)).map((d) => 'schema' in d && d.schema))
        .toEqual(drafts.filter((d) => !isSkip(d)).map(() => targetSchema(mapping)));
    });
});
