import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { OutboundRequest } from '../../shared/http/transport.ts';
import { apiFor, CLIENT, FAKE_ORIGIN, FakeJhe, formOf, json } from './fake-jhe.ts';

const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJmaGlyVXNlciI6IlByYWN0aXRpb25lci9wcjEifQ.c2ln';
const SOF_CLIENT = { clientId: 'sof-ehr-launch', clientSecret: 'sof-ehr-launch-dev-secret' };
const SITE_URL = 'https://jhe.example.org';

const ISSUED = {
  access_token: 'exchanged-0001',
  issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
  token_type: 'Bearer', expires_in: 1209600, scope: 'openid',
};

function exchangeJhe(answer: (call: OutboundRequest) => ReturnType<typeof json> | Promise<never>) {
  return new FakeJhe((call) => (call.path === '/o/token-exchange' ? answer(call)
    : json(404, { detail: 'Not found.' })));
}

async function exchange(fake: FakeJhe, tokenExchange = { ...SOF_CLIENT, audience: SITE_URL }) {
  const { api } = await apiFor(fake, { tokenExchange });
  return request(api.app).post('/jhe/v1/token-exchange').send({ idToken: ID_TOKEN });
}

describe('SMART EHR token exchange', () => {
  it('sends every RFC 8693 field JHE requires, authenticating the client with Basic', async () => {
    const fake = exchangeJhe(() => json(200, ISSUED));

    const response = await exchange(fake);

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({ ...ISSUED, token_type: 'bearer' });
    const [call] = fake.fhirCalls();
    expect(call.method).toBe('POST');
    expect(call.rawBody?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(formOf(call)).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: ID_TOKEN,
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      audience: SITE_URL,
      scope: 'openid',
    });
    // RFC 6749 §2.3.1 form-encodes both halves ("-" too); django-oauth-toolkit decodes them.
    const basic = Buffer.from('sof%2Dehr%2Dlaunch:sof%2Dehr%2Dlaunch%2Ddev%2Dsecret')
      .toString('base64');
    expect(call.headers.authorization).toBe(`Basic ${basic}`);
    // The practitioner's own token is not needed for an exchange.
    expect(fake.tokenRequests()).toHaveLength(0);
  });

  it('defaults to the practitioner key, sent as JHE issues it, and the JHE base URL', async () => {
    const fake = exchangeJhe(() => json(200, ISSUED));
    const { api } = await apiFor(fake);
    await request(api.app).post('/jhe/v1/token-exchange').send({ idToken: ID_TOKEN }).expect(200);

    const [call] = fake.fhirCalls();
    expect(formOf(call).audience).toBe(FAKE_ORIGIN);
    expect(call.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`);
  });

  it.each([
    [400, 'Missing required argument: audience', 403, 'JHE.TOKEN_EXCHANGE_REJECTED'],
    [401, 'Token signature verification failed', 403, 'JHE.TOKEN_EXCHANGE_REJECTED'],
    [403, 'Untrusted issuer', 403, 'JHE.TOKEN_EXCHANGE_REJECTED'],
    [404, 'No user found for fhirUser', 403, 'JHE.TOKEN_EXCHANGE_REJECTED'],
    [401, 'invalid_client', 502, 'JHE.AUTH_FAILED'],
    [500, 'SMART on FHIR trusted issuers are not configured', 502, 'UPSTREAM.FAILED'],
    [502, 'Could not fetch issuer JWKS', 502, 'UPSTREAM.FAILED'],
  ])('JHE %i "%s" becomes %i %s, without JHE\'s words', async (status, error, ours, code) => {
    const fake = exchangeJhe(() => json(status, { error }));
    const response = await exchange(fake);
    expect(response.status).toBe(ours);
    expect(response.body.code).toBe(code);
    expect(JSON.stringify(response.body)).not.toContain(error);
  });

  it('gives up on a JHE that does not answer, after the configured timeout', async () => {
    const fake = exchangeJhe(() => new Promise<never>(() => {}));
    const started = Date.now();
    const response = await exchange(fake);
    expect(response.status).toBe(504);
    expect(response.body.code).toBe('UPSTREAM.TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses an empty id_token before calling JHE', async () => {
    const fake = exchangeJhe(() => json(200, ISSUED));
    const { api } = await apiFor(fake);
    await request(api.app).post('/jhe/v1/token-exchange').send({ idToken: '' }).expect(400);
    expect(fake.calls).toHaveLength(0);
  });
});
