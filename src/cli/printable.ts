/**
 * Text from the input (a contract's name, a participant id, a file path, an issue message) made
 * safe to print for a person: the characters that move the cursor, clear the screen, end a line
 * or turn the text around are shown as escapes instead of acting on the terminal.
 *
 * @module
 */

/**
 * Control characters (C0, DEL, C1: U+0000 to U+001F, U+007F to U+009F), the line and paragraph
 * separators and the bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to
 * U+202E, U+2066 to U+2069).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu; // eslint-disable-line no-control-regex

function escape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * The text with every control character (newlines and tabs included) and bidirectional
 * formatting character written as `\uXXXX`, so that printing it can only print it. Everything
 * the command line prints for a person that comes from its input goes through this function (the
 * JSON documents are escaped by `JSON.stringify`).
 *
 * @example
 * printable('Contrat \u001b[2J'); // 'Contrat \\u001b[2J'
 * printable('P-17');              // 'P-17'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escape);
}

/**
 * Lines of text for a person, each made {@link printable}, joined with newlines (the only control
 * characters in the result), with a final newline.
 *
 * @example
 * printableLines(['Settlement as of 2025-06-30', 'Name: A\nB']); // 'Settlement as of 2025-06-30\nName: A\\u000aB\n'
 */
export function printableLines(lines: readonly string[]): string {
  return lines.map((line) => `${printable(line)}\n`).join('');
}
