/**
 * Checks on the JSON bodies of control calls that more than one sandbox takes. Each throws
 * a ControlError whose message names what is wrong, answered to the test as a 400.
 */
import type { Request } from 'express';
import { ControlError } from './control-error.ts';

/** The body as an object. @throws ControlError 400 when it is anything else. */
export function objectBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ControlError(400, 'The body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** The `:collection` of the path. @throws ControlError 400 when it is not one of `names`. */
export function readCollection<C extends string>(req: Request, names: readonly C[]): C {
  const collection = String(req.params.collection);
  if (!(names as readonly string[]).includes(collection)) {
    throw new ControlError(400, `Unknown collection "${collection}"; one of `
      + names.join(', '));
  }
  return collection as C;
}

/** The rows in `data`. @throws ControlError 400 when `data` is not an array. */
export function readRowsField(body: Record<string, unknown>): unknown[] {
  if (!Array.isArray(body.data)) {
    throw new ControlError(400, 'The body needs "data": an array of rows');
  }
  return body.data;
}

/**
 * The `user` a data call names, as `canonical` reads it; undefined when there is none.
 * @throws ControlError 400 with `rule` when `user` is there but not one `canonical` takes.
 */
export function readUserField(body: Record<string, unknown>,
  canonical: (text: string) => string | undefined, rule: string): string | undefined {
  if (body.user === undefined) return undefined;
  const user = typeof body.user === 'string' ? canonical(body.user) : undefined;
  if (!user) throw new ControlError(400, rule);
  return user;
}

/** The `pageSize` of a settings call. @throws ControlError 400 unless a whole number >= 1. */
export function readPageSize(body: unknown): number {
  const pageSize = (body as { pageSize?: unknown } | null)?.pageSize;
  if (!Number.isSafeInteger(pageSize) || (pageSize as number) < 1) {
    throw new ControlError(400, '"pageSize" must be a whole number, 1 or more');
  }
  return pageSize as number;
}
