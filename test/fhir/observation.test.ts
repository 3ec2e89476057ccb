import { describe, expect, it } from 'vitest';
import { asciiJson, asciiJsonBase64, decodeBase64Json } from '../../shared/fhir/ascii-json.ts';
import { buildObservation } from '../../shared/fhir/observation.ts';
import { buildDataPoint, validateDataPoint } from '../../shared/omh/data-point.ts';
import { uuidV5 } from '../../shared/omh/deterministic-id.ts';
import { SchemaRegistry } from '../../shared/omh/schema-registry.ts';

const HEART_RATE_BODY = {
  heart_rate: { value: 57, unit: 'beats/min' },
  effective_time_frame: { date_time: '2026-03-10T06:22:04+00:00' },
};

describe('deterministic data point ids', () => {
  it('gives the RFC 9562 example for the DNS namespace', () => {
    // RFC 9562 appendix A.4: name "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'))
      .toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is stable for one identity and differs for another', () => {
    const point = (identity: string) => buildDataPoint({
      schema: 'omh:heart-rate:2.0', body: HEART_RATE_BODY, identity,
    });
    expect(point('40001|oura|x').header.uuid).toBe(point('40001|oura|x').header.uuid);
    expect(point('40001|oura|x').header.uuid).not.toBe(point('40002|oura|x').header.uuid);
  });
});

describe('buildDataPoint', () => {
  it('builds a header JHE validates, timed by the measurement, not the clock', () => {
    const point = buildDataPoint({ schema: 'omh:heart-rate:2.0', body: HEART_RATE_BODY,
      identity: 'a', device: 'Oura Ring' });
    expect(point.header).toEqual({
      uuid: uuidV5('a'),
      schema_id: { namespace: 'omh', name: 'heart-rate', version: '2.0' },
      source_creation_date_time: '2026-03-10T06:22:04+00:00',
      modality: 'sensed',
      external_datasheets: [{ datasheet_type: 'manufacturer', datasheet_reference: 'Oura Ring' }],
    });
    expect(validateDataPoint(new SchemaRegistry(), point)).toEqual([]);
  });

  it('reports failed fields as pointers into the data point', () => {
    const point = buildDataPoint({ schema: 'omh:heart-rate:2.0', identity: 'b', body: {
      heart_rate: { value: 57, unit: 'bpm' },
      effective_time_frame: { date_time: '2026-03-10T06:22:04' },
    } });
    const pointers = validateDataPoint(new SchemaRegistry(), point).map((e) => e.pointer);
    expect(pointers).toContain('/body/heart_rate/unit');
    expect(pointers).toContain('/header/source_creation_date_time');
  });

  it('refuses a schema it does not hold', () => {
    const point = buildDataPoint({ schema: 'local:heart-rate-variability:1.0', identity: 'c',
      body: {} });
    expect(validateDataPoint(new SchemaRegistry(), point))
      .toEqual([{ pointer: '/header/schema_id', detail: 'no such Open mHealth schema' }]);
  });
});

describe('Observation envelope', () => {
  it('escapes non-ASCII so JHE can decode the attachment as ASCII', () => {
    const value = { note: 'Zoë 37°C' };
    expect(asciiJson(value)).toBe('{"note":"Zo\\u00eb 37\\u00b0C"}');
    const bytes = Buffer.from(asciiJsonBase64(value), 'base64');
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(decodeBase64Json(asciiJsonBase64(value))).toEqual(value);
  });

  it('carries the data point under JHE\'s OMH write rules', () => {
    const point = buildDataPoint({ schema: 'omh:heart-rate:2.0', body: HEART_RATE_BODY,
      identity: 'd' });
    const observation = buildObservation({ point, patientId: 40001, deviceId: 70001,
      identifierSystem: 'urn:test' });
    expect(observation).toEqual({
      resourceType: 'Observation',
      status: 'final',
      identifier: [{ system: 'urn:test', value: point.header.uuid }],
      code: { coding: [{ system: 'https://w3id.org/openmhealth', code: 'omh:heart-rate:2.0' }] },
      subject: { reference: 'Patient/40001' },
      device: { reference: 'Device/70001' },
      valueAttachment: { contentType: 'application/json', data: asciiJsonBase64(point) },
    });
    expect(decodeBase64Json((observation.valueAttachment as { data: string }).data))
      .toEqual(point);
  });
});
