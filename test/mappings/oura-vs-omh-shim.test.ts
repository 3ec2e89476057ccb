/**
 * Our Oura mappings against omh-shim 1.4 on omh-shim's own inputs. The bodies are meant to
 * differ only in the ways listed here; anything else showing up is a regression to explain.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../process-apis/ingest/drafts.ts';
import {
  asPage, dataPoints, GOLDEN_DIR, ouraInput, ouraMapping, readJson,
} from './oura-golden-kit.ts';

function omhShimExpected(name: string): Record<string, unknown> {
  return readJson(join(GOLDEN_DIR, 'omh-shim-expected', name)) as Record<string, unknown>;
}

async function ourBody(mapping: string, row: string): Promise<Record<string, unknown>> {
  const drafts = (await (await ouraMapping(mapping)).evaluate(asPage(ouraInput(row))));
  return dataPoints(drafts as Draft[])[0].body;
}

describe('Oura mappings compared with omh-shim 1.4', () => {
  it('heart rate: same reading; we keep "+00:00" and add the rest relationship', async () => {
    const ours = await ourBody('heartrate.to-omh-heart-rate',
      'omh-shim_oura_raw_heart_rate_input.json');
    const theirs = omhShimExpected('oura_raw_heart_rate_expected.json');

    expect(ours.effective_time_frame).toEqual({ date_time: '2026-04-09T03:15:00+00:00' });
    expect(theirs.effective_time_frame).toEqual({ date_time: '2026-04-09T03:15:00Z' });
    expect(ours.temporal_relationship_to_physical_activity).toBe('at rest');
    expect(theirs).not.toHaveProperty('temporal_relationship_to_physical_activity');
    expect(ours.heart_rate).toEqual(theirs.heart_rate);
  });

  it('sleep episode: same values; we keep the offsets as Oura sent them', async () => {
    const ours = await ourBody('sleep.to-omh-sleep-episode',
      'omh-shim_oura_raw_sleep_episode_input.json');
    const theirs = omhShimExpected('oura_raw_sleep_episode_expected.json');

    const { effective_time_frame: ourFrame, ...ourValues } = ours;
    const { effective_time_frame: theirFrame, ...theirValues } = theirs;
    expect(ourValues).toEqual(theirValues);
    expect(ourFrame).toEqual({ time_interval: {
      start_date_time: '2026-04-09T22:30:00+00:00', end_date_time: '2026-04-10T06:45:00+00:00',
    } });
    expect(theirFrame).toEqual({ time_interval: {
      start_date_time: '2026-04-09T22:30:00Z', end_date_time: '2026-04-10T06:45:00Z',
    } });
  });
});
