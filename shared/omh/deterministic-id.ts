/**
 * Name-based UUIDs (RFC 9562 version 5): the same name always gives the same id, so a data
 * point converted twice from the same vendor record keeps its id, and JHE's identifier
 * uniqueness turns a retry into a 409 instead of a second copy.
 */
import { digestHex } from './digest.ts';

/** Namespace for Pause data point ids (itself a random v4 UUID, fixed forever). */
export const DATA_POINT_NAMESPACE = '5b0f7c1e-8a3d-4f52-9c6e-2d41a7e3b9f0';

/** Namespace bytes by namespace text: one conversion per namespace, not one per id. */
const namespaceBytes = new Map<string, Buffer>();

/** A version 5 UUID for `name` within `namespace`. */
export function uuidV5(name: string, namespace = DATA_POINT_NAMESPACE): string {
  const hex = digestHex('sha1', Buffer.concat([bytesOf(namespace), Buffer.from(name, 'utf8')]));
  // Version 5 in the high nibble of byte 6; variant 10xx in the high bits of byte 8.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}`
    + `${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function bytesOf(namespace: string): Buffer {
  let bytes = namespaceBytes.get(namespace);
  if (!bytes) {
    bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    namespaceBytes.set(namespace, bytes);
  }
  return bytes;
}
