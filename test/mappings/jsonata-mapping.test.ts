import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asArray, loadMapping, MappingError } from '../../shared/mapping/jsonata-mapping.ts';

function mappingFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mapping-')), 'case.jsonata');
  writeFileSync(file, text);
  return file;
}

describe('loadMapping', () => {
  it('evaluates with bindings and returns plain arrays', async () => {
    const mapping = await loadMapping(mappingFile('[items.{"v": value * $factor}]'));

    const result = await mapping.evaluate({ items: [{ value: 2 }, { value: 3 }] }, { factor: 10 });

    expect(result).toEqual([{ v: 20 }, { v: 30 }]);
    expect(Object.keys(result as object)).toEqual(['0', '1']);
  });

  it('returns undefined when the expression matches nothing', async () => {
    const mapping = await loadMapping(mappingFile('items.value'));

    expect(await mapping.evaluate({ items: [] })).toBeUndefined();
  });

  it('names the file and position when the text does not compile', async () => {
    const file = mappingFile('{"a": }');

    const failure = await loadMapping(file).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MappingError);
    expect((failure as MappingError).message).toMatch(/case\.jsonata failed to compile at/);
    expect((failure as MappingError).position).toBeTypeOf('number');
  });

  it('wraps a run-time failure in a MappingError', async () => {
    const mapping = await loadMapping(mappingFile('$number("not a number") + "x"'));

    await expect(mapping.evaluate({})).rejects.toBeInstanceOf(MappingError);
  });
});

describe('asArray', () => {
  it('maps no match, one match and many matches to arrays', () => {
    expect(asArray(undefined)).toEqual([]);
    expect(asArray({ a: 1 })).toEqual([{ a: 1 }]);
    expect(asArray([1, 2])).toEqual([1, 2]);
  });
});
