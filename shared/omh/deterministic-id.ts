/**
 * Name-based UUIDs (RFC 9562 version 5): the same name always gives the same id, so a data
 * point converted twice from the same vendor record keeps its id, and JHE's identifier
 * uniqueness turns a retry into a 409 instead of a second copy.
 */
import { createHash } from 'node:crypto';

/** Namespace for Pause data point ids (itself a random v4 UUID, fixed forever). */
export const DATA_POINT_NAMESPACE = '5b0f7c1e-8a3d-4f52-9c6e-2d41a7e3b9f0';

/** A version 5 UUID for `name` within `namespace`. */
export function uuidV5(name: string, namespace = DATA_POINT_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)]
    .join('-');
}
