/**
 * Single Observation create on the JHE sandbox: each §4.1 write rule in JHE's order, the
 * §4.3 example, and the rendered form of §3.5 / §4.4.
 */
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  EXAMPLE_43_DATA, EXAMPLE_44_DATA, OMH, encodeAscii, encodeRaw, heartRatePoint, observation,
  outcome, sandboxWithToken, type TestSandbox,
} from './jhe-sandbox-helpers.ts';

let sandbox: TestSandbox;

beforeEach(async () => {
  sandbox = await sandboxWithToken();
});

const create = (body: unknown) =>
  request(sandbox.app).post('/FHIR/R5/Observation').set(sandbox.auth).send(body as object);

/** Asserts an OperationOutcome error with exact status and diagnostics. */
async function expectRejected(body: unknown, status: number, text: string) {
  const response = await create(body);
  expect(response.status).toBe(status);
  expect(response.body).toEqual(outcome(text));
  expect(sandbox.store.observationCount()).toBe(0);
}

const EXAMPLE_43 = {
  resourceType: 'Observation',
  status: 'final',
  identifier: [{ system: 'https://gateway.example.org/omh-uuid',
    value: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' }],
  code: { coding: [{ system: OMH, code: 'omh:heart-rate:2.0' }] },
  subject: { reference: 'Patient/40001' },
  device: { reference: 'Device/70001' },
  valueAttachment: { contentType: 'application/json', data: EXAMPLE_43_DATA },
};

describe('JHE sandbox: the §4.3 example and its rendering (§3.5, §4.4)', () => {
  it('§4.3 the reference example is accepted with 201 and rendered as §4.4 shows', async () => {
    const response = await create(EXAMPLE_43);

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      meta: { lastUpdated: '2026-03-01T12:00:00.250000Z', source: 'https://jupyterhealth.org/jhe' },
      id: '60001',
      identifier: EXAMPLE_43.identifier,
      status: 'final',
      code: { coding: [{ system: OMH, code: 'omh:heart-rate:2.0', display: 'Heart Rate' }] },
      effectiveDateTime: '2025-03-01T08:14:00Z',
      subject: { reference: 'Patient/40001', identifier: {
        system: 'https://jupyterhealth.org/fhir/identifier/jhe-user-id', value: '10002' } },
      valueAttachment: { contentType: 'application/json', data: EXAMPLE_44_DATA },
      resourceType: 'Observation',
    });
    expect(Object.keys(response.body)).toEqual(['meta', 'id', 'identifier', 'status', 'code',
      'effectiveDateTime', 'subject', 'valueAttachment', 'resourceType']);
    expect(sandbox.store.observationCount()).toBe(1);
  });

  it('§3.5 status is always final; device, category and unknown effective[x] are dropped',
    async () => {
      const response = await create(observation({
        status: 'preliminary',
        category: [{ coding: [{ system: 'http://x', code: 'vital-signs' }] }],
        effectiveDateTime: '1999-01-01T00:00:00Z',
      }));

      expect(response.status).toBe(201);
      expect(response.body.status).toBe('final');
      expect(response.body).not.toHaveProperty('device');
      expect(response.body).not.toHaveProperty('category');
      expect(response.body).not.toHaveProperty('identifier');
      expect(response.body.effectiveDateTime).toBe('2025-03-01T08:14:00Z');
    });

  it('§3.5 effective[x] is rendered in UTC with Z whatever offset the OMH time had', async () => {
    const point = heartRatePoint('2025-01-01T00:04:00-08:00');

    const response = await create(observation({
      valueAttachment: { contentType: 'application/json', data: encodeAscii(point) } }));

    expect(response.body.effectiveDateTime).toBe('2025-01-01T08:04:00Z');
  });

  it('§3.5 data is re-encoded: jsonb key order (short keys first), Python spacing, \\u escapes',
    async () => {
      const point = heartRatePoint('2025-03-01T08:14:00Z', 71.0);
      const withText = { ...point, header: { ...point.header,
        external_datasheets: [{ datasheet_type: 'manufacturer', datasheet_reference: 'Ōura' }] } };
      // 71.0 must stay a float: write the payload text by hand so the decimal survives.
      const text = JSON.stringify(withText).replace('"value":71', '"value":71.0')
        .replace('Ōura', '\\u014cura');

      const response = await create(observation({
        valueAttachment: { contentType: 'application/json', data: encodeRaw(text) } }));

      const rendered = Buffer.from(response.body.valueAttachment.data, 'base64').toString('ascii');
      expect(rendered).toBe('{"body": {"heart_rate": {"unit": "beats/min", "value": 71.0}, '
        + '"effective_time_frame": {"date_time": "2025-03-01T08:14:00Z"}}, "header": {"uuid": '
        + '"aaaa0000-0000-4000-8000-000000000001", "modality": "sensed", "schema_id": {"name": '
        + '"heart-rate", "version": "2.0", "namespace": "omh"}, "external_datasheets": '
        + '[{"datasheet_type": "manufacturer", "datasheet_reference": "\\u014cura"}], '
        + '"source_creation_date_time": "2025-03-01T08:14:00Z"}}');
    });
});

