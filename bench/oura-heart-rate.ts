/**
 * What the ingest benchmark feeds the layer: invented Oura heart-rate pages (one row every
 * five minutes, as Oura writes them, no real person's data), and a plain TypeScript mapping
 * of the same fields to the same drafts as `heartrate.to-omh-heart-rate.jsonata`, as the
 * yardstick for what the JSONata mapping costs.
 */
import type { Draft } from '../process-apis/ingest/drafts.ts';

export interface OuraHeartRateRow {
  bpm: number;
  source: string;
  timestamp: string;
}

const FIVE_MINUTES_MS = 300_000;
/** A year of 5-minute rows. */
export const ONE_YEAR_ROWS = 365 * 24 * 12;
const SOURCES = ['awake', 'rest', 'sleep', 'workout', 'live'];

/**
 * `rows` rows from `start`. `timestamp_unix` is left out (the mapping does not read it): a
 * year of rows then stays under the API's 10 MB body limit.
 */
export function heartRatePage(start: string, rows: number): { data: OuraHeartRateRow[] } {
  const startMs = Date.parse(start);
  const data = Array.from({ length: rows }, (_, index) => ({
    bpm: 48 + ((index * 7) % 90),
    source: SOURCES[index % SOURCES.length],
    timestamp: new Date(startMs + index * FIVE_MINUTES_MS).toISOString()
      .replace('.000Z', '+00:00'),
  }));
  return { data };
}

/** The Oura heart-rate mapping's rules, written by hand. */
export function referenceMapping(page: { data: unknown[] }): Draft[] {
  return page.data.map((row) => referenceDraft(row as Partial<OuraHeartRateRow>));
}

function referenceDraft(row: Partial<OuraHeartRateRow>): Draft {
  const { timestamp, bpm, source } = row;
  if (typeof timestamp !== 'string' || timestamp.length === 0) {
    return { sourceKey: 'heartrate:(no timestamp)', skip: 'The row has no timestamp' };
  }
  const sourceKey = `heartrate:${timestamp}`;
  if (typeof bpm !== 'number') return { sourceKey, skip: 'The row has no numeric bpm' };
  if (bpm < 25 || bpm > 250) {
    return { sourceKey, skip: `Heart rate ${bpm} is outside 25-250 beats/min` };
  }
  const body: Record<string, unknown> = {
    heart_rate: { value: bpm, unit: 'beats/min' },
    effective_time_frame: { date_time: timestamp },
  };
  const activity = source === 'workout' ? 'during exercise' : source === 'rest' ? 'at rest'
    : undefined;
  if (activity) body.temporal_relationship_to_physical_activity = activity;
  return { schema: 'omh:heart-rate:2.0', sourceKey, body };
}
