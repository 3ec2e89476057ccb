/**
 * Query-string access with Django `QueryDict` semantics after JHE's CamelCaseMiddleWare
 * (reference §1.2): keys are snake-cased, values untouched, `get` returns the last value of
 * a repeated key, and every value of a key is kept in order.
 */
import { underscoreizeKey } from './case-keys.ts';

/** The parsed query of one request, as JHE's views read `request.GET`. */
export class QueryParams {
  private readonly lists = new Map<string, string[]>();

  /** Parses the query part of a raw request URL (`/path?query`). */
  static fromUrl(rawUrl: string): QueryParams {
    const index = rawUrl.indexOf('?');
    return new QueryParams(index < 0 ? '' : rawUrl.slice(index + 1));
  }

  constructor(rawQuery: string) {
    const grouped = new Map<string, string[]>();
    for (const [key, value] of new URLSearchParams(rawQuery)) {
      grouped.set(key, [...(grouped.get(key) ?? []), value]);
    }
    // The middleware rebuilds the dict key by key; two spellings of one key: the later wins.
    for (const [key, values] of grouped) this.lists.set(underscoreizeKey(key), values);
  }

  /** The last value sent for the key, like `QueryDict.get`. */
  get(key: string): string | undefined {
    const values = this.lists.get(key);
    return values ? values[values.length - 1] : undefined;
  }

  /** Every value sent for the key, in order. */
  getAll(key: string): string[] {
    return this.lists.get(key) ?? [];
  }

  has(key: string): boolean {
    return this.lists.has(key);
  }

  keys(): string[] {
    return [...this.lists.keys()];
  }
}
