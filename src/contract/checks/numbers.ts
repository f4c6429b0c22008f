/**
 * Numeric checks: currency known, amounts within the currency's minor unit, rates in [0, 1],
 * thresholds in order (payer shares: funding.ts).
 *
 * @module
 */
import type { Issue, PathSegment } from '../../errors.js';
import { isKnownCurrency, minorUnits, parseAmount, type Amount } from '../../money/index.js';
import type { Contract } from '../schema.js';
import { ruleFacts } from '../rules/index.js';
import { issueAt } from './issue.js';

type NumberClass = 'money' | 'rate';

interface NumberField {
  readonly value: string;
  readonly path: readonly PathSegment[];
  readonly class: NumberClass;
}

function* numberFields(c: Contract): Generator<NumberField> {
  const f = (value: string, cls: NumberClass, ...path: PathSegment[]): NumberField => ({ value, path, class: cls });
  for (const [i, inv] of (c.parties.investors ?? []).entries()) {
    yield f(inv.commitment, 'money', 'parties', 'investors', i, 'commitment');
    if (inv.terms !== undefined) {
      yield f(inv.terms.principal, 'money', 'parties', 'investors', i, 'terms', 'principal');
      if (inv.terms.returnCap?.kind === 'irr') yield f(inv.terms.returnCap.rate, 'rate', 'parties', 'investors', i, 'terms', 'returnCap', 'rate');
      if (inv.terms.guarantee !== undefined) yield f(inv.terms.guarantee.amount, 'money', 'parties', 'investors', i, 'terms', 'guarantee', 'amount');
      for (const [j, drawdown] of (inv.terms.drawdowns ?? []).entries()) yield f(drawdown.amount, 'money', 'parties', 'investors', i, 'terms', 'drawdowns', j, 'amount');
    }
  }
  for (const [i, g] of (c.groups ?? []).entries()) {
    if (g.minimumShare !== undefined) yield f(g.minimumShare, 'rate', 'groups', i, 'minimumShare');
  }
  for (const [i, r] of c.rules.entries()) {
    yield* ruleFacts(r).numbers(r, (...rest: PathSegment[]): PathSegment[] => ['rules', i, ...rest]);
  }
  for (const [i, cap] of (c.caps ?? []).entries()) {
    if (cap.kind === 'share') yield f(cap.share, 'rate', 'caps', i, 'share');
    else if (cap.kind !== 'outcomeVolume') yield f(cap.amount, 'money', 'caps', i, 'amount');
  }
  const indicatorUnits = new Map(c.outcomes.flatMap((o) => (o.kind === 'cohortIndicator' ? [[o.id, o.unit] as const] : [])));
  for (const [i, clause] of (c.exitClauses ?? []).entries()) {
    const cond = clause.condition;
    if (cond.kind === 'outcomeRateBelow') yield f(cond.threshold, 'rate', 'exitClauses', i, 'condition', 'threshold');
    if (cond.kind === 'indicatorBelow' && indicatorUnits.get(cond.indicator) === 'rate') {
      yield f(cond.threshold, 'rate', 'exitClauses', i, 'condition', 'threshold');
    }
    const e = clause.effect;
    if (e.kind === 'reducePrices') yield f(e.factor, 'rate', 'exitClauses', i, 'effect', 'factor');
    if ((e.kind === 'terminate' || e.kind === 'completeEarly') && (e.payOnExit.kind === 'fixed' || e.payOnExit.kind === 'earnedToDatePlusFixed')) {
      yield f(e.payOnExit.amount, 'money', 'exitClauses', i, 'effect', 'payOnExit', 'amount');
    }
  }
  for (const [i, r] of (c.reinvestment ?? []).entries()) {
    yield f(r.share, 'rate', 'reinvestment', i, 'share');
    yield f(r.cap, 'money', 'reinvestment', i, 'cap');
    if (r.trigger.kind === 'paymentsAboveThreshold') yield f(r.trigger.threshold, 'money', 'reinvestment', i, 'trigger', 'threshold');
  }
  for (const [i, g] of (c.hiringGuarantees ?? []).entries()) {
    if (g.shortfallAmountPerPosition !== undefined) yield f(g.shortfallAmountPerPosition, 'money', 'hiringGuarantees', i, 'shortfallAmountPerPosition');
  }
  for (const [i, o] of c.outcomes.entries()) {
    if (o.kind === 'quarterAfterExit' && o.minimumEarnings !== undefined) yield f(o.minimumEarnings, 'money', 'outcomes', i, 'minimumEarnings');
    if (o.kind !== 'earningsThreshold') continue;
    const t = o.threshold;
    if (t.kind === 'amount') {
      yield f(t.amount, 'money', 'outcomes', i, 'threshold', 'amount');
    } else {
      yield f(t.increment, 'money', 'outcomes', i, 'threshold', 'increment');
      for (const [j, rate] of t.rates.entries()) yield f(rate.hourly, 'money', 'outcomes', i, 'threshold', 'rates', j, 'hourly');
    }
  }
  for (const [i, level] of (c.minimumPerformance ?? []).entries()) {
    yield f(level.level, 'rate', 'minimumPerformance', i, 'level');
    if (level.consequence.kind === 'priceReduction') yield f(level.consequence.share, 'rate', 'minimumPerformance', i, 'consequence', 'share');
  }
  for (const [i, amendment] of (c.amendments?.versions ?? []).entries()) {
    const at = ['amendments', 'versions', i, 'changes'] as const;
    for (const [j, change] of (amendment.changes.rules ?? []).entries()) {
      if (change.price !== undefined) yield f(change.price, 'money', ...at, 'rules', j, 'price');
      const pricing = change.groupPricing;
      if (pricing?.kind === 'prices') for (const [k, entry] of pricing.prices.entries()) yield f(entry.price, 'money', ...at, 'rules', j, 'groupPricing', 'prices', k, 'price');
      if (pricing?.kind === 'multipliers' && pricing.increment !== undefined) yield f(pricing.increment, 'money', ...at, 'rules', j, 'groupPricing', 'increment');
    }
    for (const [j, change] of (amendment.changes.caps ?? []).entries()) yield f(change.amount, 'money', ...at, 'caps', j, 'amount');
  }
}

