/**
 * Exit clauses: a condition checked at a date on the figures of that date, and its effect on
 * the tranches after it.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import { formatDate, parseDate, type CalendarDate } from '../calendar/index.js';
import { versionAt, type Contract, type ContractVersion } from '../contract/index.js';
import { ZERO, formatDecimal, parseAmount, type Amount } from '../money/index.js';
import type { IndicatorValues } from './rules/index.js';
import type { DateCounts } from './date-counts.js';
import type { Ledger } from './ledger.js';
import type { SettlementPlan } from './plan.js';
import { atLeast, rateAt, rateText } from './rates.js';
import { rateSpecIndex } from './rate-specs.js';
import { budgetYear, yearUseKey } from './caps/payer-years.js';

type ExitClause = NonNullable<Contract['exitClauses']>[number];

/** The outcome of checking a clause. */
export interface ExitCheck {
  /** Clause id. */
  readonly clause: string;
  /** Clause check date. */
  readonly checkOn: CalendarDate;
  /** `fired`, `notFired`, `notYetChecked` (check date after as-of) or `skipped` (contract already ended). */
  readonly outcome: 'fired' | 'notFired' | 'notYetChecked' | 'skipped';
  /** The figures the condition was decided on. */
  readonly figures: Readonly<Record<string, string | number>>;
  /** The condition in words. */
  readonly explanation: string;
}

/** What exit conditions need to know about caps. */
export interface CapUse {
  /** Money used per cap id. */
  readonly used: ReadonlyMap<string, Amount>;
  /** Paid per yearly payer cap and budget year (`yearUseKey`). */
  readonly yearsUsed: ReadonlyMap<string, Amount>;
  /** Claims paid per rule index under volume caps. */
  readonly volumeUsed: ReadonlyMap<number, number>;
  /** Claims cut per share cap id. */
  readonly shareCuts: ReadonlyMap<string, number>;
  /** Claims cut per participant cap id, by the day each cut was known. */
  readonly participantCuts: ReadonlyMap<string, DateCounts>;
}

function capReached(plan: SettlementPlan, capId: string, use: CapUse, checkOn: number): { reached: boolean; figures: Record<string, string | number> } {
  // an amended contract's cap as the version in force on the check date writes it
  const terms = plan.versions === undefined ? plan.contract : (plan.versions[versionAt(plan.versions, checkOn)] as ContractVersion).terms;
  const cap = (terms.caps ?? []).find((candidate) => candidate.id === capId);
  if (cap === undefined) return { reached: false, figures: { cap: capId } };
  if (cap.kind === 'outcomeVolume') {
    const used = use.volumeUsed.get(plan.ruleIndex.get(cap.rule) ?? -1) ?? 0;
    return { reached: used >= cap.targetUnits, figures: { cap: capId, unitsPaid: used, targetUnits: cap.targetUnits } };
  }
  if (cap.kind === 'share') {
    // reached once it has cut a claim, in any cohort, in a tranche settled by the check date
    const cuts = use.shareCuts.get(cap.id) ?? 0;
    return { reached: cuts > 0, figures: { cap: capId, claimsCut: cuts } };
  }
  if (cap.kind === 'participant') {
    // cuts known by the check date only: a claim achieved later cannot have fired the clause then
    const cuts = use.participantCuts.get(cap.id)?.upTo(checkOn) ?? 0;
    return { reached: cuts > 0, figures: { cap: capId, claimsCut: cuts } };
  }
  if (cap.kind === 'payer' && cap.per !== undefined) {
    // a yearly commitment: reached when the budget year of the check date has used it all
    const year = budgetYear(checkOn as CalendarDate, cap.per.kind === 'fiscalYear' ? cap.per.startMonth : 1);
    const used = use.yearsUsed.get(yearUseKey(cap.id, year)) ?? ZERO;
    return { reached: used.greaterThanOrEqualTo(parseAmount(cap.amount)), figures: { cap: capId, budgetYear: `${formatDate(year.from)}/${formatDate(year.to)}`, used: formatDecimal(used), limit: cap.amount } };
  }
  const used = use.used.get(cap.id) ?? ZERO;
  const limit = parseAmount(cap.amount);
  return { reached: used.greaterThanOrEqualTo(limit), figures: { cap: capId, used: formatDecimal(used), limit: cap.amount } };
}

