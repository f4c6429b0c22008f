/**
 * One record through validation: the fast path first, the full checks (with paths and messages)
 * only when the fast path declines. Shared by `validateRecords` and the streaming settlement so
 * both report the very same issues.
 *
 * @module
 */
import type { PathSegment } from '../errors.js';
import { checkRecordMeaning, type RecordContext } from './check-meaning.js';
import { checkRecordShape } from './check-record.js';
import type { AmountCache } from './amount-cache.js';
import { fastRecord } from './fast-record.js';
import type { RecordIssue, RecordIssueAction, Reporter } from './issues.js';
import type { OutcomeRecord } from './schema.js';
import { sortRecordLists } from './sort-record.js';

/**
 * A record with issues: where it was and what is wrong with it.
 *
 * @example
 * const located: Located = { recordIndex: 3, participantId: 'P4', line: 5, issues: [] };
 */
export interface Located {
  readonly recordIndex: number;
  participantId?: string;
  line?: number;
  readonly issues: RecordIssue[];
}

/**
 * What one validation run shares across its records.
 *
 * @example
 * const run: ValidationRun = { context, action: 'excluded', amounts: createAmountCache() };
 */
export interface ValidationRun {
  readonly context: RecordContext;
  readonly action: RecordIssueAction;
  readonly amounts: AmountCache;
}

/**
 * Checks one raw record. Returns the parsed record (lists sorted) when shape and meaning are
 * valid; otherwise records its issues in `bad` under its index and returns `undefined`. Duplicate
 * ids are not checked here (they need every record).
 *
 * @example
 * const bad = new Map<number, Located>();
 * const record = checkOneRecord(raw[0], 0, 2, run, bad);
 */
export function checkOneRecord(
  raw: unknown,
  index: number,
  line: number | undefined,
  run: ValidationRun,
  bad: Map<number, Located>,
): OutcomeRecord | undefined {
  const fast = fastRecord(raw, run.context, run.amounts);
  if (fast !== undefined) return fast;
  const participantId = readableId(raw);
  let located: Located | undefined;
  const report: Reporter = (code, path, message) => {
    if (located === undefined) {
      located = { recordIndex: index, issues: [] };
      if (participantId !== undefined) located.participantId = participantId;
      if (line !== undefined) located.line = line;
      bad.set(index, located);
    }
    located.issues.push(makeIssue(code, [index, ...path], message, located, run.action));
  };
  const record = checkRecordShape(raw, report);
  if (record === undefined) return undefined;
  checkRecordMeaning(record, run.context, report);
  return located === undefined ? sortRecordLists(record) : undefined;
}

/**
 * Builds an issue about a located record: the message starts with where the record is.
 *
 * @example
 * makeIssue('DUPLICATE_ID', [3, 'id'], 'id "P1" is also used by record 0', located, 'excluded');
 */
export function makeIssue(
  code: RecordIssue['code'],
  path: readonly PathSegment[],
  message: string,
  at: Located,
  action: RecordIssueAction,
): RecordIssue {
  const where = `record ${at.recordIndex}${at.participantId === undefined ? '' : ` (id ${JSON.stringify(at.participantId)})`}${at.line === undefined ? '' : `, line ${at.line}`}`;
  const issue: { -readonly [K in keyof RecordIssue]: RecordIssue[K] } = {
    code,
    path,
    message: `${where}: ${message}`,
    recordIndex: at.recordIndex,
    action,
  };
  if (at.participantId !== undefined) issue.participantId = at.participantId;
  if (at.line !== undefined) issue.line = at.line;
  return issue;
}

/**
 * The record's id when it is a non-empty string (used to name the record in issues and to find
 * duplicates even among invalid records).
 *
 * @example
 * readableId({ id: 'P1' }); // 'P1'
 * readableId({ id: 7 });    // undefined
 */
export function readableId(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const id: unknown = (item as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/**
 * One occurrence of an id: its record index and file line.
 *
 * @example
 * const at: Occurrence = { index: 3, line: 5 };
 */
export interface Occurrence {
  readonly index: number;
  readonly line: number | undefined;
}

/**
 * Adds the DUPLICATE_ID issues of one id used by several records (every occurrence is excluded),
 * to the `bad` map, after each record's own issues.
 *
 * @example
 * reportDuplicates('P1', [{ index: 0, line: 2 }, { index: 5, line: 7 }], bad, 'excluded');
 */
export function reportDuplicates(
  id: string,
  occurrences: readonly Occurrence[],
  bad: Map<number, Located>,
  action: RecordIssueAction,
): void {
  for (const { index, line } of occurrences) {
    const others = occurrences
      .filter((other) => other.index !== index)
      .map((other) => (other.line === undefined ? `record ${other.index}` : `record ${other.index} (line ${other.line})`));
    const located = bad.get(index) ?? { recordIndex: index, participantId: id, issues: [] };
    if (line !== undefined) located.line = line;
    bad.set(index, located);
    located.issues.push(
      makeIssue('DUPLICATE_ID', [index, 'id'], `id ${JSON.stringify(id)} is also used by ${others.join(', ')}; every record with this id is excluded`, located, action),
    );
  }
}
