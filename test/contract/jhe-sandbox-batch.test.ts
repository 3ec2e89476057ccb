/**
 * The JHE sandbox's Bundle batch endpoint against the reference's §3.6.
 */
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  encodeAscii, heartRatePoint, observation, outcome, sandboxWithToken, type TestSandbox,
} from './jhe-sandbox-helpers.ts';

let sandbox: TestSandbox;

beforeEach(async () => {
  sandbox = await sandboxWithToken();
});

const entry = (resource: unknown, method = 'POST') =>
  ({ resource, request: { method, url: 'Observation' } });

const batch = (entries: unknown[], path = '/FHIR/R5/') =>
  request(sandbox.app).post(path).set(sandbox.auth)
    .send({ resourceType: 'Bundle', type: 'batch', entry: entries });

const withId = (value: string) =>
  observation({ identifier: [{ system: 'https://gateway.example.org/omh-uuid', value }] });

describe('JHE sandbox: batch (§3.6)', () => {
  it('§3.6 mixed results come back in a 200 batch-response, one entry per request entry',
    async () => {
      const unconsented = observation({ subject: { reference: 'Patient/40002' } });
      const badSchema = heartRatePoint('2025-03-01T08:14:00Z');
      badSchema.body.heart_rate.unit = 'bpm';

      const response = await batch([
        entry(withId('a')),
        entry(unconsented),
        entry(observation({ valueAttachment: { data: encodeAscii(badSchema) } })),
        entry(withId('b')),
      ]);

      expect(response.status).toBe(200);
      expect(response.body.resourceType).toBe('Bundle');
      expect(response.body.type).toBe('batch-response');
      expect(response.body.entry.map((item: { response: { status: string } }) =>
        item.response.status)).toEqual(['201 Created', '403 Forbidden',
        '422 Unprocessable Entity', '201 Created']);
      expect(response.body.entry[0]).toEqual({ response: { status: '201 Created' },
        resource: { resourceType: 'Observation', id: '60001' } });
      expect(response.body.entry[2].response.outcome).toEqual(
        outcome(`{'omh_data': ["'bpm' is not one of ['beats/min']"]}`));
      expect(response.body.entry[3].resource.id).toBe('60002');
      expect(sandbox.store.observationCount()).toBe(2);
    });

  it('§3.6 a duplicate identifier inside one batch: the second entry gets 409 Conflict',
    async () => {
      const response = await batch([entry(withId('same')), entry(withId('same'))]);

      expect(response.status).toBe(200);
      expect(response.body.entry[1]).toEqual({ response: { status: '409 Conflict',
        outcome: outcome('Identifier already exists: '
          + 'system=https://gateway.example.org/omh-uuid value=same') } });
      expect(sandbox.store.observationCount()).toBe(1);
    });

  it('§3.6 HTTP 200 even when every entry fails', async () => {
    const response = await batch([entry(observation({ subject: { reference: 'Patient/1' } }))]);

    expect(response.status).toBe(200);
    expect(response.body.entry).toEqual([{ response: { status: '400 Bad Request',
      outcome: outcome('Patient id=1 can not be found.') } }]);
  });

  it('§3.6 the base also answers without the trailing slash', async () => {
    const response = await batch([entry(withId('c'))], '/FHIR/R5');

    expect(response.status).toBe(200);
    expect(response.body.entry[0].response.status).toBe('201 Created');
  });

  it('§3.6 an entry without valueAttachment.data fails the whole request with a DRF list',
    async () => {
      const response = await batch([entry(withId('d')),
        entry(observation({ valueAttachment: { contentType: 'application/json' } }))]);

      expect(response.status).toBe(400);
      expect(response.body).toEqual(['resource.valueAttachment.data must be not null.']);
      expect(sandbox.store.observationCount()).toBe(0);
    });

  it('§3.6 quirk: a non-POST entry adds an extra 400 entry and is still created', async () => {
    const response = await batch([entry(withId('e'), 'PUT'), entry(withId('f'))]);

    expect(response.status).toBe(200);
    expect(response.body.entry).toHaveLength(3);
    expect(response.body.entry[0]).toEqual({ response: { status: '400 Bad Request',
      outcome: outcome('Only POST/Create method supported.') } });
    expect(response.body.entry[1].response.status).toBe('201 Created');
    expect(response.body.entry[2].response.status).toBe('201 Created');
    expect(sandbox.store.observationCount()).toBe(2);
  });

  it('§3.6 quirk: a non-Observation entry adds a 400 and is still processed (and fails)',
    async () => {
      const patient = { resourceType: 'Patient', valueAttachment: { data: 'e30=' } };

      const response = await batch([entry(patient), entry(withId('g'))]);

      expect(response.body.entry.map((item: { response: { status: string } }) =>
        item.response.status)).toEqual(['400 Bad Request', '400 Bad Request', '201 Created']);
      expect(response.body.entry[0].response.outcome).toEqual(
        outcome('Only Observation resourceType supported.'));
    });

  it('§1.4 batch without a token uses DRF\'s default 401 body', async () => {
    const response = await request(sandbox.app).post('/FHIR/R5/')
      .send({ resourceType: 'Bundle', type: 'batch', entry: [] });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: 'Authentication credentials were not provided.' });
  });

  it('§3.6 an entry without request is a 500 for the whole batch', async () => {
    const response = await request(sandbox.app).post('/FHIR/R5/').set(sandbox.auth)
      .send({ resourceType: 'Bundle', type: 'batch', entry: [{ resource: withId('h') }] });

    expect(response.status).toBe(500);
    expect(sandbox.store.observationCount()).toBe(0);
  });
});
