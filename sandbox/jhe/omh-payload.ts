/**
 * The OMH half of JHE's write rules: decoding `valueAttachment.data` (reference §4.1.7)
 * and validating the decoded data point (reference §4.1.8).
 */
import type { SchemaRegistry } from '../../shared/omh/schema-registry.ts';
import { pythonB64Decode } from './base64-python.ts';
import { FhirError } from './outcome.ts';
import { pythonRepr, pythonTypeName } from './python-repr.ts';
import { jsonschemaMessage } from './schema-messages.ts';

/** A decoded data point, with its text kept for jsonb-faithful re-encoding. */
export interface DecodedPayload {
  text: string;
  data: unknown;
}

const NOT_BASE64_JSON = 'valueAttachment.data must be Base 64 Encoded Binary JSON.';

/**
 * `json.loads(base64.b64decode(data).decode("ascii"))`.
 * @throws FhirError 400 when the data is missing, not base64, not ASCII or not JSON.
 */
export function decodeAttachment(data: string | undefined): DecodedPayload {
  const bytes = typeof data === 'string' ? pythonB64Decode(data) : undefined;
  // Any byte above 0x7F fails Python's ASCII decode: UTF-8 JSON must escape it as \uXXXX.
  if (!bytes || bytes.some((byte) => byte > 0x7f)) throw new FhirError(400, NOT_BASE64_JSON);
  const text = bytes.toString('latin1');
  try {
    return { text, data: JSON.parse(text) as unknown };
  } catch {
    throw new FhirError(400, NOT_BASE64_JSON);
  }
}

/**
 * Validates `header` against `ieee:header:1.0` and `body` against the schema the code
 * names, as JHE's `Observation.clean()` does on save.
 * @throws FhirError 422 with JHE's `{'omh_data': [...]}` diagnostics on any failure.
 */
export function validateOmhPayload(
  schemas: SchemaRegistry, code: string, data: unknown,
): asserts data is Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    // JHE calls omh_data.get(...) and the AttributeError becomes a 422.
    throw new FhirError(422, `'${pythonTypeName(data)}' object has no attribute 'get'`);
  }
  const point = data as Record<string, unknown>;
  check(schemas, 'ieee:header:1.0', point.header);
  if (!schemas.has(code)) {
    throw new FhirError(422, `The JHE sandbox has no schema for ${code}.`);
  }
  check(schemas, code, point.body);
}

function check(schemas: SchemaRegistry, schemaId: string, instance: unknown): void {
  // Python passes a missing key as None, which fails the schemas' "type": "object".
  const value = instance === undefined ? null : instance;
  const validate = schemas.validator(schemaId);
  if (validate(value)) return;
  const message = jsonschemaMessage(validate.errors ?? [], value);
  throw new FhirError(422, `{'omh_data': [${pythonRepr(message)}]}`);
}
