/**
 * Synthetic Oura heart-rate pages for volume tests: invented rows, one every five minutes
 * from a start instant, written as Oura writes them (`+00:00`). Every `skipEvery`-th row
 * has a bpm no human has, so the mapping skips it: a large file then has items that are
 * neither stored nor duplicate, as real files do.
 */
export interface SyntheticHeartRate {
  /** ISO 8601 instant of the first row, in UTC. */
  start: string;
  rows: number;
  /** Every n-th row (1-based) is out of range; none when absent. */
  skipEvery?: number;
}

export interface OuraHeartRatePage {
  data: { bpm: number; source: string; timestamp: string; timestamp_unix: number }[];
  next_token: null;
}

const FIVE_MINUTES_MS = 5 * 60 * 1000;

export function syntheticHeartRate(series: SyntheticHeartRate): OuraHeartRatePage {
  const startMs = Date.parse(series.start);
  const data = Array.from({ length: series.rows }, (_, index) => {
    const at = startMs + index * FIVE_MINUTES_MS;
    const outOfRange = series.skipEvery !== undefined && (index + 1) % series.skipEvery === 0;
    return { bpm: outOfRange ? 300 : 55 + (index % 50), source: index % 3 ? 'awake' : 'rest',
      timestamp: new Date(at).toISOString().replace('.000Z', '+00:00'), timestamp_unix: at };
  });
  return { data, next_token: null };
}
