/**
 * The stored form of a vendor connection, shared by both adapters: every field in clear
 * except the tokens, which are one sealed box bound to the connection's vendor and patient.
 */
import type { ConnectionStatus, OAuthTokens, VendorConnection } from './ports.ts';
import { open, seal, type KeyRing } from './token-cipher.ts';

/** A connection as an adapter stores it. */
export interface ConnectionRecord {
  patientId: string;
  vendor: string;
  keyId: string;
  sealedTokens: string;
  scopes: string[];
  expiresAt?: string;
  status: ConnectionStatus;
  lastError?: string;
  updatedAt: string;
}

const STATUSES: readonly ConnectionStatus[] = ['connected', 'revoked', 'error'];

/**
 * Seals a connection for storage and stamps `updatedAt`.
 *
 * @throws TypeError when a required field is missing or the status is unknown
 */
export function toRecord(ring: KeyRing, connection: VendorConnection, now: Date): ConnectionRecord {
  checkConnection(connection);
  const { patientId, vendor } = connection;
  const sealed = seal(ring, JSON.stringify(connection.tokens), sealContext(patientId, vendor));

  const record: ConnectionRecord = {
    patientId,
    vendor,
    keyId: sealed.keyId,
    sealedTokens: sealed.box,
    scopes: [...connection.scopes],
    status: connection.status,
    updatedAt: now.toISOString(),
  };
  if (connection.expiresAt !== undefined) record.expiresAt = connection.expiresAt;
  if (connection.lastError !== undefined) record.lastError = connection.lastError;
  return record;
}

/**
 * Opens a stored connection.
 *
 * @throws TokenDecryptionError when its tokens cannot be opened with the ring
 */
export function fromRecord(ring: KeyRing, record: ConnectionRecord): VendorConnection {
  const { patientId, vendor } = record;
  const sealed = { keyId: record.keyId, box: record.sealedTokens };
  const tokens = JSON.parse(open(ring, sealed, sealContext(patientId, vendor))) as OAuthTokens;

  const connection: VendorConnection = {
    patientId,
    vendor,
    tokens,
    scopes: record.scopes,
    status: record.status,
    updatedAt: record.updatedAt,
  };
  if (record.expiresAt !== undefined) connection.expiresAt = record.expiresAt;
  if (record.lastError !== undefined) connection.lastError = record.lastError;
  return connection;
}

/** Associated data: a box opens only on the row it was sealed for. */
function sealContext(patientId: string, vendor: string): string {
  return JSON.stringify(['vendor-connection', vendor, patientId]);
}

function checkConnection(connection: VendorConnection): void {
  if (!connection.patientId || !connection.vendor) {
    throw new TypeError('a vendor connection needs a patientId and a vendor');
  }
  if (!connection.tokens || typeof connection.tokens.accessToken !== 'string') {
    throw new TypeError('a vendor connection needs tokens with an accessToken');
  }
  if (!STATUSES.includes(connection.status)) {
    throw new TypeError(`unknown connection status ${JSON.stringify(connection.status)}`);
  }
}
