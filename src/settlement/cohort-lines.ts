/**
 * Lines from cohort-level rules (cohort rates and bonuses), evaluated on the figures at a
 * tranche's measurement date. A tranche pays the increase over what earlier tranches paid for the
 * same rule and cohort (a ratchet): a rate that later falls never claws back.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import type { Contract } from '../contract/index.js';
import { ZERO, formatDecimal, parseAmount, type Amount } from '../money/index.js';
import { RATIO_ZERO, ratioMinus, ratioOf, ratioOfInteger, ratioTimes, ratioValue, roundRatioMoney, type Ratio } from '../money/ratio.js';
import { DateCounts } from './date-counts.js';
import type { Ledger, RateCounts } from './ledger.js';
import type { Line } from './lines.js';
import { priceFactor, type PriceReduction } from './claim-lines.js';
import type { SettlementPlan } from './plan.js';
import { atLeast, rateAt, rateText, scheduleValue } from './rates.js';
import { rateSpecKey } from './rate-specs.js';

/** Indicator values supplied by the caller: indicator id → cohort id (or `*` for a pool) → value. */
export type IndicatorValues = ReadonlyMap<string, ReadonlyMap<string, Amount>>;

/** What cohort lines need besides the plan and ledger. */
export interface CohortContext {
  /** Per `rule|cohortKey`: the rounded amount already paid by earlier tranches. */
  readonly paidSoFar: Map<string, Amount>;
  /** Indicator values. */
  readonly indicators: IndicatorValues;
  /** Problems found (a missing indicator value). */
  readonly problems: Issue[];
}

type CohortRateRule = Extract<Contract['rules'][number], { kind: 'cohortRate' }>;
type BonusRule = Extract<Contract['rules'][number], { kind: 'bonus' }>;

interface Value {
  /** Exact value (a fraction: a linear schedule divides), before the contract's rounding. */
  readonly exact: Ratio;
  readonly formula: string;
  readonly inputs: Record<string, string | number>;
  /** The decision the amount was made on (see {@link Line.decision}). */
  readonly decision: string;
}

function ratchet(
  plan: SettlementPlan,
  context: CohortContext,
  rule: Contract['rules'][number],
  cohortKey: string,
  cohort: string | null,
  outcome: string | null,
  value: Value,
  factor: Ratio | undefined,
): Line {
  const exact = factor === undefined ? value.exact : ratioTimes(value.exact, factor);
  const rounded = roundRatioMoney(exact, plan.currency, plan.rounding);
  const key = `${rule.id}|${cohortKey}`;
  const before = context.paidSoFar.get(key) ?? ZERO;
  const amount = rounded.greaterThan(before) ? rounded.minus(before) : ZERO;
  if (rounded.greaterThan(before)) context.paidSoFar.set(key, rounded);
  const inputs: Record<string, string | number> = { ...value.inputs, valueToDate: formatDecimal(rounded), paidByEarlierTranches: formatDecimal(before) };
  if (factor !== undefined) inputs['priceFactor'] = formatDecimal(ratioValue(factor));
  return {
    rule: rule.id,
    kind: rule.kind,
    cohort,
    outcome,
    claims: null,
    unit: null,
    inputs,
    formula: `${value.formula}${factor === undefined ? '' : ` × factor ${formatDecimal(ratioValue(factor))}`}; less ${formatDecimal(before)} paid by earlier tranches`,
    exact: ratioValue(ratioMinus(exact, ratioOf(before))),
    amount,
    paid: amount,
    participants: undefined,
    decision: value.decision,
  };
}

function indicatorValue(context: CohortContext, indicator: string, cohortKey: string, ruleId: string): Amount | undefined {
  const value = context.indicators.get(indicator)?.get(cohortKey);
  if (value === undefined) {
    context.problems.push({
      code: 'INDICATOR_MISSING',
      message: `rule ${ruleId} needs the value of indicator "${indicator}" for ${cohortKey === '*' ? 'the pooled cohorts (key "*")' : `cohort "${cohortKey}"`}`,
      path: ['options', 'indicators', indicator, cohortKey],
    });
  }
  return value;
}

