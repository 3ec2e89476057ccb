/**
 * The golden cases of the issue-4 mappings: which mapping runs on which vendor payload and
 * which hand-checked file holds its exact expected output (all under `test/golden/<vendor>/`).
 */
import type { Vendor } from './golden-kit.ts';

export interface GoldenCase {
  vendor: Vendor;
  mapping: string;
  input: string;
  expected: string;
  /** The input is one vendor record rather than a page. */
  single?: boolean;
}

export const CASES: GoldenCase[] = [
  ['sleep.to-omh-heart-rate', 'input/constructed_sleep_response.json',
    'sleep.constructed-response.to-omh-heart-rate.json'],
  ['sleep.to-pause-heart-rate-variability', 'input/constructed_sleep_response.json',
    'sleep.constructed-response.to-pause-heart-rate-variability.json'],
  ['daily_spo2.to-omh-oxygen-saturation', 'input/constructed_daily_spo2_response.json',
    'daily_spo2.constructed-response.to-omh-oxygen-saturation.json'],
  ['daily_activity.to-omh-step-count', 'input/constructed_daily_activity_response.json',
    'daily_activity.constructed-response.to-omh-step-count.json'],
  ['daily_activity.to-omh-physical-activity', 'input/constructed_daily_activity_response.json',
    'daily_activity.constructed-response.to-omh-physical-activity.json'],
  ['daily_readiness.to-pause-skin-temperature', 'input/constructed_daily_readiness_response.json',
    'daily_readiness.constructed-response.to-pause-skin-temperature.json'],
  ['workout.to-omh-physical-activity', 'input/jupyterhealth-omh-shim_oura_raw_workout_input.json',
    'workout.omh-shim-single-row.to-omh-physical-activity.json', true],
].map(([mapping, input, expected, single]) => ({
  vendor: 'oura', mapping, input, expected, single,
} as GoldenCase)).concat([
  ...['omh-heart-rate', 'omh-oxygen-saturation', 'omh-step-count',
    'pause-heart-rate-variability', 'pause-skin-temperature'].map((target) => ({
    vendor: 'open-wearables' as const,
    mapping: `timeseries.to-${target}`,
    input: 'input/constructed_timeseries_response.json',
    expected: `timeseries.constructed-response.to-${target}.json`,
  })),
  {
    vendor: 'open-wearables',
    mapping: 'timeseries.to-omh-none',
    input: 'cases/constructed_timeseries_unused-series.json',
    expected: 'timeseries.constructed-unused-series.to-omh-none.json',
  },
  ...['omh-step-count', 'omh-physical-activity'].map((target) => ({
    vendor: 'open-wearables' as const,
    mapping: `summaries_activity.to-${target}`,
    input: 'input/constructed_summaries_activity_response.json',
    expected: `summaries_activity.constructed-response.to-${target}.json`,
  })),
  ...['omh-sleep-duration', 'omh-sleep-episode'].flatMap((target) => [{
    vendor: 'open-wearables' as const,
    mapping: `events_sleep.to-${target}`,
    input: 'input/constructed_events_sleep_response.json',
    expected: `events_sleep.constructed-response.to-${target}.json`,
  }, {
    vendor: 'open-wearables' as const,
    mapping: `events_sleep.to-${target}`,
    input: 'input/jupyterhealth-omh-shim_ow_sleep_episode_input.json',
    expected: `events_sleep.omh-shim-single-session.to-${target}.json`,
    single: true,
  }]),
  ...['omh-heart-rate', 'omh-oxygen-saturation', 'omh-step-count', 'omh-sleep-duration',
    'omh-sleep-episode', 'pause-heart-rate-variability', 'omh-none'].map((target) => ({
    vendor: 'apple-health' as const,
    mapping: `sync_request.to-${target}`,
    input: 'input/constructed_ow-sdk-sync-request_apple.json',
    expected: `sync_request.constructed-upload.to-${target}.json`,
  })),
  ...['omh-physical-activity', 'omh-sleep-duration', 'omh-sleep-episode',
    'pause-skin-temperature'].map((target) => ({
    vendor: 'apple-health' as const,
    mapping: `sync_request.to-${target}`,
    input: 'cases/constructed_sync-request_workouts-wrist-temperature-two-nights.json',
    expected: `sync_request.constructed-two-nights.to-${target}.json`,
  })),
]);
