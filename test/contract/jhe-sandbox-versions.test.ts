/**
 * Release emulation (reference §0), the public discovery documents of HEAD (§2.1, §3.8)
 * and the list cap of older releases that the gateway must survive.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createJheSandbox, type JheVersion } from '../../sandbox/jhe/app.ts';
import { mintUserToken } from '../../sandbox/jhe/test-tokens.ts';
import { observation, outcome } from './jhe-sandbox-helpers.ts';
import { describeBlackBox } from './target.ts';

type Bundle = {
  entry: Array<{ resource: { id: string } }>;
  link: Array<{ relation: string; url: string }>;
};

function sandboxAt(version: JheVersion, legacyListCap?: number) {
  const sandbox = createJheSandbox({ version, legacyListCap });
  const auth = { Authorization: `Bearer ${mintUserToken(sandbox.store,
    sandbox.demo.practitionerUserId)}` };
  return { ...sandbox, auth };
}

describe('JHE sandbox: FHIR bases per release (§0)', () => {
  const cases: Array<[JheVersion, number, number]> = [
    ['head', 200, 404],
    ['v0.0.13', 200, 200],
    ['v0.0.10', 404, 200],
  ];
  for (const [version, upper, lower] of cases) {
    it(`§0 ${version} answers /FHIR/R5 with ${upper} and /fhir/r5 with ${lower}`, async () => {
      const sandbox = sandboxAt(version);
      const query = '?patient=40001';

      const upperCase = await request(sandbox.app).get(`/FHIR/R5/Observation${query}`)
        .set(sandbox.auth);
      const lowerCase = await request(sandbox.app).get(`/fhir/r5/Observation${query}`)
        .set(sandbox.auth);

      expect([upperCase.status, lowerCase.status]).toEqual([upper, lower]);
    });
  }

  it('§0 only HEAD has /FHIR/R5/metadata and smart-configuration', async () => {
    for (const version of ['v0.0.13', 'v0.0.10'] as const) {
      const { app } = sandboxAt(version);
      expect((await request(app).get('/FHIR/R5/metadata')).status).not.toBe(200);
      expect((await request(app).get('/FHIR/R5/.well-known/smart-configuration')).status)
        .not.toBe(200);
    }
  });

  it('§0 v0.0.10 refuses an Observation search without patient, study or identifier: 400',
    async () => {
      const sandbox = sandboxAt('v0.0.10');

      const bare = await request(sandbox.app).get('/fhir/r5/Observation').set(sandbox.auth);
      const byStudy = await request(sandbox.app)
        .get('/fhir/r5/Observation?patient._has:Group:member:_id=30001').set(sandbox.auth);

      expect(bare.status).toBe(400);
      expect(bare.body).toEqual(['Request parameter patient._has:Group:member:_id=<study_id> or'
        + ' patient=<patient_id> or patient.identifier=<system>|<value> must be provided.']);
      expect(byStudy.status).toBe(200);
    });

  it('§0 v0.0.10 answers every create error with 400, HEAD with its own status', async () => {
    const duplicateOf = (id: string) =>
      observation({ identifier: [{ system: 'urn:t', value: id }] });
    const statuses: number[] = [];
    for (const version of ['v0.0.10', 'head'] as const) {
      const sandbox = sandboxAt(version);
      const base = version === 'head' ? '/FHIR/R5' : '/fhir/r5';
      await request(sandbox.app).post(`${base}/Observation`).set(sandbox.auth)
        .send(duplicateOf('one'));
      const again = await request(sandbox.app).post(`${base}/Observation`).set(sandbox.auth)
        .send(duplicateOf('one'));
      expect(again.body).toEqual(outcome('Identifier already exists: system=urn:t value=one'));
      statuses.push(again.status);
    }

    expect(statuses).toEqual([400, 409]);
  });
});

describe('JHE sandbox: a legacy list cap (§3.3, §3.4)', () => {
  it('§3.4 with legacyListCap 1000 a 2,500-row search reports total 2500 but stops at 1000',
    async () => {
      const sandbox = sandboxAt('head', 1000);
      sandbox.store.seedObservations(40001, 'omh:heart-rate:2.0', 2500, '2025-01-01T00:00:00Z',
        60);

      const response = await request(sandbox.app)
        .get('/FHIR/R5/Observation?patient=40001&_count=1000').set(sandbox.auth);

      expect(response.body.total).toBe(2500);
      expect(response.body.entry).toHaveLength(1000);
      expect(response.body.link.map((link: { relation: string }) => link.relation))
        .toEqual(['self']);
    });

  it('§3.4 without the cap the same search pages 1000, 1000, 500 by next links', async () => {
    const sandbox = sandboxAt('head');
    sandbox.store.seedObservations(40001, 'omh:heart-rate:2.0', 2500, '2025-01-01T00:00:00Z',
      60);
    const sizes: number[] = [];
    const seen = new Set<string>();

    let path: string | undefined = '/FHIR/R5/Observation?patient=40001&_count=1000';
    while (path) {
      const response: { body: Bundle } = await request(sandbox.app).get(path).set(sandbox.auth);
      sizes.push(response.body.entry.length);
      for (const entry of response.body.entry) seen.add(entry.resource.id);
      const next = response.body.link.find((link) => link.relation === 'next');
      path = next ? new URL(next.url).pathname + new URL(next.url).search : undefined;
    }

    expect(sizes).toEqual([1000, 1000, 500]);
    expect(seen.size).toBe(2500);
  });
});

describeBlackBox('JHE discovery documents (HEAD)', (target) => {
  it('§3.8 /FHIR/R5/metadata is public (even with a bad token) and cached an hour', async () => {
    const response = await target().http().get('/FHIR/R5/metadata')
      .set('Authorization', 'Bearer not-a-token');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ resourceType: 'CapabilityStatement', status: 'active',
      kind: 'instance', fhirVersion: '5.0.0', software: { name: 'JupyterHealth Exchange' } });
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('§2.1 smart-configuration is public snake_case with absolute endpoints, no issuer',
    async () => {
      const response = await target().http().get('/FHIR/R5/.well-known/smart-configuration');

      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=3600');
      expect(response.body).toMatchObject({
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
      });
      expect(response.body.token_endpoint).toMatch(/^https?:\/\/.+\/o\/token\/$/);
      expect(response.body).not.toHaveProperty('issuer');
    });

  it('§1.1 GET /health needs no auth and names the release', async () => {
    const response = await target().http().get('/health');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
    expect(response.body.version).toMatch(/^v\d+\.\d+\.\d+$/);
  });
});
