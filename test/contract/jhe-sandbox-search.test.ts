/**
 * Observation search and read on the JHE sandbox against the reference's §3.1, §3.3, §3.4.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  advance, encodeAscii, heartRatePoint, observation, outcome, sandboxWithToken,
  type TestSandbox,
} from './jhe-sandbox-helpers.ts';

const HOST = 'jhe.example.org';
const HR = 'https://w3id.org/openmhealth|omh:heart-rate:2.0';

type Bundle = {
  total: number;
  entry: Array<{ resource: { id: string; effectiveDateTime?: string } }>;
  link: Array<{ relation: string; url: string }>;
};

/** 45 heart-rate rows, one per hour from 2025-03-01T00:00Z, ingested one second apart. */
async function seeded(): Promise<TestSandbox> {
  const sandbox = await sandboxWithToken();
  for (let hour = 0; hour < 45; hour += 1) {
    const at = new Date(Date.UTC(2025, 2, 1, hour)).toISOString().replace('.000Z', 'Z');
    const data = encodeAscii(heartRatePoint(at, 60 + hour));
    const response = await request(sandbox.app).post('/FHIR/R5/Observation').set(sandbox.auth)
      .send(observation({ valueAttachment: { contentType: 'application/json', data } }));
    if (response.status !== 201) throw new Error(response.text);
    advance(sandbox, 1000);
  }
  return sandbox;
}

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await seeded();
});

const search = (query: string) =>
  request(sandbox.app).get(`/FHIR/R5/Observation${query}`).set(sandbox.auth).set('Host', HOST);

const ids = (bundle: Bundle) => bundle.entry.map((item) => item.resource.id);
const link = (bundle: Bundle, relation: string) =>
  bundle.link.find((item) => item.relation === relation)?.url;

