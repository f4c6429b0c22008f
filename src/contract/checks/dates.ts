/**
 * Date checks: every date is a real calendar date; periods, windows and tranche dates in order;
 * cohort windows, clause checks, scheduled fees and investor drawdowns inside the contract period.
 *
 * @module
 */
import { checkDate, compareDates, type CalendarDate } from '../../calendar/index.js';
import type { Issue, PathSegment } from '../../errors.js';
import type { Contract } from '../schema.js';
import { issueAt } from './issue.js';

/** The parsed dates of a contract, by their JSON path (`formatPath` form not needed: keyed by join). */
export type DateTable = ReadonlyMap<string, CalendarDate>;

/**
 * Key of a path in a {@link DateTable}.
 *
 * @example
 * dateKey(['cohorts', 0, 'enrolmentStart']); // 'cohorts/0/enrolmentStart'
 */
export function dateKey(path: readonly PathSegment[]): string {
  return path.join('/');
}

function* dateFields(c: Contract): Generator<readonly [string, readonly PathSegment[]]> {
  yield [c.period.start, ['period', 'start']];
  yield [c.period.end, ['period', 'end']];
  for (const [i, cohort] of c.cohorts.entries()) {
    yield [cohort.enrolmentStart, ['cohorts', i, 'enrolmentStart']];
    yield [cohort.enrolmentEnd, ['cohorts', i, 'enrolmentEnd']];
  }
  for (const [i, rule] of c.rules.entries()) {
    if (rule.kind === 'fee' && rule.charge.kind === 'schedule') {
      for (const [j, payment] of rule.charge.payments.entries()) {
        yield [payment.date, ['rules', i, 'charge', 'payments', j, 'date']];
      }
    }
  }
  for (const [i, investor] of (c.parties.investors ?? []).entries()) {
    for (const [j, drawdown] of (investor.terms?.drawdowns ?? []).entries()) yield [drawdown.on, ['parties', 'investors', i, 'terms', 'drawdowns', j, 'on']];
  }
  for (const [i, tranche] of c.tranches.entries()) {
    yield [tranche.measuredOn, ['tranches', i, 'measuredOn']];
    yield [tranche.dueOn, ['tranches', i, 'dueOn']];
  }
  for (const [i, clause] of (c.exitClauses ?? []).entries()) {
    yield [clause.checkOn, ['exitClauses', i, 'checkOn']];
    if (clause.condition.kind === 'datePassed') yield [clause.condition.date, ['exitClauses', i, 'condition', 'date']];
  }
  for (const [i, level] of (c.minimumPerformance ?? []).entries()) {
    if (level.enrolledBy !== undefined) yield [level.enrolledBy, ['minimumPerformance', i, 'enrolledBy']];
    for (const [j, review] of level.reviewOn.entries()) yield [review, ['minimumPerformance', i, 'reviewOn', j]];
  }
}

/**
 * Parses every date of the contract with the calendar core; reports impossible dates.
 *
 * @example
 * const { table, issues } = parseContractDates(contract);
 */
export function parseContractDates(c: Contract): { table: DateTable; issues: Issue[] } {
  const table = new Map<string, CalendarDate>();
  const issues: Issue[] = [];
  for (const [text, path] of dateFields(c)) {
    const result = checkDate(text, path);
    if (result.ok) table.set(dateKey(path), result.value);
    else issues.push(...result.issues);
  }
  return { table, issues };
}

/**
 * Checks dates are in order and inside the contract period.
 *
 * @example
 * checkDateOrder(contract, parseContractDates(contract).table); // [] when all is well
 */
export function checkDateOrder(c: Contract, table: DateTable): Issue[] {
  const issues: Issue[] = [];
  const get = (path: readonly PathSegment[]): CalendarDate | undefined => table.get(dateKey(path));
  const order = (fromPath: readonly PathSegment[], toPath: readonly PathSegment[], what: string): void => {
    const from = get(fromPath);
    const to = get(toPath);
    if (from !== undefined && to !== undefined && compareDates(from, to) > 0) {
      issues.push(issueAt('DATE_ORDER', toPath, `${what}: ${String(toPath.at(-1))} is before ${String(fromPath.at(-1))}`));
    }
  };
  const start = get(['period', 'start']);
  const end = get(['period', 'end']);
  const inside = (path: readonly PathSegment[], what: string): void => {
    const d = get(path);
    if (d === undefined || start === undefined || end === undefined) return;
    if (compareDates(d, start) < 0 || compareDates(d, end) > 0) {
      issues.push(issueAt('DATE_OUTSIDE_PERIOD', path, `${what} is outside the contract period ${c.period.start} to ${c.period.end}`));
    }
  };
  order(['period', 'start'], ['period', 'end'], 'contract period');
  for (const [i] of c.cohorts.entries()) {
    order(['cohorts', i, 'enrolmentStart'], ['cohorts', i, 'enrolmentEnd'], `cohort "${c.cohorts[i]?.id ?? ''}" enrolment window`);
    inside(['cohorts', i, 'enrolmentStart'], 'enrolment start');
    inside(['cohorts', i, 'enrolmentEnd'], 'enrolment end');
  }
  for (const [i, rule] of c.rules.entries()) {
    if (rule.kind === 'fee' && rule.charge.kind === 'schedule') {
      for (const [j] of rule.charge.payments.entries()) inside(['rules', i, 'charge', 'payments', j, 'date'], 'fee payment date');
    }
  }
  for (const [i, tranche] of c.tranches.entries()) {
    order(['tranches', i, 'measuredOn'], ['tranches', i, 'dueOn'], `tranche "${tranche.id}"`);
    inside(['tranches', i, 'measuredOn'], 'tranche measurement date');
  }
  for (const [i] of (c.exitClauses ?? []).entries()) inside(['exitClauses', i, 'checkOn'], 'exit clause check date');
  for (const [i, level] of (c.minimumPerformance ?? []).entries()) {
    const at = ['minimumPerformance', i];
    if (level.enrolledBy !== undefined) inside([...at, 'enrolledBy'], 'minimum performance enrolment date');
    for (const [j] of level.reviewOn.entries()) {
      inside([...at, 'reviewOn', j], 'minimum performance review date');
      // reviews in increasing order, each on or after the enrolment date the measure counts up to
      if (j > 0) order([...at, 'reviewOn', j - 1], [...at, 'reviewOn', j], `minimum performance level "${level.id}" reviews`);
      if (j > 0 && level.reviewOn[j - 1] === level.reviewOn[j]) issues.push(issueAt('DATE_ORDER', [...at, 'reviewOn', j], `minimum performance level "${level.id}" reviews ${level.reviewOn[j] ?? ''} twice`));
      if (level.enrolledBy !== undefined) order([...at, 'enrolledBy'], [...at, 'reviewOn', j], `minimum performance level "${level.id}": a review before the enrolment date it counts up to`);
    }
  }
  for (const [i, investor] of (c.parties.investors ?? []).entries()) {
    for (const [j] of (investor.terms?.drawdowns ?? []).entries()) inside(['parties', 'investors', i, 'terms', 'drawdowns', j, 'on'], 'investor drawdown date');
  }
  return issues;
}
