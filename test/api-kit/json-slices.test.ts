/**
 * A long report goes out in slices, byte for byte what JSON.stringify gives, through a real
 * socket (with backpressure) and through the in-memory transport.
 */
import express from 'express';
import { inject } from 'light-my-request';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasLongArray, LONG_ARRAY, sendInSlices } from '../../shared/api-kit/json-slices.ts';

const report = {
  patientId: 40001,
  vendor: 'oura',
  skipped: undefined,
  summary: { received: 12_001, stored: 12_000 },
  items: Array.from({ length: 12_001 }, (_, index) => ({ sourceKey: `heartrate:${index}`,
    status: index % 7 ? 'stored' : 'duplicate',
    note: index === 3 ? 'ünïcödé \u2028' : undefined })),
  empty: [],
};

const app = express();
app.get('/report', (_req, res) => void sendInSlices(res, report));
app.get('/short', (_req, res) => void sendInSlices(res, { items: [1, 2] }));
let server: Server;
let base: string;

beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sendInSlices', () => {
  it('sends exactly the JSON text of the body over a socket', async () => {
    const response = await request(`${base}/report`);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(await response.body.text()).toBe(JSON.stringify(report));
  });

  it('sends the same through light-my-request', async () => {
    const response = await inject(app, { method: 'GET', url: '/report' });
    expect(response.payload).toBe(JSON.stringify(report));
    expect((await inject(app, { method: 'GET', url: '/short' })).payload).toBe('{"items":[1,2]}');
  });

  it('is chosen only for an object with an array longer than the threshold', () => {
    expect(hasLongArray(report)).toBe(true);
    expect(hasLongArray({ items: new Array(LONG_ARRAY).fill(0) })).toBe(false);
    expect(hasLongArray(new Array(LONG_ARRAY + 1).fill(0))).toBe(false);
    expect(hasLongArray(null)).toBe(false);
  });
});
