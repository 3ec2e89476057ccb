/**
 * The Oura system API over a running Oura sandbox (loopback), with its connections in a
 * SQLite state file, and helpers to run the connect flow the way a browser would.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { expect } from 'vitest';
import type { Logger } from '../../shared/logging/logger.ts';
import { silentLogger } from '../../shared/logging/logger.ts';
import { createState } from '../../shared/state/create-state.ts';
import type { State } from '../../shared/state/ports.ts';
import { DEFAULT_SANDBOX_CLIENT, DEFAULT_SANDBOX_TOKEN } from '../../sandbox/oura/app.ts';
import { startOuraSandbox, type RunningOuraSandbox, type StartOuraSandboxOptions }
  from '../../sandbox/oura/server.ts';
import { createOuraSystemApi, type OuraOAuthOptions } from '../../system-apis/oura/index.ts';

export const REDIRECT_URI = 'https://pause.example/oura/callback';
export const PATIENT = 40001;

/** A movable clock, in epoch ms. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export interface OuraHarness {
  sandbox: RunningOuraSandbox;
  state: State;
  /** Base URL of the mounted Oura system API, on 127.0.0.1. */
  url: string;
  /** The system API's clock (the sandbox keeps real time unless given its own). */
  clock: Clock;
  /** `request(url)` for the API. */
  api(): ReturnType<typeof request>;
  /** The sealed-token columns of a stored connection, read straight from the SQLite file. */
  rawConnectionRow(patientId: number): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

export interface HarnessOptions {
  sandbox?: StartOuraSandboxOptions;
  /** Overrides of the OAuth settings; `null` leaves OAuth out. */
  oauth?: Partial<OuraOAuthOptions> | null;
  /** Leave the connection store out. */
  noConnections?: boolean;
  timeoutMs?: number;
  logger?: Logger;
}

/** Starts the sandbox, the state and the API; close() undoes all three. */
export async function startOuraHarness(options: HarnessOptions = {}): Promise<OuraHarness> {
  const logger = options.logger ?? silentLogger();
  const sandbox = await startOuraSandbox({ logger: silentLogger(), ...options.sandbox });
  const dir = mkdtempSync(join(tmpdir(), 'oura-test-'));
  const sqliteFile = join(dir, 'state.sqlite');
  const state = await createState({ sqliteFile, encryptionKey: randomBytes(32) });
  let at = Date.now();
  const clock: Clock = { now: () => at, advance: (ms) => { at += ms; } };

  const oura = await createOuraSystemApi({
    oura: { baseUrl: sandbox.url, accessToken: DEFAULT_SANDBOX_TOKEN,
      timeoutMs: options.timeoutMs ?? 5_000 },
    logger,
    validateResponses: true,
    connections: options.noConnections ? undefined : state.connections,
    oauth: options.oauth === null ? undefined : {
      ...DEFAULT_SANDBOX_CLIENT,
      authorizeUrl: `${sandbox.url}/oauth/authorize`,
      tokenUrl: `${sandbox.url}/oauth/token`,
      revokeUrl: `${sandbox.url}/oauth/revoke`,
      redirectUri: REDIRECT_URI,
      ...options.oauth,
    },
    now: clock.now,
  });
  const server = oura.api.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    sandbox, state, url, clock,
    api: () => request(url),
    rawConnectionRow: (patientId) => readRawRow(sqliteFile, patientId),
    close: async () => {
      await closeServer(server);
      await oura.close();
      await sandbox.close();
      await state.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What Oura sent back to the redirect URI. */
export interface RedirectParams {
  code?: string;
  state?: string;
  error?: string;
}

/** Starts the flow and follows the authorize URL as a browser would, up to the redirect. */
export async function authorize(harness: OuraHarness, patientId = PATIENT,
  body?: object, extraQuery: Record<string, string> = {}): Promise<RedirectParams> {
  const started = await harness.api()
    .post(`/oura/v1/patients/${patientId}/connection/authorization`).send(body ?? {});
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const url = new URL(started.body.authorizeUrl);
  for (const [name, value] of Object.entries(extraQuery)) url.searchParams.set(name, value);
  const consent = await fetch(url, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const back = new URL(consent.headers.get('location') as string);
  expect(back.origin + back.pathname).toBe(REDIRECT_URI);
  return Object.fromEntries(back.searchParams) as RedirectParams;
}

/** Runs the whole connect flow and returns the callback's answer. */
export async function connect(harness: OuraHarness, patientId = PATIENT, body?: object) {
  const params = await authorize(harness, patientId, body);
  const callback = await harness.api().post('/oura/v1/oauth/callback').send(params);
  expect(callback.status, JSON.stringify(callback.body)).toBe(200);
  return callback;
}

/** The patient's stored tokens, read through the store's contract. */
export async function storedTokens(harness: OuraHarness, patientId = PATIENT) {
  const connection = await harness.state.connections.get(String(patientId), 'oura');
  if (!connection) throw new Error(`no stored connection for ${patientId}`);
  return connection.tokens;
}

function readRawRow(file: string, patientId: number): Record<string, unknown> | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM vendor_connections WHERE patient_id = ? AND vendor = ?')
      .get(String(patientId), 'oura') as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
