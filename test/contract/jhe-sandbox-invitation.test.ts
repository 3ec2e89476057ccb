/**
 * The patient invitation flow (reference §2.5) and the authorization-code grant it ends in
 * (§2.2): issue, redeem without auth, exchange the code with PKCE, and every refusal.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { mintUserToken } from '../../sandbox/jhe/test-tokens.ts';
import {
  advance, loginPatientByInvitation, sandboxWithToken, verifierFor, type TestSandbox,
} from './jhe-sandbox-helpers.ts';
import { describeBlackBox } from './target.ts';

const HOUR = 3_600_000;

let sandbox: TestSandbox;

beforeEach(async () => {
  sandbox = await sandboxWithToken();
});

const invite = (body: Record<string, unknown>) =>
  request(sandbox.app).post('/api/v1/invitation').set(sandbox.auth).set('Host', 'jhe.test:8000')
    .send(body);
const redeem = (token: string) => request(sandbox.app).post(`/api/v1/invitation/${token}`)
  .set('Host', 'jhe.test:8000');
const exchange = (fields: Record<string, string>) =>
  request(sandbox.app).post('/o/token/').type('form').send(fields);

/** Issues and redeems an invitation, returning the token and the grant. */
async function redeemed() {
  const invited = await invite({ patient_id: sandbox.demo.patientId,
    client_id: sandbox.demo.patientAppId });
  const token = invited.body.token as string;
  const response = await redeem(token);
  return { token, response, grant: response.body.grant };
}

function codeFields(grant: Record<string, string>, token: string): Record<string, string> {
  return { grant_type: 'authorization_code', code: grant.code, redirect_uri: grant.redirect_uri,
    client_id: grant.client_id, code_verifier: verifierFor(token) };
}

describe('JHE sandbox: issuing invitations (§2.5)', () => {
  it('§2.5 POST /api/v1/invitation answers 201 with the exact keys and a 32-character token',
    async () => {
      const response = await invite({ patient_id: sandbox.demo.patientId,
        client_id: sandbox.demo.patientAppId });

      expect(response.status).toBe(201);
      expect(Object.keys(response.body)).toEqual(['id', 'patientId', 'client_id', 'tokenHash',
        'token', 'status', 'lastUpdated', 'invitationLink']);
      expect(response.body).toMatchObject({ patientId: sandbox.demo.patientId,
        client_id: sandbox.demo.patientAppId, status: 'issued' });
      expect(response.body.token).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(response.body.tokenHash).toBe(createHash('sha256')
        .update(response.body.token).digest('base64url'));
    });

  it('§2.5 the link puts url-quoted "<host:port>_<token>" where the client URL says CODE',
    async () => {
      const response = await invite({ patient_id: sandbox.demo.patientId,
        client_id: sandbox.demo.patientAppId });

      expect(response.body.invitationLink).toBe(sandbox.demo.patientAppInvitationUrl
        .replace('CODE', `jhe.test%3A8000_${response.body.token}`));
    });

  it('§1.2 §2.5 the key must be spelled client_id: clientId is not converted (400)',
    async () => {
      const response = await invite({ patientId: sandbox.demo.patientId,
        clientId: sandbox.demo.patientAppId });

      expect(response.status).toBe(400);
      expect(response.body).toEqual({ client_id: ['This field is required.'] });
    });

  it('§2.5 a client without an invitation_url is a 500', async () => {
    const response = await invite({ patient_id: sandbox.demo.patientId,
      client_id: sandbox.demo.bareAppId });

    expect(response.status).toBe(500);
  });

  it('§2.5 a new invitation marks the earlier issued one reissued: redeeming it is 409',
    async () => {
      const first = await invite({ patient_id: sandbox.demo.patientId,
        client_id: sandbox.demo.patientAppId });
      await invite({ patient_id: sandbox.demo.patientId, client_id: sandbox.demo.patientAppId });

      const response = await redeem(first.body.token);

      expect(response.status).toBe(409);
      expect(response.body).toEqual({ detail: 'Invitation has already been used.' });
    });
});

