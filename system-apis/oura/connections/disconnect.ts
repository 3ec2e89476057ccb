/**
 * Disconnecting a patient: the grant is revoked at Oura when a revocation URL is
 * configured, and the stored tokens are wiped whatever Oura answers, so a patient who
 * disconnects is never read from again. The record stays, as revoked, so the connection's
 * status can still be asked for.
 */
import type { Logger } from '../../../shared/logging/logger.ts';
import type { VendorConnection, VendorConnectionStore } from '../../../shared/state/ports.ts';
import type { components } from '../../../specs/types/oura.ts';
import type { OuraTokenEndpoint } from '../oauth/token-endpoint.ts';
import { notConnected, VENDOR } from './connection-view.ts';
import type { PatientLanes } from './patient-lanes.ts';

type Revocation = components['schemas']['OuraDisconnection']['upstreamRevocation'];

/** What disconnecting works with. */
export interface DisconnectDeps {
  store: VendorConnectionStore;
  endpoint?: OuraTokenEndpoint;
  lanes: PatientLanes;
  log: Logger;
}

/**
 * Revokes the patient's connection, in the patient's lane.
 * @throws ApiError `OURA.NOT_CONNECTED` (404) when the patient never connected.
 */
export function disconnect(deps: DisconnectDeps, patientId: string):
  Promise<{ connection: VendorConnection; upstreamRevocation: Revocation }> {
  return deps.lanes.run(patientId, async () => {
    const current = await deps.store.get(patientId, VENDOR);
    if (!current) throw notConnected(404, 'The patient has not connected an Oura account');
    const upstreamRevocation = await revokeUpstream(deps, current);
    const connection = await deps.store.put({
      patientId, vendor: VENDOR, tokens: { accessToken: '' }, scopes: current.scopes,
      status: 'revoked',
    });
    deps.log.info({ patientId, upstreamRevocation }, 'Oura connection revoked');
    return { connection, upstreamRevocation };
  });
}

async function revokeUpstream(deps: DisconnectDeps, current: VendorConnection):
  Promise<Revocation> {
  if (current.status === 'revoked' || current.tokens.accessToken === '') return 'not_needed';
  if (!deps.endpoint) return 'not_configured';
  return deps.endpoint.revoke(current.tokens.accessToken);
}