describe('JHE sandbox: paging and Bundle shape (§3.3, §3.4)', () => {
  it('§3.4 45 rows at _count=20: follow next to the end, every row exactly once', async () => {
    const first = await search('?patient=40001&_count=20');
    const pages: Bundle[] = [first.body];
    let next = link(first.body, 'next');
    while (next) {
      const url = new URL(next);
      const page = await search(url.search);
      expect(page.status).toBe(200);
      pages.push(page.body);
      next = link(page.body, 'next');
    }

    expect(pages.map((page) => page.entry.length)).toEqual([20, 20, 5]);
    expect(pages.every((page) => page.total === 45)).toBe(true);
    expect(new Set(pages.flatMap(ids)).size).toBe(45);
    expect(link(pages[0], 'next'))
      .toBe(`http://${HOST}/FHIR/R5/Observation?_count=20&_page=2&patient=40001`);
    expect(link(pages[1], 'previous'))
      .toBe(`http://${HOST}/FHIR/R5/Observation?_count=20&patient=40001`);
    expect(link(pages[2], 'previous'))
      .toBe(`http://${HOST}/FHIR/R5/Observation?_count=20&_page=2&patient=40001`);
  });

  it('§3.4 the Bundle has exactly resourceType, type, total, entry, link, meta', async () => {
    const response = await search('?patient=40001&_count=1');

    expect(Object.keys(response.body)).toEqual(['resourceType', 'type', 'total', 'entry',
      'link', 'meta']);
    expect(response.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', meta: {} });
    expect(Object.keys(response.body.entry[0])).toEqual(['resource']);
    expect(response.body.link[0]).toEqual({ relation: 'self',
      url: `http://${HOST}/FHIR/R5/Observation?patient=40001&_count=1` });
    expect(response.body.link.map((item: { relation: string }) => item.relation))
      .toEqual(['self', 'next']);
  });

  it('§3.4 next links re-sort the query and percent-encode : and |', async () => {
    const response = await search(`?patient._has:Group:member:_id=30001&code=${HR}&_count=5`);

    expect(link(response.body, 'next')).toBe(`http://${HOST}/FHIR/R5/Observation?_count=5`
      + '&_page=2&code=https%3A%2F%2Fw3id.org%2Fopenmhealth%7Comh%3Aheart-rate%3A2.0'
      + '&patient._has%3AGroup%3Amember%3A_id=30001');
  });

  it('§1.5 link hosts follow X-Forwarded-Host and X-Forwarded-Proto', async () => {
    const response = await search('?_count=10').set('X-Forwarded-Host', 'gw.example.org')
      .set('X-Forwarded-Proto', 'https');

    expect(link(response.body, 'next'))
      .toBe('https://gw.example.org/FHIR/R5/Observation?_count=10&_page=2');
  });

  it('§3.3 a page past the last one is a 404 Invalid page.', async () => {
    for (const page of ['4', '0', 'abc']) {
      const response = await search(`?_count=20&_page=${page}`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(outcome('Invalid page.'));
    }
  });

  it('§3.3 _count defaults to 20, caps at 1000, and falls back to 20 for 0 or junk', async () => {
    const counts = await Promise.all(['', '?_count=0', '?_count=abc', '?_count=5000']
      .map(async (query) => (await search(query)).body.entry.length));

    expect(counts).toEqual([20, 20, 20, 45]);
  });

  it('§3.3 _summary=count returns the total and no entries', async () => {
    const response = await search('?_summary=count');

    const self = `http://${HOST}/FHIR/R5/Observation?_summary=count`;

    expect(response.body).toEqual({ resourceType: 'Bundle', type: 'searchset', total: 45,
      entry: [], link: [{ relation: 'self', url: self }], meta: {} });
  });
});

describe('JHE sandbox: search parameters (§3.3)', () => {
  it('§3.3 a bare code matches nothing; system|code and |code match', async () => {
    const bare = await search('?code=omh:heart-rate:2.0');
    const full = await search(`?code=${encodeURIComponent(HR)}`);
    const anySystem = await search('?code=%7Comh:heart-rate:2.0');
    const other = await search('?code=https://w3id.org/openmhealth%7Comh:step-count:3.0');

    expect([bare.body.total, full.body.total, anySystem.body.total, other.body.total])
      .toEqual([0, 45, 45, 0]);
  });

  it('§3.3 unknown parameters are ignored: subject=Patient/1 returns everything', async () => {
    const response = await search('?subject=Patient/1&device=Device/1');

    expect(response.status).toBe(200);
    expect(response.body.total).toBe(45);
  });

  it('§3.3 date: day precision for short values, instants for long ones, AND when repeated',
    async () => {
      const day = await search('?date=2025-03-01');
      const range = await search('?date=ge2025-03-01T10:00:00Z&date=lt2025-03-01T12:00:00Z');
      const after = await search('?date=gt2025-03-01');
      const offset = await search('?date=le2025-03-01T01:00:00%2B01:00');

      expect(day.body.total).toBe(24);
      expect(range.body.entry.map((item: Bundle['entry'][number]) =>
        item.resource.effectiveDateTime).sort())
        .toEqual(['2025-03-01T10:00:00Z', '2025-03-01T11:00:00Z']);
      expect(after.body.total).toBe(21);
      expect(offset.body.total).toBe(1);
    });

  it('§3.3 date with eq or another unsupported prefix is 400 Invalid date value', async () => {
    const response = await search('?date=eq2025-03-01');

    expect(response.status).toBe(400);
    expect(response.body).toEqual(outcome(
      `[ErrorDetail(string="Invalid date value: 'eq2025-03-01'.", code='invalid')]`));
  });

  it('§3.3 _sort=date is effective-time order; default is -lastUpdated', async () => {
    const ascending = await search('?_sort=date&_count=3');
    const descending = await search('?_sort=-date&_count=3');
    const byDefault = await search('?_count=3');

    expect(ids(ascending.body)).toEqual(['60001', '60002', '60003']);
    expect(ids(descending.body)).toEqual(['60045', '60044', '60043']);
    expect(ids(byDefault.body)).toEqual(['60045', '60044', '60043']);
  });

  it('§3.3 _sort=date puts rows without an effective time last in both directions', async () => {
    const own = await sandboxWithToken();
    const post = (dateTime: string) => request(own.app).post('/FHIR/R5/Observation')
      .set(own.auth).send(observation({ valueAttachment: {
        data: encodeAscii(heartRatePoint(dateTime)) } }));
    await post('not a time');
    await post('2025-03-02T00:00:00Z');
    await post('2025-03-01T00:00:00Z');
    const sorted = async (order: string) => ids((await request(own.app)
      .get(`/FHIR/R5/Observation?_sort=${order}`).set(own.auth)).body);

    expect(await sorted('date')).toEqual(['60003', '60002', '60001']);
    expect(await sorted('-date')).toEqual(['60002', '60003', '60001']);
  });

  it('§3.2 _source picks one store: JHE\'s own, else an aux or unknown source (empty here)',
    async () => {
      const own = await search('?_source=https://jupyterhealth.org/jhe');
      const foreign = await search('?_source=https://example.org/fhir');
      const aux = await search('?_source:below=https://jupyterhealth.org/fhir/fhir-source/');

      expect([own.body.total, foreign.body.total, aux.body.total]).toEqual([45, 0, 0]);
    });

  it('§3.3 _id is an exact pk; a wrong-shaped id gives an empty result', async () => {
    const exact = await search('?_id=60007');
    const wrong = await search('?_id=not-a-number');

    expect(ids(exact.body)).toEqual(['60007']);
    expect(wrong.status).toBe(200);
    expect(wrong.body.total).toBe(0);
  });

  it('§3.3 status=final matches every row, any other status none', async () => {
    const final = await search('?status=final');
    const amended = await search('?status=amended');

    expect([final.body.total, amended.body.total]).toEqual([45, 0]);
  });

  it('§1.2 query keys may be camelCase or snake_case: _lastUpdated and _last_updated', async () => {
    const camel = await search('?_lastUpdated=ge2026-03-01T12:00:40Z');
    const snake = await search('?_last_updated=ge2026-03-01T12:00:40Z');

    expect(camel.body.total).toBe(5);
    expect(snake.body.total).toBe(5);
  });

  it('§3.3 the study filter needs the patient. prefix; without it the key is ignored', async () => {
    const study = await search('?patient._has:Group:member:_id=30001');
    const ignored = await search('?_has:Group:member:_id=30002');

    expect(study.body.total).toBe(45);
    expect(ignored.body.total).toBe(45);
  });

  it('§2.6 naming a study or patient the practitioner cannot access is 403', async () => {
    const study = await search('?patient._has:Group:member:_id=30002');
    const patient = await search('?patient=40003');

    expect(study.status).toBe(403);
    expect(study.body).toEqual(outcome('Current user is not authorized to access Group/30002.'));
    expect(patient.status).toBe(403);
    expect(patient.body).toEqual(
      outcome('Current user is not authorized to access Patient/40003.'));
  });

  it('§3.3 patient=Patient/1 is a 422, not a reference search', async () => {
    const response = await search('?patient=Patient/1');

    expect(response.status).toBe(422);
    expect(response.body).toEqual(outcome("Field 'id' expected a number but got 'Patient/1'."));
  });

  it('§3.3 identifier searches the patient\'s identifier value, ignoring the system', async () => {
    const match = await search('?identifier=anything%7Cdemo-0001');
    const miss = await search('?identifier=anything%7Cdemo-9999');

    expect([match.body.total, miss.body.total]).toEqual([45, 0]);
  });

  it('§3.3 POST <Type>/_search reads the query string', async () => {
    const response = await request(sandbox.app).post('/FHIR/R5/Observation/_search?_id=60002')
      .set(sandbox.auth);

    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual(['60002']);
  });
});

describe('JHE sandbox: read (§3.1)', () => {
  it('§3.1 GET Observation/<id> renders the row', async () => {
    const response = await request(sandbox.app).get('/FHIR/R5/Observation/60003')
      .set(sandbox.auth);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ resourceType: 'Observation', id: '60003',
      effectiveDateTime: '2025-03-01T02:00:00Z' });
  });

  it('§3.1 an unknown id is 404 "Observation/<id> not found."; a non-integer one 422', async () => {
    const missing = await request(sandbox.app).get('/FHIR/R5/Observation/99999')
      .set(sandbox.auth);
    const junk = await request(sandbox.app).get('/FHIR/R5/Observation/abc').set(sandbox.auth);

    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(outcome('Observation/99999 not found.'));
    expect(junk.status).toBe(422);
  });

  it('§3.5 the stored time frame survives: the effective time of a read matches the upload',
    async () => {
      const response = await request(sandbox.app).get('/FHIR/R5/Observation/60045')
        .set(sandbox.auth);
      const decoded = JSON.parse(Buffer.from(response.body.valueAttachment.data, 'base64')
        .toString('ascii'));

      expect(decoded.body.heart_rate).toEqual({ unit: 'beats/min', value: 104 });
      expect(response.body.meta.lastUpdated).toBe('2026-03-01T12:00:44.250000Z');
    });
});
