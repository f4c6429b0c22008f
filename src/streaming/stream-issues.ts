/**
 * The issues of a stream's excluded records: in an issue log while the stream runs (records
 * arrive in order), then, once, in record order, with the few records kept aside merged in.
 *
 * @module
 */
import { ownValue } from '../own-data.js';
import type { IssueSink, Located, RecordPlace, RecordIssueAction } from '../records/index.js';
import type { SpillStore } from './spill-store.js';
import { createIssueLog, isThenable, type IssueVisitor } from './issue-log.js';

/**
 * The excluded records' issues of a finished pass. `excluded` counts the records they are about;
 * `each(visit)` builds the issues one at a time, in record order, and passes each to `visit`
 * (once: a second call visits nothing), so that they need never be in memory all together. It
 * may throw a `SpillFailure` (reading the issue log back from its spill store).
 *
 * @example
 * const all: RecordIssue[] = [];
 * await passIssues.each((issue) => all.push(issue));
 */
export interface PassIssues {
  readonly excluded: number;
  each(visit: IssueVisitor): Promise<void>;
}

/** The issues of a pass that found none, or whose issues are not the settlement's. */
export const NO_PASS_ISSUES: PassIssues = { excluded: 0, each: () => Promise.resolve() };

/**
 * Where a pass's issue log keeps its full blocks: the store `open` opens (once, when the first
 * block is full), in blocks of `blockBytes` (default: the issue log's).
 *
 * @example
 * const spill: LogSpill = { open: () => memoryStore(), blockBytes: 4096 };
 */
export interface LogSpill {
  readonly open: () => SpillStore;
  readonly blockBytes?: number | undefined;
}

/**
 * The issue list of one pass: `sink` receives the issues as the checks report them; `excluded`
 * counts the records they are about; with a spill store, `flush()` must be awaited whenever
 * `mustFlush` is true, before the next record. `withSuspects` (once, at the end) gives the pass's issues,
 * the records kept aside (the few whose id may repeat, with their DUPLICATE_ID issues) merged in
 * by record index.
 *
 * @example
 * const issues = createStreamIssues('excluded');
 * checkOneRecord(raw, 0, 1, run, issues.sink);
 * const { excluded } = issues.withSuspects(new Map());
 */
export interface StreamIssues {
  readonly sink: IssueSink;
  readonly excluded: number;
  readonly mustFlush: boolean;
  flush(): Promise<void>;
  withSuspects(suspects: ReadonlyMap<number, Located>): PassIssues;
}

/**
 * An empty issue list for a pass whose issues take `action`, kept in a spill store that
 * `spill.open` opens when given, in blocks of `spill.blockBytes` (see `createIssueLog`).
 *
 * @example
 * const issues = createStreamIssues('rejected');
 */
export function createStreamIssues(action: RecordIssueAction, spill?: LogSpill): StreamIssues {
  const log = spill === undefined ? createIssueLog(action) : createIssueLog(action, spill.open, spill.blockBytes);
  let last: RecordPlace | undefined;
  let excluded = 0;
  return {
    sink(place, code, path, message) {
      if (place !== last) {
        last = place;
        excluded++;
      }
      log.sink(place, code, path, message);
    },
    get excluded() {
      return excluded;
    },
    get mustFlush() {
      return log.mustFlush;
    },
    flush: () => log.flush(),
    withSuspects(suspects) {
      const aside = [...suspects.values()].sort((a, b) => a.recordIndex - b.recordIndex);
      return {
        excluded: excluded + aside.length,
        async each(visit) {
          // A record is either logged or aside, never both: each aside record goes before the
          // first logged issue of a later record.
          let next = 0;
          const visitUpTo = async (recordIndex: number): Promise<void> => {
            for (; next < aside.length && (aside[next] as Located).recordIndex <= recordIndex; next++) {
              for (const issue of (aside[next] as Located).issues) {
                const visited = visit(issue);
                if (isThenable(visited)) await visited;
              }
            }
          };
          await log.each(async (issue) => {
            await visitUpTo(ownValue(issue, 'recordIndex') ?? 0);
            const visited = visit(issue);
            if (isThenable(visited)) await visited;
          });
          await visitUpTo(Infinity);
          aside.length = 0;
        },
      };
    },
  };
}
