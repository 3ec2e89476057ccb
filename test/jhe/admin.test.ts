/**
 * Admin operations on a scripted JHE, for what the sandbox cannot show: what exactly goes
 * on the wire, and JHE answers the sandbox never gives.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { OutboundRequest } from '../../shared/http/transport.ts';
import { apiFor, FakeJhe, json } from './fake-jhe.ts';

const patient = (id: number) => ({ id, jheUserId: id - 30000, identifiers: [],
  nameFamily: null, nameGiven: 'A', birthDate: null, telecomPhone: null, organizations: [] });

/** DRF pages of patients: `ids` split in pages of `size`, next links on another host. */
function drfPages(ids: number[], size: number, count = ids.length) {
  return (call: OutboundRequest) => {
    const page = Number(new URLSearchParams(call.path.split('?')[1] ?? '').get('page') ?? 1);
    const rows = ids.slice((page - 1) * size, page * size);
    const next = page * size < ids.length
      ? `https://jhe.example.org/api/v1/patients?organization_id=20001&page=${page + 1}`
        + '&page_size=1000'
      : null;
    return json(200, { count, next, previous: null, results: rows.map(patient) });
  };
}

describe('admin lists', () => {
  it('follow DRF next links to the end against our own origin', async () => {
    const ids = [40001, 40002, 40003, 40004, 40005];
    const fake = new FakeJhe(drfPages(ids, 2));
    const { api } = await apiFor(fake);

    const response = await request(api.app).get('/jhe/v1/patients?organizationId=20001')
      .expect(200);

    expect(response.body.count).toBe(5);
    expect(response.body.results.map((p: { id: number }) => p.id)).toEqual(ids);
    const [first, ...rest] = fake.fhirCalls();
    expect(first).toMatchObject({ path: '/api/v1/patients',
      query: { organization_id: 20001, page_size: 1000 } });
    expect(rest.map((call) => call.path)).toEqual([
      '/api/v1/patients?organization_id=20001&page=2&page_size=1000',
      '/api/v1/patients?organization_id=20001&page=3&page_size=1000',
    ]);
  });

  it('fail when the rows do not add up to JHE\'s count', async () => {
    const fake = new FakeJhe(drfPages([40001, 40002], 2, 3));
    const { api } = await apiFor(fake);
    const response = await request(api.app).get('/jhe/v1/patients').expect(502);
    expect(response.body.code).toBe('JHE.INCOMPLETE_RESULT');
  });

  it('refuse a next link outside the admin API', async () => {
    const fake = new FakeJhe(() => json(200, { count: 2, next: 'https://x.example/admin/?page=2',
      results: [patient(40001)] }));
    const { api } = await apiFor(fake);
    const response = await request(api.app).get('/jhe/v1/patients').expect(502);
    expect(response.body.code).toBe('JHE.BAD_LINK');
  });

  it('accept a plain array, as some JHE list actions answer', async () => {
    const fake = new FakeJhe(() => json(200, [{ id: 70001, name: 'Oura',
      type: 'personal_device', supportedScopes: [] }]));
    const { api } = await apiFor(fake);
    const response = await request(api.app).get('/jhe/v1/data-sources').expect(200);
    expect(response.body).toEqual({ count: 1, results: [{ id: 70001, name: 'Oura',
      type: 'personal_device', supportedScopes: [] }] });
  });

  it.each([
    ['/jhe/v1/studies?organizationId=20001', '/api/v1/studies', { organization_id: 20001 }],
    ['/jhe/v1/organizations?partOf=0', '/api/v1/organizations', { part_of: 0 }],
    ['/jhe/v1/patients?studyId=30001', '/api/v1/patients', { study_id: 30001 }],
    ['/jhe/v1/studies/30001/patients', '/api/v1/studies/30001/patients', {}],
    ['/jhe/v1/practitioner-clients', '/api/v1/practitioner_clients', {}],
  ])('%s asks JHE for %s with JHE\'s parameter names', async (ours, path, query) => {
    const fake = new FakeJhe(() => json(200, { count: 0, next: null, results: [] }));
    const { api } = await apiFor(fake);
    await request(api.app).get(ours).expect(200);
    expect(fake.fhirCalls()[0]).toMatchObject({ method: 'GET', path,
      query: { ...query, page_size: 1000 } });
  });

  it('re-authenticate once when JHE refuses the token on an admin call', async () => {
    let refusals = 1;
    const fake = new FakeJhe(() => (refusals-- > 0
      ? json(401, { detail: 'Authentication credentials were not provided.' })
      : json(200, patient(40001))));
    const { api } = await apiFor(fake);
    await request(api.app).get('/jhe/v1/patients/40001').expect(200);
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.fhirCalls().map((call) => call.headers.authorization))
      .toEqual(['Bearer t1', 'Bearer t2']);
  });
});

