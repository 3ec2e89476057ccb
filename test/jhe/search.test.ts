import { describe, expect, it } from 'vitest';
import { searchObservations } from '../../system-apis/jhe/search.ts';
import { clientFor, FakeJhe, json } from './fake-jhe.ts';

const PARAMS = { patient: 40001, code: 'omh:heart-rate:2.0', sort: 'date', pageSize: 2,
  maxResults: 100 };

function page(ids: number[], total: number, next?: string) {
  const link = [{ relation: 'self', url: 'http://jhe/FHIR/R5/Observation' }];
  if (next) link.push({ relation: 'next', url: next });
  return json(200, { resourceType: 'Bundle', type: 'searchset', total,
    entry: ids.map((id) => ({ resource: { resourceType: 'Observation', id: String(id) } })),
    link, meta: {} });
}

describe('JHE Observation search', () => {
  it('sends system|code and follows next links, reusing only their path and query', async () => {
    const fake = new FakeJhe((request) => {
      if (request.path === '/FHIR/R5/Observation') {
        return page([1, 2], 3,
          'https://elsewhere.example/FHIR/R5/Observation?_count=2&_page=2&code=x%7Cy');
      }
      return page([3], 3);
    });
    const result = await searchObservations(clientFor(fake), PARAMS);

    expect(result.observations.map((o) => o.id)).toEqual(['1', '2', '3']);
    const [first, second] = fake.fhirCalls();
    expect(first.query).toMatchObject({ code: 'https://w3id.org/openmhealth|omh:heart-rate:2.0',
      patient: 40001, _count: 2, _sort: 'date' });
    expect(second.path).toBe('/FHIR/R5/Observation?_count=2&_page=2&code=x%7Cy');
  });

  it('fails, naming the shortfall, when JHE stops before its total', async () => {
    const fake = new FakeJhe(() => page([1, 2], 5));
    const failure = await searchObservations(clientFor(fake), PARAMS).catch((error) => error);
    expect(failure).toMatchObject({ status: 502, code: 'JHE.INCOMPLETE_RESULT' });
    expect(failure.cause.message).toBe('JHE counted 5 Observations but listed 2: 3 missing, '
      + 'and no next link to fetch them');
  });

  it('refuses a result larger than the cap before fetching it all', async () => {
    const fake = new FakeJhe(() => page([1, 2], 101, 'http://jhe/FHIR/R5/Observation?_page=2'));
    await expect(searchObservations(clientFor(fake), PARAMS))
      .rejects.toMatchObject({ status: 400, code: 'SEARCH.TOO_MANY_RESULTS' });
    expect(fake.fhirCalls()).toHaveLength(1);
  });

  it('re-authenticates once after a 401, then fails clearly on a second 401', async () => {
    let unauthorized = 1;
    const fake = new FakeJhe(() => (unauthorized-- > 0 ? json(401, {}) : page([1], 1)));
    await expect(searchObservations(clientFor(fake), PARAMS)).resolves.toMatchObject({ total: 1 });
    expect(fake.calls.filter((c) => c.path === '/o/token/')).toHaveLength(2);

    const refusing = new FakeJhe(() => json(401, {}));
    await expect(searchObservations(clientFor(refusing), PARAMS))
      .rejects.toMatchObject({ status: 502, code: 'JHE.AUTH_FAILED' });
  });
});

describe('JHE search parameters', () => {
  it('spells every filter the way JHE reads it', async () => {
    const { filterQuery } = await import('../../system-apis/jhe/search-query.ts');
    expect(filterQuery({
      patient: 40001, study: 30001, organization: 20001, code: 'omh:heart-rate:2.0',
      date: ['ge2026-03-01', 'lt2026-03-02'], lastUpdated: ['ge2026-03-01'], id: '60001',
      source: 'https://jupyterhealth.org/jhe',
      sourceBelow: 'https://jupyterhealth.org/fhir/fhir-source/',
    })).toEqual({
      patient: 40001,
      'patient._has:Group:member:_id': 30001,
      'patient.organization': 20001,
      code: 'https://w3id.org/openmhealth|omh:heart-rate:2.0',
      date: ['ge2026-03-01', 'lt2026-03-02'],
      _lastUpdated: ['ge2026-03-01'],
      _id: '60001',
      _source: 'https://jupyterhealth.org/jhe',
      '_source:below': 'https://jupyterhealth.org/fhir/fhir-source/',
    });
  });

  it('gives each schema namespace its code system, and keeps a given system', async () => {
    const { codeToken } = await import('../../system-apis/jhe/search-query.ts');
    expect(codeToken('ieee:sleep-stage-summary:1.0'))
      .toBe('https://w3id.org/ieee1752|ieee:sleep-stage-summary:1.0');
    expect(codeToken('http://hl7.org/fhir/resource-types|QuestionnaireResponse'))
      .toBe('http://hl7.org/fhir/resource-types|QuestionnaireResponse');
  });
});

describe('JHE search paging guard', () => {
  it('stops when JHE keeps sending next links past its total', async () => {
    const fake = new FakeJhe(() => page([1, 2], 2, 'http://jhe/FHIR/R5/Observation?_page=2'));
    await expect(searchObservations(clientFor(fake), PARAMS))
      .rejects.toMatchObject({ status: 502, code: 'JHE.BAD_LINK' });
    expect(fake.fhirCalls()).toHaveLength(1);
  });
});
