import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, PATIENT, startOuraHarness, type OuraHarness } from './harness.ts';

/** The rows of a sandbox data file (a page, or the single workout document). */
function sandboxRows(file: string): Record<string, unknown>[] {
  const url = new URL(`../../sandbox/oura/data/${file}`, import.meta.url);
  const parsed = JSON.parse(readFileSync(url, 'utf8'));
  return Array.isArray(parsed.data) ? parsed.data : [parsed];
}

const DAYS = { start_date: '2026-03-01', end_date: '2026-04-30' };

const CASES: [path: string, query: Record<string, string>, file: string][] = [
  ['heartrate', { start_datetime: '2026-03-09T17:00:00-07:00',
    end_datetime: '2026-03-11T00:00:00+00:00' }, 'constructed_heartrate_response.json'],
  ['sleep', DAYS, 'constructed_sleep_response.json'],
  ['daily_spo2', DAYS, 'constructed_daily_spo2_response.json'],
  ['daily_activity', DAYS, 'constructed_daily_activity_response.json'],
  ['daily_readiness', DAYS, 'constructed_daily_readiness_response.json'],
  ['workout', DAYS, 'jupyterhealth-omh-shim_oura_raw_workout_input.json'],
];

let harness: OuraHarness;

beforeAll(async () => {
  harness = await startOuraHarness({ sandbox: { pageSize: 2 } });
  await connect(harness);
});

afterAll(() => harness.close());

// The harness mounts the API with validateResponses: every answer here met its contract.
describe('every collection through the mounted API', () => {
  it.each(CASES)('/patients/{patientId}/%s answers every sandbox row in Oura\'s shape',
    async (path, query, file) => {
      const answer = await harness.api().get(`/oura/v1/patients/${PATIENT}/${path}`).query(query);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: sandboxRows(file), next_token: null });
      const requests = harness.sandbox.requests.forPath(`/v2/usercollection/${path}`);
      expect(requests.at(-1)?.status).toBe(200);
    });

  it('keeps Oura\'s window semantics: a date-only end_date is exclusive', async () => {
    const answer = await harness.api().get(`/oura/v1/patients/${PATIENT}/daily_readiness`)
      .query({ start_date: '2026-03-10', end_date: '2026-03-12' });

    expect(answer.body.data.map((doc: { day: string }) => doc.day))
      .toEqual(['2026-03-10', '2026-03-11']);
  });

  it('refuses a query the contract does not allow', async () => {
    const answer = await harness.api().get(`/oura/v1/patients/${PATIENT}/sleep`)
      .query({ start_date: '2026-03-10T00:00:00Z', end_date: '2026-03-11' });

    expect([answer.status, answer.body.code]).toEqual([400, 'REQUEST.INVALID']);
  });
});

describe('the unscoped operations read with the default token', () => {
  it('listHeartRate reads with the default token, as before', async () => {
    const answer = await harness.api().get('/oura/v1/heartrate')
      .query({ start_datetime: '2026-03-10T00:00:00Z', end_datetime: '2026-03-11T00:00:00Z' });

    expect(answer.body).toEqual({ data: sandboxRows('constructed_heartrate_response.json'),
      next_token: null });
  });

  it('listSleep reads with the default token, as before', async () => {
    const answer = await harness.api().get('/oura/v1/sleep')
      .query({ start_date: '2026-03-10', end_date: '2026-03-11' });

    expect(answer.body).toEqual({ data: sandboxRows('constructed_sleep_response.json'),
      next_token: null });
  });
});
