/**
 * Every operation of the JHE system API through its mounted app (responses validated
 * against the contract) against the JHE sandbox.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEhrIdToken } from '../../sandbox/jhe/app.ts';
import { DEMO } from '../../sandbox/jhe/seed.ts';
import { startHarness, type Harness } from './sandbox-harness.ts';

const OMH = 'https://w3id.org/openmhealth';

/** A heart-rate Observation as JHE accepts it (reference §4.3). */
function heartRateObservation(uuid: string, patientId = 40001) {
  const point = {
    header: { uuid, schema_id: { namespace: 'omh', name: 'heart-rate', version: '2.0' },
      source_creation_date_time: '2026-03-01T08:15:00Z', modality: 'sensed' },
    body: { heart_rate: { value: 62, unit: 'beats/min' },
      effective_time_frame: { date_time: '2026-03-01T08:14:00Z' } },
  };
  return {
    resourceType: 'Observation', status: 'final',
    identifier: [{ system: 'urn:pause-test', value: uuid }],
    code: { coding: [{ system: OMH, code: 'omh:heart-rate:2.0' }] },
    subject: { reference: `Patient/${patientId}` },
    device: { reference: 'Device/70001' },
    valueAttachment: { contentType: 'application/json',
      data: Buffer.from(JSON.stringify(point), 'ascii').toString('base64') },
  };
}

const consent = (consented: boolean) => ({ studyScopeConsents: [{ studyId: 30001,
  scopeConsents: [{ codingSystem: OMH, codingCode: 'omh:blood-glucose:4.0', consented }] }] });

