/**
 * The JHE sandbox's `/_sandbox` control API, driven over HTTP as a test in another process
 * would drive it: the batch endpoint answering 503 or hanging for N calls, and the log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../shared/logging/logger.ts';
import { startJheSandbox, type RunningJheSandbox } from '../../sandbox/jhe/server.ts';
import { observation } from '../contract/jhe-sandbox-helpers.ts';
import { sandboxControl } from './sandbox-control.ts';

const EMPTY_BATCH = { resourceType: 'Bundle', type: 'batch', entry: [] };

let jhe: RunningJheSandbox;
let token: string;

beforeAll(async () => {
  jhe = await startJheSandbox({ logger: silentLogger() });
  const basic = Buffer.from(`${jhe.demo.clientId}:${jhe.demo.clientSecret}`).toString('base64');
  const response = await fetch(`${jhe.url}/o/token/`, { method: 'POST',
    headers: { authorization: `Basic ${basic}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }) });
  token = ((await response.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await jhe.close();
});

beforeEach(async () => {
  expect((await control('DELETE', '/faults')).status).toBe(204);
  expect((await control('DELETE', '/requests')).status).toBe(204);
});

const control = sandboxControl(() => jhe.url);

function batch(signal?: AbortSignal, bundle: unknown = EMPTY_BATCH) {
  return fetch(`${jhe.url}/FHIR/R5/`, { method: 'POST', signal,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(bundle) });
}

function search() {
  return fetch(`${jhe.url}/FHIR/R5/Observation?patient=40001`,
    { headers: { authorization: `Bearer ${token}` } });
}

describe('JHE sandbox control: faults over HTTP', () => {
  it('answers the batch endpoint 503 for N calls while reads keep working', async () => {
    const injected = await control('POST', '/faults',
      { path: '/FHIR/R5/', method: 'post', status: 503, retryAfterSeconds: 1, times: 2 });
    expect(injected.status).toBe(201);

    expect((await search()).status).toBe(200);
    const refused = await batch();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.text()).toContain('<h1>503 Service Unavailable</h1>');
    expect((await batch()).status).toBe(503);

    const served = await batch();
    expect(served.status).toBe(200);
    expect((await served.json()).type).toBe('batch-response');
    expect((await control('GET', '/faults')).body).toEqual({ faults: [] });
  });

  it('answers Django\'s 500 page and DRF\'s JSON refusals', async () => {
    await control('POST', '/faults', [
      { pathContains: '/Observation', status: 500 },
      { pathContains: '/Observation', status: 429, detail: 'Request was throttled.' },
    ]);
    const crashed = await search();
    expect(crashed.status).toBe(500);
    expect(await crashed.text()).toBe('<h1>Server Error (500)</h1>');
    const throttled = await search();
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toEqual({ detail: 'Request was throttled.' });
    expect((await search()).status).toBe(200);
  });

  it('with a delay and no status, stores the upload but answers too late for the caller',
    async () => {
      const identifier = [{ system: 'https://gateway.example.org/omh-uuid', value: 'late-1' }];
      const upload = { resourceType: 'Bundle', type: 'batch', entry: [{
        resource: observation({ identifier }), request: { method: 'POST', url: 'Observation' },
      }] };
      const before = jhe.store.observationCount();
      await control('POST', '/faults', { path: '/FHIR/R5/', method: 'POST', delayMs: 1_500 });

      await expect(batch(AbortSignal.timeout(100), upload)).rejects.toThrow();
      // Handled as it arrived; waiting only covers a machine slower than the caller's timeout.
      await vi.waitFor(() => expect(jhe.store.observationCount()).toBe(before + 1));
      const retry = await batch(undefined, upload);
      expect(retry.status).toBe(200);
      expect((await retry.json()).entry[0].response.status).toBe('409 Conflict');
    });

  it('with a delay and a status, answers the error late and stores nothing', async () => {
    const before = jhe.store.observationCount();
    await control('POST', '/faults', { path: '/FHIR/R5/', status: 504, delayMs: 1_500 });
    await expect(batch(AbortSignal.timeout(100))).rejects.toThrow();
    expect(jhe.store.observationCount()).toBe(before);
    expect((await batch()).status).toBe(200);
  });

  it('refuses a malformed fault with a 400 that names the problem', async () => {
    expect(await control('POST', '/faults', { method: 'POST', times: 2 }))
      .toEqual({ status: 400, body: { detail: 'A fault needs a status, a delayMs, or both' } });
    expect((await control('POST', '/faults', { path: '', status: 503 })).body)
      .toEqual({ detail: 'Fault field "path" must be a non-empty string' });
    expect((await control('POST', '/faults', { status: 503, delay: 10 })).body)
      .toEqual({ detail: 'Unknown fault field "delay"' });
    expect((await control('GET', '/faults')).body).toEqual({ faults: [] });
  });
});

describe('JHE sandbox control: request log over HTTP', () => {
  it('counts the calls by path and method, failed ones included', async () => {
    await control('POST', '/faults', { path: '/FHIR/R5/', status: 502 });
    await batch();
    await batch();
    await search();

    const batches = await control('GET', '/requests?path=/FHIR/R5/&method=post');
    expect(batches.body.requests).toEqual([
      { method: 'POST', path: '/FHIR/R5/', status: 502 },
      { method: 'POST', path: '/FHIR/R5/', status: 200 },
    ]);
    expect((await control('GET', '/requests')).body.requests).toHaveLength(3);
    expect(jhe.requests.entries).toHaveLength(3);
  });
});
