/**
 * The admin REST API under `/api/v1` (reference §1.1, §1.2, §1.4.3, §5). The black-box
 * rules also run against a real JHE when `JHE_CONFORMANCE_URL` is set (see `target.ts`).
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJheSandbox, type JheSandbox } from '../../sandbox/jhe/app.ts';
import { mintPatientToken, mintUserToken } from '../../sandbox/jhe/test-tokens.ts';
import { bearer, describeBlackBox } from './target.ts';

describeBlackBox('JHE admin API: conventions', (target) => {
  const get = async (path: string) =>
    target().http().get(path).set(bearer(await target().practitionerToken()));

  it('§1.1 /api/v1 paths take no trailing slash: /api/v1/patients/ is 404', async () => {
    const response = await get('/api/v1/patients/');

    expect(response.status).toBe(404);
  });

  it('§1.4.3 no bearer token is 401 {"detail": …} with a Bearer challenge', async () => {
    const response = await target().http().get('/api/v1/users/profile');

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('§5 a list is {count, next, previous, results}', async () => {
    const response = await get('/api/v1/organizations');

    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['count', 'next', 'previous', 'results']);
    expect(response.body.previous).toBeNull();
  });

  it('§5 a page past the end is 404 {"detail": "Invalid page."}', async () => {
    const response = await get('/api/v1/organizations?page=9999');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: 'Invalid page.' });
  });

  it('§1.2 §5 pageSize and page_size both set the page size', async () => {
    const camel = await get('/api/v1/organizations?pageSize=1');
    const snake = await get('/api/v1/organizations?page_size=1');

    expect(camel.body.results).toHaveLength(1);
    expect(snake.body.results).toHaveLength(1);
    expect(camel.body.next).toMatch(/[?&]page=2(&|$)/);
  });

  it('§5.1 a practitioner profile is camelCase with patient null', async () => {
    const response = await get('/api/v1/users/profile');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ patient: null, userType: 'practitioner' });
    for (const key of ['id', 'email', 'firstName', 'lastName', 'isSuperuser']) {
      expect(response.body).toHaveProperty(key);
    }
  });

  it('§5.2 a patient reads as {id, jheUserId, identifiers, nameFamily, …, organizations}',
    async () => {
      const response = await get(`/api/v1/patients/${target().patientId}`);

      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(['id', 'jheUserId', 'identifiers',
        'nameFamily', 'nameGiven', 'birthDate', 'telecomPhone', 'telecomEmail',
        'organizations']);
      expect(response.body.id).toBe(target().patientId);
    });

  it('§5.2 an unknown patient id is 404 with a detail', async () => {
    const response = await get('/api/v1/patients/999999999');

    expect(response.status).toBe(404);
    expect(response.body).toHaveProperty('detail');
  });

  it('§5.3 reading a study outside the caller\'s organizations is 403', async () => {
    const response = await get('/api/v1/studies/999999999');

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      detail: 'Current User does not have authorization to access this Study.' });
  });

  it('§5.5 data_sources is a list of {id, name, type, supportedScopes}', async () => {
    const response = await get('/api/v1/data_sources');

    expect(response.status).toBe(200);
    expect(Object.keys(response.body.results[0])).toEqual(['id', 'name', 'type',
      'supportedScopes']);
  });

  it('§5.5 data_sources/all_scopes is a plain array of CodeableConcepts', async () => {
    const response = await get('/api/v1/data_sources/all_scopes');

    expect(Array.isArray(response.body)).toBe(true);
    expect(Object.keys(response.body[0])).toEqual(['id', 'codingSystem', 'codingCode', 'text']);
  });

  it('§5.4 an organization is {id, name, type, partOf, currentUserRole, children}', async () => {
    const response = await get('/api/v1/organizations');

    expect(Object.keys(response.body.results[0])).toEqual(['id', 'name', 'type', 'partOf',
      'currentUserRole', 'children']);
  });
});

describe('JHE admin API: seeded rules (sandbox only)', () => {
  let sandbox: JheSandbox;
  let auth: { Authorization: string };
  const get = (path: string) => request(sandbox.app).get(path).set(auth);

  beforeAll(() => {
    sandbox = createJheSandbox();
    auth = bearer(mintUserToken(sandbox.store, sandbox.demo.practitionerUserId));
  });

  it('§5.2 the patient list holds only patients sharing an organization, ordered by id',
    async () => {
      const response = await get('/api/v1/patients');

      expect(response.body.count).toBe(2);
      expect(response.body.results.map((row: { id: number }) => row.id))
        .toEqual([sandbox.demo.patientId, sandbox.demo.unconsentedPatientId]);
    });

  it('§5.2 organization_id, study_id and patient_identifier_value filter the list', async () => {
    const byOrg = await get(`/api/v1/patients?organizationId=${sandbox.demo.otherOrganizationId}`);
    const byStudy = await get(`/api/v1/patients?study_id=${sandbox.demo.studyId}`);
    const byIdentifier = await get('/api/v1/patients?patient_identifier_value=demo-0001');

    expect(byOrg.body.count).toBe(0);
    expect(byStudy.body.count).toBe(2);
    expect(byIdentifier.body.results.map((row: { id: number }) => row.id))
      .toEqual([sandbox.demo.patientId]);
  });

  it('§5.2 any practitioner may read any patient, even in another organization', async () => {
    const response = await get(`/api/v1/patients/${sandbox.demo.foreignPatientId}`);

    expect(response.status).toBe(200);
  });

  it('§5.2 a patient user lists nobody and may read only themselves (403)', async () => {
    const patient = bearer(mintPatientToken(sandbox.store));

    const list = await request(sandbox.app).get('/api/v1/patients').set(patient);
    const self = await request(sandbox.app).get(`/api/v1/patients/${sandbox.demo.patientId}`)
      .set(patient);
    const other = await request(sandbox.app)
      .get(`/api/v1/patients/${sandbox.demo.unconsentedPatientId}`).set(patient);

    expect(list.body.count).toBe(0);
    expect(self.status).toBe(200);
    expect(other.status).toBe(403);
  });

  it('§5.1 a patient profile has no email or name', async () => {
    const response = await request(sandbox.app).get('/api/v1/users/profile')
      .set(bearer(mintPatientToken(sandbox.store)));

    expect(Object.keys(response.body)).toEqual(['id', 'patient', 'userType', 'isSuperuser']);
    expect(Object.keys(response.body.patient)).toEqual(['id', 'jheUserId', 'identifiers',
      'organizations']);
  });

  it('§5.3 studies list the caller\'s studies with the short organization', async () => {
    const response = await get('/api/v1/studies');

    expect(response.body.results).toEqual([{ id: sandbox.demo.studyId, name: 'Pause Demo Study',
      description: 'Menopause symptom tracking',
      organization: { id: sandbox.demo.organizationId, name: 'Pause Demo Clinic', type: 'prov' },
      iconUrl: null }]);
  });

  it('§5.3 another organization\'s study is 403', async () => {
    const response = await get(`/api/v1/studies/${sandbox.demo.otherStudyId}`);

    expect(response.status).toBe(403);
  });

  it('§5.3 studies/{id}/patients is paginated Patient JSON', async () => {
    const response = await get(`/api/v1/studies/${sandbox.demo.studyId}/patients`);

    expect(response.body.count).toBe(2);
    expect(response.body.results[0]).toHaveProperty('jheUserId');
  });

  it('§5.3 scope_requests is a plain array of {id, study, scopeCode}', async () => {
    const response = await get(`/api/v1/studies/${sandbox.demo.studyId}/scope_requests`);

    expect(Array.isArray(response.body)).toBe(true);
    expect(Object.keys(response.body[0])).toEqual(['id', 'study', 'scopeCode']);
    expect(response.body[0].scopeCode).toMatchObject({ codingCode: 'omh:heart-rate:2.0' });
  });

  it('§5.3 enrolling a patient from another organization is a 500', async () => {
    const response = await request(sandbox.app)
      .post(`/api/v1/studies/${sandbox.demo.studyId}/patients`).set(auth)
      .send({ patientIds: [sandbox.demo.foreignPatientId] });

    expect(response.status).toBe(500);
  });

  it('§5.3 enrolling returns 201 {"studyPatients": […]} and does not create consents',
    async () => {
      const fresh = createJheSandbox();
      const token = bearer(mintUserToken(fresh.store, fresh.demo.otherPractitionerUserId));
      fresh.store.unenroll(fresh.demo.otherStudyId, fresh.demo.foreignPatientId);

      const response = await request(fresh.app)
        .post(`/api/v1/studies/${fresh.demo.otherStudyId}/patients`).set(token)
        .send({ patient_ids: [fresh.demo.foreignPatientId] });

      expect(response.status).toBe(201);
      expect(Object.keys(response.body)).toEqual(['studyPatients']);
      expect(response.body.studyPatients[0].patient.id).toBe(fresh.demo.foreignPatientId);
    });

  it('§5.4 organizations list every organization with the caller\'s role', async () => {
    const response = await get('/api/v1/organizations');
    const clinic = response.body.results
      .find((row: { id: number }) => row.id === sandbox.demo.organizationId);
    const elsewhere = response.body.results
      .find((row: { id: number }) => row.id === sandbox.demo.otherOrganizationId);

    expect(response.body.count).toBe(3);
    expect(clinic.currentUserRole).toBe('manager');
    expect(elsewhere.currentUserRole).toBeNull();
  });

  it('§5.4 organizations/{id}/studies is a plain array', async () => {
    const response = await get(`/api/v1/organizations/${sandbox.demo.organizationId}/studies`);

    expect(response.body.map((row: { id: number }) => row.id)).toEqual([sandbox.demo.studyId]);
  });

  it('§5 an unsupported method on a known path is 405 {"detail": …}', async () => {
    const response = await request(sandbox.app).put('/api/v1/patients').set(auth).send({});

    expect(response.status).toBe(405);
    expect(response.body).toEqual({ detail: 'Method "PUT" not allowed.' });
  });
});
