/**
 * What callers see of a stored connection: its status and scopes, never its tokens.
 * The contract's schema forbids any other field, and responses are validated in tests.
 */
import { ApiError } from '../../../shared/errors/problem.ts';
import type { VendorConnection } from '../../../shared/state/ports.ts';
import type { components } from '../../../specs/types/oura.ts';

/** The connection as the contract describes it. */
export type ConnectionView = components['schemas']['OuraConnection'];

/** The vendor name connections are stored under. */
export const VENDOR = 'oura';

/** A stored connection without its tokens. */
export function connectionView(connection: VendorConnection): ConnectionView {
  const view: ConnectionView = {
    patientId: Number(connection.patientId),
    vendor: 'oura',
    status: connection.status,
    scopes: [...connection.scopes],
  };
  if (connection.expiresAt) view.expiresAt = connection.expiresAt;
  if (connection.updatedAt) view.updatedAt = connection.updatedAt;
  if (connection.lastError) view.lastError = connection.lastError;
  return view;
}

/**
 * `OURA.NOT_CONNECTED`: 404 where the connection itself is the resource, 409 where an
 * operation needs a live one.
 */
export function notConnected(status: 404 | 409, detail: string, cause?: unknown): ApiError {
  return new ApiError(status, 'OURA.NOT_CONNECTED', 'The patient has no usable Oura connection',
    { detail, cause });
}

/** The connection if it can be used to read data, else `OURA.NOT_CONNECTED` (409). */
export function usable(connection: VendorConnection | undefined): VendorConnection {
  if (!connection) throw notConnected(409, 'The patient has not connected an Oura account');
  if (connection.status === 'revoked') {
    throw notConnected(409, 'The patient disconnected Oura; connect again to read data');
  }
  if (connection.status === 'error') {
    throw notConnected(409, 'Oura no longer accepts this connection; connect again');
  }
  return connection;
}
