/**
 * A light stand-in for `fhir.resources` R5 `Observation.parse_obj` (reference §4.1.1,
 * §10). It checks what JHE's write path relies on (required `status` and `code`, the
 * shapes of the elements it reads, no unknown elements) and words failures the way
 * pydantic v1 does. It is not a full FHIR validator; see the report for the gaps.
 */
import { pythonTypeName } from './python-repr.ts';

/** The elements of an R5 Observation, plus `resourceType`. */
const OBSERVATION_ELEMENTS = new Set([
  'resourceType', 'id', 'meta', 'implicitRules', 'language', 'text', 'contained', 'extension',
  'modifierExtension', 'identifier', 'instantiatesCanonical', 'instantiatesReference',
  'basedOn', 'triggeredBy', 'partOf', 'status', 'category', 'code', 'subject', 'focus',
  'encounter', 'effectiveDateTime', 'effectivePeriod', 'effectiveTiming', 'effectiveInstant',
  'issued', 'performer', 'valueQuantity', 'valueCodeableConcept', 'valueString',
  'valueBoolean', 'valueInteger', 'valueRange', 'valueRatio', 'valueSampledData', 'valueTime',
  'valueDateTime', 'valuePeriod', 'valueAttachment', 'valueReference', 'dataAbsentReason',
  'interpretation', 'note', 'bodySite', 'bodyStructure', 'method', 'specimen', 'device',
  'referenceRange', 'hasMember', 'derivedFrom', 'component',
]);

interface Problem {
  loc: string;
  msg: string;
  type: string;
}

/** The parts of a parsed Observation that JHE's write rules read. */
export interface ParsedObservation {
  status: string;
  identifier: Array<{ system?: string; value?: string }>;
  coding: Array<{ system?: string; code?: string }> | undefined;
  subjectReference: string | undefined;
  deviceReference: string | undefined;
  attachmentData: string | undefined;
}

/**
 * Parses a camelized Observation body.
 * @returns the parsed parts, or the pydantic-style error text when it does not parse.
 */
export function parseObservation(body: unknown): ParsedObservation | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const found = pythonTypeName(body);
    return { error: report([{ loc: '__root__', msg: `Observation expected dict not ${found}`,
      type: 'type_error' }]) };
  }
  const resource = body as Record<string, unknown>;
  const problems = [...unknownElements(resource), ...elementProblems(resource)];
  if (problems.length > 0) return { error: report(problems) };
  const code = resource.code as Record<string, unknown>;
  return {
    status: resource.status as string,
    identifier: (resource.identifier ?? []) as ParsedObservation['identifier'],
    coding: code.coding as ParsedObservation['coding'],
    subjectReference: (resource.subject as { reference?: string } | undefined)?.reference,
    deviceReference: (resource.device as { reference?: string } | undefined)?.reference,
    attachmentData: (resource.valueAttachment as { data?: string } | undefined)?.data,
  };
}

function unknownElements(resource: Record<string, unknown>): Problem[] {
  // `_status` and friends carry primitive extensions and are allowed beside their element.
  return Object.keys(resource)
    .filter((key) => !OBSERVATION_ELEMENTS.has(key.replace(/^_/, '')))
    .map((key) => ({ loc: key, msg: 'extra fields not permitted', type: 'value_error.extra' }));
}

function elementProblems(resource: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  if (resource.resourceType !== undefined && resource.resourceType !== 'Observation') {
    problems.push({ loc: 'resourceType', msg: "unexpected value; permitted: 'Observation'",
      type: 'value_error.const' });
  }
  problems.push(...required(resource, 'status', 'string'), ...required(resource, 'code', 'dict'));
  const code = resource.code as Record<string, unknown> | undefined;
  if (isDict(code)) {
    problems.push(...listOfDicts(code.coding, 'code -> coding', ['system', 'code']));
  }
  problems.push(...listOfDicts(resource.identifier, 'identifier', ['system', 'value']));
  for (const [name, field] of [['subject', 'reference'], ['device', 'reference'],
    ['valueAttachment', 'data']] as const) {
    problems.push(...optionalDict(resource[name], name, [field]));
  }
  return problems;
}

function required(
  resource: Record<string, unknown>, key: string, kind: 'string' | 'dict',
): Problem[] {
  const value = resource[key];
  if (value === undefined || value === null) {
    return [{ loc: key, msg: 'field required', type: 'value_error.missing' }];
  }
  if (kind === 'string') return typeof value === 'string' ? [] : [notStr(key)];
  return isDict(value) ? [] : [notDict(key)];
}

function listOfDicts(value: unknown, loc: string, fields: string[]): Problem[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    return [{ loc, msg: 'value is not a valid list', type: 'type_error.list' }];
  }
  return value.flatMap((item, index) => {
    const itemLoc = `${loc} -> ${index}`;
    return isDict(item) ? stringFields(item, itemLoc, fields) : [notDict(itemLoc)];
  });
}

function optionalDict(value: unknown, loc: string, fields: string[]): Problem[] {
  if (value === undefined || value === null) return [];
  return isDict(value) ? stringFields(value, loc, fields) : [notDict(loc)];
}

function stringFields(value: Record<string, unknown>, loc: string, fields: string[]): Problem[] {
  return fields
    .filter((field) => value[field] !== undefined && value[field] !== null
      && typeof value[field] !== 'string')
    .map((field) => notStr(`${loc} -> ${field}`));
}

function notStr(loc: string): Problem {
  return { loc, msg: 'str type expected', type: 'type_error.str' };
}

function notDict(loc: string): Problem {
  return { loc, msg: 'value is not a valid dict', type: 'type_error.dict' };
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** pydantic v1's `str(ValidationError)`. */
function report(problems: Problem[]): string {
  const count = problems.length;
  const lines = problems.map(({ loc, msg, type }) => `${loc}\n  ${msg} (type=${type})`);
  return `${count} validation error${count === 1 ? '' : 's'} for Observation\n${lines.join('\n')}`;
}
