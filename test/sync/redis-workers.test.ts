/**
 * Issue 5: two worker processes on the Redis adapter poll the same accounts without double
 * work: each scheduled poll runs once, each vendor window is fetched once, and JHE holds
 * every Observation once.
 */
import { afterEach, expect, it } from 'vitest';
import { PATIENT, startSyncGateway, waitFor, type SyncGateway } from './harness.ts';
import { control } from './sandbox-control.ts';

let gateway: SyncGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

interface LoggedRequest {
  path: string;
  query: Record<string, string>;
}

it('two Redis workers share the polls and do nothing twice', async () => {
  gateway = await startSyncGateway({ redis: true, env: { SYNC_CONCURRENCY: '2' } });
  await control(gateway.oura.url, 'DELETE', '/requests');
  gateway.spawnWorker();
  gateway.spawnWorker();

  const statuses = await waitFor('every data type synced', async () => {
    const all = await gateway!.state.syncStatus.list({ patientId: PATIENT });
    return all.length === 9 && all.every((status) => status.lastSuccessAt) ? all : undefined;
  }, 120_000);

  for (const status of statuses) expect(status.consecutiveFailures).toBe(0);
  const identifiers = gateway.identifiers();
  expect(new Set(identifiers).size).toBe(identifiers.length);
  expect(identifiers.length).toBe(statuses.reduce((sum, s) => sum + s.counts.stored, 0));

  // Each collection's windows tile the look-back once: a second poll of a data type would
  // ask again from its watermark, inside a window already fetched.
  const { requests } = await control(gateway.oura.url, 'GET', '/requests') as
    { requests: LoggedRequest[] };
  const firstPages = requests.filter((logged) => !logged.query.next_token);
  expect(new Set(firstPages.map((logged) => logged.path)).size).toBe(6);
  for (const path of new Set(firstPages.map((logged) => logged.path))) {
    const windows = firstPages.filter((logged) => logged.path === path).map(span)
      .sort((a, b) => a.start - b.start);
    for (let index = 1; index < windows.length; index += 1) {
      expect(windows[index].start, path).toBeGreaterThanOrEqual(windows[index - 1].end);
    }
  }
}, 180_000);

function span(logged: LoggedRequest) {
  const { query } = logged;
  return { start: Date.parse(query.start_datetime ?? query.start_date),
    end: Date.parse(query.end_datetime ?? query.end_date) };
}
