/**
 * What the records are checked against: a contract's cohorts (with their enrolment windows) and
 * groups.
 *
 * @module
 */
import { parseDate } from '../calendar/index.js';
import type { Contract } from '../contract/index.js';
import type { RecordContext } from '../records/index.js';

/**
 * The record context of a validated contract: its cohort ids, group ids and each cohort's
 * enrolment window (a record enrolled outside it is `ENROLMENT_OUTSIDE_WINDOW`).
 *
 * @example
 * const context = recordContext(contract);
 * validateRecords(raw, context, { mode: 'lenient' });
 */
export function recordContext(contract: Contract): RecordContext {
  return {
    cohortIds: new Set(contract.cohorts.map((cohort) => cohort.id)),
    groupIds: new Set((contract.groups ?? []).map((group) => group.id)),
    enrolmentWindows: new Map(contract.cohorts.map((cohort) => [cohort.id, { start: parseDate(cohort.enrolmentStart), end: parseDate(cohort.enrolmentEnd) }])),
  };
}
