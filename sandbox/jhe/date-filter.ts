/**
 * The two date search parameters of JHE's mapped Observation store (reference §3.3):
 * `date` on COALESCE(effectiveDateTime, effectivePeriod.start), and `_lastUpdated` on the
 * ingest time. Prefixes are ge/le/gt/lt only; repeated parameters AND together; all
 * calendar days are UTC (JHE's default TIME_ZONE).
 */
import {
  isParseFailure, parseIsoDate, parseIsoDateTime, utcDay, type ParseFailure,
} from './iso-time.ts';
import type { ObservationRow } from './model.ts';
import { FhirError } from './outcome.ts';
import { drfValidationText } from './python-repr.ts';

type Comparator = 'ge' | 'le' | 'gt' | 'lt' | 'eq';

/** A test on one row. */
export type RowTest = (row: ObservationRow) => boolean;

/** The time `date` compares: the effective instant, else the period start. */
export function effectiveSortKey(row: ObservationRow): number | null {
  return row.effective.dateTime ?? row.effective.periodStart;
}

/**
 * `date=[prefix]value`. Ten characters or fewer compare whole UTC days; longer values
 * compare instants. Rows without an effective time never match.
 */
export function dateTests(rawValues: string[]): RowTest[] {
  return rawValues.map((raw) => {
    const { comparator, value } = splitPrefix(raw);
    const invalid = `Invalid date value: '${raw}'.`;
    if (value.length <= 10) {
      const day = orFail(parseIsoDate(value.slice(0, 10)), invalid);
      return (row) => matches(effectiveSortKey(row), comparator, day, utcDay);
    }
    const instant = orFail(parseIsoDateTime(value), invalid);
    return (row) => matches(effectiveSortKey(row), comparator, instant.micros);
  });
}

/**
 * `_lastUpdated=[prefix]value`. A date-time with a prefix compares instants; without one
 * it means the written calendar day. A bare date compares days.
 */
export function lastUpdatedTests(rawValues: string[]): RowTest[] {
  return rawValues.map((raw) => {
    const { comparator, value } = splitPrefix(raw);
    const invalid = `Invalid _lastUpdated value: '${raw}'.`;
    const instant = parseIsoDateTime(value);
    if (!isParseFailure(instant)) {
      if (comparator !== 'eq') {
        return (row) => matches(row.lastUpdated, comparator, instant.micros);
      }
      return (row) => utcDay(row.lastUpdated) === instant.writtenDay;
    }
    if ('outOfRange' in instant) throw new FhirError(422, instant.outOfRange);
    const day = orFail(parseIsoDate(value), invalid);
    return (row) => matches(row.lastUpdated, comparator, day, utcDay);
  });
}

function splitPrefix(raw: string): { comparator: Comparator; value: string } {
  const prefix = raw.slice(0, 2);
  if (prefix === 'ge' || prefix === 'le' || prefix === 'gt' || prefix === 'lt') {
    return { comparator: prefix, value: raw.slice(2) };
  }
  return { comparator: 'eq', value: raw };
}

/**
 * Unwraps a parse result. Malformed text is JHE's DRF 400; a well-formed but impossible
 * date escapes Django as a ValueError, which JHE's FHIR view reports as 422.
 */
function orFail<T>(parsed: T | ParseFailure, invalidMessage: string): T {
  if (!isParseFailure(parsed)) return parsed;
  if ('outOfRange' in parsed) throw new FhirError(422, parsed.outOfRange);
  throw new FhirError(400, drfValidationText(invalidMessage));
}

function matches(
  micros: number | null, comparator: Comparator, bound: number,
  project: (micros: number) => number = (value) => value,
): boolean {
  // SQL comparisons with NULL are never true.
  if (micros === null) return false;
  const value = project(micros);
  switch (comparator) {
    case 'ge': return value >= bound;
    case 'le': return value <= bound;
    case 'gt': return value > bound;
    case 'lt': return value < bound;
    default: return value === bound;
  }
}
