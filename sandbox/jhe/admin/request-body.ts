/**
 * Request bodies of the admin API as DRF sees them on JHE (reference §1.2): JSON keys are
 * snake-cased by CamelCaseJSONParser, except keys whose sent or converted spelling is on
 * JHE's ignore list, which stay exactly as sent; the value under `omh_data` is left alone.
 * Form bodies are accepted too; any other media type is DRF's 415.
 */
import type { Request } from 'express';
import { underscoreizeKey } from '../case-keys.ts';
import { drfDetail } from '../drf-error.ts';

/** `JSON_UNDERSCOREIZE.ignore_keys` in JHE's settings. */
const IGNORE_KEYS = new Set(['response_type', 'client_id', 'redirect_uri', 'code_challenge',
  'code_challenge_method', 'grant_type', 'code_verifier', 'token_endpoint']);

const IGNORE_FIELDS = new Set(['omh_data']);

/** The parsed, snake-cased body; `{}` when there is none. */
export function adminBody(req: Request): Record<string, unknown> {
  const raw: unknown = req.body;
  if (!Buffer.isBuffer(raw) || raw.length === 0) return {};
  const contentType = req.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  if (mediaType !== 'application/json') {
    throw drfDetail(415, `Unsupported media type "${contentType}" in request.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw drfDetail(400, `JSON parse error - ${(error as Error).message}`);
  }
  const converted = underscoreize(parsed);
  return isRecord(converted) ? converted : { _: converted };
}

/** djangorestframework-camel-case's `underscoreize` with JHE's ignore settings. */
function underscoreize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(underscoreize);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const converted = underscoreizeKey(key);
    const kept = IGNORE_KEYS.has(key) || IGNORE_KEYS.has(converted) ? key : converted;
    result[kept] = IGNORE_FIELDS.has(converted) ? item : underscoreize(item);
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
