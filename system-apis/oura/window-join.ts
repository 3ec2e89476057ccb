/**
 * Joins the rows of consecutive windows. Our windows are half-open and share their bounds,
 * so no row should come back twice; but Oura does not document whether its end bounds are
 * exclusive (a readiness document stamped at midnight sits exactly on a date bound). A row
 * that a later window returns again is therefore dropped and counted, never silently: the
 * caller reports the count. Rows repeated within one window are Oura's data and are kept.
 */
import type { OuraRow } from './oura-client.ts';

/** The joined rows and how many were dropped as repeats of an earlier window. */
export interface JoinedWindows {
  rows: OuraRow[];
  dropped: number;
}

/** Concatenates the windows in order, dropping rows an earlier window already returned. */
export function joinWindows(windows: readonly OuraRow[][]): JoinedWindows {
  const rows: OuraRow[] = [];
  const earlier = new Set<string>();
  let dropped = 0;
  for (const window of windows) {
    const keys = window.map(identity);
    window.forEach((row, i) => {
      if (earlier.has(keys[i])) dropped += 1;
      else rows.push(row);
    });
    for (const key of keys) earlier.add(key);
  }
  return { rows, dropped };
}

/**
 * A document's `id`, or for id-less rows (heart rate) the whole row. A row that is not an
 * object at all (a vendor's `null`) is kept as it is, for the mapping to report.
 */
function identity(row: OuraRow): string {
  const id = typeof row === 'object' && row !== null ? row.id : undefined;
  return typeof id === 'string' ? `id:${id}` : `row:${JSON.stringify(row)}`;
}
