/**
 * The yardstick: one Express 5 hop that forwards the Pause timeline read straight to the JHE
 * sandbox's FHIR search over an undici Pool, with a bearer token fetched once at start, and
 * returns JHE's body untouched. No contract, no validation, no mapping: what one plain HTTP
 * hop in front of JHE costs. It also answers a static JSON at `/static`, the ceiling of an
 * Express server on this machine.
 *
 * Environment: JHE_URL, JHE_CLIENT_ID, JHE_CLIENT_SECRET. Prints one JSON line with its URL.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Pool } from 'undici';
import { heartRateSearch } from './fhir-search.ts';
import { fetchJheToken } from './jhe-token.ts';

const STATIC_BODY = { status: 'ok', note: 'static answer, no upstream' };

const jhe = new Pool(requiredEnv('JHE_URL'), { connections: 32, pipelining: 1 });
const token = await fetchJheToken(jhe, requiredEnv('JHE_CLIENT_ID'),
  requiredEnv('JHE_CLIENT_SECRET'));
const app = express();
app.disable('x-powered-by');

app.get('/static', (_req, res) => {
  res.json(STATIC_BODY);
});

app.get('/pause/v1/patients/:patientId/timeline', async (req, res) => {
  const upstream = await jhe.request({
    method: 'GET',
    path: `/FHIR/R5/Observation?${heartRateSearch(req.params.patientId,
      String(req.query.start), String(req.query.end))}`,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  const body = await upstream.body.text();
  res.status(upstream.statusCode).type(String(upstream.headers['content-type'] ?? 'json'))
    .send(body);
});

const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ ready: 'hop', url: `http://127.0.0.1:${port}` })}\n`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => jhe.close().finally(() => process.exit(0)));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}
