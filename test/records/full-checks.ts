/** The plain validation path, without any fast path: what every fast reader must agree with. */
import { checkRecordMeaning, type RecordContext } from '../../src/records/check-meaning.js';
import { checkRecordShape } from '../../src/records/check-shape.js';
import type { OutcomeRecord } from '../../src/records/index.js';
import { sortRecordLists } from '../../src/records/sort-record.js';
import { CONTEXT } from './fixtures.js';

/**
 * The full checks of one raw record (shape, then meaning, then lists sorted): the parsed record,
 * or undefined when any issue is reported.
 *
 * @example
 * fullChecks({ id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09' }); // the parsed record
 */
export function fullChecks(raw: unknown, context: RecordContext = CONTEXT): OutcomeRecord | undefined {
  let issues = 0;
  const report = (): void => {
    issues++;
  };
  const record = checkRecordShape(raw, report);
  if (record === undefined) return undefined;
  checkRecordMeaning(record, context, report);
  return issues === 0 ? sortRecordLists(record) : undefined;
}
