import { afterEach, describe, expect, it } from 'vitest';
import { tokenDigest } from '../../sandbox/oura/request-log.ts';
import { connect, PATIENT, startOuraHarness, storedTokens, type OuraHarness } from './harness.ts';

const CONNECTION = `/oura/v1/patients/${PATIENT}/connection`;
const SLEEP_WINDOW = { start_date: '2026-03-10', end_date: '2026-03-11' };

let harness: OuraHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('disconnectOura', () => {
  it('revokes the grant at Oura, wipes the stored tokens and keeps the record as revoked',
    async () => {
      harness = await startOuraHarness();
      await connect(harness);
      const { accessToken, refreshToken } = await storedTokens(harness);

      const answer = await harness.api().delete(CONNECTION);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        connection: { patientId: PATIENT, vendor: 'oura', status: 'revoked',
          scopes: ['daily', 'heartrate', 'workout', 'spo2Daily'], updatedAt: expect.any(String) },
        upstreamRevocation: 'revoked',
      });
      const [revocation] = harness.sandbox.requests.forPath('/oauth/revoke');
      expect(revocation).toMatchObject({ method: 'POST', status: 200,
        revokedTokenDigest: tokenDigest(accessToken), query: { access_token: '[redacted]' } });
      expect((await storedTokens(harness)).accessToken).toBe('');
      const raw = JSON.stringify(harness.rawConnectionRow(PATIENT));
      expect(raw).not.toContain(accessToken);
      expect(raw).not.toContain(refreshToken);

      // The token no longer works at Oura, and the API no longer reads for the patient.
      const direct = await fetch(`${harness.sandbox.url}/v2/usercollection/sleep`,
        { headers: { authorization: `Bearer ${accessToken}` } });
      expect(direct.status).toBe(401);
      const rows = await harness.api().get(`/oura/v1/patients/${PATIENT}/sleep`)
        .query(SLEEP_WINDOW);
      expect([rows.status, rows.body.code]).toEqual([409, 'OURA.NOT_CONNECTED']);
      const status = await harness.api().get(CONNECTION);
      expect(status.body.status).toBe('revoked');
    });

  it('revokes locally even when Oura fails to', async () => {
    harness = await startOuraHarness();
    await connect(harness);
    harness.sandbox.faults.inject({ path: '/oauth/revoke', status: 500 });

    const answer = await harness.api().delete(CONNECTION);

    expect(answer.status).toBe(200);
    expect(answer.body.upstreamRevocation).toBe('failed');
    expect(answer.body.connection.status).toBe('revoked');
  });

  it('says not_configured without a revocation URL', async () => {
    harness = await startOuraHarness({ oauth: { revokeUrl: undefined } });
    await connect(harness);

    const answer = await harness.api().delete(CONNECTION);

    expect(answer.body.upstreamRevocation).toBe('not_configured');
    expect(harness.sandbox.requests.forPath('/oauth/revoke')).toHaveLength(0);
  });

  it('says not_needed the second time, and 404 for a patient who never connected',
    async () => {
      harness = await startOuraHarness();
      await connect(harness);
      await harness.api().delete(CONNECTION).expect(200);

      const again = await harness.api().delete(CONNECTION);
      const never = await harness.api().delete('/oura/v1/patients/40002/connection');

      expect(again.body.upstreamRevocation).toBe('not_needed');
      expect([never.status, never.body.code]).toEqual([404, 'OURA.NOT_CONNECTED']);
    });

  it('lets the patient connect again afterwards', async () => {
    harness = await startOuraHarness();
    await connect(harness);
    await harness.api().delete(CONNECTION).expect(200);

    const again = await connect(harness);

    expect(again.body.status).toBe('connected');
    await harness.api().get(`/oura/v1/patients/${PATIENT}/sleep`).query(SLEEP_WINDOW)
      .expect(200);
  });
});
