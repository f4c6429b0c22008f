/**
 * What the streaming readers yield, one item at a time.
 *
 * @module
 */
import type { RecordIssue } from './issues.js';
import type { OutcomeRecord } from './schema.js';

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

/**
 * A row that a fast path of a streamed settlement read straight into a valid parsed record (the
 * record the general path, raw record then validation, would give). Public readers never yield
 * it.
 *
 * @example
 * const row: ParsedRow = { kind: 'parsed', record, line: 2 };
 */
export interface ParsedRow {
  readonly kind: 'parsed';
  readonly record: OutcomeRecord;
  readonly line: number;
}
