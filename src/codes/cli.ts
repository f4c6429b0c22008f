/**
 * The codes of the command line's own issues (beyond those of the library it runs).
 *
 * @module
 */

/**
 * Every code of the command line, with a one-line meaning.
 *
 * @example
 * CLI_CODES.FILE_UNREADABLE; // 'an input file cannot be read at all ...'
 */
export const CLI_CODES = {
  FILE_UNREADABLE: 'an input file cannot be read at all (it does not exist, is a directory, or may not be read); validate --json reports it',
} as const;

/**
 * One of the command line's codes.
 *
 * @example
 * const code: CliCode = 'FILE_UNREADABLE';
 */
export type CliCode = keyof typeof CLI_CODES;
