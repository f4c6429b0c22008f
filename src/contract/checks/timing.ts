/**
 * Timing checks: a tranche must not be measured before a cohort it pays for can have the
 * outcome; every rule is paid by some tranche; exit clauses only suspend later tranches.
 *
 * @module
 */
import { compareDates, formatDate, type CalendarDate } from '../../calendar/index.js';
import { expectDay } from '../../calendar/days.js';
import type { Issue } from '../../errors.js';
import type { Contract, Outcome, PaymentRule } from '../schema.js';
import { expectContract, expectOutcome } from '../shape.js';
import { dateKey, type DateTable } from './dates.js';
import { ruleFacts, type RuleTiming } from '../rules/index.js';
import { unreachable } from '../unreachable.js';
import { outcomeDuration } from '../durations.js';
import { quarterDataDue } from '../quarter-due.js';
import { issueAt, safeAddDays, safeAddDuration } from './issue.js';

/**
 * The earliest date a participant enrolled on `start` can achieve `outcome`, or `undefined`
 * when it is not a per-participant outcome or the date is out of range. Throws
 * {@link OutcomePayError} `ARGUMENT_INVALID` for a contract or an outcome that is not parsed
 * (`parseContract`), `CALENDAR_ARGUMENT_INVALID` for a start that is not a day number.
 *
 * @example
 * earliestAchievement(contract, retention12m, parseDate('2023-01-01')); // 2024-01-01
 */
export function earliestAchievement(c: Contract, outcome: Outcome, start: CalendarDate): CalendarDate | undefined {
  expectContract('earliestAchievement', 'contract', c);
  expectOutcome('earliestAchievement', 'outcome', outcome);
  expectDay('earliestAchievement', 'start', start);
  return earliestDate(c, outcome, start);
}

/** {@link earliestAchievement} unchecked: the contract's timing checks, on the contract they check. */
function earliestDate(c: Contract, outcome: Outcome, start: CalendarDate): CalendarDate | undefined {
  switch (outcome.kind) {
    case 'placement':
    case 'milestone':
    case 'earningsThreshold':
      return start;
    case 'retention':
    case 'wageProgression': {
      const placement = c.outcomes.find((o) => o.id === outcome.placementOutcome);
      if (placement?.kind !== 'placement') return undefined;
      return safeAddDuration(start, outcomeDuration(outcome));
    }
    case 'quarterAfterExit':
      // an exit on the enrolment day: decided when the data of the quarter-th quarter after it is due
      return quarterDataDue(start, outcome.quarter, outcome.dataLag);
    case 'cohortIndicator':
      return undefined;
    default:
      return unreachable(outcome);
  }
}

function outcomesOfRule(rule: PaymentRule): RuleTiming {
  return ruleFacts(rule).timing(rule);
}

/**
 * Timing checks on a structurally valid contract whose dates parsed into `table`.
 *
 * @example
 * checkTiming(contract, parseContractDates(contract).table);
 */
export function checkTiming(c: Contract, table: DateTable): Issue[] {
  const issues: Issue[] = [];
  const outcomes = new Map(c.outcomes.map((o) => [o.id, o]));
  const rules = new Map(c.rules.map((r) => [r.id, r]));
  const cohortStart = new Map(c.cohorts.map((x, i) => [x.id, table.get(dateKey(['cohorts', i, 'enrolmentStart']))]));
  for (const [i, tranche] of c.tranches.entries()) {
    const measured = table.get(dateKey(['tranches', i, 'measuredOn']));
    if (measured === undefined) continue;
    const filter = tranche.outcomes === undefined ? undefined : new Set(tranche.outcomes);
    for (const ruleId of tranche.rules) {
      const rule = rules.get(ruleId);
      if (rule === undefined) continue;
      const { ids, extraDays } = outcomesOfRule(rule);
      const main = ids[0];
      if (main === undefined || (filter !== undefined && !filter.has(main))) continue;
      for (const cohortId of tranche.cohorts) {
        const start = cohortStart.get(cohortId);
        if (start === undefined) continue;
        let earliest: CalendarDate | undefined = start;
        for (const id of ids) {
          const outcome = outcomes.get(id);
          const date = outcome === undefined ? undefined : earliestDate(c, outcome, start);
          if (date !== undefined && earliest !== undefined && compareDates(date, earliest) > 0) earliest = date;
        }
        earliest = earliest === undefined ? undefined : safeAddDays(earliest, extraDays);
        if (earliest !== undefined && compareDates(measured, earliest) < 0) {
          issues.push(
            issueAt(
              'TRANCHE_BEFORE_OUTCOME',
              ['tranches', i, 'measuredOn'],
              `tranche "${tranche.id}" is measured on ${tranche.measuredOn}, but cohort "${cohortId}" cannot achieve what rule "${ruleId}" pays for before ${formatDate(earliest)}`,
            ),
          );
        }
      }
    }
  }
  const paid = new Set(c.tranches.flatMap((t) => t.rules));
  for (const [i, rule] of c.rules.entries()) {
    if (!paid.has(rule.id)) issues.push(issueAt('RULE_WITHOUT_TRANCHE', ['rules', i, 'id'], `rule "${rule.id}" is listed in no tranche, so it would never be paid`));
  }
  const due = new Map(c.tranches.map((t, i) => [t.id, table.get(dateKey(['tranches', i, 'dueOn']))]));
  for (const [i, clause] of (c.exitClauses ?? []).entries()) {
    const check = table.get(dateKey(['exitClauses', i, 'checkOn']));
    if (clause.effect.kind !== 'suspendTranches' || check === undefined) continue;
    for (const [j, id] of clause.effect.tranches.entries()) {
      const d = due.get(id);
      if (d !== undefined && compareDates(d, check) <= 0) {
        issues.push(issueAt('EXIT_SUSPENDS_PAST_TRANCHE', ['exitClauses', i, 'effect', 'tranches', j], `tranche "${id}" falls due on or before the check date ${clause.checkOn}`));
      }
    }
  }
  return issues;
}
