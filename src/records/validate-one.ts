/**
 * One record through validation: the fast path first, the full checks (with paths and messages)
 * only when the fast path declines. Shared by `validateRecords` and the streaming settlement so
 * both report the very same issues.
 *
 * @module
 */
import type { PathSegment } from '../errors.js';
import { hasOwn } from '../own-data.js';
import { checkRecordMeaning, type RecordContext } from './check-meaning.js';
import { checkRecordShape } from './check-shape.js';
import type { AmountCache } from './amount-cache.js';
import type { RecordIssueCode } from '../codes/index.js';
import { fastRecord } from './fast-record.js';
import type { RecordIssue, RecordIssueAction, Reporter } from './issues.js';
import { ownText } from '../text/index.js';
import type { OutcomeRecord } from './schema.js';
import { sortRecordLists } from './sort-record.js';

/**
 * Where a record with issues is: its index, its readable id, its file line.
 *
 * @example
 * const place: RecordPlace = { recordIndex: 3, participantId: 'P4', line: 5 };
 */
export interface RecordPlace {
  readonly recordIndex: number;
  readonly participantId?: string | undefined;
  readonly line?: number | undefined;
}

/**
 * A record with issues: where it was and what is wrong with it.
 *
 * @example
 * const located: Located = { recordIndex: 3, participantId: 'P4', line: 5, issues: [] };
 */
export interface Located {
  readonly recordIndex: number;
  participantId?: string | undefined;
  line?: number | undefined;
  readonly issues: RecordIssue[];
}

/**
 * Receives each problem of a record as the checks find it: the record's place (one object per
 * record, the same for all its problems), a code, a path relative to the record and a message.
 *
 * @example
 * const sink: IssueSink = (place, code, path, message) => issues.push(makeIssue(code, issuePath(place.recordIndex, path), message, place, 'excluded'));
 */
export type IssueSink = (place: RecordPlace, code: RecordIssueCode, path: readonly PathSegment[], message: string) => void;

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
 * valid; otherwise passes each issue to `sink` and returns `undefined`. Duplicate ids are not
 * checked here (they need every record).
 *
 * @example
 * const record = checkOneRecord(raw[0], 0, 2, run, (place, code, path, message) => console.log(code));
 */
export function checkOneRecord(
  raw: unknown,
  index: number,
  line: number | undefined,
  run: ValidationRun,
  sink: IssueSink,
): OutcomeRecord | undefined {
  const fast = fastRecord(raw, run.context, run.amounts);
  if (fast !== undefined) return fast;
  let place: RecordPlace | undefined;
  const report: Reporter = (code, path, message) => {
    place ??= recordPlace(index, readableId(raw), line);
    sink(place, code, path, message);
  };
  const record = checkRecordShape(raw, report);
  if (record === undefined) return undefined;
  checkRecordMeaning(record, run.context, report);
  return place === undefined ? sortRecordLists(record) : undefined;
}

/**
 * A record's place, its id copied so that it keeps no larger text alive (an id cut from a CSV
 * chunk would otherwise hold the whole chunk for as long as the issue lives).
 *
 * @example
 * recordPlace(3, 'P4', undefined); // { recordIndex: 3, participantId: 'P4' }
 */
export function recordPlace(recordIndex: number, participantId: string | undefined, line: number | undefined): RecordPlace {
  // every key present: a place is read as `place.line`, which must not reach Object.prototype
  return { recordIndex, participantId: participantId === undefined ? undefined : ownText(participantId), line };
}

/**
 * An issue sink that gathers the issues of each record into a {@link Located} entry of `bad`,
 * under its record index.
 *
 * @example
 * const bad = new Map<number, Located>();
 * checkOneRecord(raw[0], 0, 2, run, locatedSink(bad, 'excluded'));
 */
export function locatedSink(bad: Map<number, Located>, action: RecordIssueAction): IssueSink {
  return (place, code, path, message) => {
    let located = bad.get(place.recordIndex);
    if (located === undefined) {
      // The key order of `validateRecords`' excluded records: index, issues, then id and line
      // (every key present, `undefined` when unknown).
      located = { recordIndex: place.recordIndex, issues: [], participantId: place.participantId, line: place.line };
      bad.set(place.recordIndex, located);
    }
    located.issues.push(makeIssue(code, issuePath(place.recordIndex, path), message, located, action));
  };
}

/**
 * The path of an issue in the input: the record index, then the path within the record. Built
 * with `concat`, which sizes the array exactly (a spread `[index, ...path]` reserves room for
 * more than a dozen elements, some 100 bytes per issue kept).
 *
 * @example
 * issuePath(3, ['spells', 0, 'end']); // [3, 'spells', 0, 'end']
 */
export function issuePath(recordIndex: number, path: readonly PathSegment[]): PathSegment[] {
  return ([recordIndex] as PathSegment[]).concat(path);
}

/**
 * Builds an issue about a record: the message starts with where the record is. The message is
 * one flat text (not the tree of pieces it was built from), and every issue has the same layout,
 * so that a long list of issues costs little memory.
 *
 * @example
 * makeIssue('DUPLICATE_ID', [3, 'id'], 'id "P1" is also used by record 0', place, 'excluded');
 */
export function makeIssue(
  code: RecordIssue['code'],
  path: readonly PathSegment[],
  message: string,
  at: RecordPlace,
  action: RecordIssueAction,
): RecordIssue {
  const { recordIndex, participantId, line } = at;
  const where = `record ${recordIndex}${participantId === undefined ? '' : ` (id ${JSON.stringify(participantId)})`}${line === undefined ? '' : `, line ${line}`}`;
  const text = ownText(`${where}: ${message}`);
  if (participantId === undefined) {
    return line === undefined ? { code, path, message: text, recordIndex, action } : { code, path, message: text, recordIndex, action, line };
  }
  return line === undefined
    ? { code, path, message: text, recordIndex, action, participantId }
    : { code, path, message: text, recordIndex, action, participantId, line };
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
  if (typeof item !== 'object' || item === null || Array.isArray(item) || !hasOwn(item, 'id')) return undefined;
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
    const located = bad.get(index) ?? { recordIndex: index, participantId: ownText(id), issues: [], line: undefined };
    if (line !== undefined) located.line = line;
    bad.set(index, located);
    located.issues.push(
      makeIssue('DUPLICATE_ID', [index, 'id'], `id ${JSON.stringify(id)} is also used by ${others.join(', ')}; every record with this id is excluded`, located, action),
    );
  }
}
