/**
 * The Oura API v2 collections this API reads (`/v2/usercollection/<name>`), and how each
 * one's window is named and split. The collections are those the mappings in `mappings/`
 * convert.
 *
 * Window limits:
 * - heartrate: at most 30 days per request, the limit Open Wearables cites for Oura when it
 *   chunks heart-rate pulls. Oura's own documentation as read for this project states no
 *   number, so the limit is unverified (shared/reference/wearables-omh.md, section 4.2).
 * - the day-based collections: Oura documents no limit. We split at 30 days too, by choice:
 *   one rule for every collection keeps the requests predictable, and a month of daily
 *   documents fits a page or two, so a slow or refused request costs little to repeat.
 */

/** A collection route below `/v2/usercollection/`. */
export type OuraCollection =
  | 'heartrate' | 'sleep' | 'daily_spo2' | 'daily_activity' | 'daily_readiness' | 'workout';

/** How a collection's window is given to Oura, and the longest window sent at once. */
export interface WindowRule {
  /** Instants with an offset, or local calendar dates. */
  kind: 'instant' | 'date';
  startParam: string;
  endParam: string;
  maxDays: number;
}

const INSTANT_WINDOW: WindowRule = {
  kind: 'instant', startParam: 'start_datetime', endParam: 'end_datetime', maxDays: 30,
};

const DATE_WINDOW: WindowRule = {
  kind: 'date', startParam: 'start_date', endParam: 'end_date', maxDays: 30,
};

/** The window rule of each collection. */
export const WINDOW_RULES: Record<OuraCollection, WindowRule> = {
  heartrate: INSTANT_WINDOW,
  sleep: DATE_WINDOW,
  daily_spo2: DATE_WINDOW,
  daily_activity: DATE_WINDOW,
  daily_readiness: DATE_WINDOW,
  workout: DATE_WINDOW,
};
