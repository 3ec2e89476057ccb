/**
 * One page of an OW list route in OW's `PaginatedResponse` shape: the selected rows in
 * order, `has_more` and an opaque `next_cursor` while rows remain, and the window's total.
 */
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor.ts';
import { owInstant } from './ow-time.ts';
import type { Entry } from './sample-data.ts';

/** What a request selected, once its parameters have been read and checked. */
export interface Selection {
  keep: (entry: Entry) => boolean;
  order: 'asc' | 'desc';
  /** The caller's `limit`. */
  limit: number;
  cursor?: string;
  /** The window as OW echoes it in `metadata`, epoch ms. */
  window: { start: number; end: number };
}

/** OW's list envelope. */
export interface PaginatedResponse {
  data: Record<string, unknown>[];
  pagination: {
    next_cursor: string | null;
    previous_cursor: string | null;
    has_more: boolean;
    total_count: number;
  };
  metadata: {
    resolution: string | null;
    sample_count: number;
    start_time: string;
    end_time: string;
  };
}

/**
 * The page `selection` asks for, at most `pageSize` rows whatever the `limit`.
 * @throws OwSandboxError 400 when the cursor is not one this sandbox issued.
 */
export function pageOf(entries: readonly Entry[], selection: Selection,
  pageSize: number): PaginatedResponse {
  const ordered = selection.order === 'asc' ? entries : [...entries].reverse();
  const matching = ordered.filter(selection.keep);
  const from = selection.cursor === undefined ? 0
    : firstAfter(matching, decodeCursor(selection.cursor), selection.order);
  const page = matching.slice(from, from + Math.min(selection.limit, pageSize));
  const hasMore = from + page.length < matching.length;
  const last = page.at(-1);
  return {
    data: page.map((entry) => entry.item),
    pagination: {
      next_cursor: hasMore && last ? encodeCursor({ at: last.at, row: last.index }) : null,
      // Backward paging is not imitated; the layer only walks forward.
      previous_cursor: null,
      has_more: hasMore,
      total_count: matching.length,
    },
    metadata: {
      resolution: null,
      sample_count: page.length,
      start_time: owInstant(selection.window.start),
      end_time: owInstant(selection.window.end),
    },
  };
}

/** Position of the first row after the cursor's row, in the listing's order. */
function firstAfter(matching: readonly Entry[], cursor: CursorPosition,
  order: Selection['order']): number {
  const sign = order === 'asc' ? 1 : -1;
  const index = matching.findIndex((entry) =>
    sign * (entry.at - cursor.at || entry.index - cursor.row) > 0);
  return index === -1 ? matching.length : index;
}
