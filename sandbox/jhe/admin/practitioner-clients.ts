/**
 * `practitioner_clients` (reference §2.3, §5.5): a practitioner's own client-credentials
 * keys. Creating one makes a confidential Application with a 16-character client id and a
 * 32-character secret, and returns `key` = base64(`client_id:client_secret`), which works
 * at `/o/token/` as HTTP Basic. Another practitioner's row is a 404; PUT is a 405.
 */
import { randomInt } from 'node:crypto';
import { noMatch } from '../drf-error.ts';
import { dateToMicros } from '../iso-time.ts';
import type { ApplicationRow, PractitionerCaller } from '../model.ts';
import { callerOf, ok, type AdminCall, type AdminRoutes } from './admin-routes.ts';
import { asPractitioner, pathId } from './lookups.ts';
import { paginateAdmin } from './pagination.ts';
import { renderPractitionerClient } from './render.ts';

const ONLY_PRACTITIONERS = 'Only practitioner users can manage practitioner clients.';
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Registers the practitioner client routes. */
export function practitionerClientRoutes(routes: AdminRoutes): void {
  routes.on('GET', 'practitioner_clients', listClients);
  routes.on('POST', 'practitioner_clients', createClient);
  routes.on('GET', 'practitioner_clients/:id', (call) =>
    ok(renderPractitionerClient(ownClient(call))));
  routes.on('PATCH', 'practitioner_clients/:id', relabelClient);
  routes.on('DELETE', 'practitioner_clients/:id', deleteClient);
}

function practitionerOf(call: AdminCall): PractitionerCaller {
  return asPractitioner(callerOf(call), ONLY_PRACTITIONERS);
}

function listClients(call: AdminCall) {
  const practitioner = practitionerOf(call).practitioner;
  const rows = call.ctx.store.oauth.practitionerClients(practitioner.id);
  return ok(paginateAdmin(call.req, call.query, rows.map(renderPractitionerClient), 'plain'));
}

function createClient(call: AdminCall) {
  const caller = practitionerOf(call);
  const { oauth } = call.ctx.store;
  const now = call.ctx.now();
  const label = typeof call.body.label === 'string' ? call.body.label : '';
  const row = oauth.insertApplication({
    clientId: randomText(16),
    clientSecret: randomText(32),
    name: `_practitioner_client_${caller.practitioner.id}_${compactTimestamp(now)}`,
    clientType: 'confidential',
    grantType: 'client-credentials',
    ownerJheUserId: caller.user.id,
    redirectUris: [],
    created: dateToMicros(now),
    invitationUrl: null,
    practitionerClient: { id: oauth.nextPractitionerClientId(),
      practitionerId: caller.practitioner.id, label },
  });
  return ok(renderPractitionerClient(row), 201);
}

/** The caller's own client with this PractitionerClient id, or DRF's 404. */
function ownClient(call: AdminCall): ApplicationRow {
  const practitioner = practitionerOf(call).practitioner;
  const id = pathId(call.params.id);
  const row = call.ctx.store.oauth.practitionerClients(practitioner.id)
    .find((candidate) => candidate.practitionerClient?.id === id);
  if (!row) throw noMatch('PractitionerClient');
  return row;
}

function relabelClient(call: AdminCall) {
  const row = ownClient(call);
  if (typeof call.body.label === 'string' && row.practitionerClient) {
    row.practitionerClient.label = call.body.label;
    call.ctx.store.changed();
  }
  return ok(renderPractitionerClient(row));
}

function deleteClient(call: AdminCall) {
  call.ctx.store.oauth.deleteApplication(ownClient(call));
  return { status: 204, body: null };
}

function randomText(length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += ALPHANUMERIC[randomInt(62)];
  return text;
}

/** `strftime("%Y%m%d%H%M%S")` in UTC. */
function compactTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
