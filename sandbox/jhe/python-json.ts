/**
 * Python `json.dumps` with its defaults (`", "` and `": "` separators, `ensure_ascii`), and
 * the Postgres jsonb key order. JHE re-encodes every stored OMH payload this way when it
 * renders `valueAttachment.data` (reference §3.5), so the sandbox does the same.
 */
import { JsonbNumber, readJsonLexemes, type LexemeValue } from './json-lexemes.ts';
import { pythonFloatRepr } from './python-repr.ts';

/** Values the dumper accepts: plain JSON values, maps, and jsonb numbers. */
export type DumpableValue =
  | LexemeValue | number | DumpableValue[] | { [key: string]: DumpableValue }
  | Map<string, DumpableValue>;

export interface DumpOptions {
  /** Order object keys as jsonb does instead of keeping insertion order. */
  jsonbOrder?: boolean;
}

/** Serialises a value exactly as Python's `json.dumps(value)` would. */
export function pythonJsonDumps(value: DumpableValue, options: DumpOptions = {}): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return quoteAscii(value);
  if (typeof value === 'number') return dumpNumber(value);
  if (value instanceof JsonbNumber) {
    return value.isFloat ? dumpNumber(Number(value.text), true) : value.text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => pythonJsonDumps(item, options)).join(', ')}]`;
  }
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  if (options.jsonbOrder) entries.sort(([left], [right]) => compareJsonbKeys(left, right));
  const parts = entries.map(([key, item]) =>
    `${quoteAscii(key)}: ${pythonJsonDumps(item, options)}`);
  return `{${parts.join(', ')}}`;
}

/**
 * Re-encodes stored OMH JSON text the way JHE's renderer does: jsonb key order, Python
 * spacing and escapes, numbers as Python reads them back from jsonb.
 */
export function reencodeLikeJhe(jsonText: string): string {
  return pythonJsonDumps(readJsonLexemes(jsonText), { jsonbOrder: true });
}

/** jsonb sorts object keys by byte length first, then bytewise. */
export function compareJsonbKeys(left: string, right: string): number {
  const a = Buffer.from(left, 'utf8');
  const b = Buffer.from(right, 'utf8');
  if (a.length !== b.length) return a.length - b.length;
  return Buffer.compare(a, b);
}

function dumpNumber(value: number, isFloat = false): string {
  // json.dumps spells non-finite floats as JavaScript literals, not as repr() does.
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && !isFloat) return BigInt(value).toString();
  return pythonFloatRepr(value);
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

/** A JSON string literal with everything outside printable ASCII escaped as `\uXXXX`. */
function quoteAscii(text: string): string {
  let out = '"';
  // Walk UTF-16 code units: Python escapes astral characters as surrogate pairs too.
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    const code = text.charCodeAt(index);
    if (SHORT_ESCAPES[char]) out += SHORT_ESCAPES[char];
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}
