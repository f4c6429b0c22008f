/**
 * Copies of texts that are kept for long (issues), so that they hold no memory but their own.
 *
 * @module
 */

/**
 * The same text, as a string that holds only its own characters. A string cut from a longer one
 * (`slice`, `split`) or built by `+` and templates can be stored by the engine as a reference
 * into its source or as a tree of its pieces: kept in an issue, a 36-character id cut from a CSV
 * chunk would keep the whole chunk alive, and a message the pieces it was built of. V8 copies
 * texts under 13 characters anyway; longer ones are copied through `JSON.stringify` and
 * `JSON.parse`, which give back the very same text, as one flat string.
 *
 * @example
 * ownText(line.slice(0, 36)) === line.slice(0, 36); // true, but the copy does not keep `line`
 */
export function ownText(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
