/**
 * One pass of a streamed settlement over its source: validate each row as it arrives and add the
 * valid records to a session.
 *
 * @module
 */
import { checkOneRecord, readableId, reportDuplicates, type Located, type Occurrence, type ValidationRun } from '../records/check-one.js';
import { createIdHashSet, idHashKey } from '../records/id-hash-set.js';
import type { OutcomeRecord, RecordIssue, StreamRow, ValidationMode } from '../records/index.js';
import type { ParsedRow } from '../records/stream-row.js';
import type { SettlementSession } from './session.js';

/**
 * What a pass found. `candidates` (first pass only) are the hashes of ids seen more than once:
 * when there are any, the first occurrences were already added, and a second pass must run.
 *
 * @example
 * const outcome: PassOutcome = { fatal: undefined, readerIssues: [], bad: new Map(), read: 0, settled: 0, candidates: new Set() };
 */
export interface PassOutcome {
  readonly fatal: readonly RecordIssue[] | undefined;
  readonly readerIssues: readonly RecordIssue[];
  readonly bad: Map<number, Located>;
  readonly read: number;
  readonly settled: number;
  readonly candidates: ReadonlySet<string>;
}

/**
 * Runs one pass. Rows are raw records (validated here) or `parsed` rows (a fast path of the reader
 * already gave the valid record). Without `candidates` (first pass), ids are tracked as hashes; a repeated hash is
 * a candidate and its later occurrences are not added. With `candidates` (second pass), records
 * whose id hash is a candidate are held back until the end, when the true duplicates are known:
 * every record of a duplicated id is excluded (as `settle` does), the others are added.
 *
 * @example
 * const first = await runPass(openRows(source, 0)!, run, 'lenient', session);
 */
export async function runPass(
  batches: AsyncIterable<readonly (StreamRow | ParsedRow)[]>,
  run: ValidationRun,
  mode: ValidationMode,
  session: SettlementSession,
  candidates?: ReadonlySet<string>,
): Promise<PassOutcome> {
  const bad = new Map<number, Located>();
  const readerIssues: RecordIssue[] = [];
  const ids = candidates === undefined ? createIdHashSet() : undefined;
  const found = new Set<string>();
  const occurrences = new Map<string, Occurrence[]>();
  const held: OutcomeRecord[] = [];
  let index = 0;
  let settled = 0;
  for await (const rows of batches) {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as StreamRow | ParsedRow;
      if (row.kind === 'fatal') return { fatal: row.issues, readerIssues, bad, read: index, settled, candidates: found };
      if (row.kind === 'unreadable') {
        readerIssues.push({ ...row.issue, action: run.action });
        continue;
      }
      const line = row.line === 0 ? undefined : row.line;
      const parsed = row.kind === 'parsed';
      const id = parsed ? row.record.id : readableId(row.record);
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
      const record = parsed ? row.record : checkOneRecord(row.record, index, line, run, bad);
      index++;
      if (record === undefined) continue;
      if (mode === 'strict' && (bad.size > 0 || readerIssues.length > 0 || found.size > 0)) continue; // will fail
      if (!hold) {
        session.add(record);
        settled++;
      } else if (candidates !== undefined) held.push(record);
    }
  }
  for (const [id, list] of occurrences) if (list.length > 1) reportDuplicates(id, list, bad, run.action);
  for (const record of held) {
    if ((occurrences.get(record.id)?.length ?? 0) > 1) continue;
    session.add(record);
    settled++;
  }
  return { fatal: undefined, readerIssues, bad, read: index, settled, candidates: found };
}
