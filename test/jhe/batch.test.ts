import { describe, expect, it } from 'vitest';
import { createBatch } from '../../system-apis/jhe/batch.ts';
import { clientFor, FakeJhe, json } from './fake-jhe.ts';

const observation = (value: string) => ({
  resourceType: 'Observation', identifier: [{ system: 'urn:t', value }],
});

const conflict = (value: string) => ({
  response: { status: '409 Conflict', outcome: { resourceType: 'OperationOutcome', issue: [{
    severity: 'error', code: 'processing',
    diagnostics: `Identifier already exists: system=urn:t value=${value}` }] } },
});

describe('JHE batch results', () => {
  it('matches results by identifier, not by index', async () => {
    // JHE lists the 409 for "b" first: matching by index would call "a" the duplicate.
    const fake = new FakeJhe(() => json(200, { resourceType: 'Bundle', type: 'batch-response',
      entry: [
        conflict('b'),
        { response: { status: '201 Created' },
          resource: { resourceType: 'Resource', id: '60001' } },
        { response: { status: '422 Unprocessable Entity', outcome: { resourceType:
          'OperationOutcome', issue: [{ diagnostics: "{'omh_data': ['bad']}" }] } } },
      ] }));
    const results = await createBatch(clientFor(fake),
      [observation('a'), observation('b'), observation('c')]);

    expect(results.map((r) => [r.identifier.value, r.outcome, r.observationId, r.code])).toEqual([
      ['a', 'created', '60001', undefined],
      ['b', 'duplicate', undefined, 'OBSERVATION.DUPLICATE'],
      ['c', 'rejected', undefined, 'DATAPOINT.SCHEMA_INVALID'],
    ]);
    const sent = fake.fhirCalls()[0];
    expect(sent.path).toBe('/FHIR/R5/');
    expect((sent.body as { type: string }).type).toBe('batch');
  });

  it('fails loudly when JHE answers fewer entries than were sent', async () => {
    const fake = new FakeJhe(() => json(200, { entry: [conflict('a')] }));
    await expect(createBatch(clientFor(fake), [observation('a'), observation('b')]))
      .rejects.toMatchObject({ status: 502, code: 'JHE.BATCH_MISMATCH' });
  });

  it('refuses a batch whose Observations share an identifier, before calling JHE', async () => {
    const fake = new FakeJhe(() => json(200, { entry: [] }));
    await expect(createBatch(clientFor(fake), [observation('a'), observation('a')]))
      .rejects.toMatchObject({ status: 400, code: 'BATCH.IDENTIFIER_REPEATED' });
    expect(fake.fhirCalls()).toHaveLength(0);
  });

  it('turns a whole-request JHE failure into a problem with a stable code', async () => {
    const fake = new FakeJhe(() => json(400, ['resource.valueAttachment.data must be not null.']));
    await expect(createBatch(clientFor(fake), [observation('a')]))
      .rejects.toMatchObject({ status: 400, code: 'JHE.BAD_REQUEST' });
  });
});
