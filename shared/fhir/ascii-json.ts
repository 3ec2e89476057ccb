/**
 * JSON that JHE can decode: JHE reads `valueAttachment.data` as base64 of ASCII text, and
 * `JSON.stringify` emits raw UTF-8, so every non-ASCII character is escaped as `\uXXXX`.
 * (JSONata's own $base64encode mangles non-ASCII text, so it is not used for this.)
 */

/** JSON text with every code unit above 0x7F escaped. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Base64 of the ASCII JSON of a value. */
export function asciiJsonBase64(value: unknown): string {
  return Buffer.from(asciiJson(value), 'ascii').toString('base64');
}

/** Decodes base64 JSON, as JHE renders it back. */
export function decodeBase64Json(data: string): unknown {
  return JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
}
