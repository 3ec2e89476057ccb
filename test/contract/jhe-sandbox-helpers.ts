/**
 * Shared set-up for the JHE sandbox contract tests: a sandbox with a movable clock, a
 * practitioner token, and builders for OMH data points and Observations shaped as in the
 * reference's §4.3 example.
 */
import request from 'supertest';
import { createJheSandbox, type JheSandbox } from '../../sandbox/jhe/app.ts';

/** The base64 `valueAttachment.data` of the reference's §4.3 request. */
export const EXAMPLE_43_DATA = 'eyJoZWFkZXIiOnsidXVpZCI6IjNmMWMyZDRlLTVhNmItNGM3ZC04ZTlmLTBhMW'
  + 'IyYzNkNGU1ZiIsInNjaGVtYV9pZCI6eyJuYW1lc3BhY2UiOiJvbWgiLCJuYW1lIjoiaGVhcnQtcmF0ZSIsInZlcnNp'
  + 'b24iOiIyLjAifSwic291cmNlX2NyZWF0aW9uX2RhdGVfdGltZSI6IjIwMjUtMDMtMDFUMDg6MTU6MDBaIiwibW9kYW'
  + 'xpdHkiOiJzZW5zZWQiLCJleHRlcm5hbF9kYXRhc2hlZXRzIjpbeyJkYXRhc2hlZXRfdHlwZSI6Im1hbnVmYWN0dXJl'
  + 'ciIsImRhdGFzaGVldF9yZWZlcmVuY2UiOiJPcGVuIFdlYXJhYmxlcyJ9XX0sImJvZHkiOnsiaGVhcnRfcmF0ZSI6ey'
  + 'J2YWx1ZSI6NjIsInVuaXQiOiJiZWF0cy9taW4ifSwiZWZmZWN0aXZlX3RpbWVfZnJhbWUiOnsiZGF0ZV90aW1lIjoi'
  + 'MjAyNS0wMy0wMVQwODoxNDowMFoifX19';

/** The rendered `valueAttachment.data` of the reference's §4.4 example. */
export const EXAMPLE_44_DATA = 'eyJib2R5IjogeyJoZWFydF9yYXRlIjogeyJ1bml0IjogImJlYXRzL21pbiIsIC'
  + 'J2YWx1ZSI6IDYyfSwgImVmZmVjdGl2ZV90aW1lX2ZyYW1lIjogeyJkYXRlX3RpbWUiOiAiMjAyNS0wMy0wMVQwODox'
  + 'NDowMFoifX0sICJoZWFkZXIiOiB7InV1aWQiOiAiM2YxYzJkNGUtNWE2Yi00YzdkLThlOWYtMGExYjJjM2Q0ZTVmIi'
  + 'wgIm1vZGFsaXR5IjogInNlbnNlZCIsICJzY2hlbWFfaWQiOiB7Im5hbWUiOiAiaGVhcnQtcmF0ZSIsICJ2ZXJzaW9u'
  + 'IjogIjIuMCIsICJuYW1lc3BhY2UiOiAib21oIn0sICJleHRlcm5hbF9kYXRhc2hlZXRzIjogW3siZGF0YXNoZWV0X3'
  + 'R5cGUiOiAibWFudWZhY3R1cmVyIiwgImRhdGFzaGVldF9yZWZlcmVuY2UiOiAiT3BlbiBXZWFyYWJsZXMifV0sICJz'
  + 'b3VyY2VfY3JlYXRpb25fZGF0ZV90aW1lIjogIjIwMjUtMDMtMDFUMDg6MTU6MDBaIn19';

export const OMH = 'https://w3id.org/openmhealth';

/** A sandbox whose clock the test controls, with a practitioner token already issued. */
export interface TestSandbox extends JheSandbox {
  token: string;
  clock: { now: Date };
  auth: { Authorization: string };
}

