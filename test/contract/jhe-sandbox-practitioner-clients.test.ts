/**
 * Practitioner API keys under `/api/v1/practitioner_clients` (reference §2.3, §5.5). The
 * create-use-delete round trip also runs against a real JHE when one is configured, and
 * cleans up after itself there.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJheSandbox, type JheSandbox } from '../../sandbox/jhe/app.ts';
import { mintPatientToken, mintUserToken } from '../../sandbox/jhe/test-tokens.ts';
import { bearer, describeBlackBox } from './target.ts';

describeBlackBox('JHE practitioner clients', (target) => {
  it('§2.3 §5.5 a new client has a 16-character id, a 32-character secret and key ='
    + ' base64(id:secret) that works at /o/token/ as the practitioner', async () => {
    const auth = bearer(await target().practitionerToken());
    const created = await target().http().post('/api/v1/practitioner_clients').set(auth)
      .send({ label: 'conformance run' });
    try {
      expect(created.status).toBe(201);
      expect(Object.keys(created.body)).toEqual(['id', 'label', 'created', 'name', 'key']);
      const [clientId, secret] = Buffer.from(created.body.key, 'base64').toString().split(':');
      expect(clientId).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);

      const token = await target().http().post('/o/token/').type('form')
        .set('Authorization', `Basic ${created.body.key}`)
        .send({ grant_type: 'client_credentials' });
      const mine = await target().http().get('/api/v1/users/profile').set(auth);
      const viaKey = await target().http().get('/api/v1/users/profile')
        .set(bearer(token.body.access_token));

      expect(token.status).toBe(200);
      expect(viaKey.body.id).toBe(mine.body.id);
    } finally {
      if (created.body?.id !== undefined) {
        await target().http().delete(`/api/v1/practitioner_clients/${created.body.id}`)
          .set(auth);
      }
    }
  });

  it('§5.5 PUT is not allowed: 405', async () => {
    const auth = bearer(await target().practitionerToken());

    const response = await target().http().put('/api/v1/practitioner_clients/1').set(auth)
      .send({ label: 'x' });

    expect(response.status).toBe(405);
  });
});

describe('JHE sandbox: practitioner client ownership (§5.5)', () => {
  let sandbox: JheSandbox;
  let mine: { Authorization: string };
  let theirs: { Authorization: string };

  beforeAll(() => {
    sandbox = createJheSandbox();
    mine = bearer(mintUserToken(sandbox.store, sandbox.demo.practitionerUserId));
    theirs = bearer(mintUserToken(sandbox.store, sandbox.demo.otherPractitionerUserId));
  });

  it('§5.5 the list holds only the caller\'s own clients', async () => {
    const response = await request(sandbox.app).get('/api/v1/practitioner_clients').set(mine);

    expect(response.body.count).toBe(1);
    expect(response.body.results[0].label).toBe('Pause gateway');
  });

  it('§5.5 another practitioner\'s client is 404, and PATCH relabels one\'s own', async () => {
    const foreign = await request(sandbox.app).get('/api/v1/practitioner_clients/2').set(mine);
    const relabelled = await request(sandbox.app).patch('/api/v1/practitioner_clients/2')
      .set(theirs).send({ label: 'renamed' });

    expect(foreign.status).toBe(404);
    expect(relabelled.body.label).toBe('renamed');
  });

  it('§5.5 a deleted client\'s key stops working', async () => {
    const created = await request(sandbox.app).post('/api/v1/practitioner_clients').set(mine)
      .send({});
    await request(sandbox.app).delete(`/api/v1/practitioner_clients/${created.body.id}`)
      .set(mine);

    const token = await request(sandbox.app).post('/o/token/').type('form')
      .set('Authorization', `Basic ${created.body.key}`).send({ grant_type: 'client_credentials' });

    expect(token.status).toBe(401);
  });

  it('§5.5 a patient user is refused with 403', async () => {
    const response = await request(sandbox.app).get('/api/v1/practitioner_clients')
      .set(bearer(mintPatientToken(sandbox.store)));

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      detail: 'Only practitioner users can manage practitioner clients.' });
  });
});
