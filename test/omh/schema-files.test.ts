import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { SchemaRegistry, schemaUrl } from '../../shared/omh/schema-registry.ts';

const REFERENCE = join(PROJECT_ROOT, '../shared/fixtures/omh-schemas');
const VENDORED = join(PROJECT_ROOT, 'shared/omh/schemas');
const EXAMPLES = join(PROJECT_ROOT, '../shared/fixtures/omh-examples/bodies');

describe('vendored Open mHealth schemas', () => {
  it.skipIf(!existsSync(REFERENCE)).each(['omh', 'ieee'])(
    '%s files are byte-identical to the reference copies', (family) => {
      const names = readdirSync(join(REFERENCE, family)).sort();
      expect(readdirSync(join(VENDORED, family)).filter((n) => n.endsWith('.json')).sort())
        .toEqual(names);
      for (const name of names) {
        expect(readFileSync(join(VENDORED, family, name), 'utf8'), name)
          .toBe(readFileSync(join(REFERENCE, family, name), 'utf8'));
      }
    });

  it('maps schema ids to the URLs JHE registers them under', () => {
    expect(schemaUrl('omh:heart-rate:2.0'))
      .toBe('https://w3id.org/openmhealth/schemas/omh/heart-rate-2.0.json');
    expect(schemaUrl('ieee:header:1.0'))
      .toBe('https://w3id.org/ieee/ieee-1752-schema/header-1.0.json');
    expect(schemaUrl('local:heart-rate-variability:1.0')).toBeUndefined();
  });

  it.skipIf(!existsSync(EXAMPLES))('passes the official pass bodies and fails the fail bodies', () => {
    const registry = new SchemaRegistry();
    for (const verdict of ['pass', 'fail']) {
      for (const file of readdirSync(join(EXAMPLES, verdict))) {
        const [name, version] = file.split('_');
        const validate = registry.validator(`omh:${name}:${version}`);
        const body = JSON.parse(readFileSync(join(EXAMPLES, verdict, file), 'utf8'));
        expect(validate(body), `${verdict}/${file}`).toBe(verdict === 'pass');
      }
    }
  });

  it('rejects a date-time without an offset when formats are strict', () => {
    const validate = new SchemaRegistry().validator('omh:heart-rate:2.0');
    const body = (dateTime: string) => ({
      heart_rate: { value: 60, unit: 'beats/min' },
      effective_time_frame: { date_time: dateTime },
    });
    expect(validate(body('2024-05-01T06:30:00+05:00'))).toBe(true);
    expect(validate(body('2024-05-01T06:30:00'))).toBe(false);
  });
});