describe('JHE sandbox: redeeming invitations (§2.5)', () => {
  it('§2.5 redeeming needs no auth and returns the grant, token endpoint and expiry',
    async () => {
      const { response } = await redeemed();

      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(['grant', 'token_endpoint', 'expires']);
      expect(response.body.grant).toEqual({
        grant_type: 'authorization_code',
        redirect_uri: 'http://jhe.test:8000/auth/callback',
        client_id: sandbox.demo.patientAppClientId,
        code: expect.stringMatching(/^[A-Za-z0-9]{30}$/),
      });
      expect(response.body.token_endpoint).toBe('http://jhe.test:8000/o/token/');
      expect(response.body.expires).toBe('2026-03-01T12:01:00.250000Z');
    });

  it('§2.5 a redeemed invitation gives a code whose PKCE verifier is base64url(token)',
    async () => {
      const { token, grant } = await redeemed();

      const response = await exchange(codeFields(grant, token));

      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(['access_token', 'expires_in', 'token_type',
        'scope', 'refresh_token', 'id_token']);
      expect(response.body.scope).toBe('openid email');
    });

  it('§2.2 the verifier with "=" padding is not the verifier: invalid_grant', async () => {
    const { token, grant } = await redeemed();

    const response = await exchange({ ...codeFields(grant, token),
      code_verifier: Buffer.from(token).toString('base64') });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'invalid_grant' });
  });

  it('§2.2 no code_verifier is invalid_request "Code verifier required."', async () => {
    const { token, grant } = await redeemed();
    const fields = codeFields(grant, token);
    delete fields.code_verifier;

    const response = await exchange(fields);

    expect(response.body).toEqual({ error: 'invalid_request',
      error_description: 'Code verifier required.' });
  });

  it('§2.5 a different redirect_uri is invalid_request "Mismatching redirect URI."',
    async () => {
      const { token, grant } = await redeemed();

      const response = await exchange({ ...codeFields(grant, token),
        redirect_uri: 'http://elsewhere.test/auth/callback' });

      expect(response.status).toBe(400);
      expect(response.body.error_description).toBe('Mismatching redirect URI.');
    });

  it('§2.5 another client\'s id cannot use the code', async () => {
    const { token, grant } = await redeemed();

    const unknown = await exchange({ ...codeFields(grant, token), client_id: 'nobody' });
    const other = await exchange({ ...codeFields(grant, token),
      client_id: 'pause-sandbox-bare-app' });

    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ error: 'invalid_client' });
    expect(other.status).toBe(400);
    expect(other.body).toEqual({ error: 'invalid_grant' });
  });

  it('§2.2 the code expires after 60 s', async () => {
    const { token, grant } = await redeemed();
    advance(sandbox, 60_000);

    const response = await exchange(codeFields(grant, token));

    expect(response.body).toEqual({ error: 'invalid_grant' });
  });

  it('§2.2 a code works once', async () => {
    const { token, grant } = await redeemed();

    const first = await exchange(codeFields(grant, token));
    const second = await exchange(codeFields(grant, token));

    expect(first.status).toBe(200);
    expect(second.body).toEqual({ error: 'invalid_grant' });
  });

  it('§2.5 re-redeeming within 12 h issues a fresh grant and voids the earlier code',
    async () => {
      const { token, grant } = await redeemed();
      advance(sandbox, 11 * HOUR);

      const again = await redeem(token);
      const stale = await exchange(codeFields(grant, token));
      const fresh = await exchange(codeFields(again.body.grant, token));

      expect(again.status).toBe(200);
      expect(again.body.grant.code).not.toBe(grant.code);
      expect(stale.body).toEqual({ error: 'invalid_grant' });
      expect(fresh.status).toBe(200);
    });

  it('§2.5 re-redeeming after the 12 h window is 409', async () => {
    const { token } = await redeemed();
    advance(sandbox, 12 * HOUR + 1000);

    const response = await redeem(token);

    expect(response.status).toBe(409);
  });

  it('§2.5 an invitation expires after 7 days: 410, and stays expired', async () => {
    const invited = await invite({ patient_id: sandbox.demo.patientId,
      client_id: sandbox.demo.patientAppId });
    advance(sandbox, 7 * 24 * HOUR);

    const first = await redeem(invited.body.token);
    const second = await redeem(invited.body.token);

    expect(first.status).toBe(410);
    expect(first.body).toEqual({ detail: 'Invitation has expired.' });
    expect(second.status).toBe(410);
  });

  it('§2.2 a patient refresh token is rotated: the old one and its access token stop working',
    async () => {
      const practitioner = { Authorization: `Bearer ${mintUserToken(sandbox.store,
        sandbox.demo.practitionerUserId)}` };
      const login = await loginPatientByInvitation(sandbox, practitioner);
      const refresh = (token: string) => exchange({ grant_type: 'refresh_token',
        refresh_token: token, client_id: sandbox.demo.patientAppClientId });

      const first = await refresh(login.tokens.refresh_token);
      const reused = await refresh(login.tokens.refresh_token);
      const oldAccess = await request(sandbox.app).get('/api/v1/users/profile')
        .set('Authorization', `Bearer ${login.tokens.access_token}`);

      expect(first.status).toBe(200);
      expect(first.body.refresh_token).not.toBe(login.tokens.refresh_token);
      expect(reused.body).toEqual({ error: 'invalid_grant' });
      expect(oldAccess.status).toBe(401);
    });
});

describeBlackBox('JHE invitation redemption', (target) => {
  it('§2.5 an unknown 32-character token is 404 "Invitation not found or already used."',
    async () => {
      const response = await target().http().post(`/api/v1/invitation/${'Z'.repeat(32)}`);

      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: 'Invitation not found or already used.' });
    });

  it('§2.5 a token that is not 32 alphanumerics matches no route: 404', async () => {
    const response = await target().http().post('/api/v1/invitation/short-token');

    expect(response.status).toBe(404);
  });
});
