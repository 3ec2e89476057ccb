/**
 * Single calls to JHE's admin REST API (`/api/v1`, reference §5): read one resource, or
 * write and expect JHE's success status. Lists go through `admin-lists.ts`.
 */
import type { JheCall, JheClient } from './jhe-client.ts';
import { jheError, type JheFamily } from './jhe-errors.ts';

/**
 * Reads one admin resource.
 * @param path - below `/api/v1`, e.g. `/patients/40001`.
 */
export async function readAdmin<T>(
  client: JheClient,
  path: string,
  family: JheFamily = 'admin',
): Promise<T> {
  const response = await client.admin({ method: 'GET', path });
  if (response.status !== 200) throw jheError(response.status, response.body, family);
  return response.body as T;
}

/**
 * Sends an admin write and returns JHE's body.
 * @param expected - the status JHE answers on success (201 for creates, 204 for deletes).
 */
export async function writeAdmin<T>(
  client: JheClient,
  call: JheCall,
  expected: number,
  family: JheFamily = 'admin',
): Promise<T> {
  const response = await client.admin(call);
  if (response.status !== expected) throw jheError(response.status, response.body, family);
  return response.body as T;
}
