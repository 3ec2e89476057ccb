/**
 * Issue 4: units are converted explicitly, never assumed; an unknown unit is a skip that
 * names the unit (the chosen rule: a reported rejection, never a schema-invalid draft);
 * out-of-range values are rejected with the reason. SpO2 arrives as 0-100 from Oura and the
 * Open Wearables SDK and as a 0-1 fraction from HealthKit; both give the same percent.
 */
import { describe, expect, it } from 'vitest';
import { isSkip, type DataPointDraft, type Draft } from '../../process-apis/ingest/drafts.ts';
import { onlyBody, page, run, schemaFailures, vendorMapping } from './golden-kit.ts';

const OW_SOURCE = { provider: 'apple', source: 'Apple Watch', device: 'Watch6,14',
  device_type: 'watch' };

function owRow(type: string, value: number, unit: string, extra: object = {}): unknown {
  return page({ timestamp: '2026-03-10T15:00:00Z', zone_offset: '-07:00', type, value, unit,
    source: OW_SOURCE, is_daily_total: false, ...extra });
}

function appleUpload(type: string, value: number, unit: string): unknown {
  return { provider: 'apple', data: { records: [{
    id: 'R-1', type, startDate: '2026-03-10T15:00:00Z', endDate: '2026-03-10T15:01:00Z',
    zoneOffset: '-07:00', value, unit, metadata: null,
  }], sleep: [], workouts: [] } };
}

async function ow(mapping: string, input: unknown): Promise<Draft[]> {
  return run(await vendorMapping('open-wearables', `timeseries.to-${mapping}`), input);
}

async function apple(mapping: string, input: unknown): Promise<Draft[]> {
  return run(await vendorMapping('apple-health', `sync_request.to-${mapping}`), input);
}

function valueOf(drafts: Draft[], field: string): unknown {
  return onlyBody(drafts)[field];
}

function skipOf(drafts: Draft[]): string {
  const [only] = drafts;
  if (drafts.length !== 1 || !isSkip(only)) {
    throw new Error(`No single skip: ${JSON.stringify(drafts)}`);
  }
  return only.skip;
}

