/**
 * Reading text: strict UTF-8 decoding and the strict JSON reader, with their issue codes.
 *
 * @module
 */
export { TEXT_ISSUE_CODES } from '../codes/index.js';
export type { TextIssueCode } from '../codes/index.js';
export { parseJsonText } from './json-text.js';

// For the other folders of src/ (src/index.ts decides what the package exports)
export { escapeHtml } from './html-escape.js';
export { isExactNumberToken } from './json-number.js';
export { scanJsonText } from './json-text.js';
export { countLineEnds } from './line-ends.js';
export { ownText } from './own-text.js';
export { createTextDecoder, decodeText, textFailureIssue } from './utf8.js';
export type { Decoded, TextChunkDecoder } from './utf8.js';
