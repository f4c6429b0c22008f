/**
 * UTF-16 code units the record readers compare characters with (`text.charCodeAt(i) === COMMA`),
 * named once for the CSV scanner, the two stream fast paths, the field readers and the amount
 * cache. Internal (not exported from the package).
 *
 * @module
 */

/** `\n` */
export const LF = 10;
/** `\r` */
export const CR = 13;
/** `"` */
export const QUOTE = 34;
/** `,` */
export const COMMA = 44;
/** `.` */
export const DOT = 46;
/** `0`; the digits are `ZERO_CODE` to `ZERO_CODE + 9`. */
export const ZERO_CODE = 48;
/** `:` */
export const COLON = 58;
/** `;` */
export const SEMICOLON = 59;
/** `[` */
export const OPEN_BRACKET = 91;
/** `\` */
export const BACKSLASH = 92;
/** `]` */
export const CLOSE_BRACKET = 93;
/** `{` */
export const OPEN_BRACE = 123;
/** `}` */
export const CLOSE_BRACE = 125;
