/**
 * OIDC on the JHE sandbox (reference §2.1, §2.2) and what a patient token may do (§2.6,
 * §3.5, §4.1.3). Discovery and the error paths also run against a real JHE when one is
 * configured (see `target.ts`).
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodeAscii, heartRatePoint, loginPatientByInvitation, observation, outcome,
  sandboxWithToken, type PatientLogin, type TestSandbox,
} from './jhe-sandbox-helpers.ts';
import { describeBlackBox } from './target.ts';

describeBlackBox('JHE OIDC endpoints', (target) => {
  it('§2.1 /o/.well-known/openid-configuration names issuer, endpoints and jwks_uri',
    async () => {
      const response = await target().http().get('/o/.well-known/openid-configuration');
      const origin = new URL(response.body.token_endpoint).origin;

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        issuer: `${origin}/o`,
        authorization_endpoint: `${origin}/o/authorize/`,
        token_endpoint: `${origin}/o/token/`,
        userinfo_endpoint: `${origin}/o/userinfo/`,
        jwks_uri: `${origin}/o/.well-known/jwks.json`,
      });
    });

  it('§2.1 the JWK Set holds an RSA signing key', async () => {
    const response = await target().http().get('/o/.well-known/jwks.json');

    expect(response.status).toBe(200);
    expect(response.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
  });

  it('§2.1 /o/userinfo/ with an unknown token is 401', async () => {
    const response = await target().http().get('/o/userinfo/')
      .set('Authorization', 'Bearer no-such-token-000000000000');

    expect(response.status).toBe(401);
  });

  it('§1.5 the OAuth endpoints carry CORS headers and answer preflight 204', async () => {
    const response = await target().http().options('/o/token/');

    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('JHE sandbox: tokens of the invitation flow (§2.1, §2.2, §2.5)', () => {
  let sandbox: TestSandbox;
  let login: PatientLogin;

  beforeAll(async () => {
    sandbox = await sandboxWithToken(new Date().toISOString());
    login = await loginPatientByInvitation(sandbox, sandbox.auth);
  });

  it('§2.2 the id_token is RS256, verifies with the JWK Set, sub = jheUserId, aud = client_id',
    async () => {
      const jwks = await request(sandbox.app).get('/o/.well-known/jwks.json');

      const { payload } = await jwtVerify(login.tokens.id_token, createLocalJWKSet(jwks.body),
        { audience: sandbox.demo.patientAppClientId });

      expect(decodeProtectedHeader(login.tokens.id_token).alg).toBe('RS256');
      expect(payload.sub).toBe(String(sandbox.demo.patientJheUserId));
      // supertest serves each request on its own port, so only the shape can be pinned.
      expect(payload.iss).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/o$/);
    });

  it('§2.1 userinfo returns sub as the jheUserId string and email for the email scope',
    async () => {
      const response = await request(sandbox.app).get('/o/userinfo/')
        .set('Authorization', `Bearer ${login.tokens.access_token}`);

      expect(response.body).toEqual({ sub: String(sandbox.demo.patientJheUserId),
        email: sandbox.demo.patientEmail });
    });

  it('§2.2 the access token is opaque: 30 letters and digits, not a JWT', () => {
    expect(login.tokens.access_token).toMatch(/^[A-Za-z0-9]{30}$/);
  });

  it('§2.1 /o/authorize/ without a session redirects to the login page with next', async () => {
    const response = await request(sandbox.app)
      .get('/o/authorize/?client_id=pause-sandbox-patient-app&response_type=code');

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/accounts/login/?next=/o/authorize/'
      + '%3Fclient_id%3Dpause-sandbox-patient-app%26response_type%3Dcode');
  });
});

describe('JHE sandbox: a patient token acts as the patient (§2.6, §3.5, §4.1.3)', () => {
  let sandbox: TestSandbox;
  let patientAuth: { Authorization: string };

  beforeAll(async () => {
    sandbox = await sandboxWithToken();
    const login = await loginPatientByInvitation(sandbox, sandbox.auth);
    patientAuth = { Authorization: `Bearer ${login.tokens.access_token}` };
    sandbox.store.seedObservations(sandbox.demo.patientId, 'omh:heart-rate:2.0', 3,
      '2025-03-01T00:00:00Z', 60);
    sandbox.store.seedObservations(sandbox.demo.unconsentedPatientId, 'omh:heart-rate:2.0', 2,
      '2025-03-01T00:00:00Z', 60);
  });

  it('§2.6 a patient search sees only their own Observations, filters ignored', async () => {
    const response = await request(sandbox.app)
      .get(`/FHIR/R5/Observation?patient=${sandbox.demo.unconsentedPatientId}`).set(patientAuth);

    expect(response.status).toBe(200);
    expect(response.body.total).toBe(3);
    expect(response.body.entry.every((entry: { resource: { subject: { reference: string } } }) =>
      entry.resource.subject.reference === `Patient/${sandbox.demo.patientId}`)).toBe(true);
  });

  it('§2.6 reading another patient\'s Observation by id is 404', async () => {
    const other = sandbox.store.observations()
      .find((row) => row.patientId === sandbox.demo.unconsentedPatientId);

    const response = await request(sandbox.app).get(`/FHIR/R5/Observation/${other?.id}`)
      .set(patientAuth);

    expect(response.status).toBe(404);
  });

  it('§3.5 a patient create returns the minimal 201 body', async () => {
    const response = await request(sandbox.app).post('/FHIR/R5/Observation').set(patientAuth)
      .send(observation({ identifier: [{ system: 'urn:test', value: 'patient-create-1' }] }));

    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual(['resourceType', 'id', 'status', 'meta',
      'subject', 'code']);
    expect(response.body).toEqual({
      resourceType: 'Observation',
      id: response.body.id,
      status: 'final',
      meta: { lastUpdated: '2026-03-01T12:00:00.250000+00:00' },
      subject: { reference: `Patient/${sandbox.demo.patientId}` },
      code: { coding: [{ system: 'https://w3id.org/openmhealth', code: 'omh:heart-rate:2.0' }] },
    });
  });

  it('§4.1.3 a patient writing for another patient is 403 with JHE\'s text', async () => {
    const response = await request(sandbox.app).post('/FHIR/R5/Observation').set(patientAuth)
      .send(observation({
        subject: { reference: `Patient/${sandbox.demo.unconsentedPatientId}` },
        valueAttachment: { contentType: 'application/json',
          data: encodeAscii(heartRatePoint('2025-03-02T08:00:00Z')) },
      }));

    expect(response.status).toBe(403);
    expect(response.body).toEqual(outcome('The Subject Patient does not match the current user.'));
  });
});