describe('JHE system API operations against the sandbox', () => {
  let harness: Harness;
  let app: Harness['jhe']['api']['app'];

  beforeAll(async () => {
    harness = await startHarness({ api: {
      tokenExchange: { clientId: DEMO.sofClientId, clientSecret: DEMO.sofClientSecret },
    } });
    app = harness.jhe.api.app;
  });

  afterAll(() => harness.close());

  it('createObservation stores one and answers JHE\'s rendering', async () => {
    const response = await request(app).post('/jhe/v1/observations')
      .send(heartRateObservation('0f000000-0000-4000-8000-000000000001')).expect(201);
    expect(response.body).toMatchObject({ resourceType: 'Observation', status: 'final',
      effectiveDateTime: expect.stringMatching(/^2026-03-01T08:14:00/) });

    const again = await request(app).post('/jhe/v1/observations')
      .send(heartRateObservation('0f000000-0000-4000-8000-000000000001')).expect(409);
    expect(again.body.code).toBe('OBSERVATION.DUPLICATE');
  });

  it('createObservation refuses an Observation without an identifier (retries must dedupe)',
    async () => {
      const { identifier: _, ...bare } = heartRateObservation(
        '0f000000-0000-4000-8000-000000000009') as Record<string, unknown>;
      const response = await request(app).post('/jhe/v1/observations').send(bare).expect(400);
      expect(response.body.errors.map((e: { pointer: string }) => e.pointer))
        .toContain('/body/identifier');
    });

  it('createObservation without consent is CONSENT.MISSING', async () => {
    const response = await request(app).post('/jhe/v1/observations')
      .send(heartRateObservation('0f000000-0000-4000-8000-000000000002', 40002)).expect(403);
    expect(response.body.code).toBe('CONSENT.MISSING');
  });

  it('createObservationBatch reports per identifier', async () => {
    const response = await request(app).post('/jhe/v1/observations/batch').send({ observations: [
      heartRateObservation('0f000000-0000-4000-8000-000000000003'),
      heartRateObservation('0f000000-0000-4000-8000-000000000001'),
    ] }).expect(200);
    expect(response.body.results.map((r: { outcome: string }) => r.outcome))
      .toEqual(['created', 'duplicate']);
  });

  it('searchObservations filters by study and organization as JHE spells them', async () => {
    const mark = harness.received.length;
    const response = await request(app)
      .get('/jhe/v1/observations?study=30001&organization=20001&lastUpdated=ge2020-01-01'
        + '&sort=-lastUpdated').expect(200);
    expect(response.body.total).toBe(2);
    const [sent] = harness.to('/FHIR/R5/Observation', mark);
    const query = new URLSearchParams(sent.url.split('?')[1]);
    expect(query.get('patient._has:Group:member:_id')).toBe('30001');
    expect(query.get('patient.organization')).toBe('20001');
    expect(query.get('_lastUpdated')).toBe('ge2020-01-01');
    expect(query.get('_sort')).toBe('-lastUpdated');
  });

  it('searchObservations naming another organization is JHE.FORBIDDEN', async () => {
    const response = await request(app).get('/jhe/v1/observations?organization=20002')
      .expect(403);
    expect(response.body.code).toBe('JHE.FORBIDDEN');
  });

  it('countObservations', async () => {
    const response = await request(app).get('/jhe/v1/observations/count?patient=40001')
      .expect(200);
    expect(response.body).toEqual({ total: 2 });
  });

  it('listPatients returns the practitioner\'s patients, every page', async () => {
    const response = await request(app).get('/jhe/v1/patients').expect(200);
    const ids = response.body.results.map((patient: { id: number }) => patient.id);
    expect(ids).toEqual(expect.arrayContaining([40001, 40002]));
    expect(ids).not.toContain(40003);
    expect(response.body.count).toBe(ids.length);

    const inStudy = await request(app).get('/jhe/v1/patients?studyId=30001').expect(200);
    expect(inStudy.body.count).toBeGreaterThan(0);
  });

  it('getPatient, and JHE.NOT_FOUND for an unknown one', async () => {
    const response = await request(app).get('/jhe/v1/patients/40001').expect(200);
    expect(response.body).toMatchObject({ id: 40001, jheUserId: 10002 });
    const missing = await request(app).get('/jhe/v1/patients/49999').expect(404);
    expect(missing.body.code).toBe('JHE.NOT_FOUND');
  });

  it('getPatientConsents', async () => {
    const response = await request(app).get('/jhe/v1/patients/40001/consents').expect(200);
    const codes = response.body.consolidatedConsentedScopes
      .map((code: { codingCode: string }) => code.codingCode);
    expect(codes).toContain('omh:heart-rate:2.0');
  });

  it('grant, update and revoke consents, with JHE\'s 500s as JHE.CONSENT_WRITE_FAILED',
    async () => {
      const path = '/jhe/v1/patients/40002/consents';
      const granted = await request(app).post(path).send(consent(true)).expect(201);
      expect(granted.body.studyScopeConsents[0]).toMatchObject({ consented: true });

      const duplicate = await request(app).post(path).send(consent(true)).expect(502);
      expect(duplicate.body.code).toBe('JHE.CONSENT_WRITE_FAILED');

      const updated = await request(app).patch(path).send(consent(false)).expect(200);
      expect(updated.body.studyScopeConsents[0]).toMatchObject({ consented: false });

      await request(app).delete(path).send(consent(false)).expect(204);
      const missing = await request(app).patch(path).send(consent(true)).expect(502);
      expect(missing.body.code).toBe('JHE.CONSENT_WRITE_FAILED');
    });

  it('listStudies, getStudy, listStudyPatients; another organization\'s study is refused',
    async () => {
      const studies = await request(app).get('/jhe/v1/studies').expect(200);
      expect(studies.body.results.map((study: { id: number }) => study.id)).toContain(30001);
      const study = await request(app).get('/jhe/v1/studies/30001').expect(200);
      expect(study.body).toMatchObject({ id: 30001, organization: { id: 20001 } });
      const patients = await request(app).get('/jhe/v1/studies/30001/patients').expect(200);
      expect(patients.body.results.map((p: { id: number }) => p.id)).toContain(40001);
      const foreign = await request(app).get('/jhe/v1/studies/30002').expect(403);
      expect(foreign.body.code).toBe('JHE.FORBIDDEN');
    });

  it('listOrganizations and getOrganization', async () => {
    const list = await request(app).get('/jhe/v1/organizations').expect(200);
    expect(list.body.results.map((o: { id: number }) => o.id)).toContain(20001);
    const one = await request(app).get('/jhe/v1/organizations/20001').expect(200);
    expect(one.body).toMatchObject({ id: 20001, name: expect.any(String) });
  });

  it('listDataSources', async () => {
    const response = await request(app).get('/jhe/v1/data-sources').expect(200);
    expect(response.body.results).toContainEqual(expect.objectContaining({ id: 70001,
      type: 'personal_device' }));
  });

  it('createPractitionerClient returns a key that JHE accepts; listPractitionerClients lists it',
    async () => {
      const created = await request(app).post('/jhe/v1/practitioner-clients')
        .send({ label: 'gateway test' }).expect(201);
      expect(created.headers['cache-control']).toBe('no-store');
      const token = await fetch(`${harness.url}/o/token/`, { method: 'POST',
        headers: { authorization: `Basic ${created.body.key}`,
          'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials' });
      expect(token.status).toBe(200);

      const list = await request(app).get('/jhe/v1/practitioner-clients').expect(200);
      expect(list.body.results.map((c: { id: number }) => c.id)).toContain(created.body.id);
    });

  it('createInvitation, then redeemInvitation yields a patient token JHE accepts', async () => {
    const invitation = await request(app).post('/jhe/v1/invitations')
      .send({ patientId: 40001, clientId: DEMO.patientAppId }).expect(201);
    expect(invitation.body).toMatchObject({ client_id: DEMO.patientAppId, status: 'issued' });

    const redeemed = await request(app).post('/jhe/v1/invitations/redemptions')
      .send({ token: invitation.body.token }).expect(200);
    expect(redeemed.body).toMatchObject({ token_type: 'bearer', scope: 'openid email',
      access_token: expect.any(String), refresh_token: expect.any(String),
      id_token: expect.any(String) });

    const me = await fetch(`${harness.url}/FHIR/R5/Observation?patient=40001&_summary=count`,
      { headers: { authorization: `Bearer ${redeemed.body.access_token}` } });
    expect(me.status).toBe(200);
  });

  it('redeemInvitation for an unknown invitation is JHE.INVITATION_NOT_FOUND', async () => {
    const response = await request(app).post('/jhe/v1/invitations/redemptions')
      .send({ token: 'A'.repeat(32) }).expect(404);
    expect(response.body.code).toBe('JHE.INVITATION_NOT_FOUND');
  });

  it('exchangeIdToken turns an EHR id_token into a JHE token for the practitioner', async () => {
    const response = await request(app).post('/jhe/v1/token-exchange')
      .send({ idToken: await signEhrIdToken() }).expect(200);
    expect(response.body).toMatchObject({ token_type: 'bearer', scope: 'openid',
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token' });
    const search = await fetch(`${harness.url}/FHIR/R5/Observation?patient=40001`,
      { headers: { authorization: `Bearer ${response.body.access_token}` } });
    expect(search.status).toBe(200);
  });

  it('exchangeIdToken for a non-practitioner is JHE.TOKEN_EXCHANGE_REJECTED', async () => {
    const fhirUser = `Practitioner/${DEMO.patientUserIdentifier}`;
    const idToken = await signEhrIdToken({ fhirUser });
    const response = await request(app).post('/jhe/v1/token-exchange').send({ idToken })
      .expect(403);
    expect(response.body.code).toBe('JHE.TOKEN_EXCHANGE_REJECTED');
  });
});

describe('FHIR base detection against sandbox releases', () => {
  it.each([
    ['head', '/FHIR/R5'],
    // v0.0.13 has no CapabilityStatement yet, but still serves the legacy lowercase mount.
    ['v0.0.13', '/fhir/r5'],
    ['v0.0.10', '/fhir/r5'],
  ] as const)('JHE %s is used at %s', async (version, base) => {
    const harness = await startHarness({ sandbox: { version }, fhirBasePath: 'auto' });
    try {
      expect(harness.jhe.fhirBasePath).toBe(base);
      const mark = harness.received.length;
      await request(harness.jhe.api.app).get('/jhe/v1/observations/count?patient=40001')
        .expect(200);
      expect(harness.to(`${base}/Observation`, mark).map((r) => r.status)).toEqual([200]);
    } finally {
      await harness.close();
    }
  });
});
