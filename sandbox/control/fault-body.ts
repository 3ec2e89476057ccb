/**
 * Reading a fault sent to a sandbox's control API as JSON. Each sandbox names the fields
 * its faults have and what each must hold; the checks and their messages are shared, so a
 * test gets the same answer for the same mistake from every sandbox.
 */
import { ControlError } from './control-error.ts';

/** What a fault field must hold. */
export type FaultFieldKind = 'string' | 'status' | 'count' | 'positive';

/** The fields every sandbox's faults have (see `ScriptedFault`) and what each holds. */
export const SCRIPTED_FAULT_FIELDS = {
  path: 'string', detail: 'string', status: 'status', retryAfterSeconds: 'count',
  delayMs: 'count', times: 'positive', after: 'count',
} as const satisfies Record<string, FaultFieldKind>;

const RULES: Record<FaultFieldKind, string> = {
  string: 'must be a non-empty string',
  status: 'must be an HTTP error status (400-599)',
  count: 'must be a whole number, 0 or more',
  positive: 'must be a whole number, 1 or more',
};

/**
 * Reads a fault: only the named `fields`, with the right types, and a status or a delay (a
 * fault with neither would do nothing).
 * @throws ControlError 400 naming the field at fault.
 */
export function readFaultBody<F>(body: unknown, fields: Record<keyof F, FaultFieldKind>): F {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ControlError(400, 'A fault must be a JSON object');
  }
  for (const [name, value] of Object.entries(body)) {
    const kind: FaultFieldKind | undefined = Object.hasOwn(fields, name)
      ? fields[name as keyof F] : undefined;
    if (!kind) throw new ControlError(400, `Unknown fault field "${name}"`);
    if (!fits(kind, value)) throw new ControlError(400, `Fault field "${name}" ${RULES[kind]}`);
  }
  const fault = body as { status?: unknown; delayMs?: unknown };
  if (fault.status === undefined && fault.delayMs === undefined) {
    throw new ControlError(400, 'A fault needs a status, a delayMs, or both');
  }
  return body as F;
}

function fits(kind: FaultFieldKind, value: unknown): boolean {
  if (kind === 'string') return typeof value === 'string' && value !== '';
  if (!Number.isSafeInteger(value)) return false;
  const number = value as number;
  if (kind === 'status') return number >= 400 && number <= 599;
  return kind === 'positive' ? number >= 1 : number >= 0;
}
