import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors/problem.ts';
import type { OutboundRequest, OutboundResponse, Transport } from '../../shared/http/transport.ts';
import { DEFAULT_SANDBOX_TOKEN } from '../../sandbox/oura/app.ts';
import type { DailyDocument, HeartRateRow } from '../../sandbox/oura/sample-data.ts';
import { WINDOW_RULES } from '../../system-apis/oura/collections.ts';
import { OuraClient } from '../../system-apis/oura/oura-client.ts';
import { joinWindows } from '../../system-apis/oura/window-join.ts';
import { splitWindow } from '../../system-apis/oura/windows.ts';
import { connect, PATIENT, startOuraHarness, type OuraHarness } from './harness.ts';

const DAY_MS = 86_400_000;
const START = '2026-01-01T00:00:00+00:00';
const END = '2026-02-15T00:00:00+00:00';
const PAGE_SIZE = 7;

/** A heart-rate row every six hours from two days before START to two days after END. */
function heartRateRows(): HeartRateRow[] {
  const rows: HeartRateRow[] = [];
  for (let at = Date.parse(START) - 2 * DAY_MS; at <= Date.parse(END) + 2 * DAY_MS;
    at += 6 * 3_600_000) {
    rows.push({ bpm: 50 + (rows.length % 40), source: 'rest',
      timestamp: new Date(at).toISOString().replace('.000Z', '+00:00'), timestamp_unix: at });
  }
  return rows;
}

/** One sleep document per day, 2025-12-25 to 2026-02-20. */
function sleepDocuments(): DailyDocument[] {
  const docs: DailyDocument[] = [];
  for (let at = Date.parse('2025-12-25'); at <= Date.parse('2026-02-20'); at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    docs.push({ id: `sleep-${day}`, day, type: 'long_sleep' });
  }
  return docs;
}

const inRange = (row: HeartRateRow, endInclusive = false) => {
  const at = Date.parse(row.timestamp);
  return at >= Date.parse(START) && (endInclusive ? at <= Date.parse(END) : at < Date.parse(END));
};

let harness: OuraHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a 45-day heart-rate request (issue 4)', () => {
  it('is split into windows Oura accepts and follows every next_token until it is absent; '
    + 'nothing is fetched twice and nothing is skipped', async () => {
    const rows = heartRateRows();
    harness = await startOuraHarness({
      sandbox: { data: { heartrate: rows }, pageSize: PAGE_SIZE },
    });
    await connect(harness);
    harness.sandbox.requests.clear();

    const answer = await harness.api().get(`/oura/v1/patients/${PATIENT}/heartrate`)
      .query({ start_datetime: START, end_datetime: END });

    // The rows: every row in [START, END), once each, in order.
    expect(answer.status).toBe(200);
    expect(answer.headers['pause-overlap-dropped']).toBeUndefined();
    const expected = rows.filter((row) => inRange(row));
    expect(expected).toHaveLength(45 * 4);
    expect(answer.body).toEqual({ data: expected, next_token: null });

    // The requests: two windows Oura accepts, sharing their bound, each paged to the end.
    const log = harness.sandbox.requests.forPath('/v2/usercollection/heartrate');
    expect(log.every((entry) => entry.status === 200)).toBe(true);
    const windows = [...new Set(log.map((entry) =>
      `${entry.query.start_datetime} ${entry.query.end_datetime}`))];
    expect(windows).toEqual([
      `${START} 2026-01-31T00:00:00+00:00`,
      `2026-01-31T00:00:00+00:00 ${END}`,
    ]);
    for (const window of windows) {
      const [from, to] = window.split(' ');
      expect(Date.parse(to) - Date.parse(from)).toBeLessThanOrEqual(30 * DAY_MS);
      const requests = log.filter((entry) => entry.query.start_datetime === from);
      const rowsInWindow = rows.filter((row) => Date.parse(row.timestamp) >= Date.parse(from)
        && Date.parse(row.timestamp) < Date.parse(to)).length;
      // One request per page: the first without a token, then one per next_token, no more.
      expect(requests).toHaveLength(Math.ceil(rowsInWindow / PAGE_SIZE));
      expect(requests[0].query.next_token).toBeUndefined();
      expect(requests.slice(1).every((entry) => entry.query.next_token)).toBe(true);
    }
    const sent = log.map((entry) => JSON.stringify(entry.query));
    expect(new Set(sent).size).toBe(sent.length);
    // Oura would refuse the window unsplit.
    const whole = await fetch(`${harness.sandbox.url}/v2/usercollection/heartrate?`
      + new URLSearchParams({ start_datetime: START, end_datetime: END }),
    { headers: { authorization: `Bearer ${DEFAULT_SANDBOX_TOKEN}` } });
    expect(whole.status).toBe(400);
  });

  it('splits the same way for the unscoped listHeartRate', async () => {
    const rows = heartRateRows();
    harness = await startOuraHarness({ sandbox: { data: { heartrate: rows }, pageSize: 50 } });

    const answer = await harness.api().get('/oura/v1/heartrate')
      .query({ start_datetime: START, end_datetime: END });

    expect(answer.body.data).toEqual(rows.filter((row) => inRange(row)));
    expect(harness.sandbox.requests.forPath('/heartrate').map((entry) => entry.query.end_datetime))
      .toContain('2026-01-31T00:00:00+00:00');
  });
});

