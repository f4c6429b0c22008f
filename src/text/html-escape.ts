/**
 * Text escaped for HTML: the one escaping of the statements and the report.
 *
 * @module
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe inside an HTML element or a quoted attribute: `&`, `<`, `>`, `"` and `'` written
 * as character references. Every name and id of a contract or records goes through it.
 *
 * @example
 * escapeHtml('<b>R&D</b>'); // '&lt;b&gt;R&amp;D&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
