/**
 * Issues about outcome records: the shared {@link Issue} plus what was done with the record.
 *
 * @module
 */
import type { Issue, PathSegment } from '../errors.js';
import type { RecordIssueCode } from '../codes/index.js';

/**
 * What happened to the record an issue is about: `'excluded'` (lenient mode: the record was left
 * out of the valid records, and is listed in `excluded`) or `'rejected'` (strict mode: the whole
 * input was refused).
 *
 * @example
 * const action: RecordIssueAction = 'excluded';
 */
export type RecordIssueAction = 'excluded' | 'rejected';

/**
 * A problem with an outcome record or a records file. `path` starts with the record index in the
 * input (`[3, 'spells', 0, 'end']`); reader issues about a whole file have a path of `[]`.
 *
 * @example
 * const issue: RecordIssue = {
 *   code: 'SPELL_END_BEFORE_START', path: [3, 'spells', 0, 'end'], recordIndex: 3,
 *   participantId: 'P004', line: 5, action: 'excluded',
 *   message: 'spells[0].end 2023-04-30 is before spells[0].start 2023-05-02',
 * };
 */
export interface RecordIssue extends Issue {
  readonly code: RecordIssueCode;
  readonly action: RecordIssueAction;
}

/**
 * Receives one problem found in a record: a code, a path relative to the record, and a message.
 *
 * @example
 * const report: Reporter = (code, path, message) => issues.push({ code, path, message });
 */
export type Reporter = (code: RecordIssueCode, path: readonly PathSegment[], message: string) => void;

/**
 * Renders a value for a message: strings quoted, long values shortened.
 *
 * @example
 * show('2023-02-30'); // '"2023-02-30"'
 * show(null);         // 'null'
 */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'undefined';
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (Array.isArray(value)) text = 'an array';
  else text = `a ${typeof value}`;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
