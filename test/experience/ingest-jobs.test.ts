/**
 * Asynchronous pushes through the Pause backend experience API (issue 5): the preference
 * reaches the ingest process API, the 202 names the job by this tier's own path, and the
 * job is read back through this tier until it has the report. Runs the whole layer with
 * the JHE sandbox, in one process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { startGateway, type Running } from '../e2e/harness.ts';
import { syntheticHeartRate } from '../ingest/synthetic-oura.ts';

const PATIENT = 40001;
const ASYNC = { Prefer: 'respond-async' };
const JOB_PATH = /^\/pause\/v1\/ingest-jobs\/[0-9a-f-]{36}$/;
const APPLE = JSON.parse(readFileSync(join(PROJECT_ROOT,
  'test/golden/apple-health/input/constructed_ow-sdk-sync-request_apple.json'), 'utf8'));

let gateway: Running;

beforeAll(async () => {
  gateway = await startGateway('single-process');
}, 60_000);

afterAll(async () => {
  await gateway?.close();
});

/** Polls the job through the experience API until it is no longer running. */
async function settled(location: string) {
  for (;;) {
    const response = await request(gateway.url).get(location);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    if (response.body.status !== 'running') return response.body;
    await sleep(20);
  }
}

describe('asynchronous push through the Pause backend', () => {
  it('answers 202 with its own job path and serves the report when the job is done',
    async () => {
      const payload = syntheticHeartRate({ start: '2026-04-01T00:00:00Z', rows: 800,
        skipEvery: 100 });
      const before = gateway.observationCount();

      const accepted = await request(gateway.url)
        .post(`/pause/v1/patients/${PATIENT}/wearables/oura/heartrate`).set(ASYNC).send(payload);

      expect(accepted.status).toBe(202);
      expect(accepted.headers.location).toMatch(JOB_PATH);
      expect(accepted.headers['preference-applied']).toBe('respond-async');
      expect(accepted.body).toEqual({ jobId: accepted.headers.location.split('/').pop(),
        status: 'running', location: accepted.headers.location });
      const job = await settled(accepted.headers.location);
      expect(job).toMatchObject({ jobId: accepted.body.jobId, status: 'succeeded',
        patientId: PATIENT, vendor: 'oura', collection: 'heartrate' });
      expect(job.report.summary).toMatchObject({ received: 800, stored: 792, skipped: 8 });
      expect(job.progress).toMatchObject({ done: 800, total: 800 });
      expect(gateway.observationCount() - before).toBe(792);

      // The same payload pushed synchronously names the same items, now all in JHE.
      const again = await request(gateway.url)
        .post(`/pause/v1/patients/${PATIENT}/wearables/oura/heartrate`).send(payload);
      expect(again.status).toBe(200);
      expect(again.body.items.map((item: { identifier?: string }) => item.identifier))
        .toEqual(job.report.items.map((item: { identifier?: string }) => item.identifier));
      expect(again.body.summary).toMatchObject({ duplicate: 792, skipped: 8 });
    });

  it('takes an Apple Health sync request asynchronously too', async () => {
    const accepted = await request(gateway.url)
      .post(`/pause/v1/patients/${PATIENT}/apple-health/sync-requests`).set(ASYNC).send(APPLE);

    expect(accepted.status).toBe(202);
    expect(accepted.headers.location).toMatch(JOB_PATH);
    const job = await settled(accepted.headers.location);
    expect(job.status).toBe('succeeded');
    expect(job).toMatchObject({ vendor: 'apple-health', collection: 'sync_request' });
    expect(job.report.summary.received).toBeGreaterThan(0);
  });

  it('answers without a job when the preference is absent', async () => {
    const response = await request(gateway.url)
      .post(`/pause/v1/patients/${PATIENT}/wearables/oura/heartrate`)
      .send(syntheticHeartRate({ start: '2026-04-10T00:00:00Z', rows: 2 }));

    expect(response.status).toBe(200);
    expect(response.headers.location).toBeUndefined();
    expect(response.body.summary.stored).toBe(2);
  });

  it('refuses a collection without a mapping at once, before any job', async () => {
    const response = await request(gateway.url)
      .post(`/pause/v1/patients/${PATIENT}/wearables/open-wearables/heartrate`).set(ASYNC)
      .send({ data: [] });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('CONVERTER.NOT_FOUND');
    expect(response.headers.location).toBeUndefined();
  });

  it('answers 404 INGEST_JOB.NOT_FOUND for an unknown job', async () => {
    const response = await request(gateway.url)
      .get('/pause/v1/ingest-jobs/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f');

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('INGEST_JOB.NOT_FOUND');
  });
});