function cohortRateValue(
  plan: SettlementPlan,
  context: CohortContext,
  rule: CohortRateRule,
  counts: readonly RateCounts[],
  cohortKey: string,
  date: number,
): Value {
  const figures = rateAt(counts, date, rule.pending);
  const inputs: Record<string, string | number> = {
    inDenominator: figures.inDenominator,
    achieved: figures.achieved,
    failed: figures.failed,
    pending: figures.pending,
    pendingCounted: rule.pending,
    rateNumerator: figures.achieved,
    rateDenominator: figures.denominator,
    rate: rateText(figures.numerator, figures.denominator),
  };
  const perAchiever = (amount: Ratio): Ratio => (rule.amountBasis === 'perAchiever' ? ratioTimes(amount, ratioOfInteger(figures.achieved)) : amount);
  if (figures.denominator === 0) {
    if (rule.emptyCohort === 'nothing') return { exact: RATIO_ZERO, formula: 'empty denominator: the contract says it earns nothing', inputs, decision: 'empty cohort' };
    const full = scheduleValue(rule.schedule, parseAmount(1), 1);
    return { exact: perAchiever(full.exact), formula: `empty denominator: the contract pays the schedule at rate 1 (${full.formula})`, inputs, decision: 'empty cohort' };
  }
  let numerator = figures.numerator;
  let basis = '';
  if (rule.baseline !== undefined) {
    const source = rule.baseline.source;
    const baseline = source.kind === 'rate' ? parseAmount(source.rate) : indicatorValue(context, source.indicator, cohortKey, rule.id);
    if (baseline === undefined) return { exact: RATIO_ZERO, formula: 'baseline indicator missing', inputs, decision: 'baseline missing' };
    const excess = figures.numerator.minus(baseline.times(figures.denominator));
    inputs['baseline'] = formatDecimal(baseline);
    inputs['minimumDifference'] = rule.baseline.minimumDifference;
    if (!atLeast(excess, figures.denominator, parseAmount(rule.baseline.minimumDifference))) {
      return {
        exact: RATIO_ZERO,
        formula: `rate ${String(inputs['rate'])} − baseline ${formatDecimal(baseline)} < minimum difference ${rule.baseline.minimumDifference}: pays nothing`,
        inputs,
        decision: 'below the baseline plus the minimum difference',
      };
    }
    if (rule.baseline.scheduleAppliesTo === 'excessOverBaseline') {
      numerator = excess;
      basis = `excess over baseline ${formatDecimal(baseline)}: `;
    }
  }
  const value = scheduleValue(rule.schedule, numerator, figures.denominator);
  const per = rule.amountBasis === 'perAchiever' ? ` × ${figures.achieved} achievers` : '';
  return { exact: perAchiever(value.exact), formula: `${basis}${value.formula}${per}`, inputs, decision: value.decision };
}

