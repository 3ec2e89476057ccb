/**
 * Words Ajv's schema errors the way Python's `jsonschema` does, and picks the one error
 * `jsonschema.validate` would raise (its `best_match`: the shallowest error, descending
 * into a oneOf/anyOf only when one branch clearly fits best). JHE puts that message in
 * its 422 diagnostics (reference §4.1.8). This is an approximation: the wording follows
 * jsonschema 4.x, the choice between equally relevant errors may differ.
 */
import type { ErrorObject } from 'ajv';
import { pythonRepr } from './python-repr.ts';

const COMBINATORS = new Set(['oneOf', 'anyOf']);

/** The message `jsonschema.validate(instance, schema)` would raise for these errors. */
export function jsonschemaMessage(errors: ErrorObject[], instance: unknown): string {
  const reportable = errors.filter((error) => error.keyword !== 'if');
  let best = pickShallowest(reportable);
  while (best && COMBINATORS.has(best.keyword)) {
    const branch = pickShallowest(branchErrors(reportable, best), true);
    if (!branch) break;
    best = branch;
  }
  return best ? describe(best, instance) : 'is not valid';
}

function depth(error: ErrorObject): number {
  return error.instancePath === '' ? 0 : error.instancePath.split('/').length - 1;
}

/** The unique shallowest error, preferring concrete keywords over combinators. */
function pickShallowest(errors: ErrorObject[], mustBeUnique = false): ErrorObject | undefined {
  if (errors.length === 0) return undefined;
  const minimum = Math.min(...errors.map(depth));
  const shallow = errors.filter((error) => depth(error) === minimum);
  const combinator = shallow.find((error) => COMBINATORS.has(error.keyword));
  // A combinator's own branch errors sit at the same depth; the combinator speaks for them.
  if (combinator && !mustBeUnique) return combinator;
  const outside = shallow.filter((error) => !isInside(error, combinator));
  if (mustBeUnique && outside.length !== 1) return undefined;
  return outside[0];
}

function branchErrors(errors: ErrorObject[], parent: ErrorObject): ErrorObject[] {
  return errors.filter((error) => error !== parent && isInside(error, parent));
}

function isInside(error: ErrorObject, parent: ErrorObject | undefined): boolean {
  return parent !== undefined && error.schemaPath.startsWith(`${parent.schemaPath}/`)
    && error.instancePath.startsWith(parent.instancePath);
}

/** jsonschema's wording for one failed keyword. */
function describe(error: ErrorObject, root: unknown): string {
  const value = valueAt(root, error.instancePath);
  const shown = pythonRepr(value);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': return `${pythonRepr(params.missingProperty)} is a required property`;
    case 'type': return `${shown} is not of type ${typeList(params.type)}`;
    case 'enum': return `${shown} is not one of ${pythonRepr(params.allowedValues)}`;
    case 'const': return `${pythonRepr(params.allowedValue)} was expected`;
    case 'minimum': return `${shown} is less than the minimum of ${pythonRepr(params.limit)}`;
    case 'maximum': return `${shown} is greater than the maximum of ${pythonRepr(params.limit)}`;
    case 'exclusiveMinimum':
      return `${shown} is less than or equal to the minimum of ${pythonRepr(params.limit)}`;
    case 'exclusiveMaximum':
      return `${shown} is greater than or equal to the maximum of ${pythonRepr(params.limit)}`;
    case 'pattern': return `${shown} does not match ${pythonRepr(params.pattern)}`;
    case 'minLength': return params.limit === 1 ? `${shown} should be non-empty`
      : `${shown} is too short`;
    case 'maxLength': return `${shown} is too long`;
    case 'minItems': return params.limit === 1 ? `${shown} should be non-empty`
      : `${shown} is too short`;
    case 'maxItems': return `${shown} is too long`;
    case 'additionalProperties':
      return `Additional properties are not allowed (${pythonRepr(params.additionalProperty)} `
        + 'was unexpected)';
    case 'oneOf':
      return params.passingSchemas ? `${shown} is valid under each of the given schemas`
        : `${shown} is not valid under any of the given schemas`;
    case 'anyOf': return `${shown} is not valid under any of the given schemas`;
    case 'multipleOf': return `${shown} is not a multiple of ${pythonRepr(params.multipleOf)}`;
    case 'uniqueItems': return `${shown} has non-unique elements`;
    default: return `${shown} ${error.message ?? 'is not valid'}`;
  }
}

function typeList(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((name) => pythonRepr(name)).join(', ');
}

/** Follows an Ajv instance path (JSON Pointer) into the validated value. */
function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    current = (current as Record<string, unknown> | undefined)?.[key];
  }
  return current;
}
