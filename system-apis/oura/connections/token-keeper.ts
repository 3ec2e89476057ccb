/**
 * A patient's access token for collection calls, renewed with the refresh token shortly
 * before it expires, and once more when Oura refuses it. However many calls need a renewal
 * at once, one refresh request is made: renewals run in the patient's lane and each first
 * re-reads the store, so the calls queued behind the first find the token already renewed.
 *
 * Across replicas the lane does not reach. Oura's refresh tokens are single use, so two
 * replicas renewing at once would see one of them refused; a refused renewal therefore
 * re-reads the store, and if another replica has stored a new refresh token meanwhile, it
 * uses that connection instead of marking this one broken.
 */
import { ApiError } from '../../../shared/errors/problem.ts';
import type { Logger } from '../../../shared/logging/logger.ts';
import type { VendorConnection, VendorConnectionStore } from '../../../shared/state/ports.ts';
import { InvalidGrantError, type OuraTokenEndpoint } from '../oauth/token-endpoint.ts';
import type { Credentials } from '../oura-client.ts';
import { notConnected, usable, VENDOR } from './connection-view.ts';
import { issuedConnection } from './issued-connection.ts';
import type { PatientLanes } from './patient-lanes.ts';

/** What the keeper works with. */
export interface TokenKeeperDeps {
  store: VendorConnectionStore;
  /** Absent when no OAuth client is configured: tokens are then used until refused. */
  endpoint?: OuraTokenEndpoint;
  lanes: PatientLanes;
  now: () => number;
  marginMs: number;
  log: Logger;
}

/** Hands out patients' access tokens and renews them. */
export class TokenKeeper {
  constructor(private readonly deps: TokenKeeperDeps) {}

  /** The credentials of the patient's collection calls. */
  credentials(patientId: string): Credentials {
    return {
      token: () => this.accessToken(patientId),
      refused: (token) => this.replaceRefused(patientId, token),
    };
  }

  /**
   * A token to send now, renewed first when it is within the margin of expiry. A renewal
   * that fails for a reason other than Oura refusing the grant leaves the current token in
   * use while it has not expired.
   * @throws ApiError `OURA.NOT_CONNECTED` (409) when there is no usable connection.
   */
  async accessToken(patientId: string): Promise<string> {
    const connection = usable(await this.deps.store.get(patientId, VENDOR));
    if (!this.expiring(connection) || !this.renewable(connection)) {
      return connection.tokens.accessToken;
    }
    try {
      return (await this.renewIf(patientId, (current) => this.expiring(current)))
        .tokens.accessToken;
    } catch (error) {
      if (!this.unexpired(connection) || codeOf(error) === 'OURA.NOT_CONNECTED') throw error;
      this.deps.log.warn({ patientId, code: codeOf(error) },
        'Oura token renewal failed; the current token is used until it expires');
      return connection.tokens.accessToken;
    }
  }

  /** After Oura refused `token`: true once another token is stored, renewing if need be. */
  async replaceRefused(patientId: string, token: string): Promise<boolean> {
    const after = await this.renewIf(patientId, (current) => current.tokens.accessToken === token);
    return after.tokens.accessToken !== token;
  }

  /**
   * Renews now (refreshOuraConnection). Calls that arrive together share one renewal.
   * @throws ApiError `OURA.NOT_CONNECTED` (409) without a usable connection or refresh token.
   */
  async renewNow(patientId: string): Promise<VendorConnection> {
    const seen = usable(await this.deps.store.get(patientId, VENDOR));
    if (!this.renewable(seen)) {
      throw notConnected(409, 'The connection has no refresh token; connect again');
    }
    return this.renewIf(patientId, (current) =>
      current.tokens.accessToken === seen.tokens.accessToken);
  }

  /** In the patient's lane: renews when `needed` still holds for the stored connection. */
  private renewIf(patientId: string, needed: (current: VendorConnection) => boolean):
    Promise<VendorConnection> {
    return this.deps.lanes.run(patientId, async () => {
      const current = usable(await this.deps.store.get(patientId, VENDOR));
      if (!needed(current) || !this.renewable(current)) return current;
      return this.renew(current);
    });
  }

  private async renew(current: VendorConnection): Promise<VendorConnection> {
    const { endpoint, store, now, log } = this.deps;
    const refreshToken = current.tokens.refreshToken as string;
    const requestedAt = now();
    try {
      const issued = await (endpoint as OuraTokenEndpoint).refresh(refreshToken);
      const renewed = await store.put(issuedConnection(current.patientId, issued, requestedAt,
        current.scopes, refreshToken));
      log.info({ patientId: current.patientId }, 'Oura access token renewed');
      return renewed;
    } catch (error) {
      if (error instanceof InvalidGrantError) return this.afterRefusal(current, error);
      throw error;
    }
  }

  private async afterRefusal(current: VendorConnection, error: InvalidGrantError):
    Promise<VendorConnection> {
    const { store, log } = this.deps;
    const latest = await store.get(current.patientId, VENDOR);
    if (latest?.status === 'connected'
      && latest.tokens.refreshToken !== current.tokens.refreshToken) {
      return latest;
    }
    await store.put({ ...current, status: 'error',
      lastError: 'Oura refused the refresh token; the patient must connect again' });
    log.warn({ patientId: current.patientId }, 'Oura refused a refresh token; connection broken');
    throw notConnected(409, 'Oura refused the refresh token; the patient must connect again',
      error);
  }

  private expiring(connection: VendorConnection): boolean {
    if (!connection.expiresAt) return false;
    return Date.parse(connection.expiresAt) - this.deps.marginMs <= this.deps.now();
  }

  private unexpired(connection: VendorConnection): boolean {
    return !connection.expiresAt || Date.parse(connection.expiresAt) > this.deps.now();
  }

  private renewable(connection: VendorConnection): boolean {
    return this.deps.endpoint !== undefined && Boolean(connection.tokens.refreshToken);
  }
}

function codeOf(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}
