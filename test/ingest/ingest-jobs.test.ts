/**
 * Asynchronous push ingest (issue 5: a large file must not meet the tier timeout, and its
 * caller must still get the report): `Prefer: respond-async` on the ingest process API,
 * the job it answers, and the registry that keeps jobs in memory, bounded.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { ApiClient } from '../../shared/http/api-client.ts';
import {
  MemoryTransport, type OutboundRequest, type OutboundResponse, type Transport,
} from '../../shared/http/transport.ts';
import { silentLogger } from '../../shared/logging/logger.ts';
import { startJheSandbox, type RunningJheSandbox } from '../../sandbox/jhe/server.ts';
import { createJheSystemApi } from '../../system-apis/jhe/index.ts';
import { createIngestApi } from '../../process-apis/ingest/index.ts';
import {
  IngestJobRegistry, type IngestProgress, type JobOutcome,
} from '../../process-apis/ingest/ingest-jobs.ts';
import type { IngestReport } from '../../process-apis/ingest/report.ts';
import { syntheticHeartRate } from './synthetic-oura.ts';

const PATIENT = 40001;
const BATCH_SIZE = 100;
const PUSH = `/ingest/v1/patients/${PATIENT}/vendors/oura/heartrate`;
const ASYNC = { Prefer: 'respond-async' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Stands between the ingest process API and the JHE system API and can make JHE fail from
 * its n-th batch upload on, or let batch uploads through one at a time.
 */
