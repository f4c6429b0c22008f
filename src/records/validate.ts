/**
 * Validates raw outcome records: shape, meaning, duplicates; strict or lenient.
 *
 * @module
 */
import { expectFields, expectOneOf, invalidArgument, is, readFields, type FieldCheck } from '../guard.js';
import { createAmountCache } from './amount-cache.js';
import { hasOwn, ownValue } from '../own-data.js';
import { ownContext, type RecordContext } from './check-meaning.js';
import { checkOneRecord, locatedSink, readableId, reportDuplicates, type Located, type ValidationRun } from './validate-one.js';
import type { RecordIssue, RecordIssueAction } from './issues.js';
import type { RawRecords } from './raw-records.js';
import { recordsArgument } from './records-argument.js';
import type { OutcomeRecord } from './schema.js';

/**
 * How to treat invalid records. `'strict'` (default): any issue refuses the whole input
 * (`ok: false`, every issue listed). `'lenient'`: invalid records are excluded, listed in
 * `excluded` with their issues, and the valid ones are returned (`ok: true`).
 *
 * @example
 * const mode: ValidationMode = 'lenient';
 */
export type ValidationMode = 'strict' | 'lenient';

/**
 * Options of {@link validateRecords}.
 *
 * @example
 * const options: ValidateOptions = { mode: 'lenient', lines: [2, 3, 4] };
 */
export interface ValidateOptions {
  /** `'strict'` (default) or `'lenient'`. */
  readonly mode?: ValidationMode;
  /** 1-based line of each raw record in its file, copied into issues. */
  readonly lines?: readonly number[];
}

/**
 * A record left out in lenient mode (or that would have been, in strict mode), with why.
 * `recordIndex` is absent for a file row that could not be read as a record at all.
 *
 * @example
 * const excluded: ExcludedRecord = { recordIndex: 4, participantId: 'P005', line: 6, issues: [] };
 */
export interface ExcludedRecord {
  readonly recordIndex?: number | undefined;
  readonly participantId?: string | undefined;
  readonly line?: number | undefined;
  readonly issues: readonly RecordIssue[];
}

/**
 * The valid parsed records (in input order) and the excluded ones.
 *
 * @example
 * const set: RecordSet = { records: [], excluded: [] };
 */
export interface RecordSet {
  readonly records: readonly OutcomeRecord[];
  readonly excluded: readonly ExcludedRecord[];
}

/**
 * The result of {@link validateRecords}: a {@link Result} of a {@link RecordSet} whose `issues`
 * always lists every issue (empty when all records are valid), ordered by record then field.
 *
 * @example
 * const result: RecordsResult = validateRecords(raw, context);
 * if (!result.ok) console.error(result.issues);
 */
export type RecordsResult =
  | { readonly ok: true; readonly value: RecordSet; readonly issues: readonly RecordIssue[] }
  | { readonly ok: false; readonly issues: readonly RecordIssue[] };

/**
 * Validates raw outcome records (parsed JSON values) against the record schema and the contract's
 * cohorts and groups. Never throws for bad data.
 *
 * Checks, each with a stable code (see `RECORD_ISSUE_CODES`): shape (types, missing and unknown
 * fields, forbidden keys, impossible dates, float or negative wages, hours), then, for records
 * whose shape is valid, meaning (exit/spells/wages/events before enrolment, spell end before start,
 * overlapping spells, unknown cohort or group, repeated group), and across records duplicate ids:
 * every record sharing an id with another is excluded (keeping one would depend on input order).
 * Records that are not an array (`null`, an object, a file's text) are refused with the issue
 * `RECORDS_NOT_ARRAY`. A context or options of the wrong type throw {@link OutcomePayError}
 * `ARGUMENT_INVALID`.
 *
 * @param raw - the records, e.g. a parsed JSON array
 * @param context - the cohort and group ids of the contract
 * @param options - mode (`'strict'` default, or `'lenient'`) and line numbers
 * @example
 * const context = { cohortIds: new Set(['2023-A']), groupIds: new Set(['rsa']) };
 * const result = validateRecords(
 *   [{ id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09' }, { id: 'P2', cohort: 'X', enrolledOn: '2023-01-09' }],
 *   context,
 *   { mode: 'lenient' },
 * );
 * // result.ok === true; result.value.records has P1; result.issues[0].code === 'COHORT_UNKNOWN'
 */
export function validateRecords(
  raw: readonly unknown[],
  context: RecordContext,
  options: ValidateOptions = {},
): RecordsResult {
  expectContext('validateRecords', context);
  const { mode, lines } = readValidateOptions('validateRecords', options, ['mode', 'lines']);
  if (!Array.isArray(raw)) return { ok: false, issues: [notAnArray(raw)] };
  return validateArray(raw, context, mode, lines);
}

function notAnArray(raw: unknown): RecordIssue {
  const read = recordsArgument(raw);
  if (read.issue !== undefined) return read.issue;
  return { code: 'RECORDS_NOT_ARRAY', path: [], message: 'the records must be an array of records: give what a records reader returned to validateRawRecords', action: 'rejected' };
}

