/**
 * The wearable-connections process API over a scripted Oura system API: what it sends
 * down, and that its answers carry only the contract's fields, whatever the tier below adds.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config/config.ts';
import { ApiClient } from '../../shared/http/api-client.ts';
import type { OutboundRequest, OutboundResponse, Transport } from '../../shared/http/transport.ts';
import { silentLogger } from '../../shared/logging/logger.ts';
import { createWearableConnectionsApi } from '../../process-apis/wearable-connections/index.ts';

class Scripted implements Transport {
  readonly kind = 'memory';
  readonly sent: OutboundRequest[] = [];

  constructor(private readonly answer: (request: OutboundRequest) => OutboundResponse) {}

  async send(request: OutboundRequest) {
    this.sent.push(request);
    return this.answer(request);
  }

  async close() {}
}

const CONNECTION = { patientId: 40001, vendor: 'oura', status: 'connected',
  scopes: ['daily'], updatedAt: '2026-03-10T00:00:00.000Z' };

async function api(answer: (request: OutboundRequest) => OutboundResponse) {
  const oura = new Scripted(answer);
  const mounted = await createWearableConnectionsApi({ logger: silentLogger(),
    validateResponses: true, oura: new ApiClient('oura', '/oura/v1', oura) });
  return { oura, app: mounted.app };
}

describe('wearable-connections process API', () => {
  it('starts with the Oura system API and answers the URL, state and expiry only', async () => {
    const { oura, app } = await api(() => ({ status: 201, headers: {}, body: {
      patientId: 40001, authorizeUrl: 'https://oura.example/authorize?state=s', state: 's',
      redirectUri: 'https://gw.example/cb', scopes: ['daily'],
      expiresAt: '2026-03-10T00:10:00.000Z' } }));

    const answer = await request(app).post('/wearable-connections/v1/patients/40001/vendors/'
      + 'oura/connection');

    expect(oura.sent.map((sent) => `${sent.method} ${sent.path}`))
      .toEqual(['POST /oura/v1/patients/40001/connection/authorization']);
    expect(answer.status).toBe(201);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toEqual({ patientId: 40001, vendor: 'oura', state: 's',
      authorizeUrl: 'https://oura.example/authorize?state=s',
      expiresAt: '2026-03-10T00:10:00.000Z' });
  });

  it('passes the callback on and never answers more than the connection view', async () => {
    const { oura, app } = await api(() => ({ status: 200, headers: {},
      body: { ...CONNECTION, accessToken: 'secret-access', refreshToken: 'secret-refresh' } }));

    const answer = await request(app).post('/wearable-connections/v1/vendors/oura/callback')
      .send({ state: 's', code: 'c' });

    expect(oura.sent[0]).toMatchObject({ method: 'POST', path: '/oura/v1/oauth/callback',
      body: { state: 's', code: 'c' } });
    expect([answer.status, answer.body]).toEqual([200, CONNECTION]);
    expect(JSON.stringify(answer.body)).not.toContain('secret');
  });

  it('keeps the Oura system API\'s code on a refusal', async () => {
    const { app } = await api(() => ({ status: 403, headers: {}, body: { type: 'x',
      title: 'declined', status: 403, code: 'OURA.CONSENT_DENIED' } }));

    const answer = await request(app).post('/wearable-connections/v1/vendors/oura/callback')
      .send({ state: 's', error: 'access_denied' });

    expect([answer.status, answer.body.code]).toEqual([403, 'OURA.CONSENT_DENIED']);
  });
});

describe('Oura OAuth client settings', () => {
  it('needs no OURA_REDIRECT_URI: the layer defaults it to its own callback', () => {
    const config = loadConfig({ OURA_CLIENT_ID: 'id', OURA_CLIENT_SECRET: 'secret',
      PUBLIC_BASE_URL: 'https://gateway.example.org/' });
    expect(config.oura.redirectUri).toBeUndefined();
    expect(config.publicBaseUrl).toBe('https://gateway.example.org');
  });

  it('refuses a client id without its secret', () => {
    expect(() => loadConfig({ OURA_CLIENT_ID: 'id' }))
      .toThrow('OURA_CLIENT_ID and OURA_CLIENT_SECRET go together');
  });
});
