/**
 * Observation search against the JHE sandbox: paging to the end through JHE's re-sorted,
 * percent-encoded next links, the loud failure on a release that caps listings, and the
 * system|code form JHE needs.
 */
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.ts';
import { startHarness, type Harness } from './sandbox-harness.ts';

const HEART_RATE = 'omh:heart-rate:2.0';
const HEART_RATE_TOKEN = `https://w3id.org/openmhealth|${HEART_RATE}`;
const FIRST_INSTANT = Date.parse('2025-03-01T00:00:00Z');

/** The Observation search URL of the system API for these query values. */
function searchUrl(query: Record<string, string | number>): string {
  return `/jhe/v1/observations?${new URLSearchParams(
    Object.entries(query).map(([key, value]) => [key, String(value)]))}`;
}

describe('search paging against the JHE sandbox', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
    harness.sandbox.store.seedObservations(40001, HEART_RATE, 2500, '2025-03-01T00:00:00Z', 60);
  });

  afterAll(() => harness.close());

  it('returns all 2,500 in order by following next links at _count=1000', async () => {
    const mark = harness.received.length;
    const response = await request(harness.jhe.api.app)
      .get(searchUrl({ patient: 40001, code: HEART_RATE, sort: 'date', pageSize: 1000 }))
      .expect(200);

    expect(response.body.total).toBe(2500);
    const instants = response.body.observations
      .map((observation: { effectiveDateTime: string }) =>
        Date.parse(observation.effectiveDateTime));
    expect(instants).toEqual(Array.from({ length: 2500 }, (_, i) => FIRST_INSTANT + i * 60_000));
    expect(new Set(response.body.observations.map((o: { id: string }) => o.id)).size).toBe(2500);

    const pages = harness.to('/FHIR/R5/Observation', mark).map((r) => r.url);
    expect(pages).toHaveLength(3);
    // Pages 2 and 3 are JHE's own links, re-sorted and percent-encoded, reused verbatim.
    for (const [index, url] of pages.slice(1).entries()) {
      const query = url.split('?')[1];
      expect(query).toContain('%7C');
      expect([...new URLSearchParams(query).keys()])
        .toEqual([...new URLSearchParams(query).keys()].sort());
      expect(new URLSearchParams(query).get('_page')).toBe(String(index + 2));
    }
  });

  it('always sends system|code on the wire, on every page', async () => {
    const mark = harness.received.length;
    await request(harness.jhe.api.app)
      .get(searchUrl({ patient: 40001, code: HEART_RATE, pageSize: 1000 })).expect(200);

    const sent = harness.to('/FHIR/R5/Observation', mark);
    expect(sent.length).toBeGreaterThan(0);
    for (const { url } of sent) {
      expect(new URLSearchParams(url.split('?')[1]).getAll('code')).toEqual([HEART_RATE_TOKEN]);
    }
  });

  it('shows why: JHE matches nothing on the bare code', async () => {
    const token = await practitionerToken(harness);
    const count = async (code: string) => {
      const query = new URLSearchParams({ patient: '40001', code, _summary: 'count' });
      const response = await fetch(`${harness.url}/FHIR/R5/Observation?${query}`,
        { headers: { authorization: `Bearer ${token}` } });
      return ((await response.json()) as { total: number }).total;
    };
    expect(await count(HEART_RATE)).toBe(0);
    expect(await count(HEART_RATE_TOKEN)).toBe(2500);
  });

  it('counts without listing (_summary=count)', async () => {
    const mark = harness.received.length;
    const response = await request(harness.jhe.api.app)
      .get(`/jhe/v1/observations/count?patient=40001&code=${encodeURIComponent(HEART_RATE)}`)
      .expect(200);
    expect(response.body).toEqual({ total: 2500 });
    const [sent] = harness.to('/FHIR/R5/Observation', mark);
    expect(new URLSearchParams(sent.url.split('?')[1]).get('_summary')).toBe('count');
  });

  it('refuses a search larger than maxResults after one page', async () => {
    const mark = harness.received.length;
    const response = await request(harness.jhe.api.app)
      .get(searchUrl({ patient: 40001, pageSize: 1000, maxResults: 2000 })).expect(400);
    expect(response.body.code).toBe('SEARCH.TOO_MANY_RESULTS');
    expect(harness.to('/FHIR/R5/Observation', mark)).toHaveLength(1);
  });

  it('refuses a search that names no patient, study or organization', async () => {
    const response = await request(harness.jhe.api.app)
      .get(searchUrl({ code: HEART_RATE })).expect(400);
    expect(response.body.code).toBe('SEARCH.SCOPE_REQUIRED');
  });
});

describe('a JHE release that stops listing at a cap', () => {
  it('fails loudly, naming the shortfall, instead of returning 1,000 of 2,500', async () => {
    let log = '';
    const stream = new PassThrough();
    stream.on('data', (chunk) => {
      log += chunk;
    });
    const harness = await startHarness({ sandbox: { legacyListCap: 1000 },
      logger: createLogger({ destination: stream }) });
    try {
      harness.sandbox.store.seedObservations(40001, HEART_RATE, 2500, '2025-03-01T00:00:00Z', 60);
      const response = await request(harness.jhe.api.app)
        .get(searchUrl({ patient: 40001, code: HEART_RATE, pageSize: 1000 })).expect(502);

      expect(response.body.code).toBe('JHE.INCOMPLETE_RESULT');
      expect(response.body.title).toBe('JHE listed fewer results than it counted');
      await new Promise((resolve) => setImmediate(resolve));
      expect(log).toContain('JHE counted 2500 Observations but listed 1000: 1500 missing');
    } finally {
      await harness.close();
    }
  });
});

async function practitionerToken(harness: Harness): Promise<string> {
  const { clientId, clientSecret } = harness.sandbox.demo;
  const response = await fetch(`${harness.url}/o/token/`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
