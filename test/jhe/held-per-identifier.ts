/** What JHE holds, counted per identifier of ours: the "exactly once" check of upload tests. */
import type { Express } from 'express';
import request from 'supertest';

/**
 * How many Observations JHE holds per identifier value under `system`, found by searching
 * through the JHE system API's app.
 */
export async function heldPerIdentifier(jheApp: Express, patient: number, system: string)
  : Promise<Map<string, number>> {
  const response = await request(jheApp).get('/jhe/v1/observations')
    .query({ patient }).expect(200);
  const counts = new Map<string, number>();
  for (const held of response.body.observations) {
    const identifier = held.identifier?.find((i: { system: string }) => i.system === system);
    if (identifier) counts.set(identifier.value, (counts.get(identifier.value) ?? 0) + 1);
  }
  return counts;
}
