/**
 * What is measured: the Pause timeline read through each layout and through the yardstick
 * hop, and, to see where the time goes, each piece on its own. Every target reads the same
 * 20 heart-rate rows of patient 40001 for 2026-03-10 (UTC), except the static baseline.
 */
import { HEART_RATE_SCHEMA, heartRateSearch } from './fhir-search.ts';
import type { LoadTarget } from './load.ts';
import type { Service, Stack } from './stack.ts';

export const PATIENT = 40001;
const START = '2026-03-10T00:00:00Z';
const END = '2026-03-11T00:00:00Z';
/** How many rows the seed stores and every read must return. */
export const SEEDED_ROWS = 20;

export type TargetKey = 'hop' | 'single' | 'perTier' | 'static' | 'jhe' | 'systemApi' | 'bundle';

export interface Target extends LoadTarget {
  key: TargetKey;
  label: string;
  /** Processes in front of JHE that serve this target (none when JHE is called directly). */
  frontPids: number[];
  /** Whether the JHE sandbox does work for this target. */
  usesJhe: boolean;
  /** How many rows an answer holds, to check the reads really return the seeded data. */
  rowsIn(body: unknown): number | undefined;
}

/** The three measurements the ratios come from, in the order they alternate. */
export const HEADLINE: TargetKey[] = ['hop', 'single', 'perTier'];
/** The pieces, measured after the headline ones in every round. */
export const PIECES: TargetKey[] = ['static', 'jhe', 'systemApi', 'bundle'];

export function targetsFor(stack: Stack, jheToken: string): Record<TargetKey, Target> {
  const timeline = `/pause/v1/patients/${PATIENT}/timeline?${query({ start: START, end: END,
    type: 'heart-rate' })}`;
  const readings = lengthAt('readings');
  const bundleRows = lengthAt('entry');
  const on = (service: Service, jhe = true) => ({ origin: service.url,
    frontPids: service.pids, usesJhe: jhe });
  const search = `/FHIR/R5/Observation?${heartRateSearch(PATIENT, START, END)}`;
  return {
    hop: { key: 'hop', label: 'single hop: Express 5 + undici Pool', ...on(stack.hop),
      path: timeline, rowsIn: bundleRows },
    single: { key: 'single', label: 'Pause timeline, default layout', ...on(stack.singleProcess),
      path: timeline, rowsIn: readings },
    perTier: { key: 'perTier', label: 'Pause timeline, process per tier', ...on(stack.perTier),
      path: timeline, rowsIn: readings },
    static: { key: 'static', label: '(a) static JSON, plain Express', ...on(stack.hop, false),
      path: '/static', rowsIn: () => SEEDED_ROWS },
    jhe: { key: 'jhe', label: 'JHE sandbox FHIR search, direct', origin: stack.jhe.url,
      frontPids: [], usesJhe: true, path: search,
      headers: { authorization: `Bearer ${jheToken}` }, rowsIn: bundleRows },
    systemApi: { key: 'systemApi', label: '(c) JHE system API, direct',
      ...on(stack.singleProcess), rowsIn: lengthAt('observations'),
      path: `/jhe/v1/observations?${query({ patient: String(PATIENT), code: HEART_RATE_SCHEMA,
        date: [`ge${START}`, `lt${END}`] })}` },
    bundle: { key: 'bundle', label: '(b) patient-bundle API, direct',
      ...on(stack.singleProcess), rowsIn: lengthAt('entries'),
      path: `/patient-bundle/v1/patients/${PATIENT}/timeline?${query({ start: START, end: END,
        schema: HEART_RATE_SCHEMA })}` },
  };
}

/** How many items the array at `key` of a JSON answer holds. */
function lengthAt(key: string): (body: unknown) => number | undefined {
  return (body) => {
    const value = (body as Record<string, unknown> | null)?.[key];
    return Array.isArray(value) ? value.length : undefined;
  };
}

/**
 * A percent-encoded query string, as any HTTP client sends it: the contracts do not allow
 * reserved characters (the colons of an instant) raw in query values.
 */
function query(params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of [value].flat()) search.append(key, item);
  }
  return search.toString();
}
