/**
 * `POST /o/token-exchange` (reference §2.4): an EHR id_token for a JHE access token, with
 * every check in JHE's order. The argument checks, which run before any client or token is
 * looked at, also run against a real JHE when one is configured (see `target.ts`).
 */
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { signEhrIdToken } from '../../sandbox/jhe/app.ts';
import { sandboxWithToken, type TestSandbox } from './jhe-sandbox-helpers.ts';
import { describeBlackBox } from './target.ts';

const GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';
const ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';
const SITE = 'http://jhe.test:8000';

let sandbox: TestSandbox;

beforeEach(async () => {
  sandbox = await sandboxWithToken();
});

/** A complete, valid request; tests override one field at a time. */
async function form(overrides: Record<string, string | undefined> = {}) {
  const fields: Record<string, string | undefined> = {
    grant_type: GRANT,
    subject_token_type: ID_TOKEN,
    requested_token_type: ACCESS_TOKEN,
    audience: SITE,
    subject_token: await signEhrIdToken({}, { now: sandbox.clock.now }),
    scope: 'openid',
    client_id: sandbox.demo.sofClientId,
    client_secret: sandbox.demo.sofClientSecret,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const post = (fields: Record<string, string>) => request(sandbox.app).post('/o/token-exchange')
  .set('Host', 'jhe.test:8000').type('form').send(fields);

const token = (claims: Record<string, unknown>, options = {}) =>
  signEhrIdToken(claims, { now: sandbox.clock.now, ...options });

describe('JHE sandbox: token exchange success (§2.4)', () => {
  it('§2.4 a trusted EHR id_token for a mapped practitioner gives a JHE access token',
    async () => {
      const response = await post(await form());

      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(['access_token', 'issued_token_type',
        'token_type', 'expires_in', 'scope']);
      expect(response.body).toMatchObject({ issued_token_type: ACCESS_TOKEN,
        token_type: 'Bearer', scope: 'openid' });
    });

  it('§2.4 the exchanged token acts as the practitioner the fhirUser names', async () => {
    const exchanged = await post(await form());

    const profile = await request(sandbox.app).get('/api/v1/users/profile')
      .set('Authorization', `Bearer ${exchanged.body.access_token}`);

    expect(profile.body.id).toBe(sandbox.demo.practitionerUserId);
  });

  it('§2.4 HTTP Basic client authentication works as well as form fields', async () => {
    const fields = await form({ client_id: undefined, client_secret: undefined });

    const response = await request(sandbox.app).post('/o/token-exchange')
      .set('Host', 'jhe.test:8000').auth(sandbox.demo.sofClientId, sandbox.demo.sofClientSecret)
      .type('form').send(fields);

    expect(response.status).toBe(200);
  });

  it('§2.4 an issuer with a trailing slash is still trusted', async () => {
    const response = await post(await form({
      subject_token: await token({ iss: `${sandbox.demo.ehrIssuer}/` }) }));

    expect(response.status).toBe(200);
  });

  it('§2.4 an absolute fhirUser URL is read by its last two segments', async () => {
    const { ehrIssuer, ehrPractitionerIdentifier } = sandbox.demo;
    const fhirUser = `${ehrIssuer}/Practitioner/${ehrPractitionerIdentifier}`;

    const response = await post(await form({ subject_token: await token({ fhirUser }) }));

    expect(response.status).toBe(200);
  });
});

describe('JHE sandbox: token exchange refusals in order (§2.4)', () => {
  it('§2.4 a wrong audience is 400', async () => {
    const response = await post(await form({ audience: 'http://elsewhere.test' }));

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: `audience must be ${SITE}, not http://elsewhere.test` });
  });

  it('§2.4 a scope other than openid is 400', async () => {
    const response = await post(await form({ scope: 'openid email' }));

    expect(response.status).toBe(400);
  });

  it('§2.4 client authentication failing is 401, after the argument checks', async () => {
    const bad = await post(await form({ client_secret: 'wrong' }));
    const none = await post(await form({ client_id: undefined, client_secret: undefined }));
    const badAndWrongGrant = await post(await form({ client_secret: 'wrong', grant_type: 'x' }));

    expect(bad.status).toBe(401);
    expect(none.status).toBe(401);
    expect(badAndWrongGrant.status).toBe(400);
  });

  it('§2.4 trusted issuers or audience unset is 500', async () => {
    sandbox.store.setSetting('auth.sof.trusted_issuers', []);

    const response = await post(await form());

    expect(response.status).toBe(500);
    expect(response.body).toHaveProperty('error');
  });

  it('§2.4 a subject_token that is not a JWT is 400', async () => {
    const response = await post(await form({ subject_token: 'not-a-jwt' }));

    expect(response.status).toBe(400);
  });

  it('§2.4 an untrusted issuer is 403', async () => {
    const response = await post(await form({
      subject_token: await token({ iss: 'https://evil.example' }) }));

    expect(response.status).toBe(403);
  });

  it('§2.4 a trusted issuer whose keys cannot be discovered is 502', async () => {
    sandbox.store.setSetting('auth.sof.trusted_issuers',
      [sandbox.demo.ehrIssuer, 'https://other-ehr.example']);

    const response = await post(await form({
      subject_token: await token({ iss: 'https://other-ehr.example' }) }));

    expect(response.status).toBe(502);
  });

  it('§2.4 a bad signature, an expired token, a wrong aud or an HS256 token is 401',
    async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const nowSeconds = Math.floor(sandbox.clock.now.getTime() / 1000);
      const cases = [
        await token({}, { privateKey }),
        await token({ exp: nowSeconds - 31, iat: nowSeconds - 3600 }),
        await token({ aud: 'someone-else' }),
        await token({}, { alg: 'HS256', secret: 'shared' }),
        await token({ iat: undefined }),
      ];

      const statuses = [];
      for (const subject of cases) {
        statuses.push((await post(await form({ subject_token: subject }))).status);
      }

      expect(statuses).toEqual([401, 401, 401, 401, 401]);
    });

  it('§2.4 30 s of leeway: a token expired 20 s ago still passes', async () => {
    const nowSeconds = Math.floor(sandbox.clock.now.getTime() / 1000);

    const response = await post(await form({
      subject_token: await token({ exp: nowSeconds - 20, iat: nowSeconds - 3600 }) }));

    expect(response.status).toBe(200);
  });

  it('§2.4 no fhirUser is 400', async () => {
    const response = await post(await form({
      subject_token: await token({ fhirUser: undefined }) }));

    expect(response.status).toBe(400);
  });

  it('§2.4 a fhirUser that is not a Practitioner is 403', async () => {
    const response = await post(await form({
      subject_token: await token({ fhirUser: 'Patient/ehr-practitioner-0001' }) }));

    expect(response.status).toBe(403);
  });

  it('§2.4 no JheUser holding the fhirUser id is 404', async () => {
    const response = await post(await form({
      subject_token: await token({ fhirUser: 'Practitioner/nobody-here' }) }));

    expect(response.status).toBe(404);
  });

  it('§2.4 a JheUser that is not a practitioner is 403', async () => {
    const response = await post(await form({ subject_token: await token({
      fhirUser: `Practitioner/${sandbox.demo.patientUserIdentifier}` }) }));

    expect(response.status).toBe(403);
  });
});

