/**
 * Issue 4: a patient connects an Oura account through the tiers (Pause backend ->
 * wearable-connections -> Oura system API -> the Oura sandbox's OAuth endpoints), pull
 * ingest then reads that patient's data with the patient's own connection, and after a
 * disconnect it refuses with OURA.NOT_CONNECTED.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Layout, type Running } from './harness.ts';

const PATIENT = 40001;
const CONNECTION = `/pause/v1/patients/${PATIENT}/wearables/oura/connection`;
const WINDOW = { start: '2026-03-10T00:00:00Z', end: '2026-03-11T00:00:00Z' };

/** Follows an authorize URL the way a browser would, and answers where Oura sent it. */
async function visitOura(authorizeUrl: string, extra: Record<string, string> = {}): Promise<URL> {
  const url = new URL(authorizeUrl);
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  const answer = await fetch(url, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

/** Calls the gateway's callback with what Oura appended to the redirect URI. */
const callback = (gateway: Running, back: URL) =>
  request(gateway.url).get('/pause/v1/wearables/oura/callback')
    .query(Object.fromEntries(back.searchParams));

const pullHeartRate = (gateway: Running) =>
  request(gateway.processUrl)
    .post(`/ingest/v1/patients/${PATIENT}/vendors/oura/heartrate/pull`)
    .send(WINDOW);

describe.each<Layout>(['single-process', 'process-per-tier'])('connecting a patient\'s Oura '
  + 'account (%s)', (layout) => {
  let gateway: Running;

  beforeAll(async () => {
    gateway = await startGateway(layout);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('connects, pulls with the patient\'s connection, disconnects, then refuses pulls',
    async () => {
      const before = await request(gateway.url).get(CONNECTION);
      expect([before.status, before.body.code]).toEqual([404, 'OURA.NOT_CONNECTED']);
      const refused = await pullHeartRate(gateway);
      expect([refused.status, refused.body.code]).toEqual([409, 'OURA.NOT_CONNECTED']);

      const started = await request(gateway.url).post(CONNECTION);
      expect(started.status).toBe(201);
      expect(started.headers['cache-control']).toBe('no-store');
      expect(Object.keys(started.body).sort())
        .toEqual(['authorizeUrl', 'expiresAt', 'patientId', 'vendor']);
      const back = await visitOura(started.body.authorizeUrl);
      expect(back.pathname).toBe('/pause/v1/wearables/oura/callback');
      // By default the redirect URI is this gateway's own callback. Tiers apart, the system
      // tier would need PUBLIC_BASE_URL naming the experience tier, which the harness cannot
      // know before it starts the system tier.
      if (layout === 'single-process') expect(back.origin).toBe(gateway.url);
      expect(back.searchParams.get('code')).toBeTruthy();
      const connected = await callback(gateway, back);
      expect(connected.status).toBe(200);
      expect(connected.body).toMatchObject({ patientId: PATIENT, vendor: 'oura',
        status: 'connected' });
      expect(JSON.stringify(connected.body)).not.toMatch(/token/i);

      const status = await request(gateway.url).get(CONNECTION);
      expect([status.status, status.body.status]).toEqual([200, 'connected']);

      // The state is single use.
      const replayed = await callback(gateway, back);
      expect([replayed.status, replayed.body.code]).toEqual([400, 'OURA.STATE_INVALID']);

      const observations = gateway.observationCount();
      const pulled = await pullHeartRate(gateway);
      expect(pulled.status).toBe(200);
      expect(pulled.body.summary.stored).toBeGreaterThan(0);
      expect(gateway.observationCount()).toBe(observations + pulled.body.summary.stored);

      const disconnected = await request(gateway.url).delete(CONNECTION);
      expect([disconnected.status, disconnected.body.status]).toEqual([200, 'revoked']);
      const after = await pullHeartRate(gateway);
      expect([after.status, after.body.code]).toEqual([409, 'OURA.NOT_CONNECTED']);
    });

  it('answers OURA.CONSENT_DENIED at the callback when the patient declines', async () => {
    const started = await request(gateway.url).post(CONNECTION);
    const back = await visitOura(started.body.authorizeUrl, { sandbox_consent: 'deny' });
    expect(back.searchParams.get('error')).toBe('access_denied');

    const answer = await callback(gateway, back);
    expect([answer.status, answer.body.code]).toEqual([403, 'OURA.CONSENT_DENIED']);
  });

  it('refuses a callback whose state the gateway never issued', async () => {
    const answer = await request(gateway.url).get('/pause/v1/wearables/oura/callback')
      .query({ state: 'forged', code: 'anything' });
    expect([answer.status, answer.body.code]).toEqual([400, 'OURA.STATE_INVALID']);
  });
});
