/**
 * Opaque OW-style cursors. Like OW's keyset cursors, one names the last row served (its sort
 * time and a tie-breaking row number), not an offset, so a page boundary stays put however
 * the caller's other parameters are spelled. Decoding accepts only what `encodeCursor`
 * writes: an edited or truncated cursor is refused, not read as some other position.
 */
import { OwSandboxError } from './sandbox-error.ts';

/** The last row a page served: its sort time (epoch ms) and its row number. */
export interface CursorPosition {
  at: number;
  row: number;
}

/** Makes the cursor that resumes a listing after `position`. */
export function encodeCursor(position: CursorPosition): string {
  const json = JSON.stringify({ at: position.at, row: position.row, dir: 'next' });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/**
 * Reads back a cursor this sandbox issued.
 * @throws OwSandboxError 400 for anything else.
 */
export function decodeCursor(cursor: string): CursorPosition {
  const position = readPosition(cursor);
  if (!position || encodeCursor(position) !== cursor) {
    throw new OwSandboxError(400, 'The cursor is not one this server issued');
  }
  return position;
}

function readPosition(cursor: string): CursorPosition | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as
      Partial<CursorPosition> | null;
    const { at, row } = parsed ?? {};
    return Number.isSafeInteger(at) && Number.isSafeInteger(row) && (row as number) >= 0
      ? { at: at as number, row: row as number } : undefined;
  } catch {
    return undefined;
  }
}