function validateArray(raw: readonly unknown[], context: RecordContext, mode: ValidationMode, lines: readonly number[] | undefined): RecordsResult {
  const action: RecordIssueAction = mode === 'strict' ? 'rejected' : 'excluded';
  const run: ValidationRun = { context: ownContext(context), action, amounts: createAmountCache() };
  const parsed: (OutcomeRecord | undefined)[] = new Array<OutcomeRecord | undefined>(raw.length);
  const bad = new Map<number, Located>();
  const sink = locatedSink(bad, action);
  const firstIndex = new Map<string, number>();
  const duplicated = new Map<string, number[]>(); // only ids seen more than once

  for (let index = 0; index < raw.length; index++) {
    const item = hasOwn(raw, index) ? raw[index] : undefined; // a hole is no record, whatever the prototype holds
    const participantId = readableId(item);
    if (participantId !== undefined) {
      const first = firstIndex.get(participantId);
      if (first === undefined) firstIndex.set(participantId, index);
      else {
        const seen = duplicated.get(participantId);
        if (seen === undefined) duplicated.set(participantId, [first, index]);
        else seen.push(index);
      }
    }
    parsed[index] = checkOneRecord(item, index, lineAt(lines, index), run, sink);
  }

  for (const [id, indexes] of duplicated) {
    reportDuplicates(id, indexes.map((index) => ({ index, line: lineAt(lines, index) })), bad, action);
    for (const index of indexes) parsed[index] = undefined;
  }

  const excluded = [...bad.values()].sort((a, b) => a.recordIndex - b.recordIndex);
  const issues = excluded.flatMap((entry) => entry.issues);
  if (mode === 'strict' && issues.length > 0) return { ok: false, issues };
  const records: OutcomeRecord[] = [];
  for (const record of parsed) if (record !== undefined) records.push(record);
  return { ok: true, value: { records, excluded }, issues };
}

/**
 * Validates what a reader produced: the rows it could not read count as issues too (strict: the
 * input is refused; lenient: they are excluded and listed first in `excluded` and `issues`). An
 * array of records is taken as a reader's value without lines; anything else (a reader's `Result`
 * instead of its value, `null`, a string) is refused with the issue `RECORDS_NOT_ARRAY`.
 *
 * @example
 * const read = readNdjsonRecords(text);
 * if (read.ok) validateRawRecords(read.value, context, { mode: 'lenient' });
 */
export function validateRawRecords(
  batch: RawRecords,
  context: RecordContext,
  options: { readonly mode?: ValidationMode } = {},
): RecordsResult {
  expectContext('validateRawRecords', context);
  const { mode } = readValidateOptions('validateRawRecords', options, ['mode']);
  const read = recordsArgument(batch);
  if (read.issue !== undefined) return { ok: false, issues: [read.issue] };
  return validateBatch(read.batch, context, mode);
}

/**
 * {@link validateRawRecords} for a batch and a context the caller made itself (a settlement), with
 * no check of its arguments.
 *
 * @example
 * validateBatch({ records, lines, issues: [] }, recordContext(contract), 'lenient');
 */
export function validateBatch(batch: RawRecords, context: RecordContext, mode: ValidationMode): RecordsResult {
  const result = validateArray(batch.records, context, mode, batch.lines);
  if (batch.issues.length === 0) return result;
  const action: RecordIssueAction = mode === 'strict' ? 'rejected' : 'excluded';
  const readerIssues = batch.issues.map((issue) => ({ ...issue, action }));
  const issues = [...readerIssues, ...result.issues];
  if (!result.ok || mode === 'strict') return { ok: false, issues };
  const unreadable: ExcludedRecord[] = readerIssues.map((issue) => ({ recordIndex: undefined, participantId: undefined, line: ownValue(issue, 'line'), issues: [issue] }));
  return { ok: true, value: { records: result.value.records, excluded: [...unreadable, ...result.value.excluded] }, issues };
}

/** The line of record `index`, when `lines` holds one as an own element. */
function lineAt(lines: readonly number[] | undefined, index: number): number | undefined {
  return lines !== undefined && hasOwn(lines, index) ? lines[index] : undefined;
}

/** The options of validateRecords (`mode`, `lines`) and validateRawRecords (`mode`), read once and checked. */
function readValidateOptions(where: string, options: unknown, keys: readonly ('mode' | 'lines')[]): { mode: ValidationMode; lines: readonly number[] | undefined } {
  const fields = readFields(where, 'options', options, keys);
  const mode = fields.mode ?? 'strict';
  expectOneOf(where, 'options.mode', mode, ['strict', 'lenient']);
  const lines = fields.lines;
  if (lines !== undefined && !Array.isArray(lines)) throw invalidArgument(where, 'options.lines', 'an array of line numbers', lines);
  return { mode, lines: lines as readonly number[] | undefined };
}

const CONTEXT_FIELDS: readonly FieldCheck[] = [
  ['cohortIds', is.withMethod('has'), 'a Set'],
  ['groupIds', is.withMethod('has'), 'a Set'],
  ['enrolmentWindows', is.optional(is.withMethod('get')), 'a Map or absent'],
];

/**
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `context` has the shape of a
 * {@link RecordContext}: `cohortIds` and `groupIds` sets, `enrolmentWindows` a map or absent.
 */
function expectContext(where: string, context: unknown): asserts context is RecordContext {
  expectFields(where, 'context', context, 'a record context: { cohortIds: Set, groupIds: Set, enrolmentWindows?: Map }', CONTEXT_FIELDS);
}