class JheBatchFaults implements Transport {
  readonly kind = 'memory';
  batches = 0;
  failFrom?: number;
  /** When set, each batch upload waits for `step()`. */
  stepping = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly inner: Transport) {}

  async send(outbound: OutboundRequest): Promise<OutboundResponse> {
    if (outbound.path.endsWith('/observations/batch')) {
      this.batches += 1;
      if (this.failFrom !== undefined && this.batches >= this.failFrom) return jheFailed();
      if (this.stepping) await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    return this.inner.send(outbound);
  }

  /** Lets the waiting batch upload, if one waits. */
  step(): void {
    this.waiting.shift()?.();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** What the JHE system API answers when JHE itself fails. */
function jheFailed(): OutboundResponse {
  return { status: 502, headers: { 'content-type': 'application/problem+json' },
    body: { type: 'https://pause.example/problems/upstream-failed', title: 'JHE failed',
      status: 502, code: 'UPSTREAM.FAILED' } };
}

interface Stack {
  app: Express;
  jhe: RunningJheSandbox;
  faults: JheBatchFaults;
  close(): Promise<void>;
}

const stacks: Stack[] = [];

/** The ingest process API over the JHE system API over a fresh JHE sandbox. */
async function startStack(): Promise<Stack> {
  const jhe = await startJheSandbox({ logger: silentLogger() });
  const system = await createJheSystemApi({
    jhe: { baseUrl: jhe.url, clientId: jhe.demo.clientId, clientSecret: jhe.demo.clientSecret,
      fhirBasePath: '/FHIR/R5', timeoutMs: 10_000 },
    logger: silentLogger(),
  });
  const faults = new JheBatchFaults(new MemoryTransport(system.api.memoryApp));
  const ingest = await createIngestApi({
    jhe: new ApiClient('jhe', '/jhe/v1', faults),
    vendors: {},
    config: { deviceIds: { oura: 70001 }, identifierSystem: 'urn:pause-gateway:data-point',
      batchSize: BATCH_SIZE },
    logger: silentLogger(),
    validateResponses: true,
  });
  const stack = { app: ingest.app, jhe, faults, close: async () => {
    await system.close();
    await jhe.close();
  } };
  stacks.push(stack);
  return stack;
}

afterEach(async () => {
  await Promise.all(stacks.splice(0).map((stack) => stack.close()));
});

/** Polls the job until it is no longer running. */
async function settled(app: Express, location: string) {
  for (;;) {
    const response = await request(app).get(location);
    expect(response.status).toBe(200);
    if (response.body.status !== 'running') return response.body;
    await sleep(20);
  }
}

const ROWS = 600;
const SKIPPED = Math.floor(ROWS / 97);
const PAYLOAD = syntheticHeartRate({ start: '2026-01-05T00:00:00Z', rows: ROWS, skipEvery: 97 });

describe('push ingest with Prefer: respond-async', () => {
  it('answers 202 with the job, and the job ends with the report the synchronous call gives',
    async () => {
      const [sync, async] = [await startStack(), await startStack()];
      const expected = await request(sync.app).post(PUSH).send(PAYLOAD);
      expect(expected.status).toBe(200);

      const accepted = await request(async.app).post(PUSH).set(ASYNC).send(PAYLOAD);

      expect(accepted.status).toBe(202);
      expect(accepted.headers['preference-applied']).toBe('respond-async');
      const location = accepted.headers.location;
      expect(location).toMatch(/^\/ingest\/v1\/ingest-jobs\//);
      const jobId = location.split('/').pop();
      expect(jobId).toMatch(UUID);
      expect(accepted.body).toEqual({ jobId, status: 'running', location });

      const job = await settled(async.app, location);
      expect(job).toMatchObject({ jobId, status: 'succeeded', patientId: PATIENT,
        vendor: 'oura', collection: 'heartrate' });
      expect(job.report).toEqual(expected.body);
      expect(job.report.summary.stored).toBe(ROWS - SKIPPED);
      expect(job.report.summary.skipped).toBe(SKIPPED);
      expect(job.progress).toEqual({ done: ROWS, total: ROWS,
        summary: expected.body.summary });
      expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));
      expect(job.problem).toBeUndefined();
      expect(async.jhe.store.observationCount()).toBe(sync.jhe.store.observationCount());
    });

  it('reads respond-async among other preferences, in any case, and ignores the rest',
    async () => {
      const { app } = await startStack();
      const small = syntheticHeartRate({ start: '2026-02-01T00:00:00Z', rows: 3 });

      const other = await request(app).post(PUSH).set('Prefer', 'return=minimal').send(small);
      const mixed = await request(app).post(PUSH).set('Prefer', 'wait=5, Respond-Async')
        .send(small);

      expect(other.status).toBe(200);
      expect(other.body.summary.stored).toBe(3);
      expect(mixed.status).toBe(202);
      expect((await settled(app, mixed.headers.location)).report.summary.duplicate).toBe(3);
    });

  it('shows the progress of a running job, chunk by chunk, then its report', async () => {
    const { app, faults } = await startStack();
    faults.stepping = true;
    const rows = 2_500;
    const accepted = await request(app).post(PUSH).set(ASYNC)
      .send(syntheticHeartRate({ start: '2026-02-02T00:00:00Z', rows }));

    // One batch upload at a time, reading the job between them.
    const running: { done: number; total: number; summary: { stored: number } }[] = [];
    let job;
    for (;;) {
      const response = await request(app).get(accepted.headers.location);
      expect(response.headers['cache-control']).toBe('no-store');
      job = response.body;
      if (job.status !== 'running') break;
      expect(job.report).toBeUndefined();
      expect(job.finishedAt).toBeUndefined();
      running.push(job.progress);
      faults.step();
      await sleep(5);
    }

    expect(job.status).toBe('succeeded');
    expect(job.report.summary.stored).toBe(rows);
    const partWay = running.filter((progress) => progress.done > 0 && progress.done < rows);
    expect(partWay.length).toBeGreaterThan(0);
    for (const progress of partWay) {
      expect(progress.total).toBe(rows);
      expect(progress.summary.stored).toBe(progress.done);
    }
    const done = running.map((progress) => progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('refuses a collection without a mapping at once, with no job', async () => {
    const { app } = await startStack();

    const response = await request(app).post(`/ingest/v1/patients/${PATIENT}/vendors/oura/steps`)
      .set(ASYNC).send(PAYLOAD);

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('CONVERTER.NOT_FOUND');
    expect(response.headers.location).toBeUndefined();
  });

  it('ends the job failed with the problem the synchronous call answers when JHE fails '
    + 'mid-way', async () => {
    const [sync, async] = [await startStack(), await startStack()];
    sync.faults.failFrom = 3;
    async.faults.failFrom = 3;
    const expected = await request(sync.app).post(PUSH).send(PAYLOAD);
    expect(expected.status).toBe(502);

    const accepted = await request(async.app).post(PUSH).set(ASYNC).send(PAYLOAD);
    expect(accepted.status).toBe(202);
    const job = await settled(async.app, accepted.headers.location);

    expect(job.status).toBe('failed');
    expect(job.report).toBeUndefined();
    const { instance: _instance, correlationId: _id, ...problem } = expected.body;
    expect(job.problem).toMatchObject({ ...problem, code: 'UPSTREAM.FAILED', status: 502 });
    expect(job.problem.correlationId).toBe(accepted.headers['x-correlation-id']);
    expect(job.progress.done).toBeLessThan(ROWS);
    // Two batches reached JHE before it failed; a resubmission stores the rest once.
    const storedBefore = async.jhe.store.observationCount();
    expect(storedBefore).toBeGreaterThan(0);
    expect(storedBefore).toBe(sync.jhe.store.observationCount());
    async.faults.failFrom = undefined;
    const again = await request(async.app).post(PUSH).set(ASYNC).send(PAYLOAD);
    const retried = await settled(async.app, again.headers.location);
    expect(retried.report.summary).toMatchObject({ duplicate: storedBefore,
      stored: ROWS - storedBefore - SKIPPED });
  });

  it('answers 404 INGEST_JOB.NOT_FOUND for a job it does not know, 400 for a bad id',
    async () => {
      const { app } = await startStack();

      const unknown = await request(app)
        .get('/ingest/v1/ingest-jobs/2b1f6f0e-8a44-4c1e-9a51-3f1f0d6f4a10');
      const malformed = await request(app).get('/ingest/v1/ingest-jobs/not-a-job');

      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('INGEST_JOB.NOT_FOUND');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('REQUEST.INVALID');
    });
});

/** A job's work that the test finishes by hand. */
function controlledWork() {
  let progress: (value: IngestProgress) => void = () => {};
  let settle: (outcome: JobOutcome) => void = () => {};
  const work = (onProgress: (value: IngestProgress) => void) => {
    progress = onProgress;
    return new Promise<JobOutcome>((resolve) => {
      settle = resolve;
    });
  };
  return { work, progress: (value: IngestProgress) => progress(value),
    finish: (outcome: JobOutcome) => settle(outcome) };
}

const TARGET = { patientId: PATIENT, vendor: 'oura', collection: 'heartrate' };
const SUMMARY = { received: 0, stored: 0, duplicate: 0, rejected: 0, skipped: 0, held: 0 };

function reportOf(items: number): IngestReport {
  return { ...TARGET, summary: { ...SUMMARY, received: items, stored: items },
    items: Array.from({ length: items }, (_, index) => ({ sourceKey: `k${index}`,
      status: 'stored' as const })) };
}

describe('the ingest job registry', () => {
  it('keeps the latest progress of a running job, then its report', async () => {
    const jobs = new IngestJobRegistry();
    const control = controlledWork();
    const job = jobs.start(TARGET, control.work);

    control.progress({ done: 40, total: 100, summary: { ...SUMMARY, received: 40, stored: 39,
      rejected: 1 } });
    expect(jobs.get(job.jobId)).toMatchObject({ status: 'running',
      progress: { done: 40, total: 100, summary: { stored: 39, rejected: 1 } } });

    control.finish({ report: reportOf(100) });
    await sleep(0);
    expect(jobs.get(job.jobId)).toMatchObject({ status: 'succeeded',
      progress: { done: 100, total: 100 }, report: { summary: { stored: 100 } } });
  });

  it('ends a job whose work rejects as failed with an opaque problem', async () => {
    const jobs = new IngestJobRegistry();
    const job = jobs.start(TARGET, () => Promise.reject(new Error('bug with detail')));
    await sleep(0);

    expect(jobs.get(job.jobId)).toMatchObject({ status: 'failed',
      problem: { status: 500, code: 'INTERNAL.UNEXPECTED' } });
    expect(JSON.stringify(jobs.get(job.jobId))).not.toContain('bug with detail');
  });

  it('drops a finished job an hour after it finished, never a running one', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const jobs = new IngestJobRegistry(
      { maxJobs: 10, keepFinishedMs: 3_600_000, maxReportChars: 1_000_000 }, () => now);
    const done = controlledWork();
    const finished = jobs.start(TARGET, done.work);
    const running = jobs.start(TARGET, controlledWork().work);
    done.finish({ report: reportOf(1) });
    await sleep(0);

    now += 3_600_000 - 1;
    expect(jobs.get(finished.jobId)?.status).toBe('succeeded');
    now += 1;
    expect(jobs.get(finished.jobId)).toBeUndefined();
    now += 10 * 3_600_000;
    expect(jobs.get(running.jobId)?.status).toBe('running');
  });

  it('makes room by dropping the oldest finished jobs, and refuses when all are running',
    async () => {
      const jobs = new IngestJobRegistry({ maxJobs: 3, keepFinishedMs: 3_600_000,
        maxReportChars: 1_000_000 });
      const first = controlledWork();
      const oldest = jobs.start(TARGET, first.work);
      const second = jobs.start(TARGET, controlledWork().work);
      const third = jobs.start(TARGET, controlledWork().work);
      first.finish({ report: reportOf(1) });
      await sleep(0);

      const fourth = jobs.start(TARGET, controlledWork().work);
      expect(jobs.get(oldest.jobId)).toBeUndefined();
      for (const job of [second, third, fourth]) expect(jobs.get(job.jobId)).toBeDefined();
      expect(() => jobs.start(TARGET, controlledWork().work))
        .toThrow(expect.objectContaining({ status: 503, code: 'INGEST_JOB.TOO_MANY' }));
    });

  it('drops the oldest finished reports when they take too much room', async () => {
    const size = JSON.stringify(reportOf(100)).length;
    const jobs = new IngestJobRegistry({ maxJobs: 10, keepFinishedMs: 3_600_000,
      maxReportChars: Math.floor(2.5 * size) });
    const works = [controlledWork(), controlledWork(), controlledWork()];
    const started = works.map((control) => jobs.start(TARGET, control.work));
    for (const control of works) control.finish({ report: reportOf(100) });
    await sleep(0);

    expect(jobs.get(started[0].jobId)).toBeUndefined();
    expect(jobs.get(started[1].jobId)?.status).toBe('succeeded');
    expect(jobs.get(started[2].jobId)?.status).toBe('succeeded');
  });
});
