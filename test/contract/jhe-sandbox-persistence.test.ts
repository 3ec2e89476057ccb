/**
 * The sandbox's data file: a restart keeps what JHE's database would keep (Observations,
 * tokens, consents, invitations), and every write is atomic. Sandbox-only by nature.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJheSandbox, DEFAULT_DATA_FILE } from '../../sandbox/jhe/app.ts';
import { startJheSandbox } from '../../sandbox/jhe/server.ts';
import { mintUserToken } from '../../sandbox/jhe/test-tokens.ts';
import { observation } from './jhe-sandbox-helpers.ts';

let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'jhe-sandbox-'));
  file = join(folder, 'nested', 'jhe.json');
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('JHE sandbox: persistence across restarts', () => {
  it('keeps Observations, tokens, consents and invitations through close and reopen',
    async () => {
      const first = createJheSandbox({ dataFile: file });
      const auth = { Authorization: `Bearer ${mintUserToken(first.store,
        first.demo.practitionerUserId)}` };
      const created = await request(first.app).post('/FHIR/R5/Observation').set(auth)
        .send(observation());
      const invited = await request(first.app).post('/api/v1/invitation').set(auth)
        .send({ patient_id: first.demo.patientId, client_id: first.demo.patientAppId });
      await request(first.app).delete(`/api/v1/patients/${first.demo.patientId}/consents`)
        .set(auth).send({ studyScopeConsents: [{ studyId: first.demo.studyId,
          scopeConsents: [{ codingSystem: 'https://w3id.org/openmhealth',
            codingCode: 'omh:step-count:3.0', consented: true }] }] });
      first.close();

      const second = createJheSandbox({ dataFile: file });
      const read = await request(second.app).get(`/FHIR/R5/Observation/${created.body.id}`)
        .set(auth);
      const consents = await request(second.app)
        .get(`/api/v1/patients/${second.demo.patientId}/consents`).set(auth);
      const redeemed = await request(second.app).post(`/api/v1/invitation/${invited.body.token}`);

      expect(read.status).toBe(200);
      const codes = consents.body.consolidatedConsentedScopes
        .map((code: { codingCode: string }) => code.codingCode);
      expect(codes).not.toContain('omh:step-count:3.0');
      expect(redeemed.status).toBe(200);
      second.close();
    });

  it('new rows continue the id sequences after a restart', async () => {
    const first = createJheSandbox({ dataFile: file });
    first.store.seedObservations(40001, 'omh:heart-rate:2.0', 3, '2025-01-01T00:00:00Z', 60);
    first.close();

    const second = createJheSandbox({ dataFile: file });
    const [row] = second.store.seedObservations(40001, 'omh:heart-rate:2.0', 1,
      '2025-01-02T00:00:00Z', 60);

    expect(row.id).toBe(60004);
    second.close();
  });

  it('writes by temp file and rename, leaving one valid JSON file and no temp file',
    async () => {
      const sandbox = createJheSandbox({ dataFile: file });
      sandbox.store.seedObservations(40001, 'omh:heart-rate:2.0', 10, '2025-01-01T00:00:00Z', 60);
      sandbox.flush();

      const state = JSON.parse(readFileSync(file, 'utf8'));

      expect(state.observations).toHaveLength(10);
      expect(readdirSync(join(folder, 'nested'))).toEqual(['jhe.json']);
      sandbox.close();
    });

  it('a running sandbox flushes on close, so an immediate restart sees the last write',
    async () => {
      const running = await startJheSandbox({ dataFile: file });
      running.store.seedObservations(40001, 'omh:heart-rate:2.0', 5, '2025-01-01T00:00:00Z', 60);
      await running.close();

      const again = await startJheSandbox({ dataFile: file });

      expect(again.store.observationCount()).toBe(5);
      await again.close();
    });

  it('a file the sandbox did not write is refused rather than silently replaced', () => {
    const foreign = join(folder, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ hello: 'world' }));

    expect(() => createJheSandbox({ dataFile: foreign })).toThrow(/not a JHE sandbox data file/);
    expect(JSON.parse(readFileSync(foreign, 'utf8'))).toEqual({ hello: 'world' });
  });

  it('DEFAULT_DATA_FILE is var/jhe-sandbox.json under the project root', () => {
    expect(DEFAULT_DATA_FILE.endsWith(join('var', 'jhe-sandbox.json'))).toBe(true);
    expect(existsSync(join(DEFAULT_DATA_FILE, '..', '..', 'package.json'))).toBe(true);
  });
});