describeBlackBox('JHE token exchange argument checks', (target) => {
  const post = (fields: Record<string, string>) =>
    target().http().post('/o/token-exchange').type('form').send(fields);

  it('§2.4 a missing argument is 400 {"error": "Missing required argument: <name>"}',
    async () => {
      const response = await post({ grant_type: GRANT });

      expect(response.status).toBe(400);
      expect(response.body.error).toMatch(/^Missing required argument: [a-z_]+$/);
    });

  it('§2.4 each required argument is named when it alone is missing', async () => {
    const complete = { grant_type: GRANT, subject_token_type: ID_TOKEN,
      requested_token_type: ACCESS_TOKEN, audience: 'http://x', subject_token: 'x.y.z' };

    for (const name of Object.keys(complete)) {
      const fields: Record<string, string> = { ...complete };
      delete fields[name];
      const response = await post(fields);
      expect(response.body).toEqual({ error: `Missing required argument: ${name}` });
    }
  });

  it('§2.4 a wrong grant_type is 400', async () => {
    const response = await post({ grant_type: 'client_credentials', subject_token_type: ID_TOKEN,
      requested_token_type: ACCESS_TOKEN, audience: 'http://x', subject_token: 'x.y.z' });

    expect(response.status).toBe(400);
    expect(response.body).toHaveProperty('error');
  });

  it('§2.4 the endpoint takes POST only', async () => {
    const response = await target().http().get('/o/token-exchange');

    expect(response.status).toBe(405);
  });
});
