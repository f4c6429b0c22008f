/**
 * Results indicator (`resultsIndicator`): a disbursement-linked indicator of a results programme,
 * paid per period in proportion to (or per unit of) the cumulative achievement verified, with
 * rollover until a final date (`indicator-periods.ts` has the convention). One contract-level line
 * per tranche, paid through the ratchet: a tranche pays what the periods verified by its
 * measurement date have earned, less what earlier tranches paid; its inputs show each period's
 * earned, rolled-over, lapsed and pending amounts.
 *
 * @module
 */
import { parseDate } from '../../calendar/index.js';
import { ZERO, formatDecimal, parseAmount, ratioOf, sumAmounts, type Amount } from '../../money/index.js';
import { DateCounts } from '../date-counts.js';
import type { Ledger } from '../ledger.js';
import { roundedValue } from './bound-cells.js';
import { indicatorPeriods, type PeriodFigures } from './indicator-periods.js';
import { indicatorValue, ratchet, type CohortValue } from './ratchet.js';
import type { BoundCell, BoundTerms, RuleModule, RuleOf, RuleParts, RuleTerms, RunState } from './rule-module.js';

type ResultsIndicatorRule = RuleOf<'resultsIndicator'>;

const NONE = new DateCounts();

/**
 * The cumulative achievement of period `j`: its indicator's value, or the participants of every
 * cohort who achieved the rule's outcome on or before the period's verification date.
 */
function achievementOf(terms: RuleTerms, state: RunState, ledger: Ledger, rule: ResultsIndicatorRule, j: number): Amount | undefined {
  const period = rule.periods[j];
  if (period === undefined) return undefined;
  if (rule.participants === undefined) return indicatorValue(state, period.indicator ?? '', '*', rule.id);
  const outcome = terms.outcomeIndex.get(rule.participants.outcome) ?? -1;
  const day = parseDate(period.verifiedOn);
  let achieved = 0;
  for (const cohort of ledger.cohorts) achieved += (cohort.tally.outcomes[outcome]?.achieved ?? NONE).upTo(day);
  return parseAmount(achieved);
}

/** The rule's value at `measuredOn`: the sum of its periods' earnings, each period's figures in the inputs. */
function indicatorValueAt(terms: RuleTerms, state: RunState, ledger: Ledger, rule: ResultsIndicatorRule, measuredOn: number): CohortValue {
  const periods = indicatorPeriods(rule, (j) => achievementOf(terms, state, ledger, rule, j), measuredOn, terms.currency);
  const earned = sumAmounts(periods.map((period) => period.earned));
  const inputs: Record<string, string | number> = {};
  if (state.explain) {
    for (const period of periods) {
      const at = `period ${period.id}`;
      if (period.achievement !== undefined) inputs[`${at} achievement`] = formatDecimal(period.achievement);
      inputs[`${at} allocation`] = formatDecimal(period.allocation);
      inputs[`${at} earned`] = formatDecimal(period.earned);
      inputs[`${at} rolledOver`] = formatDecimal(period.rolledOver);
      inputs[`${at} lapsed`] = formatDecimal(period.lapsed);
      inputs[`${at} pending`] = formatDecimal(period.pending);
    }
  }
  const verified = periods.filter((period) => period.pending.isZero() || period.allocation.isZero());
  const formula = state.explain ? formulaOf(rule, periods) : '';
  return { exact: ratioOf(earned), formula, inputs, decision: `${verified.length} of ${periods.length} periods verified` };
}

function formulaOf(rule: ResultsIndicatorRule, periods: readonly PeriodFigures[]): string {
  const how = rule.payment.kind === 'proportional' ? 'allocation × units in band / band width' : `${rule.payment.amount} per unit in band, capped at the allocation`;
  const parts = periods.filter((period) => period.pending.isZero() || period.allocation.isZero()).map((period) => `${period.id} ${formatDecimal(period.earned)}`);
  const rollover = rule.rollover === undefined ? 'no rollover' : `rollover until ${rule.rollover.until}`;
  return `results indicator (${how}, rounded ${rule.rounding}, ${rollover}): ${parts.length === 0 ? 'no period verified' : `earned ${parts.join(' + ')}`}`;
}

function prepare(rule: ResultsIndicatorRule, _index: number, terms: RuleTerms): RuleParts {
  return {
    prices: [],
    claims: undefined,
    unseenClaims: () => [],
    scheduled: [],
    // no price factor: exit clauses and minimum performance levels reduce the prices of other rule kinds only
    lines: ({ ledger, state, measuredOn }) => [ratchet(terms, state, rule, { key: '*', cohort: null, outcome: null }, indicatorValueAt(terms, state, ledger, rule, measuredOn), undefined)],
  };
}

/** Most: every allocation earned in full, when some tranche pays the rule. Least: 0 (nothing achieved). */
function bounds(rule: ResultsIndicatorRule, terms: BoundTerms): BoundCell[] {
  if (!terms.paid) return [];
  const total = sumAmounts(rule.periods.map((period) => parseAmount(period.allocation)));
  return [{ cohort: null, outcome: null, most: roundedValue(terms, ratioOf(total)), least: ZERO }];
}

/** The results-indicator rule kind. */
export const resultsIndicator: RuleModule<'resultsIndicator'> = {
  kind: 'resultsIndicator',
  paysFor: () => [],
  rateUses: () => [],
  prepare,
  bounds,
};
