import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.ts';
import { tokenDigest } from '../../sandbox/oura/request-log.ts';
import {
  authorize, connect, PATIENT, REDIRECT_URI, startOuraHarness, storedTokens, type OuraHarness,
} from './harness.ts';

const HEART_RATE_WINDOW = {
  start_datetime: '2026-03-10T00:00:00Z', end_datetime: '2026-03-11T00:00:00Z',
};

let harness: OuraHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('connectOura', () => {
  it('answers an Oura authorize URL with a sealed state, the scopes and PKCE', async () => {
    harness = await startOuraHarness();

    const response = await harness.api()
      .post(`/oura/v1/patients/${PATIENT}/connection/authorization`).send({});

    expect(response.status).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const url = new URL(response.body.authorizeUrl);
    expect(url.origin + url.pathname).toBe(`${harness.sandbox.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'pause-gateway-sandbox',
      redirect_uri: REDIRECT_URI,
      scope: 'daily heartrate workout spo2Daily',
      state: response.body.state,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(response.body).toMatchObject({ patientId: PATIENT, redirectUri: REDIRECT_URI,
      scopes: ['daily', 'heartrate', 'workout', 'spo2Daily'] });
    // The state is sealed: neither the patient id nor the PKCE verifier can be read from it.
    const stateBytes = Buffer.from(response.body.state.slice(3), 'base64url').toString('latin1');
    expect(stateBytes).not.toContain(String(PATIENT));
  });

  it('needs no request body', async () => {
    harness = await startOuraHarness();

    const response = await harness.api()
      .post(`/oura/v1/patients/${PATIENT}/connection/authorization`);

    expect(response.status).toBe(201);
  });

  it('asks for the scopes the caller names', async () => {
    harness = await startOuraHarness();

    const response = await harness.api()
      .post(`/oura/v1/patients/${PATIENT}/connection/authorization`)
      .send({ scopes: ['heartrate'] });

    expect(new URL(response.body.authorizeUrl).searchParams.get('scope')).toBe('heartrate');
  });

  it('answers 501 OURA.NOT_CONFIGURED without an OAuth client', async () => {
    harness = await startOuraHarness({ oauth: null });

    const response = await harness.api()
      .post(`/oura/v1/patients/${PATIENT}/connection/authorization`).send({});

    expect(response.status).toBe(501);
    expect(response.body.code).toBe('OURA.NOT_CONFIGURED');
  });
});

describe('ouraCallback', () => {
  it('exchanges the code, stores the tokens encrypted, and the collections use them',
    async () => {
      harness = await startOuraHarness();

      const callback = await connect(harness);

      expect(callback.body).toEqual({
        patientId: PATIENT, vendor: 'oura', status: 'connected',
        scopes: ['daily', 'heartrate', 'workout', 'spo2Daily'],
        expiresAt: expect.any(String), updatedAt: expect.any(String),
      });
      const expiresIn = Date.parse(callback.body.expiresAt) - harness.clock.now();
      expect(expiresIn).toBe(86_400_000);

      const tokens = await storedTokens(harness);
      expect(tokens.accessToken).toMatch(/^sbx_at_/);
      expect(tokens.refreshToken).toMatch(/^sbx_rt_/);
      const raw = JSON.stringify(harness.rawConnectionRow(PATIENT));
      expect(raw).toContain('sealed_tokens');
      expect(raw).not.toContain(tokens.accessToken);
      expect(raw).not.toContain(tokens.refreshToken);
      expect(raw).not.toContain('sbx_');

      harness.sandbox.requests.clear();
      const rows = await harness.api().get(`/oura/v1/patients/${PATIENT}/heartrate`)
        .query(HEART_RATE_WINDOW);
      expect(rows.status).toBe(200);
      expect(rows.body.data).toHaveLength(21);
      const used = harness.sandbox.requests.forPath('/heartrate').map((entry) => entry.tokenDigest);
      expect(new Set(used)).toEqual(new Set([tokenDigest(tokens.accessToken)]));
    });

  it('keeps the granted scopes, and Oura answers 403 for a collection outside them',
    async () => {
      harness = await startOuraHarness();
      const callback = await connect(harness, PATIENT, { scopes: ['daily'] });
      expect(callback.body.scopes).toEqual(['daily']);

      const sleep = await harness.api().get(`/oura/v1/patients/${PATIENT}/sleep`)
        .query({ start_date: '2026-03-01', end_date: '2026-03-31' });
      const heartRate = await harness.api().get(`/oura/v1/patients/${PATIENT}/heartrate`)
        .query(HEART_RATE_WINDOW);

      expect(sleep.status).toBe(200);
      expect(heartRate.status).toBe(403);
      expect(heartRate.body.code).toBe('OURA.FORBIDDEN');
    });

  it('never returns or logs a token', async () => {
    const lines = new PassThrough();
    let logged = '';
    lines.on('data', (chunk: Buffer) => { logged += chunk.toString('utf8'); });
    const logger = createLogger({ destination: lines, level: 'debug' });
    harness = await startOuraHarness({ logger });

    const params = await authorize(harness);
    const callback = await harness.api().post('/oura/v1/oauth/callback').send(params);
    const status = await harness.api().get(`/oura/v1/patients/${PATIENT}/connection`);
    const refreshed = await harness.api()
      .post(`/oura/v1/patients/${PATIENT}/connection/refresh`);
    const tokens = await storedTokens(harness);
    const disconnected = await harness.api().delete(`/oura/v1/patients/${PATIENT}/connection`);

    const answers = JSON.stringify([callback.body, status.body, refreshed.body,
      disconnected.body]);
    expect(answers).not.toMatch(/sbx_(at|rt|code)_/);
    expect(logged).toContain('Oura connection stored');
    expect(logged).not.toMatch(/sbx_(at|rt|code)_/);
    expect(logged).not.toContain(tokens.accessToken);
    expect(logged).not.toContain(params.code);
  });

  it('answers 403 OURA.CONSENT_DENIED when the patient declines, and stores nothing',
    async () => {
      harness = await startOuraHarness();
      const params = await authorize(harness, PATIENT, {}, { sandbox_consent: 'deny' });
      expect(params.error).toBe('access_denied');

      const callback = await harness.api().post('/oura/v1/oauth/callback').send(params);

      expect(callback.status).toBe(403);
      expect(callback.body.code).toBe('OURA.CONSENT_DENIED');
      expect(await harness.state.connections.get(String(PATIENT), 'oura')).toBeUndefined();
    });

  it('refuses a state it did not issue, an altered one, a used one and an expired one',
    async () => {
      harness = await startOuraHarness();
      const first = await authorize(harness);
      await harness.api().post('/oura/v1/oauth/callback').send(first).expect(200);
      const second = await authorize(harness);
      const altered = second.state!.slice(0, -2) + (second.state!.endsWith('A') ? 'BB' : 'AA');
      const third = await authorize(harness);
      harness.clock.advance(600_001);

      const answers = await Promise.all([
        { ...first },
        { ...second, state: 'v1.bm90LW91cnM' },
        { ...second, state: altered },
        { ...third },
      ].map((body) => harness!.api().post('/oura/v1/oauth/callback').send(body)));

      expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual(
        Array(4).fill([400, 'OURA.STATE_INVALID']));
    });

  it('answers 400 OURA.CODE_REJECTED when Oura refuses the code', async () => {
    harness = await startOuraHarness();
    const params = await authorize(harness);
    // Redeem the code behind the gateway's back, so that its own exchange is refused.
    const form = new URLSearchParams({ grant_type: 'authorization_code', code: params.code!,
      redirect_uri: REDIRECT_URI, client_id: 'pause-gateway-sandbox',
      client_secret: 'oura-sandbox-client-secret', code_verifier: 'x'.repeat(43) });
    await fetch(`${harness.sandbox.url}/oauth/token`, { method: 'POST', body: form });

    const callback = await harness.api().post('/oura/v1/oauth/callback').send(params);

    expect(callback.status).toBe(400);
    expect(callback.body.code).toBe('OURA.CODE_REJECTED');
  });

  it('answers 502 OURA.AUTH_FAILED when Oura refuses the gateway\'s client', async () => {
    harness = await startOuraHarness({ oauth: { clientSecret: 'wrong-secret' } });
    const params = await authorize(harness);

    const callback = await harness.api().post('/oura/v1/oauth/callback').send(params);

    expect(callback.status).toBe(502);
    expect(callback.body.code).toBe('OURA.AUTH_FAILED');
  });

  it('answers 400 REQUEST.INVALID to a callback with neither code nor error', async () => {
    harness = await startOuraHarness();
    const { state } = await authorize(harness);

    const callback = await harness.api().post('/oura/v1/oauth/callback').send({ state });

    expect(callback.status).toBe(400);
    expect(callback.body.errors).toEqual([{ pointer: '/body/code', detail: expect.any(String) }]);
  });

  it('works without PKCE when it is switched off', async () => {
    harness = await startOuraHarness({ oauth: { pkce: false } });
    const started = await harness.api()
      .post(`/oura/v1/patients/${PATIENT}/connection/authorization`).send({});
    expect(new URL(started.body.authorizeUrl).searchParams.has('code_challenge')).toBe(false);

    await connect(harness);
  });
});

describe('getOuraConnection', () => {
  it('answers 404 OURA.NOT_CONNECTED for a patient who never connected', async () => {
    harness = await startOuraHarness();

    const response = await harness.api().get('/oura/v1/patients/40002/connection');

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('OURA.NOT_CONNECTED');
  });

  it('answers 409 OURA.NOT_CONNECTED to a collection call without a connection', async () => {
    harness = await startOuraHarness();

    const response = await harness.api().get('/oura/v1/patients/40002/heartrate')
      .query(HEART_RATE_WINDOW);

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('OURA.NOT_CONNECTED');
  });

  it('answers 501 OURA.NOT_CONFIGURED without a connection store', async () => {
    harness = await startOuraHarness({ oauth: null, noConnections: true });

    const status = await harness.api().get(`/oura/v1/patients/${PATIENT}/connection`);
    const rows = await harness.api().get(`/oura/v1/patients/${PATIENT}/heartrate`)
      .query(HEART_RATE_WINDOW);

    expect([status.status, status.body.code]).toEqual([501, 'OURA.NOT_CONFIGURED']);
    expect([rows.status, rows.body.code]).toEqual([501, 'OURA.NOT_CONFIGURED']);
  });
});