describe('day-based windows', () => {
  it('split a 45-day sleep range at 30 days, with date bounds', async () => {
    const docs = sleepDocuments();
    harness = await startOuraHarness({ sandbox: { data: { sleep: docs }, pageSize: 4 } });
    await connect(harness);
    harness.sandbox.requests.clear();

    const answer = await harness.api().get(`/oura/v1/patients/${PATIENT}/sleep`)
      .query({ start_date: '2026-01-01', end_date: '2026-02-15' });

    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual(docs.filter((doc) =>
      doc.day >= '2026-01-01' && doc.day < '2026-02-15'));
    const windows = new Set(harness.sandbox.requests.forPath('/sleep')
      .map((entry) => `${entry.query.start_date} ${entry.query.end_date}`));
    expect([...windows]).toEqual(['2026-01-01 2026-01-31', '2026-01-31 2026-02-15']);
  });
});

describe('rows an API returns again at a window bound', () => {
  it('are dropped once each, and counted in Pause-Overlap-Dropped', async () => {
    const rows = heartRateRows();
    harness = await startOuraHarness({
      sandbox: { data: { heartrate: rows }, pageSize: PAGE_SIZE, endInclusive: true },
    });

    const answer = await harness.api().get('/oura/v1/heartrate')
      .query({ start_datetime: START, end_datetime: END });

    expect(answer.status).toBe(200);
    expect(answer.headers['pause-overlap-dropped']).toBe('1');
    expect(answer.body.data).toEqual(rows.filter((row) => inRange(row, true)));
  });

  it('passes rows that are not objects (a vendor null) on for the mapping to report', () => {
    const row = { bpm: 61, timestamp: '2024-03-01T00:00:00+00:00' };
    const joined = joinWindows([[null, row] as never[], [null, 'x'] as never[]]);
    expect(joined).toEqual({ rows: [null, row, 'x'], dropped: 1 });
  });

  it('keeps repeats within one window (Oura\'s own data)', () => {
    const row = { bpm: 60, timestamp: '2026-03-10T16:34:00+00:00' };
    const next = { bpm: 61, timestamp: '2026-03-10T16:39:00+00:00' };

    expect(joinWindows([[row, row], [row, next]])).toEqual({ rows: [row, row, next], dropped: 1 });
    expect(joinWindows([[{ id: 'a', v: 1 }], [{ id: 'a', v: 2 }]]).dropped).toBe(1);
  });
});

describe('splitWindow', () => {
  const instant = WINDOW_RULES.heartrate;

  it('keeps the caller\'s bounds and writes the bounds between in the start\'s offset', () => {
    expect(splitWindow(instant, '2026-01-01T05:30:00+05:30', '2026-03-15T00:00:00Z')).toEqual([
      { start: '2026-01-01T05:30:00+05:30', end: '2026-01-31T05:30:00+05:30' },
      { start: '2026-01-31T05:30:00+05:30', end: '2026-03-02T05:30:00+05:30' },
      { start: '2026-03-02T05:30:00+05:30', end: '2026-03-15T00:00:00Z' },
    ]);
  });

  it('sends a window of exactly 30 days, or an empty one, as it is', () => {
    expect(splitWindow(instant, '2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z')).toHaveLength(1);
    expect(splitWindow(instant, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toEqual([
      { start: '2026-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
    ]);
    expect(splitWindow(instant, '2026-01-01T00:00:00Z', '2026-01-31T00:00:00.001Z'))
      .toHaveLength(2);
  });

  it('keeps milliseconds in the bounds between', () => {
    expect(splitWindow(instant, '2026-01-01T00:00:00.250-07:00', '2026-02-15T00:00:00Z')[0].end)
      .toBe('2026-01-31T00:00:00.250-07:00');
  });

  it('splits date ranges on dates', () => {
    expect(splitWindow(WINDOW_RULES.sleep, '2025-12-20', '2026-03-01')).toEqual([
      { start: '2025-12-20', end: '2026-01-19' },
      { start: '2026-01-19', end: '2026-02-18' },
      { start: '2026-02-18', end: '2026-03-01' },
    ]);
  });

  it('refuses a reversed or unreadable window with the field\'s pointer', () => {
    const reversed = () => splitWindow(instant, '2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z');
    const noOffset = () => splitWindow(instant, '2026-01-01T00:00:00', '2026-01-02T00:00:00Z');

    expect(reversed).toThrow(ApiError);
    expect(reversed).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID',
      errors: [{ pointer: '/query/end_datetime', detail: expect.any(String) }] }));
    expect(noOffset).toThrow(expect.objectContaining({
      errors: [{ pointer: '/query/start_datetime', detail: expect.any(String) }] }));
  });

  it('is refused by the API with 400 REQUEST.INVALID', async () => {
    harness = await startOuraHarness();

    const answer = await harness.api().get('/oura/v1/sleep')
      .query({ start_date: '2026-03-11', end_date: '2026-03-10' });

    expect([answer.status, answer.body.code]).toEqual([400, 'REQUEST.INVALID']);
  });
});

describe('OuraClient paging', () => {
  it('stops with OURA.PAGING_RUNAWAY when Oura hands out the same next_token twice', async () => {
    const sent: OutboundRequest[] = [];
    const transport: Transport = {
      kind: 'http',
      send: async (request): Promise<OutboundResponse> => {
        sent.push(request);
        const body = { data: [{ n: sent.length }], next_token: 'same' };
        return { status: 200, headers: {}, body };
      },
      close: async () => {},
    };
    const credentials = { token: async () => 't', refused: async () => false };

    const reading = new OuraClient(transport, 1000).collect('heartrate', {}, credentials);

    await expect(reading).rejects.toMatchObject({ code: 'OURA.PAGING_RUNAWAY', status: 502 });
    expect(sent).toHaveLength(2);
  });
});
