import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../shared/http/transport.ts';
import { JheClient } from '../../system-apis/jhe/jhe-client.ts';
import { practitionerConfiguration } from '../../system-apis/jhe/oauth-config.ts';
import { practitionerTokenRequester } from '../../system-apis/jhe/practitioner-token.ts';
import { TokenProvider } from '../../system-apis/jhe/token-provider.ts';
import { startHarness, type Harness } from './sandbox-harness.ts';

/** JHE's access-token lifetime (ACCESS_TOKEN_EXPIRE_SECONDS). */
const LIFETIME_MS = 1_209_600_000;
const START = Date.parse('2026-03-01T12:00:00Z');
const SEARCH = `/jhe/v1/observations?${new URLSearchParams({ patient: '40001',
  code: 'omh:heart-rate:2.0' })}`;

describe('practitioner token provider', () => {
  it('renews once for many waiters and hands every waiter the new token', async () => {
    let clock = START;
    let issued = 0;
    const release: Array<() => void> = [];
    const tokens = new TokenProvider({
      requestToken: () => new Promise((resolve) => {
        issued += 1;
        const token = { accessToken: `t${issued}`, expiresIn: LIFETIME_MS / 1000 };
        release.push(() => resolve(token));
      }),
      now: () => clock,
    });
    const first = tokens.token();
    release.shift()!();
    expect(await first).toBe('t1');

    clock = START + LIFETIME_MS - 1000;
    const waiting = Array.from({ length: 20 }, () => tokens.token());
    expect(issued).toBe(2);
    release.shift()!();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['t2']));
  });

  it('keeps using a token until it is within the margin of expiry', async () => {
    let clock = START;
    let issued = 0;
    const tokens = new TokenProvider({
      requestToken: async () => ({ accessToken: `t${++issued}`, expiresIn: 3600 }),
      marginMs: 120_000,
      now: () => clock,
    });
    await tokens.token();
    clock = START + 3_600_000 - 120_001;
    expect(await tokens.token()).toBe('t1');
    clock += 2;
    expect(await tokens.token()).toBe('t2');
  });

  it('lets a failed renewal fail every waiter, and tries again on the next call', async () => {
    let fail = true;
    const tokens = new TokenProvider({
      requestToken: async () => {
        if (fail) throw new Error('JHE down');
        return { accessToken: 'ok', expiresIn: 3600 };
      },
    });
    const results = await Promise.allSettled([tokens.token(), tokens.token()]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await tokens.token()).toBe('ok');
  });

  it('counts expiry from when it asked, not when JHE answered', async () => {
    let clock = START;
    let issued = 0;
    const tokens = new TokenProvider({
      requestToken: async () => {
        clock += 30_000; // a slow token endpoint
        return { accessToken: `t${++issued}`, expiresIn: 150 };
      },
      marginMs: 120_000,
      now: () => clock,
    });
    await tokens.token();
    // Asked at START: 150 s of life minus 120 s of margin leaves 30 s, all spent waiting.
    clock = START + 30_001;
    expect(await tokens.token()).toBe('t2');
  });
});

describe('token renewal against JHE', () => {
  let harness: Harness | undefined;

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('twenty requests at one second before expiry cause exactly one token request', async () => {
    harness = await startHarness({ startMs: START });
    const { app } = harness.jhe.api;
    await request(app).get(SEARCH).expect(200);
    expect(harness.to('/o/token/')).toHaveLength(1);

    harness.clocks.gatewayMs = START + LIFETIME_MS - 1000;
    const mark = harness.received.length;
    const answers = await Promise.all(Array.from({ length: 20 }, () => request(app).get(SEARCH)));

    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(harness.to('/o/token/', mark)).toHaveLength(1);
    expect(harness.to('/FHIR/R5/Observation', mark)).toHaveLength(20);
    expect(harness.received.filter((r) => r.status === 401)).toEqual([]);
  });

  it('a JHE clock a minute ahead produces no 401s: the margin renews first', async () => {
    harness = await startHarness({ startMs: START });
    const { app } = harness.jhe.api;
    await request(app).get(SEARCH).expect(200);

    // JHE's clock steps a minute ahead; walk ours through the token's last minutes.
    harness.clocks.jheAheadMs = 60_000;
    for (const left of [180, 121, 119, 61, 59, 30, 1]) {
      harness.clocks.gatewayMs = START + LIFETIME_MS - left * 1000;
      await request(app).get(SEARCH).expect(200);
    }

    expect(harness.received.filter((r) => r.status === 401)).toEqual([]);
    expect(harness.to('/o/token/')).toHaveLength(2);
  });

  it('without the margin the same clocks would reach JHE with an expired token', async () => {
    harness = await startHarness({ startMs: START });
    const { sandbox, url, clocks } = harness;
    const transport = new HttpTransport(url);
    const config = practitionerConfiguration({ origin: url, transport, timeoutMs: 10_000 },
      { clientId: sandbox.demo.clientId, clientSecret: sandbox.demo.clientSecret });
    const tokens = new TokenProvider({ requestToken: practitionerTokenRequester(config),
      marginMs: 0, now: () => clocks.gatewayMs });
    const client = new JheClient(transport, tokens, '/FHIR/R5', 10_000);
    const search = { method: 'GET' as const, path: '/Observation', query: { patient: 40001 } };
    await client.fhir(search);

    clocks.jheAheadMs = 60_000;
    clocks.gatewayMs = START + LIFETIME_MS - 30_000;
    const response = await client.fhir(search);
    await client.close();

    // The re-authentication recovers, but only after JHE refused the stale token.
    expect(response.status).toBe(200);
    expect(harness.received.filter((r) => r.status === 401)).toHaveLength(1);
  });
});
