/**
 * The Open Wearables and Apple Health golden inputs and omh-shim expectations are copies of
 * the project's reference fixtures; this keeps them byte-identical whenever the reference
 * folder is present (the Oura copies are checked by oura-inputs.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './oura-golden-kit.ts';

const REFERENCE_DIR = join(REPO_ROOT, '../shared/fixtures');

const COPIES: [copyDir: string, referenceDir: string][] = [
  ['test/golden/open-wearables/input', 'vendors/open-wearables'],
  ['test/golden/open-wearables/omh-shim-expected', 'omh-examples/omh-shim-expected'],
  ['test/golden/apple-health/input', 'vendors/apple-health'],
];

describe.skipIf(!existsSync(REFERENCE_DIR))('Open Wearables and Apple Health data copies', () => {
  const copied = COPIES.flatMap(([dir, referenceDir]) => readdirSync(join(REPO_ROOT, dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => [`${dir}/${name}`, join(REFERENCE_DIR, referenceDir, name)]));

  it('finds the copies', () => {
    expect(copied.length).toBeGreaterThanOrEqual(7);
  });

  it.each(copied)('%s matches the reference fixture byte for byte', (copy, reference) => {
    expect(readFileSync(join(REPO_ROOT, copy))).toEqual(readFileSync(reference));
  });
});