function bonusValue(plan: SettlementPlan, ledger: Ledger, rule: BonusRule, cohorts: readonly number[], date: number): Value {
  const outcome = plan.outcomeIndex.get(rule.trigger.outcome) ?? -1;
  const none = new DateCounts();
  let achieved = 0;
  let inGroup = 0;
  for (const cohort of cohorts) {
    const ledgerCohort = ledger.cohorts[cohort];
    achieved += (ledgerCohort?.tally.outcomes[outcome]?.achieved ?? none).upTo(date);
    if (rule.trigger.kind === 'groupShare') {
      inGroup += (ledgerCohort?.groups.get(rule.trigger.group)?.outcomes[outcome]?.achieved ?? none).upTo(date);
    }
  }
  const amount = parseAmount(rule.payment.amount);
  if (rule.trigger.kind === 'volume') {
    const beyond = Math.max(0, achieved - rule.trigger.afterUnits);
    const inputs = { achieved, afterUnits: rule.trigger.afterUnits, beyond };
    const decision = beyond > 0 ? 'triggered' : 'not triggered';
    if (rule.payment.kind === 'perUnitUplift') {
      return { exact: ratioOf(amount.times(beyond)), formula: `${beyond} achievements beyond ${rule.trigger.afterUnits} × uplift ${rule.payment.amount}`, inputs, decision };
    }
    return beyond > 0
      ? { exact: ratioOf(amount), formula: `${achieved} achievements > ${rule.trigger.afterUnits}: fixed bonus ${rule.payment.amount}`, inputs, decision }
      : { exact: RATIO_ZERO, formula: `${achieved} achievements, not above ${rule.trigger.afterUnits}: no bonus`, inputs, decision };
  }
  const minimum = parseAmount(rule.trigger.minimumShare);
  const inputs = { achieved, inGroup, group: rule.trigger.group, share: rateText(parseAmount(inGroup), achieved), minimumShare: rule.trigger.minimumShare };
  const reached = achieved > 0 && atLeast(parseAmount(inGroup), achieved, minimum);
  const pays = rule.payment.kind === 'fixed' ? amount : amount.times(inGroup);
  return reached
    ? { exact: ratioOf(pays), formula: `group ${rule.trigger.group} share ${inputs.share} ≥ ${rule.trigger.minimumShare}: bonus ${formatDecimal(pays)}`, inputs, decision: 'triggered' }
    : {
        exact: RATIO_ZERO,
        formula: `group ${rule.trigger.group} share ${inputs.share} below ${rule.trigger.minimumShare} (or no achievement): no bonus`,
        inputs,
        decision: 'not triggered',
      };
}

/**
 * The lines of a cohort-level rule in a tranche measured on `date` paying for `trancheCohorts`.
 *
 * @example
 * cohortLines(plan, ledger, context, 3, [0, 1], measuredOn, []);
 */
export function cohortLines(
  plan: SettlementPlan,
  ledger: Ledger,
  context: CohortContext,
  ruleIndex: number,
  trancheCohorts: readonly number[],
  date: number,
  reductions: readonly PriceReduction[],
): Line[] {
  const rule = plan.contract.rules[ruleIndex];
  const factor = priceFactor(reductions, ruleIndex, date);
  const cohortId = (index: number): string => plan.contract.cohorts[index]?.id ?? '?';
  if (rule?.kind === 'cohortRate') {
    const spec = plan.rateSpecs.findIndex((candidate) => candidate.key === rateSpecKey(rule.outcome, rule.denominator));
    const cohorts = trancheCohorts.filter((index) => rule.cohorts.includes(cohortId(index)));
    const countsOf = (indexes: readonly number[]): RateCounts[] =>
      indexes.flatMap((index) => {
        const counts = ledger.cohorts[index]?.rates[spec];
        return counts === undefined ? [] : [counts];
      });
    if (cohorts.length === 0) return [];
    if (rule.pooling === 'pooled') {
      const key = cohorts.length === 1 ? cohortId(cohorts[0] ?? 0) : '*';
      const value = cohortRateValue(plan, context, rule, countsOf(cohorts), key, date);
      // One ratchet per pool of the rule, whichever of its cohorts a tranche lists: a lump sum paid
      // on part of the pool is deducted when a later tranche pays on the whole pool.
      const pool = rule.cohorts.length === 1 ? (rule.cohorts[0] ?? key) : '*';
      return [ratchet(plan, context, rule, pool, key === '*' ? null : key, rule.outcome, value, factor)];
    }
    return cohorts.map((index) =>
      ratchet(plan, context, rule, cohortId(index), cohortId(index), rule.outcome, cohortRateValue(plan, context, rule, countsOf([index]), cohortId(index), date), factor),
    );
  }
  if (rule?.kind === 'bonus') {
    if (rule.trigger.scope === 'contract') {
      const all = plan.contract.cohorts.map((_, index) => index);
      return [ratchet(plan, context, rule, '*', null, rule.trigger.outcome, bonusValue(plan, ledger, rule, all, date), factor)];
    }
    return trancheCohorts.map((index) =>
      ratchet(plan, context, rule, cohortId(index), cohortId(index), rule.trigger.outcome, bonusValue(plan, ledger, rule, [index], date), factor),
    );
  }
  return [];
}
