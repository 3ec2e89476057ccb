import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { generateKeyPair, SignJWT } from 'jose';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.ts';
import type { OutboundRequest } from '../../shared/http/transport.ts';
import { pkceVerifier } from '../../system-apis/jhe/invitation.ts';
import { apiFor, FAKE_ORIGIN, FakeJhe, formOf, json } from './fake-jhe.ts';

const INVITATION = 'Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lm';
const APP_CLIENT = 'PatientAppClient';
const ISSUER = `${FAKE_ORIGIN}/o`;
const GRANT = {
  grant_type: 'authorization_code',
  redirect_uri: 'https://jhe.example.org/auth/callback',
  client_id: APP_CLIENT,
  code: 'c0de0000000000000000000000000f',
};

let signingKey: CryptoKey;

beforeAll(async () => {
  ({ privateKey: signingKey } = await generateKeyPair('RS256'));
});

/** An id_token as django-oauth-toolkit signs it for the patient app. */
function idToken(claims: { iss?: string; aud?: string } = {}) {
  return new SignJWT({ email: 'patient@example.org' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(claims.iss ?? ISSUER).setAudience(claims.aud ?? APP_CLIENT)
    .setSubject('10002').setIssuedAt().setExpirationTime('1h')
    .sign(signingKey);
}

interface Script {
  redeem?: () => ReturnType<typeof json>;
  token?: (call: OutboundRequest) => ReturnType<typeof json> | Promise<ReturnType<typeof json>>;
  discovery?: () => ReturnType<typeof json>;
}

/** JHE's three calls of the flow: redemption, discovery, code exchange. */
function invitationJhe(script: Script = {}) {
  return new FakeJhe(async (call) => {
    if (call.path === `/api/v1/invitation/${INVITATION}` && call.method === 'POST') {
      return script.redeem?.() ?? json(200, {
        grant: GRANT, token_endpoint: 'https://elsewhere.example/o/token/',
        expires: '2026-03-08T12:00:00Z',
      });
    }
    if (call.path === '/o/.well-known/openid-configuration') {
      return script.discovery?.() ?? json(200, { issuer: ISSUER });
    }
    if (call.path === '/o/token/') {
      return script.token?.(call) ?? json(200, {
        access_token: 'patient-access-0001', refresh_token: 'patient-refresh-0001',
        id_token: await idToken(), expires_in: 1209600, token_type: 'Bearer',
        scope: 'openid email',
      });
    }
    return json(404, { detail: 'Not found.' });
  });
}

const redeem = (app: Express) =>
  request(app).post('/jhe/v1/invitations/redemptions').send({ token: INVITATION });

describe('patient invitation flow', () => {
  it('derives the PKCE verifier as base64url of the invitation token, unpadded', () => {
    const verifier = pkceVerifier(INVITATION);
    expect(verifier).toBe('Wng5UXczRXI1VHk3VWk5T3AxQXMzRGY1R2g3Sms5TG0');
    // The S256 challenge JHE stored with the grant is derived from exactly this verifier.
    expect(createHash('sha256').update(verifier).digest('base64url'))
      .toBe('kGpl31uqqDNO7kVtA2F-qTSz0CdwbvsvqWn3Aq-K8gM');
  });

  it('redeems, then exchanges the code as the public patient app with the verifier', async () => {
    const fake = invitationJhe();
    const { api } = await apiFor(fake);

    const response = await redeem(api.app).expect(200);

    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatchObject({ access_token: 'patient-access-0001',
      refresh_token: 'patient-refresh-0001', expires_in: 1209600, scope: 'openid email' });
    const redemption = fake.calls.find((call) => call.path.startsWith('/api/v1/invitation/'))!;
    expect(redemption.headers.authorization).toBeUndefined();
    // The token_endpoint JHE names is built from a forwarded Host: our own origin is used.
    const exchange = fake.calls.find((call) => call.path === '/o/token/')!;
    expect(exchange.headers.authorization).toBeUndefined();
    expect(formOf(exchange)).toEqual({
      grant_type: 'authorization_code', code: GRANT.code, redirect_uri: GRANT.redirect_uri,
      client_id: APP_CLIENT, code_verifier: pkceVerifier(INVITATION),
    });
    expect(fake.tokenRequests()).toHaveLength(0);
  });

  it('checks the id_token against the issuer JHE publishes', async () => {
    const published = 'https://jhe.example.org/o';
    const fake = invitationJhe({
      discovery: () => json(200, { issuer: published }),
    });
    const { api } = await apiFor(fake);
    const refused = await redeem(api.app).expect(502);
    expect(refused.body.code).toBe('JHE.BAD_RESPONSE');

    const matching = invitationJhe({
      discovery: () => json(200, { issuer: published }),
      token: async () => json(200, { access_token: 'a', token_type: 'Bearer',
        id_token: await idToken({ iss: published }) }),
    });
    await redeem((await apiFor(matching)).api.app).expect(200);
  });

  it('falls back to django-oauth-toolkit\'s default issuer without discovery', async () => {
    const fake = invitationJhe({ discovery: () => json(404, { detail: 'Not found.' }) });
    await redeem((await apiFor(fake)).api.app).expect(200);
  });

  it.each([
    [404, 'JHE.INVITATION_NOT_FOUND', 'Invitation not found or already used.'],
    [410, 'JHE.INVITATION_EXPIRED', 'Invitation expired.'],
    [403, 'JHE.INVITATION_CANCELLED', 'Invitation cancelled.'],
    [409, 'JHE.INVITATION_USED', 'Invitation already used.'],
  ])('answers JHE %i on redemption as %s, without JHE\'s words', async (status, code, detail) => {
    const fake = invitationJhe({ redeem: () => json(status, { detail }) });
    const response = await redeem((await apiFor(fake)).api.app).expect(status);
    expect(response.body).toMatchObject({ status, code });
    expect(JSON.stringify(response.body)).not.toContain(detail);
    expect(fake.calls.some((call) => call.path === '/o/token/')).toBe(false);
  });

  it('reports a refused code exchange as JHE.INVITATION_GRANT_REJECTED', async () => {
    const fake = invitationJhe({ token: () => json(400, { error: 'invalid_grant' }) });
    const response = await redeem((await apiFor(fake)).api.app).expect(502);
    expect(response.body.code).toBe('JHE.INVITATION_GRANT_REJECTED');
  });

  it('refuses a malformed invitation token before calling JHE', async () => {
    const fake = invitationJhe();
    const { api } = await apiFor(fake);
    await request(api.app).post('/jhe/v1/invitations/redemptions')
      .send({ token: 'short' }).expect(400);
    expect(fake.calls).toHaveLength(0);
  });

  it('never writes the invitation token or the patient\'s tokens to the log', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk) => lines.push(String(chunk)));
    const fake = invitationJhe();
    const { api } = await apiFor(fake, { logger: createLogger({ level: 'trace',
      destination: stream }) });

    const { body } = await redeem(api.app).expect(200);

    const log = lines.join('');
    expect(log).toContain('invitation redeemed');
    for (const secret of [INVITATION, body.access_token, body.refresh_token, body.id_token]) {
      expect(log).not.toContain(secret);
    }
  });
});
