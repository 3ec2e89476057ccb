/**
 * Issue 5, keep-alive faults on uploads: a batch whose answer is lost after JHE stored it is
 * sent again, because its identifiers make that safe, and JHE's per-entry 409s on the second
 * copy count as stored, not as duplicates of an earlier ingest. JHE holds each identifier
 * once. Both hops are covered: the JHE system API to JHE (the JHE sandbox), and the ingest
 * process API's upload to the JHE system API.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newContext } from '../../shared/api-kit/request-context.ts';
import { ApiClient } from '../../shared/http/api-client.ts';
import { HttpTransport } from '../../shared/http/transport.ts';
import { silentLogger } from '../../shared/logging/logger.ts';
import { createJheSandbox, type JheSandbox } from '../../sandbox/jhe/app.ts';
import { createJheSystemApi, type JheSystemApi } from '../../system-apis/jhe/index.ts';
import { uploadInBatches, type PendingUpload } from '../../process-apis/ingest/upload.ts';
import { heldPerIdentifier } from '../jhe/held-per-identifier.ts';
import { startLosingProxy, type LosingProxy } from './losing-proxy.ts';

const OMH = 'https://w3id.org/openmhealth';
const SYSTEM = 'urn:pause-test:resend';
const PATIENT = 40001;

/** A heart-rate Observation JHE accepts, identified by `value`. */
function observation(value: string, minute: number) {
  const at = `2026-03-01T08:${String(minute).padStart(2, '0')}:00Z`;
  const point = {
    header: { uuid: value, schema_id: { namespace: 'omh', name: 'heart-rate', version: '2.0' },
      source_creation_date_time: at, modality: 'sensed' },
    body: { heart_rate: { value: 60 + minute, unit: 'beats/min' },
      effective_time_frame: { date_time: at } },
  };
  return {
    resourceType: 'Observation', status: 'final',
    identifier: [{ system: SYSTEM, value }],
    code: { coding: [{ system: OMH, code: 'omh:heart-rate:2.0' }] },
    subject: { reference: `Patient/${PATIENT}` },
    device: { reference: 'Device/70001' },
    valueAttachment: { contentType: 'application/json',
      data: Buffer.from(JSON.stringify(point), 'ascii').toString('base64') },
  };
}

const observations = (count: number) => Array.from({ length: count },
  (_, minute) => observation(randomUUID(), minute));

const valueOf = (o: { identifier: { value: string }[] }) => o.identifier[0].value;

let sandbox: JheSandbox;
let jheServer: Server;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  sandbox = createJheSandbox({ logger: silentLogger() });
  jheServer = createServer(sandbox.app);
  await listen(jheServer);
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  jheServer.closeAllConnections();
  await new Promise<void>((resolve) => jheServer.close(() => resolve()));
  sandbox.close();
});

/**
 * The JHE system API, reaching the sandbox through a proxy that loses the answer to the first
 * batch when `losesFirstBatch`, and no answer otherwise.
 */
async function systemApi(losesFirstBatch: boolean)
  : Promise<{ api: JheSystemApi; proxy: LosingProxy }> {
  const proxy = await startLosingProxy(origin(jheServer),
    (method, url) => losesFirstBatch && method === 'POST' && url === '/FHIR/R5/');
  closers.push(proxy.close);
  const api = await createJheSystemApi({
    jhe: { baseUrl: proxy.url, clientId: sandbox.demo.clientId,
      clientSecret: sandbox.demo.clientSecret, fhirBasePath: '/FHIR/R5', timeoutMs: 10_000 },
    logger: silentLogger(),
    validateResponses: true,
  });
  closers.push(api.close);
  return { api, proxy };
}

describe('a batch upload whose answer is lost after JHE stored it', () => {
  it('is resent by the JHE system API and reports every entry created', async () => {
    const { api, proxy } = await systemApi(true);
    const batch = observations(5);

    const response = await request(api.api.app).post('/jhe/v1/observations/batch')
      .send({ observations: batch }).expect(200);

    expect(proxy.relayed.filter((r) => r.url === '/FHIR/R5/')
      .map((r) => [r.status, r.lost])).toEqual([[200, true], [200, false]]);
    expect(response.body.results).toEqual(batch.map((o) => ({
      identifier: { system: SYSTEM, value: valueOf(o) },
      outcome: 'created', httpStatus: 409, resent: true,
    })));
    const held = await heldPerIdentifier(api.api.app, PATIENT, SYSTEM);
    expect(batch.map((o) => held.get(valueOf(o)))).toEqual(batch.map(() => 1));
  });

  it('still reports a true duplicate as a duplicate when nothing was resent', async () => {
    const { api } = await systemApi(false);
    const batch = observations(2);
    await request(api.api.app).post('/jhe/v1/observations/batch')
      .send({ observations: batch }).expect(200);

    const again = await request(api.api.app).post('/jhe/v1/observations/batch')
      .send({ observations: batch }).expect(200);

    expect(again.body.results.map((r: { outcome: string; resent?: boolean }) =>
      [r.outcome, r.resent])).toEqual([['duplicate', undefined], ['duplicate', undefined]]);
  });

  it('is resent by the ingest upload when the answer of the JHE system API is lost, and its '
    + 'items count as stored', async () => {
    // Only the process tier's call is lost here; the JHE system API answers honestly.
    const { api } = await systemApi(false);
    const systemServer = createServer(api.api.app);
    await listen(systemServer);
    closers.push(() => closeServer(systemServer));
    const proxy = await startLosingProxy(origin(systemServer),
      (method, url) => method === 'POST' && url === '/jhe/v1/observations/batch');
    closers.push(proxy.close);
    const client = new ApiClient('jhe', '/jhe/v1', new HttpTransport(proxy.url), 10_000);
    closers.push(() => client.close());
    const batch = observations(4);
    const pending: PendingUpload[] = batch.map((o) => ({ observation: o,
      item: { sourceKey: valueOf(o), identifier: valueOf(o), status: 'rejected' } }));

    await uploadInBatches(client, newContext(), pending, 10);

    expect(proxy.relayed.map((r) => [r.url, r.lost])).toEqual([
      ['/jhe/v1/observations/batch', true], ['/jhe/v1/observations/batch', false]]);
    for (const { item } of pending) {
      expect(item).toMatchObject({ status: 'stored', reason: expect.stringMatching(/lost/) });
      expect(item.observationId).toBeUndefined();
    }
    const held = await heldPerIdentifier(api.api.app, PATIENT, SYSTEM);
    expect(batch.map((o) => held.get(valueOf(o)))).toEqual(batch.map(() => 1));
  });
});

function origin(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
