/**
 * House rules for the mapping files of every vendor: names say collection and target, the
 * header comment says what goes in and what comes out, and the instant helpers (which
 * work around a JSONata bug, see below) are the same text wherever they are copied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingDir, type Vendor } from './golden-kit.ts';

const VENDORS: Vendor[] = ['oura', 'open-wearables', 'apple-health'];
// Collections may hold digits: Oura's daily_spo2.
const NAME = /^([a-z0-9_]+)\.to-(omh|pause)-([a-z0-9-]+)\.jsonata$/;

const FILES = VENDORS.flatMap((vendor) => readdirSync(mappingDir(vendor))
  .filter((name) => name.endsWith('.jsonata'))
  .map((name) => ({ vendor, name, text: readFileSync(join(mappingDir(vendor), name), 'utf8') })));

/** The text of `$name := function ... };` in a mapping, or undefined. */
function helper(text: string, name: string): string | undefined {
  const start = text.indexOf(`  $${name} := function`);
  if (start < 0) return undefined;
  return text.slice(start, text.indexOf('\n  };\n', start));
}

describe('mapping files', () => {
  it.each(FILES.map((f) => [`${f.vendor}/${f.name}`, f] as const))(
    '%s is named <collection>.to-<omh|pause>-<target> and says what it reads and yields',
    (_, { name, text }) => {
      expect(name).toMatch(NAME);
      expect(text.trimStart().startsWith('/*')).toBe(true);
      expect(text).toMatch(/Output: always an array/);
    });

  // $fromMillis(ms, picture, '-0330') writes 01:30Z as 21:00-04:30 in jsonata 2.2.2, so
  // the mappings shift the instant themselves and append the offset; one fix, one text.
  it.each(['minutesEast', 'render'])('every copy of $%s is the same text', (name) => {
    const copies = FILES.map((f) => helper(f.text, name)).filter((t) => t !== undefined);

    expect(copies.length).toBeGreaterThanOrEqual(20);
    expect(new Set(copies).size).toBe(1);
  });

  it('no mapping hands a time zone to $fromMillis', () => {
    const offenders = FILES.filter((f) => /\$fromMillis\([^)]*,[^)]*,/.test(f.text));

    expect(offenders.map((f) => f.name)).toEqual([]);
  });
});
