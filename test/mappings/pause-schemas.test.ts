/**
 * The schemas this project proposes where no Open mHealth or IEEE schema fits
 * (`shared/omh/schemas/pause/`): registered under their own ids, strict about what makes a
 * value mean something, and documented field by field in the proposal README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAUSE_BASE, SchemaRegistry, schemaUrl } from '../../shared/omh/schema-registry.ts';
import { REPO_ROOT } from './oura-golden-kit.ts';

const FOLDER = join(REPO_ROOT, 'shared/omh/schemas/pause');
const IDS = ['pause:heart-rate-variability:1.0', 'pause:skin-temperature:1.0'];
const registry = new SchemaRegistry();

const AT = { date_time: '2026-03-10T06:22:04-07:00' };
const NIGHT = { time_interval: { start_date_time: '2026-03-09T23:12:04-07:00',
  end_date_time: '2026-03-10T06:58:34-07:00' } };

function valid(id: string, body: unknown): boolean {
  return registry.validator(id)(body) as boolean;
}

function schemaFile(id: string): Record<string, unknown> {
  const [, name, version] = id.split(':');
  return JSON.parse(readFileSync(join(FOLDER, `${name}-${version}.json`), 'utf8'));
}

describe('project schema ids', () => {
  it('resolve to URLs under the project base URI', () => {
    expect(schemaUrl('pause:heart-rate-variability:1.0'))
      .toBe('https://w3id.org/pause/schemas/heart-rate-variability-1.0.json');
    expect(schemaUrl('pause:skin-temperature:1.0'))
      .toBe(`${PAUSE_BASE}skin-temperature-1.0.json`);
  });

  it.each(IDS)('%s is registered, and its file names itself by that URL', (id) => {
    expect(registry.has(id)).toBe(true);
    expect(schemaFile(id).$id).toBe(schemaUrl(id));
    expect(schemaFile(id).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('the folder holds exactly these schemas', () => {
    expect(readdirSync(FOLDER).filter((name) => name.endsWith('.json')).sort())
      .toEqual(['heart-rate-variability-1.0.json', 'skin-temperature-1.0.json']);
  });

  it('leave the upstream ids and unknown namespaces as they were', () => {
    expect(registry.has('omh:heart-rate:2.0')).toBe(true);
    expect(schemaUrl('local:heart-rate-variability:1.0')).toBeUndefined();
  });
});

describe('pause:heart-rate-variability:1.0', () => {
  const id = 'pause:heart-rate-variability:1.0';
  const rmssd = { heart_rate_variability: { value: 41, unit: 'ms' }, variability_measure: 'RMSSD',
    effective_time_frame: AT };

  it('accepts a sample and a summary of a night', () => {
    expect(valid(id, rmssd)).toBe(true);
    expect(valid(id, { ...rmssd, effective_time_frame: NIGHT, descriptive_statistic: 'average',
      temporal_relationship_to_sleep: 'during sleep', calendar_day: '2026-03-10' })).toBe(true);
    expect(valid(id, { ...rmssd, variability_measure: 'SDNN' })).toBe(true);
  });

  it.each([
    ['no measure', { ...rmssd, variability_measure: undefined }],
    ['an unknown measure', { ...rmssd, variability_measure: 'pNN50' }],
    ['seconds', { ...rmssd, heart_rate_variability: { value: 0.041, unit: 's' } }],
    ['zero', { ...rmssd, heart_rate_variability: { value: 0, unit: 'ms' } }],
    ['a string value', { ...rmssd, heart_rate_variability: { value: '41', unit: 'ms' } }],
    ['no offset', { ...rmssd, effective_time_frame: { date_time: '2026-03-10T06:22:04' } }],
    ['a non-date calendar day', { ...rmssd, calendar_day: '10 March' }],
  ])('rejects %s', (_, body) => {
    expect(valid(id, JSON.parse(JSON.stringify(body)))).toBe(false);
  });
});

describe('pause:skin-temperature:1.0', () => {
  const id = 'pause:skin-temperature:1.0';
  const deviation = { skin_temperature_deviation: { value: -0.12, unit: 'C' },
    effective_time_frame: NIGHT, measurement_location: 'finger',
    temporal_relationship_to_sleep: 'during sleep', calendar_day: '2026-03-10' };
  const absolute = { skin_temperature: { value: 34.8, unit: 'C' }, effective_time_frame: NIGHT,
    measurement_location: 'wrist' };

  it('accepts a deviation from baseline and an absolute temperature', () => {
    expect(valid(id, deviation)).toBe(true);
    expect(valid(id, absolute)).toBe(true);
    expect(valid(id, { ...absolute, skin_temperature: { value: 94.6, unit: 'F' } })).toBe(true);
  });

  it.each([
    ['both kinds at once', { ...deviation, skin_temperature: { value: 34.8, unit: 'C' } }],
    ['neither kind', { effective_time_frame: NIGHT }],
    ['HealthKit\'s unit spelling',
      { ...absolute, skin_temperature: { value: 34.8, unit: 'degC' } }],
    ['a deviation in percent',
      { ...deviation, skin_temperature_deviation: { value: 1, unit: '%' } }],
    ['an unknown location', { ...deviation, measurement_location: 'toe' }],
    ['no time frame', { skin_temperature_deviation: { value: -0.12, unit: 'C' } }],
  ])('rejects %s', (_, body) => {
    expect(valid(id, body)).toBe(false);
  });
});

describe('the proposal README', () => {
  const readme = readFileSync(join(FOLDER, 'README.md'), 'utf8');

  it.each(IDS)('documents %s and every one of its fields', (id) => {
    const properties = Object.keys(schemaFile(id).properties as object);

    expect(readme).toContain(`\`${id}\``);
    for (const property of properties) expect(readme, property).toContain(`\`${property}\``);
  });
});
