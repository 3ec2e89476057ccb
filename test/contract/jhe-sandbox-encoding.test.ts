/**
 * The Python- and Postgres-compatible pieces the JHE sandbox relies on: re-encoding of
 * stored OMH JSON (§3.5), base64 decoding (§4.1.7), effective time derivation (§4.5), and
 * the running server (dev start-up).
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.ts';
import { pythonB64Decode } from '../../sandbox/jhe/base64-python.ts';
import { deriveEffectiveTime } from '../../sandbox/jhe/effective-time.ts';
import { formatUtc } from '../../sandbox/jhe/iso-time.ts';
import { reencodeLikeJhe } from '../../sandbox/jhe/python-json.ts';
import { startJheSandbox } from '../../sandbox/jhe/server.ts';

const frame = (effective_time_frame: unknown) => ({ body: { effective_time_frame } });

const period = (omh: unknown) => {
  const time = deriveEffectiveTime(omh);
  return [time.periodStart, time.periodEnd].map((micros) =>
    (micros === null ? null : formatUtc(micros)));
};

describe('JHE sandbox: re-encoding stored JSON (§3.5)', () => {
  it('§3.5 keys sort by byte length, then bytewise, at every depth', () => {
    const text = '{"header":{"zz":1,"b":2,"aaa":3},"body":{"list":[{"yy":1,"x":2}]}}';

    expect(reencodeLikeJhe(text))
      .toBe('{"body": {"list": [{"x": 2, "yy": 1}]}, "header": {"b": 2, "zz": 1, "aaa": 3}}');
  });

  it('§3.5 numbers come back as Python reads jsonb: 62.0 stays a float, 1e2 becomes 100', () => {
    expect(reencodeLikeJhe('{"a":62.0,"b":1e2,"c":1.50e1,"d":0.000001,"e":-0}'))
      .toBe('{"a": 62.0, "b": 100, "c": 15.0, "d": 1e-06, "e": 0}');
  });

  it('§3.5 non-ASCII is escaped as \\uXXXX, astral characters as surrogate pairs', () => {
    expect(reencodeLikeJhe('{"name":"\\u00e9\\ud83d\\ude00\\u007f","tab":"a\\tb"}'))
      .toBe('{"tab": "a\\tb", "name": "\\u00e9\\ud83d\\ude00\\u007f"}');
  });
});

describe('JHE sandbox: base64 as Python decodes it (§4.1.7)', () => {
  it('§4.1.7 stray characters are skipped and a full pad ends the data', () => {
    expect(pythonB64Decode('Y W\nJj')?.toString()).toBe('abc');
    expect(pythonB64Decode('YWJjZA==trailing')?.toString()).toBe('abcd');
  });

  it('§4.1.7 a missing pad or a dangling character is an error, unlike Node\'s decoder', () => {
    expect(pythonB64Decode('YQ')).toBeUndefined();
    expect(pythonB64Decode('YWJjZ')).toBeUndefined();
    expect(Buffer.from('YQ', 'base64').toString()).toBe('a');
  });
});

describe('JHE sandbox: effective time (§4.5)', () => {
  it('§4.5 date_time becomes effectiveDateTime in UTC; no offset means UTC', () => {
    const withOffset = deriveEffectiveTime(frame({ date_time: '2025-01-01T00:04:00-08:00' }));
    const naive = deriveEffectiveTime(frame({ date_time: '2025-01-01T00:04:00.5' }));

    expect(formatUtc(withOffset.dateTime!)).toBe('2025-01-01T08:04:00Z');
    expect(formatUtc(naive.dateTime!)).toBe('2025-01-01T00:04:00.500000Z');
  });

  it('§4.5 start and end, start plus duration, end plus duration give a period', () => {
    expect(period(frame({ time_interval: { start_date_time: '2025-03-01T22:00:00Z',
      end_date_time: '2025-03-02T06:00:00Z' } })))
      .toEqual(['2025-03-01T22:00:00Z', '2025-03-02T06:00:00Z']);
    expect(period(frame({ time_interval: { start_date_time: '2025-03-01T22:00:00Z',
      duration: { value: 90, unit: 'min' } } })))
      .toEqual(['2025-03-01T22:00:00Z', '2025-03-01T23:30:00Z']);
    expect(period(frame({ time_interval: { end_date_time: '2025-03-02T00:00:00Z',
      duration: { value: 1, unit: 'wk' } } })))
      .toEqual(['2025-02-23T00:00:00Z', '2025-03-02T00:00:00Z']);
  });

  it('§4.5 calendar months clamp the day in the value\'s own offset', () => {
    expect(period(frame({ time_interval: { start_date_time: '2025-01-31T23:00:00-08:00',
      duration: { value: 1, unit: 'Mo' } } })))
      .toEqual(['2025-02-01T07:00:00Z', '2025-03-01T07:00:00Z']);
  });

  it('§4.5 date plus part_of_day is a UTC window', () => {
    expect(period(frame({ time_interval: { date: '2025-03-01', part_of_day: 'evening' } })))
      .toEqual(['2025-03-01T18:00:00Z', '2025-03-02T00:00:00Z']);
  });

  it('§4.5 an unrecognised shape gives no effective time', () => {
    expect(deriveEffectiveTime(frame({ time_interval: { duration: { value: 1, unit: 'h' } } })))
      .toEqual({ dateTime: null, periodStart: null, periodEnd: null });
    expect(deriveEffectiveTime(frame({ date_time: 'soon' })).dateTime).toBeNull();
  });
});

describe('JHE sandbox: running server', () => {
  it('listens on 127.0.0.1 and warns loudly that it is a sandbox', async () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const sandbox = await startJheSandbox({ logger: createLogger({ level: 'warn', destination }) });
    try {
      const health = await fetch(`${sandbox.url}/health`);

      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await health.json()).toEqual({ status: 'ok', version: 'v0.0.13' });
      expect(lines.some((line) => line.level === 40 && line.msg.includes('JHE SANDBOX')
        && line.msg.includes('NOT JupyterHealth Exchange'))).toBe(true);
      expect(sandbox.store.observationCount()).toBe(0);
    } finally {
      await sandbox.close();
    }
  });
});
