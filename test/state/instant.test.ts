/** Instants compared as points in time, to the nanosecond, offsets included. */
import { describe, expect, it } from 'vitest';
import { compareInstants, instantNanos } from '../../shared/state/index.ts';

describe('instants', () => {
  it('reads offsets as hours and minutes', () => {
    expect(instantNanos('2024-05-01T06:30:00+05:00')).toBe(instantNanos('2024-05-01T01:30:00Z'));
    expect(instantNanos('2024-05-01T00:00:00-03:30')).toBe(instantNanos('2024-05-01T03:30:00Z'));
  });

  it('keeps fraction digits past the millisecond', () => {
    const a = '2024-05-01T00:00:04.94756Z';
    expect(instantNanos(a) - instantNanos('2024-05-01T00:00:04Z')).toBe(947_560_000n);
    expect(compareInstants(a, '2024-05-01T00:00:04.947Z')).toBe(1);
  });

  it('orders by time, not by text', () => {
    expect(compareInstants('2024-05-01T06:30:00+05:00', '2024-05-01T02:00:00Z')).toBe(-1);
    expect(compareInstants('2024-05-01T07:00:00+05:00', '2024-05-01T02:00:00Z')).toBe(0);
  });

  it('rejects text without an offset, and dates that do not exist', () => {
    expect(() => instantNanos('2024-05-01T06:30:00')).toThrow(RangeError);
    expect(() => instantNanos('2024-02-30T00:00:00Z')).toThrow(/real date/);
    expect(() => instantNanos('2024-05-01T00:00:00+24:00')).toThrow(/offset/);
  });
});
