/**
 * One pass of a streamed settlement over its source: validate each row as it arrives and add the
 * valid records to a session.
 *
 * @module
 */
import {
  checkOneRecord,
  locatedSink,
  readableId,
  reportDuplicates,
  type Located,
  type Occurrence,
  type ValidationRun,
  type OutcomeRecord,
  type RecordIssue,
  type StreamRow,
  type ValidationMode,
  type ParsedRow,
} from '../records/index.js';
import { idHashKey, createStreamIssues, NO_PASS_ISSUES, type LogSpill, type PassIssues, type StreamIds } from '../streaming/index.js';
import { excludedCohortsTally, type ExcludedCohorts } from './decisions-at-risk.js';
import type { SettlementSession } from './session.js';

/**
 * What a pass found: the reader's issues, then the issues of the excluded records in record
 * order (`issues.excluded` records in all, built when `issues.each` asks for them);
 * `candidates` (first pass only) are the hashes of ids seen more than once: when there are any,
 * the first pass's session counts records that must be excluded, and a second pass must run.
 * The excluded records' issues are the settlement's only when the pass is the last: not after a
 * fatal row, nor when there are candidates (`issues` is then empty; the second pass gives them).
 *
 * `excludedCohorts` counts the excluded records by the cohort they name.
 *
 * @example
 * const outcome: PassOutcome = { fatal: undefined, readerIssues: [], issues: NO_PASS_ISSUES, read: 0, settled: 0, candidates: new Set(), excludedCohorts: { byCohort: new Map(), unknown: 0 } };
 */
export interface PassOutcome {
  readonly fatal: readonly RecordIssue[] | undefined;
  readonly readerIssues: readonly RecordIssue[];
  readonly issues: PassIssues;
  readonly read: number;
  readonly settled: number;
  readonly candidates: ReadonlySet<string>;
  readonly excludedCohorts: ExcludedCohorts;
}

/**
 * How a pass tracks ids: the first pass notes every id in `ids` and asks it for candidates at
 * the end; the second pass holds back the records whose id hash is one of `candidates`.
 *
 * @example
 * const first: PassIds = { ids: streamIds(storage) };
 * const second: PassIds = { candidates };
 */
export type PassIds = { readonly ids: StreamIds; readonly candidates?: undefined } | { readonly ids?: undefined; readonly candidates: ReadonlySet<string> };

/**
 * Runs one pass. Rows are raw records (validated here) or `parsed` rows (a fast path of the reader
 * already gave the valid record). First pass (`ids`): every id is noted; an id the in-memory table already knows
 * to repeat is not added to the session (the settlement will be redone anyway). Second pass
 * (`candidates`): records whose id hash is a candidate are held back until the end, when the
 * true duplicates are known: every record of a duplicated id is excluded (as `settle` does), the
 * others are added. With `logSpill`, the issue log keeps its full blocks in the store it opens.
 * May throw a `SpillFailure` from a spill store.
 *
 * @example
 * const first = await runPass(openRows(source, 0)!, run, 'lenient', session, { ids: streamIds(undefined) });
 */
export async function runPass(
  batches: AsyncIterable<readonly (StreamRow | ParsedRow)[]>,
  run: ValidationRun,
  mode: ValidationMode,
  session: SettlementSession,
  track: PassIds,
  logSpill?: LogSpill,
): Promise<PassOutcome> {
  const { ids, candidates } = track;
  const readerIssues: RecordIssue[] = [];
  const issues = createStreamIssues(run.action, logSpill);
  const suspects = new Map<number, Located>(); // second pass: issues of records whose id is a candidate
  const suspectSink = locatedSink(suspects, run.action);
  const occurrences = new Map<string, Occurrence[]>();
  const held: OutcomeRecord[] = [];
  const excluded = excludedCohortsTally(run.context.cohortIds); // excluded records only: never a valid one
  let repeated = false;
  let index = 0;
  let settled = 0;
  const outcome = (fatal: readonly RecordIssue[] | undefined, found: ReadonlySet<string>): PassOutcome => {
    const passIssues = fatal !== undefined || found.size > 0 ? NO_PASS_ISSUES : issues.withSuspects(suspects);
    return { fatal, readerIssues, issues: passIssues, read: index, settled, candidates: found, excludedCohorts: excluded.counts() };
  };
  for await (const rows of batches) {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as StreamRow | ParsedRow;
      if (row.kind === 'fatal') return outcome(row.issues, new Set());
      if (row.kind === 'unreadable') {
        readerIssues.push({ ...row.issue, action: run.action });
        excluded.add(undefined);
        continue;
      }
      const line = row.line === 0 ? undefined : row.line;
      const parsed = row.kind === 'parsed';
      const id = parsed ? row.record.id : readableId(row.record);
      let hold = false;
      if (id !== undefined) {
        if (ids !== undefined) {
          if (ids.mustFlush) await ids.flush();
          if (!ids.add(id)) {
            repeated = true;
            hold = true; // a later occurrence is never added in the first pass
          }
        } else if (candidates.has(idHashKey(id))) {
          const list = occurrences.get(id);
          if (list === undefined) occurrences.set(id, [{ index, line }]);
          else list.push({ index, line });
          hold = true;
        }
      }
      const record = parsed ? row.record : checkOneRecord(row.record, index, line, run, hold && ids === undefined ? suspectSink : issues.sink);
      index++;
      if (record === undefined) {
        excluded.add(row.record);
        if (issues.mustFlush) await issues.flush();
        continue;
      }
      if (mode === 'strict' && (issues.excluded > 0 || suspects.size > 0 || readerIssues.length > 0 || repeated)) continue; // will fail
      if (!hold) {
        session.add(record);
        settled++;
      } else if (ids === undefined) held.push(record);
    }
  }
  for (const [id, list] of occurrences) if (list.length > 1) reportDuplicates(id, list, suspects, run.action);
  for (const record of held) {
    if ((occurrences.get(record.id)?.length ?? 0) > 1) {
      excluded.add(record);
      continue;
    }
    session.add(record);
    settled++;
  }
  return outcome(undefined, ids === undefined ? new Set() : await ids.candidates());
}
