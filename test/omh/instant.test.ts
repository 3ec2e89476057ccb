import { describe, expect, it } from 'vitest';
import { isPlaceableInstant } from '../../shared/omh/instant.ts';

describe('instants a data point may carry', () => {
  it.each([
    '2024-05-01T06:30:00+05:00', '2024-05-01T01:30:00Z', '2026-03-10T06:22:04.94756-07:00',
    '2024-02-29T23:59:59+14:00', '0001-01-01T00:00:00Z', '2026-01-01T00:00:00+05:45',
  ])('accepts %s', (text) => {
    expect(isPlaceableInstant(text)).toBe(true);
  });

  it.each([
    ['no offset', '2024-05-01T06:30:00'],
    ['lowercase separators', '2026-07-01t10:00:00z'],
    ['a space for T', '2026-07-01 10:00:00+00:00'],
    ['an offset without its colon', '2026-07-01T10:00:00+0545'],
    ['a leap second', '2026-06-30T23:59:60Z'],
    ['year zero', '0000-01-01T00:00:00Z'],
    ['February 30', '2026-02-30T00:00:00Z'],
    ['February 29 of a common year', '2023-02-29T00:00:00Z'],
    ['hour 24', '2026-03-10T24:00:00Z'],
    ['an offset of a day', '2026-03-10T10:00:00+24:00'],
    ['a date only', '2026-03-10'],
  ])('refuses %s', (_why, text) => {
    expect(isPlaceableInstant(text)).toBe(false);
  });
});
