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
  OUT_DIRECTORY_MISSING: 'settle --format csv writes one file per table and needs the directory to write them to: --out <dir>',
  OUT_DIRECTORY_UNWRITABLE: 'the --out directory cannot be created or written to (a file in the way, no permission, a read-only file system, a full disk); checked before settling, and again for each file written',
  OUT_FILES_EXIST: 'the --out directory already holds files of the names the command writes (settle --format csv: the CSV files, nothing settled; statements: the statements, nothing written); --overwrite replaces them',
  OUT_FILE_EXISTS: 'report --out names a file that already exists; nothing was made (--overwrite replaces it)',
  OUT_FILE_UNWRITABLE: 'the report cannot be written to its --out file (a missing directory, no permission, a read-only file system, a full disk)',
} as const;

/**
 * One of the command line's codes.
 *
 * @example
 * const code: CliCode = 'FILE_UNREADABLE';
 */
export type CliCode = keyof typeof CLI_CODES;
