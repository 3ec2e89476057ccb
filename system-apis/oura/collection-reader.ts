/**
 * Reads a whole requested window of one collection: split into windows Oura accepts, each
 * read to its last page, in order, joined.
 */
import type { Logger } from '../../shared/logging/logger.ts';
import { WINDOW_RULES, type OuraCollection } from './collections.ts';
import type { Credentials, OuraClient, OuraPage } from './oura-client.ts';
import { joinWindows } from './window-join.ts';
import { splitWindow } from './windows.ts';

/** Every row, as one Oura-shaped page, and how many repeats were dropped. */
export interface CollectionResult {
  page: OuraPage & { next_token: null };
  dropped: number;
}

/**
 * Reads `collection` from `start` to `end` (the collection's own parameters).
 * @throws ApiError `REQUEST.INVALID` for an unreadable or reversed window; Oura's errors.
 */
export async function readCollection(
  client: OuraClient,
  collection: OuraCollection,
  bounds: { start: string; end: string },
  credentials: Credentials,
  log: Logger,
): Promise<CollectionResult> {
  const rule = WINDOW_RULES[collection];
  const windows: OuraPage['data'][] = [];
  // One window at a time: Oura's rate limit is per token, and order must be kept anyway.
  for (const window of splitWindow(rule, bounds.start, bounds.end)) {
    const query = { [rule.startParam]: window.start, [rule.endParam]: window.end };
    windows.push(await client.collect(collection, query, credentials));
  }
  const joined = joinWindows(windows);
  if (joined.dropped > 0) {
    log.warn({ collection, windows: windows.length, dropped: joined.dropped },
      'Oura returned rows again in a later window; the repeats were dropped');
  }
  return { page: { data: joined.rows, next_token: null }, dropped: joined.dropped };
}
