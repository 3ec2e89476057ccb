/**
 * Patient invitations (reference §2.5). `POST invitation` issues a 32-character token for a
 * patient at a patient-app client (earlier `issued` ones become `reissued`) and builds the
 * link from the client's invitation URL. `POST invitation/<token>` needs no auth and turns
 * the token into an authorization code whose PKCE verifier is base64url(token).
 */
import { createHash, randomInt } from 'node:crypto';
import { siteUrl } from '../context.ts';
import { DrfError, noMatch, serverCrash } from '../drf-error.ts';
import { dateToMicros, formatUtc } from '../iso-time.ts';
import type { ApplicationRow, PatientRow } from '../model.ts';
import { requestUrl } from '../paging.ts';
import {
  callerOf, NOT_THIS_ROUTE, ok, type AdminCall, type AdminRoutes,
} from './admin-routes.ts';
import { valueId } from './lookups.ts';
import { paginateAdmin } from './pagination.ts';
import { redeemInvitation } from './redeem-invitation.ts';
import { renderInvitation } from './render.ts';

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const REQUIRED = 'This field is required.';

/** Registers the invitation routes. */
export function invitationRoutes(routes: AdminRoutes): void {
  routes.on('GET', 'invitation', listInvitations);
  routes.on('POST', 'invitation', issueInvitation);
  routes.on('POST', 'invitation/:token', redeem, { isPublic: true });
}

function listInvitations(call: AdminCall) {
  callerOf(call);
  const rows = call.ctx.store.snapshot().invitations.map((row) => renderInvitation(row, null));
  return ok(paginateAdmin(call.req, call.query, rows, 'plain'));
}

/** Any authenticated user may invite; JHE checks no organization membership. */
function issueInvitation(call: AdminCall) {
  callerOf(call);
  const { store } = call.ctx;
  const patientValue = call.body.patient_id;
  const clientValue = call.body.client_id;
  const missing: Record<string, string[]> = {};
  if (!patientValue) missing.patientId = [REQUIRED];
  if (!clientValue) missing.client_id = [REQUIRED];
  if (Object.keys(missing).length > 0) throw new DrfError(400, missing);

  const patient = store.patient(valueId(patientValue, 'patient_id'));
  if (!patient) throw noMatch('Patient');
  const client = store.oauth.application(valueId(clientValue, 'client_id'));
  if (!client) throw noMatch('Application');
  if (!client.invitationUrl) throw serverCrash('Missing invitation_url on JheClient');

  const { row, token } = issue(call, patient, client);
  const host = new URL(siteUrl(call.ctx, call.req)).host;
  const link = client.invitationUrl.replace(/CODE/g, pythonQuote(`${host}_${token}`));
  return ok(renderInvitation(row, token, link), 201);
}

function issue(call: AdminCall, patient: PatientRow, client: ApplicationRow) {
  const { oauth } = call.ctx.store;
  const at = dateToMicros(call.ctx.now());
  for (const earlier of oauth.invitationsFor(patient.id, client.id)) {
    if (earlier.status === 'issued') oauth.saveInvitation(earlier, 'reissued', at);
  }
  let token = '';
  for (let index = 0; index < 32; index += 1) token += TOKEN_CHARS[randomInt(62)];
  const row = oauth.insertInvitation({ patientId: patient.id, applicationId: client.id,
    tokenHash: tokenHash(token), status: 'issued', lastUpdated: at });
  return { row, token };
}

/** The route regex is `[A-Za-z0-9]{32}`; any other token is no route at all. */
function redeem(call: AdminCall) {
  const token = call.params.token;
  if (!/^[A-Za-z0-9]{32}$/.test(token)) throw NOT_THIS_ROUTE;
  const grant = redeemInvitation(call.ctx, call.req, token, tokenHash(token));
  return ok({
    grant: {
      grant_type: 'authorization_code',
      redirect_uri: grant.redirectUri,
      client_id: grant.clientId,
      code: grant.code,
    },
    token_endpoint: `${requestUrl(call.req).origin}/o/token/`,
    expires: formatUtc(grant.expiresAt * 1000),
  });
}

/** How JHE finds an invitation: base64url(sha256(token)) without padding. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Python's `quote(text, safe="_")`: only letters, digits and `_.-~` stay as they are. */
function pythonQuote(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
