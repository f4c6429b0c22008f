/**
 * Issue codes of the command line itself (beyond those of the contract, the records, the text
 * readers and the settlement), with a one-line meaning.
 *
 * @module
 */

/**
 * The stable issue codes the command line reports of its own, and what each means.
 *
 * @example
 * Object.keys(CLI_ISSUE_CODES).includes('FILE_UNREADABLE'); // true
 */
export const CLI_ISSUE_CODES = {
  FILE_UNREADABLE: 'an input file cannot be read (it does not exist, is a directory, or may not be read)',
} as const;
