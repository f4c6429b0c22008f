/**
 * `settleStream`: the settlement of records that arrive one at a time (a file read in chunks, a
 * database cursor), in memory that does not grow with the number of records, except for the
 * issues found (unless they are delivered to `onIssue`, kept until then as compact text) and,
 * with `detail: 'participants'`, the participant ids the settlement lists.
 * Duplicate ids are found with one compact hash per id, kept in memory or, given a spill store,
 * in sorted runs outside it.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import type { Issue } from '../errors.js';
import {
  createAmountCache,
  createCsvTypedReader,
  createNdjsonTypedReader,
  type ValidationRun,
  type StreamRow,
  type ValidationMode,
  type ParsedRow,
} from '../records/index.js';
import {
  SpillFailure,
  streamIds,
  isThenable,
  keepSpills,
  expectRecordSource,
  openRows,
  readStreamSettings,
  type StreamIds,
  type LogSpill,
  type RecordSource,
  type TypedReaders,
  type StreamSettings,
  type StreamStorage,
} from '../streaming/index.js';
import { fail, withNotices, type Result } from '../result.js';
import type { CheckedOptions, SettleOptions } from './options.js';
import { prepareSettlement } from './prepare.js';
import type { PreviousPayments } from './previous.js';
import { recordContext } from './record-context.js';
import { recordsProblem } from './record-limits.js';
import { createSession } from './session.js';
import { runPass } from './settle-stream-pass.js';
import type { Settlement } from './types.js';

/**
 * Settles a contract on records that arrive one at a time, with the result `settle` gives on the
 * same records (byte for byte, duplicate ids included). Each record is validated as it arrives and
 * added to the settlement session, then dropped.
 *
 * The records: an async iterable of raw records, a function returning one, or
 * `{ format: 'ndjson' | 'csv', chunks }` where `chunks` is the file's bytes in chunks (or a function
 * opening them), e.g. `() => fs.createReadStream(path)`, decoded as UTF-8 strictly (text chunks are
 * taken as they are). From a file, issues carry the line of their record; rows that cannot be read
 * (NDJSON_LINE_SYNTAX, CSV_ROW_LENGTH, JSON_DUPLICATE_KEY, RECORD_TOO_LONG, ...) are issues listed
 * first, counted in `recordsRead` and `recordsExcluded` (as `validateRawRecords` does); a file that
 * is cut (NDJSON_TRUNCATED, an unclosed CSV quote), has a bad header or is not UTF-8 fails the
 * settlement.
 *
 * Duplicate ids: as in `settle`, every record sharing an id is excluded (lenient) or the input is
 * refused (strict). A stream only learns that an id repeats after its first record was added, so
 * when a repeat is found the source is read a second time, from the start; the records of
 * repeated ids are then left out. That needs a source that can be opened again (a function): a
 * single-use iterable with a repeated id fails with `STREAM_NOT_REPEATABLE`. Inputs without
 * duplicate ids are read once.
 *
 * Finding repeats needs one 64-bit hash per id. Without `storage` they are kept in a hash table in
 * memory (8 to 16 bytes per id). With `storage`, memory stays fixed: the hashes are buffered,
 * written to a spill store in sorted runs when the buffer is full, and merged at the end; the
 * issues' text is written to a spill store a block at a time; every store is disposed of before
 * this returns. A store that fails gives `STREAM_SPILL_FAILED`. `storage` never changes the
 * result.
 *
 * Issues: the settlement lists them in `dataQuality.issues`, as `settle` does; with `onIssue`
 * in the settings, each is passed to it instead, one at a time and in the same order, and the
 * settlement holds only their number (`issuesDelivered`): see {@link StreamSettings}. Both keep
 * the issues as compact text while the stream runs; only delivered issues are never all in
 * memory as objects.
 *
 * Errors: the contract and the options are data, reported as issues whatever their type, as by
 * `settle`. The records source and the settings are the program's: a source that is not one (a
 * string, `null`, a file source with another format), a chunk that is neither text nor bytes, or
 * settings of the wrong type reject with {@link "outcome-pay".OutcomePayError | OutcomePayError} (`ARGUMENT_INVALID`,
 * `STREAM_SETTINGS`) naming them. A contract in an earlier version of the format settles with
 * the notice `CONTRACT_UPGRADED` in the ok result's `issues`, as with `settle`.
 *
 * @param contract - the contract JSON (parsed)
 * @param records - where the records come from
 * @param options - the options of `settle`
 * @param settings - `{ storage?, onIssue? }` ({@link StreamSettings}), or a {@link StreamStorage} alone: a spill store for the ids and the issue text of long streams (in Node: `tempFileStorage()` from `outcome-pay/node`)
 * @example
 * import { createReadStream } from 'node:fs';
 * import { tempFileStorage } from 'outcome-pay/node';
 * const result = await settleStream(
 *   contractJson,
 *   { format: 'ndjson', chunks: () => createReadStream('records.ndjson') },
 *   { asOf: '2025-06-30' },
 *   tempFileStorage(),
 * );
 * if (result.ok) console.log(result.value.totals.due);
 */