/**
 * Checks a clause's condition at its check date.
 *
 * @example
 * checkExit(plan, ledger, clause, indicators, capUse, problems);
 */
export function checkExit(
  plan: SettlementPlan,
  ledger: Ledger,
  clause: ExitClause,
  indicators: IndicatorValues,
  capUse: CapUse,
  problems: Issue[],
): ExitCheck {
  const checkOn = parseDate(clause.checkOn);
  const condition = clause.condition;
  const base = { clause: clause.id, checkOn };
  switch (condition.kind) {
    case 'outcomeRateBelow': {
      const spec = rateSpecIndex(plan.rateSpecs, condition);
      const counts = condition.cohorts.flatMap((id) => {
        const rate = ledger.cohorts[plan.cohortIndex.get(id) ?? -1]?.rates[spec];
        return rate === undefined ? [] : [rate];
      });
      const figures = rateAt(counts, checkOn, condition.pending);
      const shown = {
        achieved: figures.achieved,
        failed: figures.failed,
        pending: figures.pending,
        rateDenominator: figures.denominator,
        rate: rateText(figures.numerator, figures.denominator),
        threshold: condition.threshold,
      };
      if (figures.denominator === 0) {
        return { ...base, outcome: 'notFired', figures: shown, explanation: `no participant in the denominator of ${condition.outcome} on ${clause.checkOn}: an empty rate never fires` };
      }
      const below = !atLeast(figures.numerator, figures.denominator, parseAmount(condition.threshold));
      return {
        ...base,
        outcome: below ? 'fired' : 'notFired',
        figures: shown,
        explanation: `${condition.outcome} rate ${shown.rate} ${below ? '<' : '≥'} threshold ${condition.threshold} on ${clause.checkOn}`,
      };
    }
    case 'indicatorBelow': {
      const figures: Record<string, string | number> = { threshold: condition.threshold };
      let below = false;
      for (const cohort of condition.cohorts) {
        const value = indicators.get(condition.indicator)?.get(cohort);
        if (value === undefined) {
          problems.push({
            code: 'INDICATOR_MISSING',
            message: `exit clause ${clause.id} needs the value of indicator "${condition.indicator}" for cohort "${cohort}"`,
            path: ['options', 'indicators', condition.indicator, cohort],
          });
          continue;
        }
        figures[cohort] = formatDecimal(value);
        if (value.lessThan(parseAmount(condition.threshold))) below = true;
      }
      return {
        ...base,
        outcome: below ? 'fired' : 'notFired',
        figures,
        explanation: `indicator ${condition.indicator} ${below ? 'below' : 'not below'} ${condition.threshold} for ${below ? 'at least one' : 'every'} listed cohort`,
      };
    }
    case 'capReached': {
      const { reached, figures } = capReached(plan, condition.cap, capUse, checkOn);
      return { ...base, outcome: reached ? 'fired' : 'notFired', figures, explanation: `cap ${condition.cap} ${reached ? 'reached' : 'not reached'} by ${clause.checkOn}` };
    }
    case 'datePassed': {
      const passed = checkOn >= parseDate(condition.date);
      return { ...base, outcome: passed ? 'fired' : 'notFired', figures: { date: condition.date }, explanation: `${clause.checkOn} is ${passed ? 'on or after' : 'before'} ${condition.date}` };
    }
    default: {
      const never: never = condition;
      return never;
    }
  }
}

/**
 * A clause not evaluated (its date is after the as-of date, or the contract ended before it).
 *
 * @example
 * uncheckedExit(clause, 'notYetChecked');
 */
export function uncheckedExit(clause: ExitClause, outcome: 'notYetChecked' | 'skipped'): ExitCheck {
  return {
    clause: clause.id,
    checkOn: parseDate(clause.checkOn),
    outcome,
    figures: {},
    explanation: outcome === 'skipped' ? 'the contract had already ended' : `checked on ${formatDate(parseDate(clause.checkOn))}, after the as-of date`,
  };
}
