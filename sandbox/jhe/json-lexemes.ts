/**
 * A small JSON reader that keeps each number's written form, normalised the way Postgres
 * `jsonb` stores it. JHE renders `valueAttachment.data` from jsonb through Python, where
 * `62.0` stays a float and `1e2` becomes the integer `100`; `JSON.parse` would lose that.
 *
 * Input is assumed to be valid JSON already (callers run `JSON.parse` first).
 */

/** A number as jsonb prints it: `100`, `62.0`, `0.010`. */
export class JsonbNumber {
  constructor(readonly text: string) {}

  /** Python reads a jsonb number with a decimal point as a float, otherwise as an int. */
  get isFloat(): boolean {
    return this.text.includes('.');
  }
}

/** A JSON value with numbers kept as jsonb text and objects as ordered maps. */
export type LexemeValue =
  | null | boolean | string | JsonbNumber | LexemeValue[] | Map<string, LexemeValue>;

/** Reads JSON text into a {@link LexemeValue}. @throws SyntaxError on malformed input. */
export function readJsonLexemes(text: string): LexemeValue {
  const reader = new Reader(text);
  const value = reader.value();
  reader.skipSpace();
  if (!reader.atEnd()) throw new SyntaxError('Unexpected data after the JSON value');
  return value;
}

// Postgres numeric keeps up to ~131k digits; this bound only stops absurd exponents.
const MAX_EXPONENT = 4000;

/** Normalises a JSON number lexeme to the text Postgres numeric would print for it. */
export function jsonbNumberText(lexeme: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(lexeme);
  if (!match) throw new SyntaxError(`Not a JSON number: ${lexeme}`);
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > MAX_EXPONENT) return String(Number(lexeme));
  // Display scale: fractional digits written, less the exponent (never below zero).
  const scale = fraction.length - exponent;
  const digits = whole + fraction;
  let text: string;
  if (scale <= 0) {
    text = stripLeadingZeros(digits + '0'.repeat(-scale));
  } else {
    const padded = digits.padStart(scale + 1, '0');
    text = `${stripLeadingZeros(padded.slice(0, -scale))}.${padded.slice(-scale)}`;
  }
  const isZero = /^[0.]+$/.test(text);
  return (sign && !isZero ? '-' : '') + text;
}

function stripLeadingZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

const STRING_TOKEN = /"(?:[^"\\]|\\.)*"/sy;
const NUMBER_TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  private index = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.index] ?? '')) this.index += 1;
  }

  value(): LexemeValue {
    this.skipSpace();
    const char = this.text[this.index];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    for (const [word, result] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        return result;
      }
    }
    return this.number();
  }

  private object(): Map<string, LexemeValue> {
    const result = new Map<string, LexemeValue>();
    this.index += 1;
    this.skipSpace();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return result;
    }
    for (;;) {
      this.skipSpace();
      const key = this.string();
      this.skipSpace();
      this.expect(':');
      // jsonb, like Python's dict, keeps the last value of a repeated key.
      result.set(key, this.value());
      this.skipSpace();
      if (this.text[this.index] === '}') break;
      this.expect(',');
    }
    this.index += 1;
    return result;
  }

  private array(): LexemeValue[] {
    const result: LexemeValue[] = [];
    this.index += 1;
    this.skipSpace();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return result;
    }
    for (;;) {
      result.push(this.value());
      this.skipSpace();
      if (this.text[this.index] === ']') break;
      this.expect(',');
    }
    this.index += 1;
    return result;
  }

  private string(): string {
    const match = this.sticky(STRING_TOKEN);
    if (!match) throw new SyntaxError(`Expected a string at ${this.index}`);
    this.index += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private number(): JsonbNumber {
    const match = this.sticky(NUMBER_TOKEN);
    if (!match) throw new SyntaxError(`Unexpected character at ${this.index}`);
    this.index += match[0].length;
    return new JsonbNumber(jsonbNumberText(match[0]));
  }

  /** Matches a sticky pattern at the cursor without copying the rest of the text. */
  private sticky(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.index;
    return pattern.exec(this.text);
  }

  private expect(char: string): void {
    if (this.text[this.index] !== char) throw new SyntaxError(`Expected ${char} at ${this.index}`);
    this.index += 1;
  }
}
