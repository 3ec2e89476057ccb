import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config/config.ts';
import { apiFor, FakeJhe, json } from './fake-jhe.ts';

const bundle = json(200, { resourceType: 'Bundle', type: 'searchset', total: 0, entry: [],
  link: [], meta: {} });

/** A JHE that serves FHIR only under `base`, as the given release would. */
function releaseServing(base: '/FHIR/R5' | '/fhir/r5', withMetadata: boolean) {
  return new FakeJhe((call) => {
    if (call.path === '/FHIR/R5/metadata') {
      return withMetadata ? json(200, { resourceType: 'CapabilityStatement' })
        : json(404, { detail: 'Not found.' });
    }
    if (!call.path.startsWith(base)) return json(404, { detail: 'Not found.' });
    if (!call.headers.authorization) {
      return json(401, { detail: 'Authentication credentials were not provided.' });
    }
    return bundle;
  });
}

describe('JHE FHIR base path', () => {
  it('auto picks /FHIR/R5 when the CapabilityStatement answers, and searches there', async () => {
    const fake = releaseServing('/FHIR/R5', true);
    const jhe = await apiFor(fake, { fhirBasePath: 'auto' });
    expect(jhe.fhirBasePath).toBe('/FHIR/R5');

    await request(jhe.api.app).get('/jhe/v1/observations?patient=40001').expect(200);
    expect(fake.fhirCalls().at(-1)?.path).toBe('/FHIR/R5/Observation');
  });

  it('auto falls back to /fhir/r5 (v0.0.10) when an anonymous search is refused', async () => {
    const fake = releaseServing('/fhir/r5', false);
    const jhe = await apiFor(fake, { fhirBasePath: 'auto' });
    expect(jhe.fhirBasePath).toBe('/fhir/r5');
    expect(fake.fhirCalls().map((call) => [call.path, call.headers.authorization])).toEqual([
      ['/FHIR/R5/metadata', undefined],
      ['/fhir/r5/Observation', undefined],
    ]);

    await request(jhe.api.app).get('/jhe/v1/observations?patient=40001').expect(200);
    expect(fake.fhirCalls().at(-1)?.path).toBe('/fhir/r5/Observation');
  });

  it('auto stops start-up with a sentence naming what JHE answered', async () => {
    const fake = new FakeJhe(() => json(404, { detail: 'Not found.' }));
    const failure = await apiFor(fake, { fhirBasePath: 'auto' }).catch((error) => error);
    expect(failure.message).toContain('JHE_FHIR_BASE_PATH=auto found no FHIR API: '
      + 'GET /FHIR/R5/metadata answered 404 and GET /fhir/r5/Observation answered 404');
  });

  it('auto reports an unreachable JHE instead of guessing', async () => {
    const fake = new FakeJhe(() => {
      throw new Error('connect ECONNREFUSED');
    });
    await expect(apiFor(fake, { fhirBasePath: 'auto' }))
      .rejects.toThrow(/answered nothing \(connect ECONNREFUSED\)/);
  });

  it('a fixed base is used as configured, without probing JHE', async () => {
    const fake = releaseServing('/fhir/r5', false);
    const jhe = await apiFor(fake, { fhirBasePath: '/fhir/r5' });
    expect(jhe.fhirBasePath).toBe('/fhir/r5');
    expect(fake.calls).toHaveLength(0);
  });

  it('the configuration accepts only the two bases and auto', () => {
    for (const value of ['/FHIR/R5', '/fhir/r5', 'auto']) {
      expect(loadConfig({ JHE_FHIR_BASE_PATH: value }).jhe.fhirBasePath).toBe(value);
    }
    expect(() => loadConfig({ JHE_FHIR_BASE_PATH: '/fhir/R5' }))
      .toThrow(/JHE_FHIR_BASE_PATH must be \/FHIR\/R5, \/fhir\/r5 or auto, got "\/fhir\/R5"/);
  });
});
