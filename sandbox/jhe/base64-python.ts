/**
 * Python's `base64.b64decode(text)` in its default, non-validating mode. JHE decodes
 * `valueAttachment.data` with it (reference §4.1.7), so the sandbox accepts and rejects
 * the same inputs: stray characters are skipped, a complete pad ends the data, and a
 * dangling partial quantum is an error. Node's decoder is more forgiving than that.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The decoded bytes, or `undefined` where Python would raise. */
export function pythonB64Decode(text: string): Buffer | undefined {
  // A str argument must be ASCII before Python even looks at the base64.
  if (/[^\x00-\x7f]/.test(text)) return undefined;
  const sextets: number[] = [];
  let quadPosition = 0;
  let pads = 0;
  let finishedByPadding = false;
  for (const char of text) {
    if (char === '=') {
      // Padding only counts once at least two characters of a quantum were read.
      if (quadPosition >= 2 && quadPosition + ++pads >= 4) {
        finishedByPadding = true;
        break;
      }
      continue;
    }
    const sextet = ALPHABET.indexOf(char);
    if (sextet < 0) continue;
    pads = 0;
    sextets.push(sextet);
    quadPosition = (quadPosition + 1) % 4;
  }
  if (!finishedByPadding && quadPosition !== 0) return undefined;
  return bytesFromSextets(sextets);
}

function bytesFromSextets(sextets: number[]): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < sextets.length; index += 4) {
    const group = sextets.slice(index, index + 4);
    const bits = group.reduce((acc, sextet) => (acc << 6) | sextet, 0) << (6 * (4 - group.length));
    const count = group.length - 1;
    for (let byte = 0; byte < count; byte += 1) bytes.push((bits >> (16 - 8 * byte)) & 0xff);
  }
  return Buffer.from(bytes);
}
