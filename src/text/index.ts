/**
 * Reading text: strict UTF-8 decoding and the strict JSON reader, with their issue codes.
 *
 * @module
 */
export { TEXT_ISSUE_CODES } from '../codes/index.js';
export type { TextIssueCode } from '../codes/index.js';
export { parseJsonText } from './json-text.js';