const ONE = parseAmount('1');
const amount = (text: string): Amount => parseAmount(text);

/** A minimum wage threshold's increment above zero (the order of its rates: dates.ts). */
function checkWageTable(t: { readonly increment: string }, at: readonly PathSegment[], issues: Issue[]): void {
  if (amount(t.increment).isZero()) {
    issues.push(issueAt('ROUNDING_INCREMENT_ZERO', [...at, 'increment'], `increment "${t.increment}" is zero: write the multiple the threshold is rounded to, such as "0.01"`));
  }
}

function checkOrder(c: Contract, issues: Issue[]): void {
  for (const [i, r] of c.rules.entries()) {
    if (r.kind === 'cohortRate') {
      const s = r.schedule;
      if (s.kind === 'linear') {
        if (amount(s.floor).gt(amount(s.target))) {
          issues.push(issueAt('THRESHOLD_ORDER', ['rules', i, 'schedule', 'floor'], `floor "${s.floor}" is above target "${s.target}"`));
        }
        if (amount(s.amountAtFloor).gt(amount(s.amountAtTarget))) {
          issues.push(issueAt('THRESHOLD_ORDER', ['rules', i, 'schedule', 'amountAtFloor'], `amountAtFloor "${s.amountAtFloor}" is above amountAtTarget "${s.amountAtTarget}"`));
        }
        if (amount(s.ceiling).lt(amount(s.amountAtTarget))) {
          issues.push(issueAt('THRESHOLD_ORDER', ['rules', i, 'schedule', 'ceiling'], `ceiling "${s.ceiling}" is below amountAtTarget "${s.amountAtTarget}"`));
        }
      }
      if (s.kind === 'tiers') {
        for (let j = 1; j < s.tiers.length; j += 1) {
          const prev = s.tiers[j - 1];
          const cur = s.tiers[j];
          if (prev !== undefined && cur !== undefined && !amount(cur.from).gt(amount(prev.from))) {
            issues.push(issueAt('THRESHOLD_ORDER', ['rules', i, 'schedule', 'tiers', j, 'from'], `tier from "${cur.from}" is not above the previous tier's "${prev.from}"`));
          }
        }
      }
    }
    if (r.kind === 'rateCard' && r.groupPricing.kind === 'multipliers' && r.groupPricing.increment !== undefined && amount(r.groupPricing.increment).isZero()) {
      issues.push(issueAt('ROUNDING_INCREMENT_ZERO', ['rules', i, 'groupPricing', 'increment'], `increment "${r.groupPricing.increment}" is zero: write the multiple derived prices are rounded to, such as "1"`));
    }
    if (r.kind === 'resultsIndicator') {
      // the achievement comes from each period's indicator, or from counting participants: one source
      for (const [j, period] of r.periods.entries()) {
        if ((period.indicator === undefined) === (r.participants === undefined)) {
          const both = r.participants !== undefined;
          issues.push(issueAt('RESULTS_INDICATOR_SOURCE', ['rules', i, 'periods', j, ...(both ? ['indicator'] : [])], both ? `period "${period.id}" names an indicator, but the rule counts participants: remove one` : `period "${period.id}" names no indicator and the rule counts no participants: give "indicator" or the rule's "participants"`));
        }
      }
      // cumulative targets strictly above the baseline and the previous period's: every band has a width
      let below = r.baseline;
      for (const [j, period] of r.periods.entries()) {
        if (!amount(period.target).gt(amount(below))) {
          issues.push(issueAt('THRESHOLD_ORDER', ['rules', i, 'periods', j, 'target'], `target "${period.target}" is not above ${j === 0 ? 'the baseline' : "the previous period's target"} "${below}"`));
        }
        below = period.target;
      }
    }
    if (r.kind === 'bonus' && r.payment.kind === 'perUnitUplift' && r.trigger.kind !== 'volume') {
      issues.push(issueAt('BONUS_PAYMENT_TRIGGER', ['rules', i, 'payment', 'kind'], 'a perUnitUplift payment needs a "volume" trigger'));
    }
  }
  for (const [i, amendment] of (c.amendments?.versions ?? []).entries()) {
    for (const [j, change] of (amendment.changes.rules ?? []).entries()) {
      const pricing = change.groupPricing;
      if (pricing?.kind === 'multipliers' && pricing.increment !== undefined && amount(pricing.increment).isZero()) {
        issues.push(issueAt('ROUNDING_INCREMENT_ZERO', ['amendments', 'versions', i, 'changes', 'rules', j, 'groupPricing', 'increment'], `increment "${pricing.increment}" is zero: write the multiple derived prices are rounded to, such as "1"`));
      }
    }
  }
  for (const [i, o] of c.outcomes.entries()) {
    if (o.kind === 'earningsThreshold' && o.threshold.kind === 'minimumWage') checkWageTable(o.threshold, ['outcomes', i, 'threshold'], issues);
  }
  for (const [i, inv] of (c.parties.investors ?? []).entries()) {
    if (inv.terms !== undefined && amount(inv.terms.principal).gt(amount(inv.commitment))) {
      issues.push(issueAt('INVESTOR_PRINCIPAL', ['parties', 'investors', i, 'terms', 'principal'], `principal "${inv.terms.principal}" exceeds commitment "${inv.commitment}"`));
    }
    const drawdowns = inv.terms?.drawdowns;
    if (inv.terms !== undefined && drawdowns !== undefined) {
      const drawn = drawdowns.reduce((sum, drawdown) => sum.plus(amount(drawdown.amount)), amount('0'));
      if (!drawn.eq(amount(inv.terms.principal))) {
        issues.push(issueAt('INVESTOR_DRAWDOWNS', ['parties', 'investors', i, 'terms', 'drawdowns'], `drawdowns add up to ${drawn.toFixed()}, not the principal "${inv.terms.principal}"`));
      }
    }
  }
}

/**
 * Numeric checks on a structurally valid contract.
 *
 * @example
 * checkNumbers(contract); // [{ code: 'RATE_RANGE', ... }] when a rate is "1.5"
 */
export function checkNumbers(c: Contract): Issue[] {
  const issues: Issue[] = [];
  const currency: string = c.currency;
  const known = isKnownCurrency(c.currency);
  if (!known) issues.push(issueAt('CURRENCY_UNKNOWN', ['currency'], `"${currency}" is not a known ISO 4217 currency`));
  const places = known ? minorUnits(c.currency) : undefined;
  for (const field of numberFields(c)) {
    const value = amount(field.value);
    if (field.class === 'rate' && value.gt(ONE)) {
      issues.push(issueAt('RATE_RANGE', field.path, `"${field.value}" is above 1 (write rates and shares as fractions: 60% is "0.6")`));
    }
    if (field.class === 'money' && places !== undefined && value.decimalPlaces() > places) {
      issues.push(issueAt('AMOUNT_PRECISION', field.path, `"${field.value}" has more than ${places} decimal places for ${c.currency}`));
    }
  }
  checkOrder(c, issues);
  return issues;
}
