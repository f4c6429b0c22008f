/**
 * The ratchet of cohort-level rules (cohort rates, bonuses): a tranche pays the increase of the
 * rule's value over what earlier tranches paid for the same rule and cohort (or pool), so a value
 * that later falls never claws back.
 *
 * @module
 */
import type { PaymentRule } from '../../contract/index.js';
import { ZERO, formatDecimal, ratioMinus, ratioOf, ratioTimes, ratioValue, roundRatioMoney, type Amount, type Ratio } from '../../money/index.js';
import type { Line } from '../lines.js';
import { NO_INPUTS, type RuleTerms, type RunState } from './rule-module.js';

/** A cohort-level rule's value at a measurement date, with its explanation. */
export interface CohortValue {
  /** Exact value (a fraction: a linear schedule divides), before the contract's rounding. */
  readonly exact: Ratio;
  /** How it was computed, in words. */
  readonly formula: string;
  /** The figures it was computed from. */
  readonly inputs: Record<string, string | number>;
  /** The decision the amount was made on (see `Line.decision`). */
  readonly decision: string;
}

/** Where a ratchet line belongs. */
export interface RatchetPlace {
  /** The ratchet's key: a cohort id, or `*` for a pool or the whole contract. */
  readonly key: string;
  /** The cohort the line shows, or null for a pool. */
  readonly cohort: string | null;
  /** The outcome the line pays for. */
  readonly outcome: string | null;
}

/**
 * The line of a cohort-level rule: its value at the measurement date (times an exit clause's price
 * factor), rounded, less what earlier tranches paid under the same key; never negative.
 *
 * @example
 * ratchet(terms, state, rule, { key: 'c1', cohort: 'c1', outcome: 'placement' }, value, undefined);
 */
export function ratchet(terms: RuleTerms, state: RunState, rule: PaymentRule, place: RatchetPlace, value: CohortValue, factor: Ratio | undefined): Line {
  const exact = factor === undefined ? value.exact : ratioTimes(value.exact, factor);
  const rounded = roundRatioMoney(exact, terms.currency, terms.rounding);
  const key = `${rule.id}|${place.key}`;
  const before = state.paidSoFar.get(key) ?? ZERO;
  const amount = rounded.greaterThan(before) ? rounded.minus(before) : ZERO;
  if (rounded.greaterThan(before)) state.paidSoFar.set(key, rounded);
  const explain = state.explain;
  const inputs: Record<string, string | number> = explain ? { ...value.inputs, valueToDate: formatDecimal(rounded), paidByEarlierTranches: formatDecimal(before) } : NO_INPUTS;
  if (explain && factor !== undefined) inputs['priceFactor'] = formatDecimal(ratioValue(factor));
  return {
    rule: rule.id,
    kind: rule.kind,
    cohort: place.cohort,
    outcome: place.outcome,
    claims: null,
    unit: null,
    inputs,
    formula: explain ? `${value.formula}${factor === undefined ? '' : ` × factor ${formatDecimal(ratioValue(factor))}`}; less ${formatDecimal(before)} paid by earlier tranches` : '',
    exact: ratioValue(ratioMinus(exact, ratioOf(before))),
    amount,
    paid: amount,
    participants: undefined,
    decision: value.decision,
  };
}

/**
 * The caller's value of `indicator` for `cohortKey`; a missing value is reported in
 * `state.problems` (INDICATOR_MISSING) and answered undefined.
 *
 * @example
 * indicatorValue(state, 'comparison-rate', 'c1', 'outcome-rate');
 */
export function indicatorValue(state: RunState, indicator: string, cohortKey: string, ruleId: string): Amount | undefined {
  const value = state.indicators.get(indicator)?.get(cohortKey);
  if (value === undefined) {
    state.problems.push({
      code: 'INDICATOR_MISSING',
      message: `rule ${ruleId} needs the value of indicator "${indicator}" for ${cohortKey === '*' ? 'the pooled cohorts (key "*")' : `cohort "${cohortKey}"`}`,
      path: ['options', 'indicators', indicator, cohortKey],
    });
  }
  return value;
}

/**
 * The id of the cohort of index `index`.
 *
 * @example
 * cohortIdOf(terms, 0); // 'c1'
 */
export function cohortIdOf(terms: RuleTerms, index: number): string {
  return terms.contract.cohorts[index]?.id ?? '?';
}
