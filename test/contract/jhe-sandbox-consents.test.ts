/**
 * Patient consents under `/api/v1/patients/{id}/consents` (reference §5.2) and their
 * effect on OMH writes (§2.6, §4.1.6). Sandbox-only: every rule here writes.
 */
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJheSandbox, type JheSandbox } from '../../sandbox/jhe/app.ts';
import { mintPatientToken, mintUserToken } from '../../sandbox/jhe/test-tokens.ts';
import { encodeAscii, observation, OMH } from './jhe-sandbox-helpers.ts';

let sandbox: JheSandbox;
let auth: { Authorization: string };

beforeEach(() => {
  sandbox = createJheSandbox({ now: () => new Date('2026-03-01T12:00:00Z') });
  auth = { Authorization: `Bearer ${mintUserToken(sandbox.store,
    sandbox.demo.practitionerUserId)}` };
});

const path = (patientId: number = sandbox.demo.unconsentedPatientId) =>
  `/api/v1/patients/${patientId}/consents`;

function body(code: string, consented = true, studyId = sandbox.demo.studyId) {
  return { studyScopeConsents: [{ studyId,
    scopeConsents: [{ codingSystem: OMH, codingCode: code, consented }] }] };
}

const write = (method: 'post' | 'patch' | 'delete', payload: object, who = auth,
  patientId?: number) => request(sandbox.app)[method](path(patientId)).set(who).send(payload);

describe('JHE sandbox: reading consents (§5.2)', () => {
  it('§5.2 GET has patient, consolidatedConsentedScopes, studiesPendingConsent, studies',
    async () => {
      const response = await request(sandbox.app).get(path(sandbox.demo.patientId)).set(auth);

      expect(Object.keys(response.body)).toEqual(['patient', 'consolidatedConsentedScopes',
        'studiesPendingConsent', 'studies']);
      expect(response.body.consolidatedConsentedScopes).toHaveLength(6);
      expect(response.body.studies[0].scopeConsents[0]).toEqual({
        code: { id: 50004, codingSystem: OMH, codingCode: 'omh:heart-rate:2.0',
          text: 'Heart Rate' },
        consented: true,
        consentedTime: '2026-01-06T00:00:00Z',
      });
    });

  it('§5.2 an enrolled patient with no answers has every requested code pending', async () => {
    const response = await request(sandbox.app).get(path()).set(auth);

    expect(response.body.studies).toEqual([]);
    const pending = response.body.studiesPendingConsent[0];
    expect(Object.keys(pending)).toEqual(['id', 'name', 'description', 'organization',
      'dataSources', 'pendingScopeConsents']);
    expect(pending.pendingScopeConsents[0]).toMatchObject({ consented: null,
      consentedTime: null });
  });
});

describe('JHE sandbox: writing consents (§5.2)', () => {
  it('§5.2 POST creates and answers 201 {"studyScopeConsents": [...]}', async () => {
    const response = await write('post', body('omh:heart-rate:2.0'));

    expect(response.status).toBe(201);
    expect(Object.keys(response.body.studyScopeConsents[0])).toEqual(['id', 'studyPatient',
      'scopeCode', 'consented', 'consentedTime']);
    expect(response.body.studyScopeConsents[0]).toMatchObject({ consented: true,
      consentedTime: '2026-03-01T12:00:00Z' });
  });

  it('§1.2 §5.2 snake_case keys in the body work as well as camelCase', async () => {
    const response = await write('post', { study_scope_consents: [{ study_id: sandbox.demo.studyId,
      scope_consents: [{ coding_system: OMH, coding_code: 'omh:heart-rate:2.0',
        consented: true }] }] });

    expect(response.status).toBe(201);
  });

  it('§5.2 PATCH updates with 200, DELETE removes with 204', async () => {
    await write('post', body('omh:heart-rate:2.0'));

    const patched = await write('patch', body('omh:heart-rate:2.0', false));
    const deleted = await write('delete', body('omh:heart-rate:2.0'));
    const after = await request(sandbox.app).get(path()).set(auth);

    expect(patched.status).toBe(200);
    expect(patched.body.studyScopeConsents[0].consented).toBe(false);
    expect(deleted.status).toBe(204);
    expect(after.body.studies).toEqual([]);
  });

  it('§5.2 a duplicate POST, an unknown code, a missing PATCH target and a patient not in'
    + ' the study are 500s', async () => {
    await write('post', body('omh:heart-rate:2.0'));

    const duplicate = await write('post', body('omh:heart-rate:2.0'));
    const unknownCode = await write('post', body('omh:not-a-code:1.0'));
    const missing = await write('patch', body('omh:step-count:3.0'));
    sandbox.store.unenroll(sandbox.demo.studyId, sandbox.demo.unconsentedPatientId);
    const notEnrolled = await write('post', body('omh:sleep-duration:2.0'));

    expect([duplicate.status, unknownCode.status, missing.status, notEnrolled.status])
      .toEqual([500, 500, 500, 500]);
  });

  it('§5.2 a practitioner outside the study\'s organization is 403', async () => {
    const other = { Authorization: `Bearer ${mintUserToken(sandbox.store,
      sandbox.demo.otherPractitionerUserId)}` };

    const response = await write('post', body('omh:heart-rate:2.0'), other);

    expect(response.status).toBe(403);
  });

  it('§5.2 the patient may write their own consents', async () => {
    const patient = { Authorization: `Bearer ${mintPatientToken(sandbox.store,
      sandbox.demo.unconsentedPatientId)}` };

    const response = await write('post', body('omh:heart-rate:2.0'), patient);

    expect(response.status).toBe(201);
  });
});

describe('JHE sandbox: consent gates OMH writes, not reads (§2.6, §4.1.6)', () => {
  const create = (patientId: number, uuid: string) => request(sandbox.app)
    .post('/FHIR/R5/Observation').set(auth).send(observation({
      subject: { reference: `Patient/${patientId}` },
      valueAttachment: { contentType: 'application/json', data: encodeAscii({
        header: { uuid, schema_id: { namespace: 'omh', name: 'heart-rate', version: '2.0' },
          source_creation_date_time: '2025-03-01T08:00:00Z' },
        body: { heart_rate: { value: 60, unit: 'beats/min' },
          effective_time_frame: { date_time: '2025-03-01T08:00:00Z' } } }) },
    }));

  it('§2.6 consenting through the API lets the write through; revoking blocks the next',
    async () => {
      const before = await create(sandbox.demo.unconsentedPatientId, 'u-1');
      await write('post', body('omh:heart-rate:2.0'));
      const allowed = await create(sandbox.demo.unconsentedPatientId, 'u-2');
      await write('patch', body('omh:heart-rate:2.0', false));
      const revoked = await create(sandbox.demo.unconsentedPatientId, 'u-3');
      const search = await request(sandbox.app)
        .get(`/FHIR/R5/Observation?patient=${sandbox.demo.unconsentedPatientId}`).set(auth);

      expect([before.status, allowed.status, revoked.status]).toEqual([403, 201, 403]);
      expect(search.body.total).toBe(1);
    });
});
