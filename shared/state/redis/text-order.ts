/** Ordering of listed records, so Redis lists come out in the order SQLite gives. */

/** Code-unit order, as SQLite's default BINARY collation sorts text. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
