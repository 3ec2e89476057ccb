/**
 * Where the conformance rules run: the in-process JHE sandbox always, and a real JHE when
 * `JHE_CONFORMANCE_URL` is set. Black-box rules are written once against
 * {@link ConformanceTarget} and registered for both with {@link describeBlackBox}; rules
 * that need seeding or a movable clock use the sandbox directly and never reach a real JHE.
 *
 * Real-JHE settings: `JHE_CONFORMANCE_URL` (base URL, no trailing slash),
 * `JHE_CONFORMANCE_CLIENT_ID` / `_SECRET` (a practitioner client-credentials key),
 * `_PATIENT_ID` (a patient that practitioner can see) and `_DEVICE_ID` (a personal-device
 * DataSource). Without the URL the real-JHE blocks are skipped, not failed.
 */
import request from 'supertest';
import { beforeAll, describe } from 'vitest';
import { createJheSandbox, type JheSandbox } from '../../sandbox/jhe/app.ts';

/** What a rule may use on either target. */
export interface ConformanceTarget {
  label: 'sandbox' | 'real JHE';
  /** A supertest agent on the target: `target.http().get('/health')`. */
  http(): ReturnType<typeof request>;
  clientId: string;
  clientSecret: string;
  patientId: number;
  deviceId: number;
  /** A practitioner bearer token from the client-credentials key, fetched once. */
  practitionerToken(): Promise<string>;
  /** Present on the sandbox only. */
  sandbox?: JheSandbox;
}

const REAL_URL = process.env.JHE_CONFORMANCE_URL?.replace(/\/+$/, '');

/** True when a real JHE is configured for this run. */
export const hasRealJhe = Boolean(REAL_URL);

/** A fresh seeded sandbox as a target. */
export function sandboxTarget(sandbox: JheSandbox = createJheSandbox()): ConformanceTarget {
  return withToken({
    label: 'sandbox',
    http: () => request(sandbox.app),
    clientId: sandbox.demo.clientId,
    clientSecret: sandbox.demo.clientSecret,
    patientId: sandbox.demo.patientId,
    deviceId: sandbox.demo.dataSourceId,
    sandbox,
  });
}

/** The configured real JHE as a target. */
export function realTarget(): ConformanceTarget {
  if (!REAL_URL) throw new Error('JHE_CONFORMANCE_URL is not set');
  const env = (name: string) => {
    const value = process.env[`JHE_CONFORMANCE_${name}`];
    if (!value) throw new Error(`JHE_CONFORMANCE_${name} must be set with JHE_CONFORMANCE_URL`);
    return value;
  };
  return withToken({
    label: 'real JHE',
    http: () => request(REAL_URL),
    clientId: env('CLIENT_ID'),
    clientSecret: env('CLIENT_SECRET'),
    patientId: Number(env('PATIENT_ID')),
    deviceId: Number(env('DEVICE_ID')),
  });
}

function withToken(target: Omit<ConformanceTarget, 'practitionerToken'>): ConformanceTarget {
  let token: Promise<string> | undefined;
  const fetchToken = async () => {
    const response = await target.http().post('/o/token/')
      .auth(target.clientId, target.clientSecret).type('form')
      .send({ grant_type: 'client_credentials' });
    if (response.status !== 200) {
      throw new Error(`${target.label} refused the client-credentials key: ${response.status}`);
    }
    return response.body.access_token as string;
  };
  return { ...target, practitionerToken: () => (token ??= fetchToken()) };
}

/**
 * Registers the same rules for the sandbox and, when configured, for the real JHE. The
 * body receives a getter because targets are built in `beforeAll`.
 */
export function describeBlackBox(
  title: string, body: (target: () => ConformanceTarget) => void,
): void {
  describe(`${title} [sandbox]`, () => {
    let target: ConformanceTarget;
    beforeAll(() => {
      target = sandboxTarget();
    });
    body(() => target);
  });
  describe.skipIf(!hasRealJhe)(`${title} [real JHE]`, () => {
    let target: ConformanceTarget;
    beforeAll(() => {
      target = realTarget();
    });
    body(() => target);
  });
}

/** `Authorization: Bearer <token>` for supertest's `.set()`. */
export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