describe('JHE sandbox: write rules (§4.1)', () => {
  it('§1.3 Content-Type application/fhir+json is 415', async () => {
    const response = await request(sandbox.app).post('/FHIR/R5/Observation').set(sandbox.auth)
      .set('Content-Type', 'application/fhir+json').send(JSON.stringify(observation()));

    expect(response.status).toBe(415);
    expect(response.body).toEqual(
      outcome('Unsupported media type "application/fhir+json" in request.'));
  });

  it('§4.1.1 an Observation without status fails the FHIR parse: 400', async () => {
    const { status: _status, ...body } = observation();

    await expectRejected(body, 400,
      '1 validation error for Observation\nstatus\n  field required (type=value_error.missing)');
  });

  it('§4.1.2 a subject that is not Patient/<id> is 400', async () => {
    const absolute = { reference: 'https://jhe.example.org/Patient/40001' };

    await expectRejected(observation({ subject: absolute }), 400,
      "Subject is required and must be a reference to a Patient ID and start with 'Patient/'");
  });

  it('§4.1.2 an unknown patient id is 400', async () => {
    await expectRejected(observation({ subject: { reference: 'Patient/49999' } }), 400,
      'Patient id=49999 can not be found.');
  });

  it('§4.1.2 a non-numeric patient id is 422', async () => {
    await expectRejected(observation({ subject: { reference: 'Patient/abc' } }), 422,
      "Field 'id' expected a number but got 'abc'.");
  });

  it('§4.1.3 a patient outside the practitioner\'s organizations is 403', async () => {
    await expectRejected(observation({ subject: { reference: 'Patient/40003' } }), 403,
      "Current user doesn't have access to the Patient.");
  });

  it('§4.1.4 a missing device is 400', async () => {
    await expectRejected(observation({ device: undefined }), 400,
      "Device is required and must be a reference to a Data Source ID and start with 'Device/'");
  });

  it('§4.1.4 a medical_device DataSource fails the personal_device lookup: 400', async () => {
    await expectRejected(observation({ device: { reference: 'Device/70002' } }), 400,
      'Device Data Source id=70002 can not be found.');
  });

  it('§4.1.5 a repeated identifier gives 409, and the first upload stays the only row',
    async () => {
      const identifier = [{ system: 'https://gateway.example.org/omh-uuid', value: 'dup-1' }];
      const first = await create(observation({ identifier }));
      const second = await create(observation({ identifier }));

      expect(first.status).toBe(201);
      expect(second.status).toBe(409);
      expect(second.body).toEqual(outcome(
        'Identifier already exists: system=https://gateway.example.org/omh-uuid value=dup-1'));
      expect(sandbox.store.observationCount()).toBe(1);
    });

  it('§4.1.5 without identifiers nothing is deduplicated, not even by header.uuid', async () => {
    await create(observation());
    await create(observation());

    expect(sandbox.store.observationCount()).toBe(2);
  });

  it('§4.1.6 two codings are 400', async () => {
    await expectRejected(observation({ code: { coding: [
      { system: OMH, code: 'omh:heart-rate:2.0' }, { system: 'http://loinc.org', code: '8867-4' },
    ] } }), 400, 'Exactly one Code must be provided.');
  });

  it('§4.1.6 an unknown OMH code is 400', async () => {
    await expectRejected(observation({ code: { coding: [{ system: OMH,
      code: 'omh:heart-rate:9.9' }] } }), 400,
    'Code not found: system=https://w3id.org/openmhealth code=omh:heart-rate:9.9');
  });

  it('§4.1.6 a code the patient never consented to is 403', async () => {
    await expectRejected(observation({ subject: { reference: 'Patient/40002' } }), 403,
      'Observation data with coding_system=https://w3id.org/openmhealth '
      + 'coding_code=omh:heart-rate:2.0 has not been consented for any studies by this Patient.');
  });

  it('§3.2 a code outside the OMH system goes to the aux store and needs a FhirSource: 400',
    async () => {
      await expectRejected(observation({ code: { coding: [{ system: 'http://loinc.org',
        code: '8867-4' }] } }), 400, '[ErrorDetail(string="A FhirSource is required to write this '
        + "resource: send the 'X-JHE-FHIR-Source-ID' header or set the resource's meta.source to "
        + "'https://jupyterhealth.org/fhir/fhir-source/<id>'.\", code='invalid')]");
    });

  it('§4.1.7 data that is not base64 JSON is 400', async () => {
    await expectRejected(observation({ valueAttachment: { data: encodeRaw('not json') } }), 400,
      'valueAttachment.data must be Base 64 Encoded Binary JSON.');
  });

  it('§4.1.7 base64 of UTF-8 JSON with a non-ASCII byte is 400', async () => {
    const text = JSON.stringify(heartRatePoint('2025-03-01T08:14:00Z'))
      .replace('"modality":"sensed"', '"modality":"sensed","note":"café"');

    await expectRejected(observation({ valueAttachment: { data: encodeRaw(text) } }), 400,
      'valueAttachment.data must be Base 64 Encoded Binary JSON.');
  });

  it('§4.1.7 a missing valueAttachment is the same 400', async () => {
    await expectRejected(observation({ valueAttachment: undefined }), 400,
      'valueAttachment.data must be Base 64 Encoded Binary JSON.');
  });

  it('§4.1.8 a bare body without header is 422', async () => {
    const { body } = heartRatePoint('2025-03-01T08:14:00Z');

    await expectRejected(observation({ valueAttachment: { data: encodeAscii(body) } }), 422,
      `{'omh_data': ["None is not of type 'object'"]}`);
  });

  it('§4.1.8 a header missing uuid is 422 with the jsonschema message', async () => {
    const point = heartRatePoint('2025-03-01T08:14:00Z');
    const { uuid: _uuid, ...header } = point.header;

    await expectRejected(observation({ valueAttachment: {
      data: encodeAscii({ ...point, header }) } }), 422,
    `{'omh_data': ["'uuid' is a required property"]}`);
  });

  it('§4.1.8, §10 a body failing its schema (wrong unit) is 422', async () => {
    const point = heartRatePoint('2025-03-01T08:14:00Z');
    point.body.heart_rate.unit = 'bpm';

    await expectRejected(observation({ valueAttachment: { data: encodeAscii(point) } }), 422,
      `{'omh_data': ["'bpm' is not one of ['beats/min']"]}`);
  });

  it('§4.1.8 formats are not asserted: an unparsable date_time is stored, without effective[x]',
    async () => {
      const point = heartRatePoint('yesterday morning');

      const response = await create(observation({ valueAttachment: {
        data: encodeAscii(point) } }));

      expect(response.status).toBe(201);
      expect(response.body).not.toHaveProperty('effectiveDateTime');
      expect(response.body).not.toHaveProperty('effectivePeriod');
    });
});
