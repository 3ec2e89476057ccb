import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { codeEntry } from '../../system-apis/jhe/jhe-codes.ts';
import {
  jheDiagnostics, jheError, type JheFamily,
} from '../../system-apis/jhe/jhe-errors.ts';
import { apiFor, FakeJhe, json } from './fake-jhe.ts';

const outcome = (diagnostics: string) => ({ resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'processing', diagnostics }] });

/** family, JHE status, JHE body (one of its three envelopes), our code, our status. */
const TABLE: Array<[JheFamily, number, unknown, string, number]> = [
  ['fhir-write', 400, outcome('Code not found: system=x code=y'), 'JHE.CODE_UNKNOWN', 400],
  ['fhir-write', 400, outcome('Device Data Source id=9 can not be found.'),
    'JHE.DEVICE_INVALID', 400],
  ['fhir-write', 400, outcome('Patient id=9 can not be found.'), 'JHE.PATIENT_INVALID', 400],
  ['fhir-write', 400, outcome('Exactly one Code must be provided.'), 'JHE.BAD_REQUEST', 400],
  ['fhir-write', 400, ['resource.valueAttachment.data must be not null.'],
    'JHE.BAD_REQUEST', 400],
  ['fhir-write', 401, { detail: 'Authentication credentials were not provided.' },
    'JHE.AUTH_FAILED', 502],
  ['fhir-write', 403, outcome('omh:heart-rate:2.0 has not been consented for any studies '
    + 'by this Patient.'), 'CONSENT.MISSING', 403],
  ['fhir-write', 403, outcome('You do not have permission.'), 'JHE.FORBIDDEN', 403],
  ['fhir-write', 409, outcome('Identifier already exists: system=s value=v'),
    'OBSERVATION.DUPLICATE', 409],
  ['fhir-write', 422, outcome("{'omh_data': ['62 is not of type object']}"),
    'DATAPOINT.SCHEMA_INVALID', 422],
  ['fhir-write', 415, { detail: 'Unsupported media type.' }, 'UPSTREAM.FAILED', 502],
  ['fhir-read', 422, outcome('invalid literal for int()'), 'JHE.BAD_REQUEST', 400],
  ['fhir-read', 403, outcome('Current user is not authorized to access Group/9.'),
    'JHE.FORBIDDEN', 403],
  ['fhir-read', 404, outcome('Invalid page.'), 'JHE.NOT_FOUND', 404],
  ['admin', 400, { telecomEmail: ['Email is required to create a patient.'] },
    'JHE.BAD_REQUEST', 400],
  ['admin', 403, { detail: 'You do not have permission to perform this action.' },
    'JHE.FORBIDDEN', 403],
  ['admin', 404, { detail: 'Not found.' }, 'JHE.NOT_FOUND', 404],
  ['admin', 500, '<html>Server Error (500)</html>', 'UPSTREAM.FAILED', 502],
  ['consent', 500, '<html>Server Error (500)</html>', 'JHE.CONSENT_WRITE_FAILED', 502],
  ['consent', 403, { detail: 'Not allowed.' }, 'JHE.FORBIDDEN', 403],
  ['invitation', 404, { detail: 'Invitation not found or already used.' },
    'JHE.INVITATION_NOT_FOUND', 404],
  ['invitation', 410, { detail: 'Invitation expired.' }, 'JHE.INVITATION_EXPIRED', 410],
  ['invitation', 403, { detail: 'Invitation cancelled.' }, 'JHE.INVITATION_CANCELLED', 403],
  ['invitation', 409, { detail: 'Invitation already used.' }, 'JHE.INVITATION_USED', 409],
  ['invitation', 502, { error: 'server_error', error_description: 'boom' },
    'UPSTREAM.FAILED', 502],
];

describe('JHE error translation', () => {
  it.each(TABLE)('%s %i %j -> %s (%i)', (family, status, body, code, ourStatus) => {
    const error = jheError(status, body, family);
    expect([error.code, error.status]).toEqual([code, ourStatus]);
    expect(codeEntry(error.code as never).status).toBe(ourStatus);
    // JHE's words stay in the cause, for the log.
    expect((error.cause as Error).message).toBe(`JHE ${status}: ${jheDiagnostics(body)}`);
  });

  it('reads each envelope\'s words for the log', () => {
    expect(jheDiagnostics(outcome('a'))).toBe('a');
    expect(jheDiagnostics({ detail: 'b' })).toBe('b');
    expect(jheDiagnostics(['c', 'd'])).toBe('c; d');
    expect(jheDiagnostics({ nameFamily: ['e'], birthDate: ['f', 'g'] }))
      .toBe('nameFamily: e; birthDate: f g');
    expect(jheDiagnostics({ error: 'invalid_grant', error_description: 'h' }))
      .toBe('invalid_grant: h');
  });

  it('answers problem+json with our code and never JHE\'s diagnostics', async () => {
    const words = 'Patient id=40009 can not be found.';
    const fake = new FakeJhe(() => json(400, outcome(words)));
    const { api } = await apiFor(fake);
    const response = await request(api.app).post('/jhe/v1/observations').send({
      resourceType: 'Observation', status: 'final', code: { coding: [{ code: 'x' }] },
      identifier: [{ system: 'urn:t', value: 'v' }],
    }).expect(400);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'JHE.PATIENT_INVALID',
      title: 'JHE does not accept the patient reference' });
    expect(JSON.stringify(response.body)).not.toContain('40009');
  });

  it('answers a JHE server failure as 502 without any detail', async () => {
    const fake = new FakeJhe(() => json(500, { detail: 'Traceback: secret internals' }));
    const { api } = await apiFor(fake);
    const response = await request(api.app).get('/jhe/v1/patients/40001').expect(502);
    expect(response.body.code).toBe('UPSTREAM.FAILED');
    expect(JSON.stringify(response.body)).not.toContain('internals');
  });

  it('answers an unreachable JHE as UPSTREAM.UNAVAILABLE', async () => {
    const { TransportError } = await import('../../shared/http/transport.ts');
    const fake = new FakeJhe(() => {
      throw new TransportError('unreachable', 'call failed (ECONNREFUSED)');
    });
    const { api } = await apiFor(fake);
    const response = await request(api.app).get('/jhe/v1/studies').expect(502);
    expect(response.body.code).toBe('UPSTREAM.UNAVAILABLE');
  });
});