describe('Open Wearables units are converted explicitly', () => {
  it.each([
    ['omh-heart-rate', 'heart_rate', 61, 'bpm', 'heart_rate', { value: 61, unit: 'beats/min' }],
    ['omh-oxygen-saturation', 'oxygen_saturation', 97, 'percent', 'oxygen_saturation',
      { value: 97, unit: '%' }],
    ['omh-step-count', 'steps', 9876, 'count', 'step_count', { value: 9876, unit: 'steps' }],
    ['pause-skin-temperature', 'skin_temperature_deviation', -0.12, 'celsius',
      'skin_temperature_deviation', { value: -0.12, unit: 'C' }],
    ['pause-skin-temperature', 'skin_temperature', 33.9, 'celsius', 'skin_temperature',
      { value: 33.9, unit: 'C' }],
    ['pause-heart-rate-variability', 'heart_rate_variability_rmssd', 41, 'ms',
      'heart_rate_variability', { value: 41, unit: 'ms' }],
  ])('%s: %s in %s', async (mapping, type, value, unit, field, expected) => {
    const drafts = await ow(mapping, owRow(type, value, unit, { is_daily_total: true }));

    expect(valueOf(drafts, field)).toEqual(expected);
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it.each([
    ['omh-heart-rate', 'heart_rate', 'beats per minute', 'a heart-rate'],
    ['omh-oxygen-saturation', 'oxygen_saturation', 'fraction', 'an SpO2'],
    ['omh-step-count', 'steps', 'km', 'a step'],
    ['pause-skin-temperature', 'skin_temperature', 'fahrenheit', 'a temperature'],
    ['pause-heart-rate-variability', 'heart_rate_variability_sdnn', 's', 'an HRV'],
  ])('%s: an unknown unit is skipped with the unit named', async (mapping, type, unit, kind) => {
    const drafts = await ow(mapping, owRow(type, 60, unit, { is_daily_total: true }));

    expect(skipOf(drafts)).toBe(`Unit ${unit} is not ${kind} unit this mapping knows`);
  });

  it('a row with no unit at all is skipped, not assumed', async () => {
    const drafts = await ow('omh-heart-rate', page({ timestamp: '2026-03-10T15:00:00Z',
      zone_offset: null, type: 'heart_rate', value: 60, unit: null, source: OW_SOURCE }));

    expect(skipOf(drafts)).toBe('Unit null is not a heart-rate unit this mapping knows');
  });
});

describe('Apple Health units are converted explicitly', () => {
  it.each([
    ['omh-heart-rate', 'HKQuantityTypeIdentifierHeartRate', 64, 'bpm', 'heart_rate',
      { value: 64, unit: 'beats/min' }],
    ['omh-heart-rate', 'HKQuantityTypeIdentifierHeartRate', 64, 'count/min', 'heart_rate',
      { value: 64, unit: 'beats/min' }],
    ['omh-step-count', 'HKQuantityTypeIdentifierStepCount', 412, 'count', 'step_count',
      { value: 412, unit: 'steps' }],
    ['pause-heart-rate-variability', 'HKQuantityTypeIdentifierHeartRateVariabilitySDNN', 41.7,
      'ms', 'heart_rate_variability', { value: 41.7, unit: 'ms' }],
    ['pause-skin-temperature', 'HKQuantityTypeIdentifierAppleSleepingWristTemperature', 34.8,
      'degC', 'skin_temperature', { value: 34.8, unit: 'C' }],
    ['pause-skin-temperature', 'HKQuantityTypeIdentifierAppleSleepingWristTemperature', 94.6,
      'degF', 'skin_temperature', { value: 94.6, unit: 'F' }],
  ])('%s: %s in %s', async (mapping, type, value, unit, field, expected) => {
    const drafts = await apple(mapping, appleUpload(type, value, unit));

    expect(valueOf(drafts, field)).toEqual(expected);
    expect(schemaFailures(drafts)).toEqual([]);
  });

  it('an unknown unit is skipped with the unit named', async () => {
    const drafts = await apple('omh-heart-rate',
      appleUpload('HKQuantityTypeIdentifierHeartRate', 1.1, 'Hz'));

    expect(skipOf(drafts)).toBe('Unit Hz is not a heart-rate unit this mapping knows');
  });
});

describe('SpO2: one percent from every scale, and a value fitting none is rejected', () => {
  const ouraSpo2 = async (average: number) => run(
    await vendorMapping('oura', 'daily_spo2.to-omh-oxygen-saturation'),
    page({ id: 'x', day: '2026-03-10', spo2_percentage: { average } }));

  it('Oura 0-100 and HealthKit 0-1 (raw) and 0-100 (SDK) give the same percent', async () => {
    const oura = valueOf(await ouraSpo2(97), 'oxygen_saturation');
    const healthKitFraction = valueOf(await apple('omh-oxygen-saturation',
      appleUpload('HKQuantityTypeIdentifierOxygenSaturation', 0.97, '%')), 'oxygen_saturation');
    const sdkPercent = valueOf(await apple('omh-oxygen-saturation',
      appleUpload('HKQuantityTypeIdentifierOxygenSaturation', 97, '%')), 'oxygen_saturation');

    expect(oura).toEqual({ value: 97, unit: '%' });
    expect(healthKitFraction).toEqual(oura);
    expect(sdkPercent).toEqual(oura);
  });

  it('Open Wearables: the Apple-export fraction and the 0-100 value agree', async () => {
    const fraction = await ow('omh-oxygen-saturation',
      owRow('oxygen_saturation', 0.955, 'percent'));
    const percent = await ow('omh-oxygen-saturation', owRow('oxygen_saturation', 95.5, '%'));

    expect(valueOf(fraction, 'oxygen_saturation')).toEqual({ value: 95.5, unit: '%' });
    expect(valueOf(percent, 'oxygen_saturation')).toEqual({ value: 95.5, unit: '%' });
  });

  it.each([
    [150, 'SpO2 150 fits neither a 0-1 fraction nor a 0-100 percentage'],
    [-1, 'SpO2 -1 fits neither a 0-1 fraction nor a 0-100 percentage'],
    [0.3, 'SpO2 30 % is below 50 %, not a plausible pulse-oximetry reading'],
    [42, 'SpO2 42 % is below 50 %, not a plausible pulse-oximetry reading'],
  ])('Apple and Open Wearables reject %s with the reason', async (value, reason) => {
    const fromApple = await apple('omh-oxygen-saturation',
      appleUpload('HKQuantityTypeIdentifierOxygenSaturation', value, '%'));
    const fromOw = await ow('omh-oxygen-saturation', owRow('oxygen_saturation', value, 'percent'));

    expect(skipOf(fromApple)).toBe(reason);
    expect(skipOf(fromOw)).toBe(reason);
  });

  it.each([
    [150, 'SpO2 150 is outside Oura\'s 0-100 percentage scale'],
    [0.97, 'SpO2 0.97 % is below 50 %, not a plausible pulse-oximetry average'],
  ])('Oura, which only uses 0-100, rejects %s with the reason', async (average, reason) => {
    expect(skipOf(await ouraSpo2(average))).toBe(reason);
  });
});

describe('other plausibility ranges', () => {
  it.each([
    ['omh-heart-rate', 'heart_rate', 300, 'bpm',
      'Heart rate 300 beats/min is outside the plausible 25-250 range'],
    ['omh-heart-rate', 'heart_rate', 0, 'bpm',
      'Heart rate 0 beats/min is outside the plausible 25-250 range'],
    ['pause-heart-rate-variability', 'heart_rate_variability_rmssd', 0, 'ms',
      'HRV 0 ms is outside the plausible range above 0 and up to 500 ms'],
    ['pause-skin-temperature', 'skin_temperature_deviation', 7.5, 'celsius',
      'A skin temperature deviation of 7.5 C is beyond the plausible +/-5 C'],
    ['pause-skin-temperature', 'skin_temperature', 50, 'celsius',
      'A skin temperature of 50 C is outside the plausible 20-45 C'],
    ['omh-step-count', 'steps', -3, 'count', 'A step count of -3 is negative'],
  ])('Open Wearables %s rejects %s %s', async (mapping, type, value, unit, reason) => {
    expect(skipOf(await ow(mapping, owRow(type, value, unit, { is_daily_total: true }))))
      .toBe(reason);
  });

  it('Apple: a wrist temperature of 120 F is rejected in its own unit', async () => {
    const drafts = await apple('pause-skin-temperature',
      appleUpload('HKQuantityTypeIdentifierAppleSleepingWristTemperature', 120, 'degF'));

    expect(skipOf(drafts)).toBe('A skin temperature of 120 F is outside the plausible 20-45 C');
  });

  it('Oura: a readiness deviation beyond 5 C is rejected', async () => {
    const mapping = await vendorMapping('oura', 'daily_readiness.to-pause-skin-temperature');
    const drafts = await run(mapping,
      page({ id: 'r', day: '2026-03-10', temperature_deviation: -6,
        timestamp: '2026-03-10T00:00:00.000-07:00' }));

    expect(skipOf(drafts))
      .toBe('A skin temperature deviation of -6 C is beyond the plausible +/-5 C');
  });

  it('a value that is not a number is never written as 0', async () => {
    const missing = null as unknown as number;

    const drafts = await ow('omh-heart-rate', owRow('heart_rate', missing, 'bpm'));

    expect(skipOf(drafts)).toBe('The row has no numeric value');
    expect(drafts.some((d) => !isSkip(d) && (d as DataPointDraft).body)).toBe(false);
  });
});
