/**
 * JSON that JHE can decode: JHE reads `valueAttachment.data` as base64 of ASCII text, and
 * `JSON.stringify` emits raw UTF-8, so every non-ASCII character is escaped as `\uXXXX`.
 * (JSONata's own $base64encode mangles non-ASCII text, so it is not used for this.)
 */

/** JSON text with every code unit above 0x7F escaped. */
export function asciiJson(value: unknown): string {
  return escapeNonAscii(JSON.stringify(value));
}

/** Base64 of the ASCII JSON of a value. */
export function asciiJsonBase64(value: unknown): string {
  return asciiBase64(JSON.stringify(value));
}

/** Base64 of JSON text already written, once its non-ASCII characters are escaped. */
export function asciiBase64(json: string): string {
  return Buffer.from(escapeNonAscii(json), 'ascii').toString('base64');
}

function escapeNonAscii(json: string): string {
  // Most data is ASCII already: counting its UTF-8 bytes costs a quarter of a regex scan.
  if (Buffer.byteLength(json, 'utf8') === json.length) return json;
  return json.replace(/[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Decodes base64 JSON, as JHE renders it back. */
export function decodeBase64Json(data: string): unknown {
  return JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
}
