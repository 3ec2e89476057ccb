/**
 * JHE's key-case rewriting (reference §1.2). Query-string keys and JSON body keys are
 * snake-cased on the way in by djangorestframework-camel-case; the FHIR views then run
 * pyhumps' `camelize` over bodies before parsing them. Reproducing both is what makes
 * `patient._has:Group:member:_id` and a snake_case `value_attachment` behave as on JHE.
 */

/**
 * djangorestframework-camel-case's `camel_to_underscore`: an underscore goes before each
 * capital that follows a lowercase letter or digit, or that starts a capitalised word.
 */
export function underscoreizeKey(key: string): string {
  return key.replace(/([a-z0-9]|[A-Z]?(?=[A-Z](?=[a-z])))([A-Z])/g, '$1_$2').toLowerCase();
}

/** pyhumps' `camelize` for one key. */
export function camelizeKey(key: string): string {
  if (isPythonUpper(key) || /^\d+$/.test(key)) return key;
  let text = key;
  if (text.length > 0 && !isPythonUpper(text.slice(0, 2))) {
    text = text[0].toLowerCase() + text.slice(1);
  }
  return text.replace(/(?<=[^\-_])[-_]+[^\-_]/g, (run) => run[run.length - 1].toUpperCase());
}

/** Applies a key rewrite to every object key, recursively; values are left alone. */
export function rewriteKeys(value: unknown, rewrite: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteKeys(item, rewrite));
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[rewrite(key)] = rewriteKeys(item, rewrite);
  }
  return result;
}

/** What a FHIR view sees of a JSON body: parsed snake_case, then camelized again. */
export function asFhirViewSeesIt(body: unknown): unknown {
  return rewriteKeys(rewriteKeys(body, underscoreizeKey), camelizeKey);
}

/** Python's `str.isupper()`: some cased character, and no lowercase one. */
function isPythonUpper(text: string): boolean {
  return text !== text.toLowerCase() && text === text.toUpperCase();
}
