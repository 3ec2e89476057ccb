/**
 * Issue 5: two ingests of the same payload at the same moment, as two replicas of the gateway
 * would run them, leave exactly one Observation per identifier in JHE. Each replica has its
 * own ingest process API and JHE system API (own connection pool, own token); both reach one
 * JHE sandbox. A gate in front of the sandbox lets batches in only in pairs, one from each
 * replica, so the two uploads are certainly at JHE together, batch after batch.
 */
import {
  createServer, type IncomingMessage, type Server, type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryTransport } from '../../shared/http/transport.ts';
import { ApiClient } from '../../shared/http/api-client.ts';
import type { MountedApi } from '../../shared/api-kit/mount-api.ts';
import { silentLogger } from '../../shared/logging/logger.ts';
import { createJheSandbox, type JheSandbox } from '../../sandbox/jhe/app.ts';
import { createJheSystemApi, type JheSystemApi } from '../../system-apis/jhe/index.ts';
import { createIngestApi } from '../../process-apis/ingest/index.ts';
import { heldPerIdentifier } from '../jhe/held-per-identifier.ts';

const PATIENT = 40001;
const SYSTEM = 'urn:pause-test:concurrent';
const ROWS = 120;
const BATCH_SIZE = 10;
const REPLICAS = 2;

/** Synthetic Oura heart rate, one row every 5 minutes. */
function heartRatePage() {
  const start = Date.parse('2026-02-01T00:00:00Z');
  const data = Array.from({ length: ROWS }, (_, n) => {
    const at = start + n * 5 * 60_000;
    return { bpm: 55 + (n % 30), source: 'awake',
      timestamp: new Date(at).toISOString().replace('.000Z', '+00:00'), timestamp_unix: at };
  });
  return { data, next_token: null };
}

interface Replica {
  jhe: JheSystemApi;
  ingest: MountedApi;
}

interface Item {
  identifier?: string;
  status: string;
}

let sandbox: JheSandbox;
let jheServer: Server;
let gate: BatchGate;
const replicas: Replica[] = [];

beforeAll(async () => {
  sandbox = createJheSandbox({ logger: silentLogger() });
  gate = new BatchGate(REPLICAS);
  jheServer = createServer((req, res) => gate.pass(req, res, () => sandbox.app(req, res)));
  await listen(jheServer);
  for (let n = 0; n < REPLICAS; n += 1) replicas.push(await startReplica(origin(jheServer)));
});

afterAll(async () => {
  for (const replica of replicas) await replica.jhe.close();
  jheServer.closeAllConnections();
  await new Promise<void>((resolve) => jheServer.close(() => resolve()));
  sandbox.close();
});

async function startReplica(jheUrl: string): Promise<Replica> {
  const logger = silentLogger();
  const jhe = await createJheSystemApi({
    jhe: { baseUrl: jheUrl, clientId: sandbox.demo.clientId,
      clientSecret: sandbox.demo.clientSecret, fhirBasePath: '/FHIR/R5', timeoutMs: 10_000 },
    logger, validateResponses: true,
  });
  const ingest = await createIngestApi({
    jhe: new ApiClient('jhe', '/jhe/v1', new MemoryTransport(jhe.api.memoryApp)),
    vendors: {},
    config: { deviceIds: { oura: sandbox.demo.dataSourceId }, identifierSystem: SYSTEM,
      batchSize: BATCH_SIZE },
    logger, validateResponses: true,
  });
  return { jhe, ingest };
}

describe('two replicas ingesting the same payload at the same moment', () => {
  it('leave one Observation per identifier, each stored by one report and duplicate in the '
    + 'other', async () => {
    const payload = heartRatePage();
    const responses = await Promise.all(replicas.map((replica) => request(replica.ingest.app)
      .post(`/ingest/v1/patients/${PATIENT}/vendors/oura/heartrate`).send(payload)));

    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(gate.rounds).toBe(ROWS / BATCH_SIZE);
    const reports: Item[][] = responses.map((r) => r.body.items);
    const identifiers = reports[0].map((item) => item.identifier);
    expect(new Set(identifiers).size).toBe(ROWS);
    expect(reports[1].map((item) => item.identifier)).toEqual(identifiers);

    const fates = identifiers.map((_, n) => reports.map((items) => items[n].status).sort());
    expect(fates).toEqual(identifiers.map(() => ['duplicate', 'stored']));

    // The gate hands wins to both replicas, so both reports mix stored and duplicate items.
    for (const items of reports) {
      expect(new Set(items.map((item) => item.status))).toEqual(new Set(['stored',
        'duplicate']));
    }

    const held = await heldPerIdentifier(replicas[0].jhe.api.app, PATIENT, SYSTEM);
    expect(identifiers.map((identifier) => held.get(identifier!))).toEqual(
      identifiers.map(() => 1));
    expect(held.size).toBe(ROWS);
  });
});

interface Held {
  next: () => void;
  answered: Promise<void>;
}

/**
 * Pairs up batch requests: each waits at JHE's door for one from the other replica. JHE then
 * takes the pair one after the other, as a database takes two conflicting inserts, in
 * arrival order on even rounds and reversed on odd ones, so that each replica wins some
 * races and loses others. Other requests pass straight away.
 */
class BatchGate {
  rounds = 0;
  private waiting: Held[] = [];

  constructor(private readonly size: number) {}

  pass(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    if (req.method !== 'POST' || req.url !== '/FHIR/R5/') return next();
    const answered = new Promise<void>((resolve) => res.once('close', () => resolve()));
    this.waiting.push({ next, answered });
    if (this.waiting.length < this.size) return;
    const pair = this.waiting.splice(0);
    if (this.rounds % 2 === 1) pair.reverse();
    this.rounds += 1;
    void inTurn(pair);
  }
}

async function inTurn(pair: Held[]): Promise<void> {
  for (const held of pair) {
    held.next();
    await held.answered;
  }
}

function origin(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}
