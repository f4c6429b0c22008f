/**
 * Resolves an outcome measured in a calendar quarter after the exit quarter (`quarterAfterExit`,
 * US WIOA) for one participant, from the earnings observations of the records.
 *
 * @module
 */
import type { CalendarDate, Quarter } from '../calendar/index.js';
import { quarterAndDue } from '../contract/quarter-due.js';
import { ZERO, type Amount } from '../money/index.js';
import { recordEarnings, type OutcomeRecord } from '../records/index.js';
import { windowAnchor } from './anchor.js';
import type { CompiledQuarterAfterExit } from './compiled-form.js';
import { achieved, failed, pending, type Resolution } from './resolution.js';

/**
 * The earnings of a quarter: the sum of the observations whose period ends in it (first to last
 * day inclusive), exact; a period that starts in an earlier quarter counts whole in the quarter it
 * ends in.
 *
 * @example
 * quarterEarnings(record, quarterAfter(parseDate('2024-05-10'), 2)); // the earnings of October to December 2024
 */
export function quarterEarnings(record: OutcomeRecord, quarter: Quarter): Amount {
  let total = ZERO;
  for (const e of recordEarnings(record)) if (e.to >= quarter.first && e.to <= quarter.last) total = total.plus(e.amount);
  return total;
}

/**
 * Resolves a quarter-after-exit outcome: pending until the exit is known (`AWAITING_EXIT`), then
 * until the day the quarter's data is due (`AWAITING_QUARTER_DATA`); on that day achieved when the
 * quarter's earnings are above zero and at least `minimumEarnings` (`EMPLOYED_IN_QUARTER`), failed
 * otherwise (`NOT_EMPLOYED_IN_QUARTER`). Every observation ending in the quarter ends before the
 * due day, so it is known when the outcome is decided.
 *
 * @param o - the compiled outcome
 * @param record - the participant
 * @param asOf - the as-of date
 * @example
 * resolveQuarterAfterExit(compiled.outcomes[0], record, parseDate('2025-12-31'));
 */
export function resolveQuarterAfterExit(o: CompiledQuarterAfterExit, record: OutcomeRecord, asOf: CalendarDate): Resolution {
  const exit = windowAnchor('exit', record, asOf);
  if (exit === undefined) return pending('AWAITING_EXIT');
  const { quarter, due } = quarterAndDue(exit, o.quarter, o.dataLag);
  if (due > asOf) return pending('AWAITING_QUARTER_DATA');
  const total = quarterEarnings(record, quarter);
  const employed = total.greaterThan(ZERO) && (o.minimumEarnings === undefined || total.greaterThanOrEqualTo(o.minimumEarnings));
  return employed ? achieved(due as CalendarDate, 'EMPLOYED_IN_QUARTER') : failed(due as CalendarDate, 'NOT_EMPLOYED_IN_QUARTER');
}
