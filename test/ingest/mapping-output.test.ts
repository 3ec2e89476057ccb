/**
 * The mapping kit copies JSONata's output into plain JSON itself instead of a JSON round
 * trip (the round trip cost more than validating a data point). The copy must give exactly
 * what the round trip gave, for real mapping output and for the odd values JSONata can
 * leave in a result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { toPlainJson } from '../../shared/mapping/jsonata-mapping.ts';
import { PROJECT_ROOT } from '../../shared/paths.ts';

const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value));

/** Every Oura mapping file with its collection's constructed fixture. */
function ouraCases(): [string, string, unknown][] {
  const mappings = join(PROJECT_ROOT, 'system-apis/oura/mappings');
  const inputs = join(PROJECT_ROOT, 'test/golden/oura/input');
  return readdirSync(mappings).filter((file) => file.endsWith('.jsonata')).flatMap((file) => {
    const input = `constructed_${file.split('.')[0]}_response.json`;
    if (!readdirSync(inputs).includes(input)) return [];
    return [[file, readFileSync(join(mappings, file), 'utf8'),
      JSON.parse(readFileSync(join(inputs, input), 'utf8'))] as [string, string, unknown]];
  });
}

describe('toPlainJson', () => {
  it.each(ouraCases())('copies the output of %s as a JSON round trip does',
    async (_file, source, input) => {
      const output = await jsonata(source).evaluate(input);

      const copy = toPlainJson(output);

      expect(JSON.stringify(copy)).toBe(JSON.stringify(roundTrip(output)));
      expect(copy).toStrictEqual(roundTrip(output));
    });

  it('drops what JSON drops and turns what JSON turns to null', () => {
    const sequence = Object.assign([1, undefined, Number.NaN, () => 1], { sequence: true });
    const bare = Object.assign(Object.create(null), { a: undefined, b: Infinity, c: 'x' });
    const value = { sequence, bare, day: new Date(Date.UTC(2026, 2, 10)), nested: [[null]] };

    expect(toPlainJson(value)).toStrictEqual(roundTrip(value));
    expect(Object.keys(toPlainJson(sequence) as object)).toEqual(['0', '1', '2', '3']);
    expect(toPlainJson(undefined)).toBeUndefined();
  });
});
