/**
 * Bonus (`bonus`): an amount triggered by achievements counted over a cohort or the whole
 * contract: beyond a volume (a fixed bonus or an uplift per unit beyond it), or when a priority
 * group's share of the achievers reaches a minimum. Paid through the ratchet.
 *
 * @module
 */
import { formatDecimal, parseAmount, RATIO_ZERO, ratioOf } from '../../money/index.js';
import { DateCounts } from '../date-counts.js';
import type { Ledger } from '../ledger.js';
import { atLeast, rateText } from '../rates.js';
import { priceFactor } from './price-reductions.js';
import { cohortIdOf, ratchet, type CohortValue } from './ratchet.js';
import type { RuleModule, RuleOf, RuleParts, RuleTerms } from './rule-module.js';

type BonusRule = RuleOf<'bonus'>;

const NONE = new DateCounts();

/** What the bonus is worth on the achievements of `cohorts` counted up to `date`. */
function bonusValue(ledger: Ledger, rule: BonusRule, outcome: number, cohorts: readonly number[], date: number): CohortValue {
  let achieved = 0;
  let inGroup = 0;
  for (const cohort of cohorts) {
    const ledgerCohort = ledger.cohorts[cohort];
    achieved += (ledgerCohort?.tally.outcomes[outcome]?.achieved ?? NONE).upTo(date);
    if (rule.trigger.kind === 'groupShare') {
      inGroup += (ledgerCohort?.groups.get(rule.trigger.group)?.outcomes[outcome]?.achieved ?? NONE).upTo(date);
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

function prepare(rule: BonusRule, index: number, terms: RuleTerms): RuleParts {
  const outcome = terms.outcomeIndex.get(rule.trigger.outcome) ?? -1;
  const everyCohort = terms.contract.cohorts.map((_, cohort) => cohort);
  return {
    prices: [],
    claims: undefined,
    unseenClaims: () => [],
    scheduled: [],
    lines: ({ ledger, state, cohorts, measuredOn }) => {
      const factor = priceFactor(state.reductions, index, measuredOn);
      if (rule.trigger.scope === 'contract') {
        const value = bonusValue(ledger, rule, outcome, everyCohort, measuredOn);
        return [ratchet(terms, state, rule, { key: '*', cohort: null, outcome: rule.trigger.outcome }, value, factor)];
      }
      return cohorts.map((cohort) => {
        const id = cohortIdOf(terms, cohort);
        return ratchet(terms, state, rule, { key: id, cohort: id, outcome: rule.trigger.outcome }, bonusValue(ledger, rule, outcome, [cohort], measuredOn), factor);
      });
    },
  };
}

/** The bonus rule kind. */
export const bonus: RuleModule<'bonus'> = {
  kind: 'bonus',
  paysFor: (rule) => [rule.trigger.outcome],
  rateUses: () => [],
  prepare,
};
