/**
 * The issues of a stream's excluded records: in an issue log while the stream runs (records
 * arrive in order), then one flat list in record order, with the few records kept aside merged in.
 *
 * @module
 */
import type { IssueSink, Located, RecordPlace } from '../records/check-one.js';
import type { RecordIssue, RecordIssueAction } from '../records/index.js';
import { createIssueLog } from './issue-log.js';

/**
 * The issue list of one pass: `sink` receives the issues as the checks report them; `excluded`
 * counts the records they are about. `withSuspects` (once, at the end) builds the list and merges
 * in the records kept aside (the few whose id may repeat, with their DUPLICATE_ID issues), in
 * record order.
 *
 * @example
 * const issues = createStreamIssues('excluded');
 * checkOneRecord(raw, 0, 1, run, issues.sink);
 * const { issues: all, excluded } = issues.withSuspects(new Map());
 */
export interface StreamIssues {
  readonly sink: IssueSink;
  readonly excluded: number;
  withSuspects(suspects: ReadonlyMap<number, Located>): { readonly issues: RecordIssue[]; readonly excluded: number };
}

/**
 * An empty issue list for a pass whose issues take `action`.
 *
 * @example
 * const issues = createStreamIssues('rejected');
 */
export function createStreamIssues(action: RecordIssueAction): StreamIssues {
  const log = createIssueLog(action);
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
    withSuspects(suspects) {
      const list = log.issues();
      if (suspects.size === 0) return { issues: list, excluded };
      const aside = [...suspects.values()].sort((a, b) => a.recordIndex - b.recordIndex);
      const issues: RecordIssue[] = [];
      let next = 0;
      for (const located of aside) {
        while (next < list.length && (list[next]?.recordIndex ?? 0) < located.recordIndex) issues.push(list[next++] as RecordIssue);
        for (const issue of located.issues) issues.push(issue);
      }
      while (next < list.length) issues.push(list[next++] as RecordIssue);
      return { issues, excluded: excluded + aside.length };
    },
  };
}
