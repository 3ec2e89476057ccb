/**
 * JHE's Observation `__criteria` (`code=https://w3id.org/openmhealth|`): a create goes to
 * the mapped OMH store when any `code.coding[].system` is the OMH system (reference §3.2).
 * JHE evaluates it with `dict.get` calls, so malformed shapes raise AttributeErrors that
 * its FHIR view reports as 422; the sandbox reproduces those texts.
 */
import { FhirError } from './outcome.ts';
import { pythonTypeName } from './python-repr.ts';

/** True when the (camelized) resource has a coding in `system`. */
export function routesToOmhStore(resource: unknown, system: string): boolean {
  const code = pythonGet(resource, 'code');
  const coding = pythonGet(isTruthy(code) ? code : {}, 'coding');
  if (!isTruthy(coding)) return false;
  return iterate(coding).some((item) => pythonGet(item, 'system') === system);
}

/** `value.get(key)`, raising as Python does when value is not a dict. */
function pythonGet(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FhirError(422, `'${pythonTypeName(value)}' object has no attribute 'get'`);
  }
  return (value as Record<string, unknown>)[key];
}

/** What `for item in value` yields in Python: list items, dict keys, string characters. */
function iterate(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (typeof value === 'object' && value !== null) return Object.keys(value);
  throw new FhirError(422, `'${pythonTypeName(value)}' object is not iterable`);
}

/** Python truthiness for JSON values. */
function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}
