/**
 * The one window check the contract cannot express: the end may not come before the start.
 * OW would answer such a window with nothing, which would look like a day without data.
 */
import { ApiError } from '../../shared/errors/problem.ts';

/**
 * Compares two bounds as instants; a bare date is 00:00 UTC, which is also how OW reads it.
 * @throws ApiError 400 REQUEST.INVALID pointing at the end bound when it precedes the start.
 */
export function assertOrdered(query: Record<string, unknown>, startName: string,
  endName: string): void {
  const start = Date.parse(String(query[startName]));
  const end = Date.parse(String(query[endName]));
  if (!(end < start)) return;
  throw new ApiError(400, 'REQUEST.INVALID', 'The window ends before it starts', {
    errors: [{ pointer: `/query/${endName}`, detail: `must not be before ${startName}` }],
  });
}
