/**
 * The code of a misuse of the API that no area has a code of its own for: an argument of the wrong
 * type or shape given to any public function (a number where a text is expected, `null` where an
 * object is, an options object with a field of the wrong type or a getter that throws). The
 * message names the function and the argument. Data (a contract, records, settlement options) is
 * never refused with it: its problems are issues.
 *
 * @module
 */

/**
 * The code of API misuse, with a one-line meaning.
 *
 * @example
 * API_CODES.ARGUMENT_INVALID; // 'a function was given an argument of the wrong type or shape ...'
 */
export const API_CODES = {
  ARGUMENT_INVALID: 'a function was given an argument of the wrong type or shape, or one that cannot be read (thrown; the message names the function and the argument)',
} as const;

/**
 * The code of API misuse.
 *
 * @example
 * const code: ApiCode = 'ARGUMENT_INVALID';
 */
export type ApiCode = keyof typeof API_CODES;
