import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { mountApi } from '../../shared/api-kit/mount-api.ts';
import { ApiError } from '../../shared/errors/problem.ts';
import { silentLogger } from '../../shared/logging/logger.ts';

const CONTRACT = join(import.meta.dirname, 'fixtures/readings.yaml');

function handlers(overrides = {}) {
  return {
    addReading: async () => ({ status: 201, body: { id: 'r1' } }),
    listReadings: async () => ({ status: 200, body: [] }),
    ...overrides,
  };
}

function mount(overrides = {}, validateResponses = true) {
  return mountApi({ name: 'readings', contractFile: CONTRACT, handlers: handlers(overrides),
    logger: silentLogger(), validateResponses });
}

describe('mountApi start-up checks', () => {
  it('refuses to start when an operation has no handler, naming it', async () => {
    const { listReadings: _, ...partial } = handlers();
    await expect(mountApi({ name: 'readings', contractFile: CONTRACT, handlers: partial,
      logger: silentLogger() }))
      .rejects.toThrow('API readings cannot start: operations without a handler: listReadings');
  });

  it('refuses to start when a handler has no operation, naming both sides', async () => {
    const { listReadings: _, ...partial } = handlers();
    const extra = { ...partial, deleteReading: async () => ({ status: 204 }) };
    await expect(mountApi({ name: 'readings', contractFile: CONTRACT, handlers: extra,
      logger: silentLogger() })).rejects.toThrow(
      'operations without a handler: listReadings; handlers without an operation: deleteReading');
  });
});

describe('mountApi requests', () => {
  it('binds handlers by operationId and passes validated, coerced input', async () => {
    let seen: unknown;
    const api = await mount({
      addReading: async (req: { params: unknown; body: unknown }) => {
        seen = { params: req.params, body: req.body };
        return { status: 201, body: { id: 'r9' } };
      },
    });
    const response = await request(api.app).post('/readings/v1/patients/7/readings')
      .send({ kind: 'steps', value: 12 });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 'r9' });
    expect(seen).toEqual({ params: { patientId: '7' }, body: { kind: 'steps', value: 12 } });
  });

  it('answers a contract violation as problem+json with a pointer per failed field', async () => {
    const api = await mount();
    const response = await request(api.app).post('/readings/v1/patients/7/readings')
      .set('x-correlation-id', 'support-ticket-42')
      .send({ kind: 'mood', samples: [{ at: 'yesterday' }] });

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('REQUEST.INVALID');
    expect(response.body.correlationId).toBe('support-ticket-42');
    expect(response.body.instance).toBe('/readings/v1/patients/7/readings');
    const pointers = response.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/body/kind', '/body/samples/0/at', '/body/value']);
  });

  it('rejects a bad path parameter and an unknown query parameter', async () => {
    const api = await mount();
    const badPath = await request(api.app).get('/readings/v1/patients/zero/readings');
    expect(badPath.status).toBe(400);
    expect(badPath.body.errors[0].pointer).toBe('/params/patientId');

    const unknown = await request(api.app).get('/readings/v1/patients/3/readings?color=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].pointer).toBe('/query/color');
  });

  it('answers malformed JSON and unknown routes as problems', async () => {
    const api = await mount();
    const malformed = await request(api.app).post('/readings/v1/patients/1/readings')
      .set('content-type', 'application/json').send('{"kind":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('REQUEST.MALFORMED_JSON');

    const missing = await request(api.app).get('/readings/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ROUTE.NOT_FOUND');
  });

  it('turns a thrown ApiError into its problem, and hides detail of unexpected errors', async () => {
    const api = await mount({
      addReading: async () => {
        throw new ApiError(409, 'READING.DUPLICATE', 'Already there', { detail: 'same id' });
      },
      listReadings: async () => {
        throw new Error('database password is hunter2');
      },
    });
    const conflict = await request(api.app).post('/readings/v1/patients/1/readings')
      .send({ kind: 'steps', value: 1 });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ code: 'READING.DUPLICATE', title: 'Already there',
      detail: 'same id', status: 409 });

    const crash = await request(api.app).get('/readings/v1/patients/1/readings');
    expect(crash.status).toBe(500);
    expect(crash.body.code).toBe('INTERNAL.UNEXPECTED');
    expect(JSON.stringify(crash.body)).not.toContain('hunter2');
  });

  it('fails a response that breaks the contract when responses are validated', async () => {
    const api = await mount({ addReading: async () => ({ status: 201, body: { name: 'x' } }) });
    const response = await request(api.app).post('/readings/v1/patients/1/readings')
      .send({ kind: 'steps', value: 1 });
    expect(response.status).toBe(500);
    expect(response.body.code).toBe('CONTRACT.RESPONSE_INVALID');
  });

  it('serves its contract at <base>/openapi.json and echoes a correlation id', async () => {
    const api = await mount();
    const response = await request(api.app).get('/readings/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.info.title).toBe('Test readings API');
    expect(response.body.paths['/patients/{patientId}/readings'].post.operationId)
      .toBe('addReading');
    expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body nested too deeply, and bodies it cannot decode, as the caller\'s error',
    async () => {
      const api = await mount();
      let deep = '{"kind":"steps","value":1}';
      for (let level = 0; level < 70; level += 1) deep = `{"x":${deep}}`;
      const tooDeep = await request(api.app).post('/readings/v1/patients/1/readings')
        .set('content-type', 'application/json').send(deep);
      expect(tooDeep.status).toBe(400);
      expect(tooDeep.body.code).toBe('REQUEST.TOO_DEEP');

      const charset = await request(api.app).post('/readings/v1/patients/1/readings')
        .set('content-type', 'application/json; charset=latin1').send('{}');
      expect(charset.status).toBe(415);
      expect(charset.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');

      const gzip = await request(api.app).post('/readings/v1/patients/1/readings')
        .set('content-type', 'application/json').set('content-encoding', 'gzip')
        .send('not gzip at all');
      expect(gzip.status).toBe(400);
      expect(gzip.body.code).toBe('REQUEST.UNREADABLE_BODY');
    });
});
