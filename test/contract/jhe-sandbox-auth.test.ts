/**
 * The JHE sandbox's OAuth, health and routing conventions against the reference
 * (`/work/shared/reference/jhe-api.md`, sections cited in each test name). Rules that need
 * no seeding also run against a real JHE when `JHE_CONFORMANCE_URL` is set (`target.ts`).
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createJheSandbox } from '../../sandbox/jhe/app.ts';
import { advance, outcome, sandboxWithToken } from './jhe-sandbox-helpers.ts';
import { bearer, describeBlackBox } from './target.ts';

describeBlackBox('JHE tokens (§2.2, §2.3)', (target) => {
  const tokenRequest = () => target().http().post('/o/token/').type('form');
  const withKey = () => tokenRequest().auth(target().clientId, target().clientSecret);

  it('§2.3 a practitioner client-credentials key gets an opaque 14-day bearer token', async () => {
    const response = await withKey().send({ grant_type: 'client_credentials' });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(Object.keys(response.body)).toEqual(['access_token', 'expires_in', 'token_type',
      'scope']);
    expect(response.body).toMatchObject({ expires_in: 1209600, token_type: 'Bearer',
      scope: 'openid email' });
    expect(response.body.access_token).toMatch(/^[A-Za-z0-9]{30}$/);
  });

  it('§2.2 a requested scope narrows the grant; an unknown scope is invalid_scope', async () => {
    const narrow = await withKey().send({ grant_type: 'client_credentials', scope: 'openid' });
    const smart = await withKey()
      .send({ grant_type: 'client_credentials', scope: 'patient/Observation.rs' });

    expect(narrow.body.scope).toBe('openid');
    expect(smart.status).toBe(400);
    expect(smart.body).toEqual({ error: 'invalid_scope' });
  });

  it('§2.3 a wrong secret is 401 invalid_client', async () => {
    const response = await tokenRequest().auth(target().clientId, 'x'.repeat(32))
      .send({ grant_type: 'client_credentials' });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'invalid_client' });
  });

  it('§2.3 no client authentication at all is 401 invalid_client', async () => {
    const response = await tokenRequest().send({ grant_type: 'client_credentials' });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'invalid_client' });
  });

  it('§2.2 an unknown grant type is 400 unsupported_grant_type', async () => {
    const response = await withKey().send({ grant_type: 'password', username: 'x',
      password: 'y' });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'unsupported_grant_type' });
  });
});

describeBlackBox('JHE FHIR conventions (§1.1, §1.3, §1.4, §3.1)', (target) => {
  const withToken = async (path: string) =>
    target().http().get(path).set(bearer(await target().practitionerToken()));

  it('§1.4 a FHIR route without a bearer token is a 401 OperationOutcome, no WWW-Authenticate',
    async () => {
      const response = await target().http().get('/FHIR/R5/Observation');

      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBeUndefined();
      expect(response.body).toEqual(outcome('Authentication credentials were not provided.'));
    });

  it('§2.2 a token that was never issued is treated like no token', async () => {
    const response = await target().http().get('/FHIR/R5/Observation')
      .set('Authorization', 'Bearer notARealToken0000000000000000');

    expect(response.status).toBe(401);
  });

  it('§1.1 resource paths take no trailing slash', async () => {
    const response = await withToken('/FHIR/R5/Observation/');

    expect(response.status).toBe(404);
  });

  it('§3.1 an unsupported resource type is a 404 OperationOutcome', async () => {
    const response = await withToken('/FHIR/R5/Banana');

    expect(response.status).toBe(404);
    expect(response.body).toEqual(outcome('Unsupported FHIR resource type: Banana.'));
  });

  it('§3.1 updating or deleting a mapped Observation is 405', async () => {
    const auth = bearer(await target().practitionerToken());

    const put = await target().http().put('/FHIR/R5/Observation/60001').set(auth).send({});
    const del = await target().http().delete('/FHIR/R5/Observation/60001').set(auth);

    expect(put.status).toBe(405);
    expect(put.body).toEqual(outcome('Update of a Observation record is not supported.'));
    expect(del.status).toBe(405);
  });

  it('§1.3 Accept: application/fhir+json gets that content type back', async () => {
    const response = await target().http()
      .get(`/FHIR/R5/Observation?patient=${target().patientId}&_count=1`)
      .set(bearer(await target().practitionerToken())).set('Accept', 'application/fhir+json');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/fhir+json');
  });
});

describe('JHE sandbox: seeded and clock-driven rules', () => {
  it('§2.3 the demo client id has 16 and the secret 32 alphanumeric characters', () => {
    const { demo } = createJheSandbox();

    expect(demo.clientId).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(demo.clientSecret).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('§2.2 a token stops working once expires_in has passed', async () => {
    const sandbox = await sandboxWithToken();
    const search = () => request(sandbox.app).get('/FHIR/R5/Observation').set(sandbox.auth);

    advance(sandbox, 1_209_599_000);
    const justBefore = await search();
    advance(sandbox, 1_000);
    const atExpiry = await search();

    expect(justBefore.status).toBe(200);
    expect(atExpiry.status).toBe(401);
    expect(atExpiry.body).toEqual(outcome('Authentication credentials were not provided.'));
  });

  it('§1.1 GET /health needs no auth and reports the JHE version', async () => {
    const { app } = createJheSandbox();

    const response = await request(app).get('/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', version: 'v0.0.13' });
  });

  it('§0 the lowercase legacy base /fhir/r5/ is gone on HEAD JHE: 404', async () => {
    const sandbox = await sandboxWithToken();

    const response = await request(sandbox.app).get('/fhir/r5/Observation').set(sandbox.auth);

    expect(response.status).toBe(404);
  });

  it('§2.2 a client-credentials client may not use the authorization_code grant', async () => {
    const { app, demo } = createJheSandbox();

    const response = await request(app).post('/o/token/').type('form')
      .auth(demo.clientId, demo.clientSecret)
      .send({ grant_type: 'authorization_code', code: 'x', redirect_uri: 'http://x' });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'unauthorized_client' });
  });
});