describe('admin writes', () => {
  it('createInvitation spells client_id exactly as JHE reads it', async () => {
    const fake = new FakeJhe(() => json(201, { id: 101, patientId: 40001, client_id: 2,
      token: 'Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lm', tokenHash: 'h', status: 'issued',
      lastUpdated: '2026-03-01T12:00:00Z', invitationLink: 'https://app.example/i?code=x' }));
    const { api } = await apiFor(fake);

    const response = await request(api.app).post('/jhe/v1/invitations')
      .send({ patientId: 40001, clientId: 2 }).expect(201);

    expect(response.headers['cache-control']).toBe('no-store');
    expect(fake.fhirCalls()[0]).toMatchObject({ method: 'POST', path: '/api/v1/invitation',
      body: { patient_id: 40001, client_id: 2, send_email: false } });
    expect(fake.fhirCalls()[0].body).not.toHaveProperty('clientId');
  });

  it('createPractitionerClient posts the label and forbids caching the key', async () => {
    const fake = new FakeJhe(() => json(201, { id: 5, label: 'gw', created: '2026-03-01',
      name: 'gw', key: 'c2VjcmV0' }));
    const { api } = await apiFor(fake);
    const response = await request(api.app).post('/jhe/v1/practitioner-clients')
      .send({ label: 'gw' }).expect(201);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(fake.fhirCalls()[0]).toMatchObject({ path: '/api/v1/practitioner_clients',
      body: { label: 'gw' } });
  });

  it.each([
    ['post', 'POST', 201],
    ['patch', 'PATCH', 200],
    ['delete', 'DELETE', 204],
  ] as const)('%s consents sends JHE\'s body shape with %s', async (verb, method, status) => {
    const change = { studyScopeConsents: [{ studyId: 30001, scopeConsents: [
      { codingSystem: 'https://w3id.org/openmhealth', codingCode: 'omh:heart-rate:2.0',
        consented: true }] }] };
    const fake = new FakeJhe(() => (status === 204 ? { status, headers: {}, body: undefined }
      : json(status, { studyScopeConsents: [] })));
    const { api } = await apiFor(fake);
    await request(api.app)[verb]('/jhe/v1/patients/40001/consents').send(change).expect(status);
    expect(fake.fhirCalls()[0]).toMatchObject({ method, path: '/api/v1/patients/40001/consents',
      body: change });
  });

  it('a consent change JHE fails with a bare 500 is JHE.CONSENT_WRITE_FAILED', async () => {
    const fake = new FakeJhe(() => ({ status: 500, headers: { 'content-type': 'text/html' },
      body: '<h1>Server Error (500)</h1>' }));
    const { api } = await apiFor(fake);
    const response = await request(api.app).post('/jhe/v1/patients/40001/consents')
      .send({ studyScopeConsents: [{ studyId: 1, scopeConsents: [{ codingSystem: 's',
        codingCode: 'c', consented: true }] }] }).expect(502);
    expect(response.body.code).toBe('JHE.CONSENT_WRITE_FAILED');
  });
});
