/**
 * What the streaming readers yield, one item at a time.
 *
 * @module
 */
import type { RecordIssue } from './issues.js';

/**
 * One item of a streaming reader: a raw record with the 1-based line it starts on; a row that
 * could not be read (its issue, action `'excluded'`: the rest of the file is still read); or a
 * fatal problem (the file is unusable or incomplete: the reader stops after it, and a settlement
 * must fail rather than settle a shorter cohort).
 *
 * @example
 * for await (const row of readNdjsonStream(chunks)) {
 *   if (row.kind === 'record') console.log(row.line, row.record);
 * }
 */
export type StreamRow =
  | { readonly kind: 'record'; readonly record: unknown; readonly line: number }
  | { readonly kind: 'unreadable'; readonly issue: RecordIssue }
  | { readonly kind: 'fatal'; readonly issues: readonly RecordIssue[] };
