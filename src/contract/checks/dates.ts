/**
 * Date checks: every date is a real calendar date; periods, windows and tranche dates in order;
 * cohort windows, clause checks, scheduled fees and investor drawdowns inside the contract period.
 *
 * @module
 */
import { MAX_DATE, addMonthsUnbounded, checkDate, compareDates, formatDate, type CalendarDate } from '../../calendar/index.js';
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
    if (rule.kind === 'resultsIndicator') {
      for (const [j, period] of rule.periods.entries()) yield [period.verifiedOn, ['rules', i, 'periods', j, 'verifiedOn']];
      if (rule.rollover !== undefined) yield [rule.rollover.until, ['rules', i, 'rollover', 'until']];
    }
    if (rule.kind !== 'fee') continue;
    const charge = rule.charge;
    if (charge.kind === 'schedule') {
      for (const [j, payment] of charge.payments.entries()) yield [payment.date, ['rules', i, 'charge', 'payments', j, 'date']];
    } else if (charge.kind === 'shareOfValue') {
      yield [charge.firstOn, ['rules', i, 'charge', 'firstOn']];
    } else {
      for (const [j, phase] of (charge.phases ?? []).entries()) yield [phase.from, ['rules', i, 'charge', 'phases', j, 'from']];
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
  for (const [i, o] of c.outcomes.entries()) {
    if (o.kind === 'earningsThreshold' && o.threshold.kind === 'minimumWage') {
      for (const [j, rate] of o.threshold.rates.entries()) yield [rate.from, ['outcomes', i, 'threshold', 'rates', j, 'from']];
    }
  }
  for (const [i, level] of (c.minimumPerformance ?? []).entries()) {
    if (level.enrolledBy !== undefined) yield [level.enrolledBy, ['minimumPerformance', i, 'enrolledBy']];
    for (const [j, review] of level.reviewOn.entries()) yield [review, ['minimumPerformance', i, 'reviewOn', j]];
  }
  for (const [i, amendment] of (c.amendments?.versions ?? []).entries()) yield [amendment.effectiveFrom, ['amendments', 'versions', i, 'effectiveFrom']];
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
  for (const [i, o] of c.outcomes.entries()) {
    if (o.kind !== 'earningsThreshold' || o.threshold.kind !== 'minimumWage') continue;
    const rates = o.threshold.rates;
    for (let j = 1; j < rates.length; j++) {
      const previous = get(['outcomes', i, 'threshold', 'rates', j - 1, 'from']);
      const current = get(['outcomes', i, 'threshold', 'rates', j, 'from']);
      if (previous !== undefined && current !== undefined && compareDates(previous, current) >= 0) {
        issues.push(issueAt('DATE_ORDER', ['outcomes', i, 'threshold', 'rates', j, 'from'], `minimum wage rates: from ${rates[j]?.from ?? ''} is not after the previous rate's ${rates[j - 1]?.from ?? ''}`));
      }
    }
  }
  for (const [i, rule] of c.rules.entries()) {
    if (rule.kind === 'resultsIndicator') indicatorDates(rule, ['rules', i], get, inside, issues);
    if (rule.kind !== 'fee') continue;
    const charge = rule.charge;
    if (charge.kind === 'schedule') {
      for (const [j] of charge.payments.entries()) inside(['rules', i, 'charge', 'payments', j, 'date'], 'fee payment date');
    } else if (charge.kind === 'shareOfValue') {
      const first = get(['rules', i, 'charge', 'firstOn']);
      inside(['rules', i, 'charge', 'firstOn'], 'first instalment date');
      if (first !== undefined && end !== undefined && compareDates(first, end) <= 0) {
        // the last instalment, charge.months − 1 calendar months after the first (month-end clamped)
        const last = addMonthsUnbounded(first, charge.months - 1);
        if (last > end) {
          const on = last > MAX_DATE ? 'after 9999-12-31' : `on ${formatDate(last as CalendarDate)}`;
          issues.push(issueAt('DATE_OUTSIDE_PERIOD', ['rules', i, 'charge', 'months'], `the last of ${charge.months} monthly instalments falls ${on}, after the contract period ends on ${c.period.end}`));
        }
      }
    } else {
      const phases = charge.phases ?? [];
      for (const [j] of phases.entries()) {
        inside(['rules', i, 'charge', 'phases', j, 'from'], 'fee phase start');
        const previous = get(['rules', i, 'charge', 'phases', j - 1, 'from']);
        const current = get(['rules', i, 'charge', 'phases', j, 'from']);
        if (j > 0 && previous !== undefined && current !== undefined && compareDates(previous, current) >= 0) {
          issues.push(issueAt('DATE_ORDER', ['rules', i, 'charge', 'phases', j, 'from'], `fee phases: from ${phases[j]?.from ?? ''} is not after the previous phase's ${phases[j - 1]?.from ?? ''}`));
        }
      }
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

/**
 * A results indicator's dates: each verification inside the contract period and after the
 * previous one; the rollover's final date inside the period, on or after the last verification.
 */
function indicatorDates(
  rule: Extract<Contract['rules'][number], { kind: 'resultsIndicator' }>,
  at: readonly PathSegment[],
  get: (path: readonly PathSegment[]) => CalendarDate | undefined,
  inside: (path: readonly PathSegment[], what: string) => void,
  issues: Issue[],
): void {
  for (const [j, period] of rule.periods.entries()) {
    const path = [...at, 'periods', j, 'verifiedOn'];
    inside(path, 'results indicator verification date');
    const previous = get([...at, 'periods', j - 1, 'verifiedOn']);
    const current = get(path);
    if (j > 0 && previous !== undefined && current !== undefined && compareDates(previous, current) >= 0) {
      issues.push(issueAt('DATE_ORDER', path, `results indicator "${rule.id}": period "${period.id}" is verified on ${period.verifiedOn}, not after the previous period's ${rule.periods[j - 1]?.verifiedOn ?? ''}`));
    }
  }
  if (rule.rollover === undefined) return;
  const until = [...at, 'rollover', 'until'];
  inside(until, 'results indicator rollover final date');
  const last = get([...at, 'periods', rule.periods.length - 1, 'verifiedOn']);
  const final = get(until);
  if (last !== undefined && final !== undefined && compareDates(last, final) > 0) {
    issues.push(issueAt('DATE_ORDER', until, `results indicator "${rule.id}": the rollover ends on ${rule.rollover.until}, before the last period is verified on ${rule.periods.at(-1)?.verifiedOn ?? ''}`));
  }
}