export async function settleStream(
  contract: unknown,
  records: RecordSource,
  options: SettleOptions,
  settings?: StreamSettings | StreamStorage,
): Promise<Result<Settlement>> {
  const { storage, onIssue } = readStreamSettings(settings);
  expectRecordSource(records);
  const prepared = prepareSettlement(contract, options);
  if (!prepared.ok) return prepared;
  const { contract: parsed, options: checked, previous, optionsText } = prepared.value;
  const run = validationRun(parsed, checked.records);
  const typed: TypedReaders = {
    ndjson: createNdjsonTypedReader(run.context, run.amounts),
    csv: (columns) => createCsvTypedReader(columns, run.context, run.amounts),
  };
  const firstRows = openRows(records, 0, typed);
  if (firstRows === undefined) return fail([notRepeatable('the records source was already consumed')]);
  const spills = storage === undefined ? undefined : keepSpills(storage);
  const ids = streamIds(spills?.ids);
  const logSpill = spills?.issues;
  let result: Result<Settlement>;
  try {
    const disposeStores = (): Promise<void> => spills?.dispose() ?? Promise.resolve();
    const passes = { contract: parsed, options: checked, previous, run, typed, logSpill, disposeStores };
    result = await settlePasses(passes, records, firstRows, ids, optionsText, onIssue);
  } catch (error) {
    if (!(error instanceof SpillFailure)) {
      await spills?.dispose().catch(() => undefined); // the original error is the one to report
      throw error;
    }
    result = fail([spillFailed(error)]);
  }
  try {
    await spills?.dispose();
  } catch (error) {
    if (!(error instanceof SpillFailure)) throw error;
    result = fail([...(result.ok ? [] : result.issues), spillFailed(error)]);
  }
  return withNotices(result, prepared.value.parsed);
}

interface Prepared {
  readonly contract: Contract;
  readonly options: CheckedOptions;
  readonly previous: PreviousPayments;
  readonly run: ValidationRun;
  readonly typed: TypedReaders;
  /** How a read's issue log spills (with storage only). */
  readonly logSpill: LogSpill | undefined;
  /** Disposes of the spill stores opened so far. */
  readonly disposeStores: () => Promise<void>;
}

/** What validation shares across the records of a streamed settlement. */
function validationRun(contract: Contract, mode: ValidationMode): ValidationRun {
  return {
    context: recordContext(contract),
    action: mode === 'strict' ? 'rejected' : 'excluded',
    amounts: createAmountCache(),
  };
}

async function settlePasses(
  prepared: Prepared,
  records: RecordSource,
  firstRows: AsyncIterable<readonly (StreamRow | ParsedRow)[]>,
  ids: StreamIds,
  optionsText: string,
  onIssue: StreamSettings['onIssue'],
): Promise<Result<Settlement>> {
  const { contract, options, previous, run, typed, logSpill } = prepared;
  const mode = options.records;
  let session = createSession(contract, options, previous);
  let pass = await runPass(firstRows, run, mode, session, { ids }, logSpill);
  if (pass.fatal !== undefined) return fail(pass.fatal);
  await ids.dispose(); // the candidates are known: the spill store is no longer needed
  if (pass.candidates.size > 0) {
    await prepared.disposeStores(); // the first read's issue log is not the settlement's
    const again = openRows(records, 1, typed);
    if (again === undefined) {
      return fail([notRepeatable('some participant ids occur more than once, and every record of a repeated id must be excluded, but the records source can be read only once: pass a function that opens it again')]);
    }
    const firstRead = pass.read;
    session = createSession(contract, options, previous);
    pass = await runPass(again, run, mode, session, { candidates: pass.candidates }, logSpill);
    if (pass.fatal !== undefined) return fail(pass.fatal);
    if (pass.read !== firstRead) {
      return fail([{ code: 'STREAM_CHANGED', path: [], message: `the records source gave ${firstRead} records the first time and ${pass.read} the second: it changed while being settled` }]);
    }
  }

  const { readerIssues, issues } = pass;
  const counts = {
    recordsRead: pass.read + readerIssues.length,
    recordsSettled: pass.settled,
    recordsExcluded: issues.excluded + readerIssues.length,
  };
  const problem = mode === 'strict' && counts.recordsExcluded > 0 ? undefined : recordsProblem(counts, options);
  if (onIssue === undefined || problem !== undefined || (mode === 'strict' && counts.recordsExcluded > 0)) {
    const listed: Issue[] = [...readerIssues];
    await issues.each((issue) => listed.push(issue));
    if (mode === 'strict' && listed.length > 0) return fail(listed); // strict: problems refuse the settlement
    if (problem !== undefined) return fail([problem, ...listed]); // no records, or too many excluded
    return session.finish({ ...counts, issues: listed }, optionsText, pass.excludedCohorts);
  }
  const delivered = {
    async each(visit: (issue: Issue) => void) {
      for (const issue of readerIssues) {
        visit(issue);
        const delivering = onIssue(issue);
        if (isThenable(delivering)) await delivering;
      }
      await issues.each((issue) => {
        visit(issue);
        return onIssue(issue);
      });
    },
  };
  return session.finishDelivering({ ...counts, issues: [] }, optionsText, delivered, pass.excludedCohorts);
}

function spillFailed(failure: SpillFailure): Issue {
  return {
    code: 'STREAM_SPILL_FAILED',
    path: [],
    message: `the spill store for ${failure.subject} failed while ${failure.message}; nothing was settled`,
  };
}

function notRepeatable(message: string): Issue {
  return { code: 'STREAM_NOT_REPEATABLE', path: [], message };
}