/** Builds a sandbox and obtains a client-credentials token for the demo practitioner. */
export async function sandboxWithToken(start = '2026-03-01T12:00:00.250Z'): Promise<TestSandbox> {
  const clock = { now: new Date(start) };
  const sandbox = createJheSandbox({ now: () => clock.now });
  const response = await request(sandbox.app).post('/o/token/')
    .auth(sandbox.demo.clientId, sandbox.demo.clientSecret)
    .type('form').send({ grant_type: 'client_credentials' });
  if (response.status !== 200) throw new Error(`token request failed: ${response.text}`);
  const token = response.body.access_token as string;
  return { ...sandbox, token, clock, auth: { Authorization: `Bearer ${token}` } };
}

/** Moves the sandbox clock forward. */
export function advance(sandbox: TestSandbox, milliseconds: number): void {
  sandbox.clock.now = new Date(sandbox.clock.now.getTime() + milliseconds);
}

/** A valid heart-rate data point measured at `dateTime`. */
export function heartRatePoint(
  dateTime: string, value = 62, uuid = 'aaaa0000-0000-4000-8000-000000000001',
) {
  return {
    header: {
      uuid,
      schema_id: { namespace: 'omh', name: 'heart-rate', version: '2.0' },
      source_creation_date_time: dateTime,
      modality: 'sensed',
    },
    body: {
      heart_rate: { value, unit: 'beats/min' },
      effective_time_frame: { date_time: dateTime },
    },
  };
}

/** Base64 of JSON text with non-ASCII escaped, as a careful client must send it (§4.1.7). */
export function encodeAscii(value: unknown): string {
  const text = JSON.stringify(value).replace(/[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.from(text, 'ascii').toString('base64');
}

/** Base64 of the raw text, whatever bytes it holds. */
export function encodeRaw(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** An Observation that passes every write rule, with fields overridable per test. */
export function observation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: OMH, code: 'omh:heart-rate:2.0' }] },
    subject: { reference: 'Patient/40001' },
    device: { reference: 'Device/70001' },
    valueAttachment: {
      contentType: 'application/json',
      data: encodeAscii(heartRatePoint('2025-03-01T08:14:00Z')),
    },
    ...overrides,
  };
}

/** The one `diagnostics` text of an OperationOutcome body. */
export function diagnostics(body: { issue?: Array<{ diagnostics?: string }> }): string | undefined {
  return body.issue?.[0]?.diagnostics;
}

/** The full OperationOutcome JHE sends for an error. */
export function outcome(text: string) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'processing', diagnostics: text }],
  };
}

/** What the patient app ends up with after the §2.5 invitation flow. */
export interface PatientLogin {
  invitationToken: string;
  grant: { grant_type: string; redirect_uri: string; client_id: string; code: string };
  tokens: { access_token: string; refresh_token: string; id_token: string; scope: string };
}

/** base64url without padding, the PKCE verifier JHE derives from an invitation token. */
export function verifierFor(invitationToken: string): string {
  return Buffer.from(invitationToken, 'utf8').toString('base64url');
}

/**
 * The whole §2.5 flow over HTTP: the practitioner invites the patient to the seeded patient
 * app, the app redeems the invitation and exchanges the code at `/o/token/`.
 */
export async function loginPatientByInvitation(
  sandbox: JheSandbox, practitionerAuth: { Authorization: string },
  patientId: number = sandbox.demo.patientId,
): Promise<PatientLogin> {
  const invited = await request(sandbox.app).post('/api/v1/invitation').set(practitionerAuth)
    .send({ patient_id: patientId, client_id: sandbox.demo.patientAppId });
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.text}`);
  const invitationToken = invited.body.token as string;
  const redeemed = await request(sandbox.app).post(`/api/v1/invitation/${invitationToken}`);
  if (redeemed.status !== 200) throw new Error(`redemption failed: ${redeemed.text}`);
  const grant = redeemed.body.grant as PatientLogin['grant'];
  const exchanged = await request(sandbox.app).post('/o/token/').type('form').send({
    grant_type: 'authorization_code', code: grant.code, redirect_uri: grant.redirect_uri,
    client_id: grant.client_id, code_verifier: verifierFor(invitationToken),
  });
  if (exchanged.status !== 200) throw new Error(`code exchange failed: ${exchanged.text}`);
  return { invitationToken, grant, tokens: exchanged.body };
}
