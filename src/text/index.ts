/**
 * Reading text: strict UTF-8 decoding and the strict JSON reader, with their issue codes.
 *
 * @module
 */
export { TEXT_ISSUE_CODES } from './codes.js';
export type { TextIssueCode } from './codes.js';
export { parseJsonText } from './json-text.js';
