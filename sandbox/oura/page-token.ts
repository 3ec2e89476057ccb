/**
 * Oura-style `next_token`: opaque to the caller, here just the offset of the next row in
 * base64url JSON. Decoding insists on the exact form we issue, so an edited or truncated
 * token is refused instead of being read as some other offset.
 */
import { OuraSandboxError } from './sandbox-error.ts';

/** Makes the token that resumes a listing at `offset`. */
export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

/**
 * Reads the offset back out of a token this sandbox issued.
 * @throws OuraSandboxError 400 when the token is not one of ours.
 */
export function decodePageToken(token: string): number {
  const offset = readOffset(token);
  if (offset === undefined || encodePageToken(offset) !== token) {
    throw new OuraSandboxError(400, 'next_token is not a token this server issued');
  }
  return offset;
}

function readOffset(token: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const offset = (parsed as { offset?: unknown } | null)?.offset;
    return Number.isSafeInteger(offset) && (offset as number) >= 0 ? (offset as number) : undefined;
  } catch {
    return undefined;
  }
}
