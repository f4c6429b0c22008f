/**
 * One pass of a streamed settlement over its source: validate each row as it arrives and add the
 * valid records to a session.
 *
 * @module
 */
import { checkOneRecord, locatedSink, readableId, reportDuplicates, type Located, type Occurrence, type ValidationRun } from '../records/check-one.js';
import { createIdHashSet, idHashKey } from '../records/id-hash-set.js';
import type { OutcomeRecord, RecordIssue, StreamRow, ValidationMode } from '../records/index.js';
import type { SettlementSession } from './session.js';
import { createStreamIssues } from './stream-issues.js';

/**
 * What a pass found: the reader's issues, then the issues of the excluded records in record
 * order (`excluded` records in all); `candidates` (first pass only) are the hashes of ids seen
 * more than once: when there are any, the first occurrences were already added, and a second
 * pass must run.
 *
 * @example
 * const outcome: PassOutcome = { fatal: undefined, readerIssues: [], issues: [], excluded: 0, read: 0, settled: 0, candidates: new Set() };
 */
export interface PassOutcome {
  readonly fatal: readonly RecordIssue[] | undefined;
  readonly readerIssues: readonly RecordIssue[];
  readonly issues: readonly RecordIssue[];
  readonly excluded: number;
  readonly read: number;
  readonly settled: number;
  readonly candidates: ReadonlySet<string>;
}

/**
 * Runs one pass. Without `candidates` (first pass), ids are tracked as hashes; a repeated hash is
 * a candidate and its later occurrences are not added. With `candidates` (second pass), records
 * whose id hash is a candidate are held back until the end, when the true duplicates are known:
 * every record of a duplicated id is excluded (as `settle` does), the others are added.
 *
 * @example
 * const first = await runPass(openRows(source, 0)!, run, 'lenient', session);
 */
export async function runPass(
  batches: AsyncIterable<readonly StreamRow[]>,
  run: ValidationRun,
  mode: ValidationMode,
  session: SettlementSession,
  candidates?: ReadonlySet<string>,
): Promise<PassOutcome> {
  const readerIssues: RecordIssue[] = [];
  const issues = createStreamIssues(run.action);
  const suspects = new Map<number, Located>(); // second pass: issues of records whose id is a candidate
  const suspectSink = locatedSink(suspects, run.action);
  const ids = candidates === undefined ? createIdHashSet() : undefined;
  const found = new Set<string>();
  const occurrences = new Map<string, Occurrence[]>();
  const held: OutcomeRecord[] = [];
  let index = 0;
  let settled = 0;
  const outcome = (fatal: readonly RecordIssue[] | undefined): PassOutcome => {
    const merged = issues.withSuspects(suspects);
    return { fatal, readerIssues, issues: merged.issues, excluded: merged.excluded, read: index, settled, candidates: found };
  };
  for await (const rows of batches) {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as StreamRow;
      if (row.kind === 'fatal') return outcome(row.issues);
      if (row.kind === 'unreadable') {
        readerIssues.push({ ...row.issue, action: run.action });
        continue;
      }
      const line = row.line === 0 ? undefined : row.line;
      const id = readableId(row.record);
      let hold = false;
      if (id !== undefined) {
        if (ids !== undefined) {
          if (!ids.add(id)) {
            found.add(idHashKey(id));
            hold = true; // a later occurrence is never added in the first pass
          }
        } else if (candidates?.has(idHashKey(id)) === true) {
          const list = occurrences.get(id);
          if (list === undefined) occurrences.set(id, [{ index, line }]);
          else list.push({ index, line });
          hold = true;
        }
      }
      const record = checkOneRecord(row.record, index, line, run, hold && candidates !== undefined ? suspectSink : issues.sink);
      index++;
      if (record === undefined) continue;
      if (mode === 'strict' && (issues.excluded > 0 || suspects.size > 0 || readerIssues.length > 0 || found.size > 0)) continue; // will fail
      if (!hold) {
        session.add(record);
        settled++;
      } else if (candidates !== undefined) held.push(record);
    }
  }
  for (const [id, list] of occurrences) if (list.length > 1) reportDuplicates(id, list, suspects, run.action);
  for (const record of held) {
    if ((occurrences.get(record.id)?.length ?? 0) > 1) continue;
    session.add(record);
    settled++;
  }
  return outcome(undefined);
}
