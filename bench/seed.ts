/**
 * Before anything is measured: store the Oura heart-rate sample through the gateway, then
 * read every target once and check it answers 200 with the seeded rows, so that a fast
 * number can never come from an empty or failing read.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';
import { PROJECT_ROOT } from '../shared/paths.ts';
import { PATIENT, SEEDED_ROWS, type Target } from './targets.ts';

const SAMPLE = join(PROJECT_ROOT, 'sandbox/oura/data/constructed_heartrate_response.json');

/** POSTs the sample to the Pause backend API. @throws Error unless 20 rows were stored. */
export async function seedHeartRate(gatewayUrl: string): Promise<void> {
  const response = await request(
    `${gatewayUrl}/pause/v1/patients/${PATIENT}/wearables/oura/heartrate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: await readFile(SAMPLE, 'utf8'),
    });
  const text = await response.body.text();
  const stored = (JSON.parse(text) as { summary?: { stored?: number } }).summary?.stored;
  if (response.statusCode !== 200 || stored !== SEEDED_ROWS) {
    throw new Error(`seeding failed: HTTP ${response.statusCode}, stored ${stored} of `
      + `${SEEDED_ROWS} rows: ${text.slice(0, 300)}`);
  }
}

/** Reads the target once. @throws Error unless it answers 200 with the seeded rows. */
export async function checkTarget(target: Target): Promise<void> {
  const response = await request(target.origin + target.path, { headers: target.headers });
  const text = await response.body.text();
  const rows = response.statusCode === 200 ? target.rowsIn(JSON.parse(text)) : undefined;
  if (rows !== SEEDED_ROWS) {
    throw new Error(`${target.label}: expected 200 with ${SEEDED_ROWS} rows, got HTTP `
      + `${response.statusCode} with ${rows} rows: ${text.slice(0, 300)}`);
  }
}
