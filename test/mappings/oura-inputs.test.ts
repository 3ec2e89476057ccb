import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DIR, INPUT_DIR, REPO_ROOT } from './oura-golden-kit.ts';

// The project's reference fixtures sit beside the repository on a development machine and
// are absent in a bare checkout; the copies are what the tests really read.
const REFERENCE_DIR = join(REPO_ROOT, '../shared/fixtures');

/** Each folder of copies, with the reference folder its files came from. */
const COPIES: [copyDir: string, referenceDir: string][] = [
  [INPUT_DIR, 'vendors/oura'],
  [join(REPO_ROOT, 'sandbox/oura/data'), 'vendors/oura'],
  [join(GOLDEN_DIR, 'omh-shim-expected'), 'omh-examples/omh-shim-expected'],
];

describe.skipIf(!existsSync(REFERENCE_DIR))('Oura data copies', () => {
  const copied = COPIES.flatMap(([dir, referenceDir]) => readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [
      join(dir, name).slice(REPO_ROOT.length + 1),
      join(dir, name),
      join(REFERENCE_DIR, referenceDir, name),
    ]));

  it.each(copied)('%s matches the reference fixture byte for byte', (_, file, reference) => {
    expect(readFileSync(file)).toEqual(readFileSync(reference));
  });
});
