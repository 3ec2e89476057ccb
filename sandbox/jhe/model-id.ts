/**
 * Django's integer primary-key conversion. JHE passes ids from references and query
 * parameters straight into ORM lookups, where Python's `int()` either accepts them or
 * raises a ValueError that JHE's FHIR view reports as 422 (reference §1.4, §3.3, §4.1.2).
 */
import { FhirError } from './outcome.ts';
import { pythonRepr } from './python-repr.ts';

/** Python `int()` on a string: padding spaces, a sign, and `_` between digits. */
const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** The id as a number, or undefined when Python's `int()` would refuse it. */
export function parseModelId(text: string): number | undefined {
  if (!PYTHON_INT.test(text)) return undefined;
  return Number(text.replace(/_/g, '').trim());
}

/** @throws FhirError 422 with Django's message when the text is not an integer. */
export function requireModelId(text: string): number {
  const id = parseModelId(text);
  if (id === undefined) {
    throw new FhirError(422, `Field 'id' expected a number but got ${pythonRepr(text)}.`);
  }
  return id;
}
