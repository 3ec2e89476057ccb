/**
 * Reads the query and path parameters of OW's read routes with FastAPI's manners: every
 * failed parameter is collected and the request is refused once, with a 422 listing them
 * all; a parameter given twice counts with its last value, and unknown ones are ignored.
 */
import type { Request } from 'express';
import { parseOwTime } from './ow-time.ts';
import { OwValidationError, type ValidationIssue } from './sandbox-error.ts';

/**
 * The series types the sandbox accepts in `types`: those of OW's `SeriesType` that the
 * reference lists (§3.4, §3.5), a subset of OW's own list.
 */
export const SERIES_TYPES: ReadonlySet<string> = new Set([
  'heart_rate', 'resting_heart_rate', 'walking_heart_rate_average',
  'heart_rate_variability_sdnn', 'heart_rate_variability_rmssd', 'oxygen_saturation',
  'respiratory_rate', 'breathing_disturbance_index', 'steps', 'energy', 'basal_energy',
  'distance_walking_running', 'body_temperature', 'skin_temperature',
  'skin_temperature_deviation', 'skin_temperature_trend_deviation', 'garmin_skin_temperature',
  'height', 'weight',
]);

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const SORT_ORDER = '^(asc|desc)$';

/** Collects the issues of one request while its parameters are read. */
export class ParamReader {
  private readonly issues: ValidationIssue[] = [];

  constructor(private readonly req: Request) {}

  /** The `user_id` path parameter in OW's canonical (lower-case, hyphenated) form. */
  userId(): string {
    const raw = String(this.req.params.user_id);
    if (UUID.test(raw)) return canonicalUuid(raw);
    this.issues.push({ type: 'uuid_parsing', loc: ['path', 'user_id'],
      msg: 'Input should be a valid UUID', input: raw });
    return '';
  }

  /** A required time parameter as epoch ms (NaN when it failed). */
  time(name: string): number {
    const raw = this.last(name);
    if (raw === undefined) return this.missing(name);
    const value = parseOwTime(raw);
    if (value !== undefined) return value;
    this.issues.push({ type: 'value_error', loc: ['query', name], input: raw,
      msg: 'Value error, expected an ISO 8601 date-time, a date or Unix seconds' });
    return Number.NaN;
  }

  /** `limit`, an integer from 1 to `max`, 50 when absent. */
  limit(max: number): number {
    const raw = this.last('limit');
    if (raw === undefined) return 50;
    if (!/^[+-]?\d+$/.test(raw.trim())) {
      return this.fail('int_parsing', 'limit', raw,
        'Input should be a valid integer, unable to parse string as an integer', 0);
    }
    const value = Number(raw);
    if (value < 1) return this.bound('greater_than_equal', raw, { ge: 1 }, 0);
    if (value > max) return this.bound('less_than_equal', raw, { le: max }, 0);
    return value;
  }

  /** Every `types` value (the parameter repeats); empty means all series. */
  seriesTypes(): string[] {
    const values = this.all('types');
    values.forEach((value, index) => {
      if (SERIES_TYPES.has(value)) return;
      this.issues.push({ type: 'enum', loc: ['query', 'types', index], input: value,
        msg: 'Input should be one of the series types Open Wearables knows' });
    });
    return values;
  }

  /** `sort_order`, `asc` unless `desc` is asked for. */
  sortOrder(): 'asc' | 'desc' {
    const raw = this.last('sort_order') ?? 'asc';
    if (raw === 'asc' || raw === 'desc') return raw;
    this.issues.push({ type: 'string_pattern_mismatch', loc: ['query', 'sort_order'],
      input: raw, msg: `String should match pattern '${SORT_ORDER}'`,
      ctx: { pattern: SORT_ORDER } });
    return 'asc';
  }

  /** The `cursor`, when given. */
  cursor(): string | undefined {
    return this.last('cursor');
  }

  /** @throws OwValidationError when any parameter read so far failed. */
  done(): void {
    if (this.issues.length > 0) throw new OwValidationError(this.issues);
  }

  private all(name: string): string[] {
    const raw = this.req.query[name];
    if (raw === undefined) return [];
    return (Array.isArray(raw) ? raw : [raw]).map(String);
  }

  private last(name: string): string | undefined {
    return this.all(name).at(-1);
  }

  private missing(name: string): number {
    this.issues.push({ type: 'missing', loc: ['query', name], msg: 'Field required',
      input: null });
    return Number.NaN;
  }

  private bound(type: string, raw: string, ctx: Record<string, number>, fallback: number) {
    const [[word, limit]] = Object.entries(ctx);
    const relation = word === 'ge' ? 'greater than or equal to' : 'less than or equal to';
    this.issues.push({ type, loc: ['query', 'limit'], input: raw, ctx,
      msg: `Input should be ${relation} ${limit}` });
    return fallback;
  }

  private fail(type: string, name: string, raw: string, msg: string, fallback: number) {
    this.issues.push({ type, loc: ['query', name], input: raw, msg });
    return fallback;
  }
}

/** A user id in OW's canonical form, or undefined when it is not a UUID. */
export function canonicalUserId(raw: string): string | undefined {
  return UUID.test(raw) ? canonicalUuid(raw) : undefined;
}

function canonicalUuid(raw: string): string {
  const hex = raw.replace(/-/g, '').toLowerCase();
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
    hex.slice(20)].join('-');
}
