/**
 * Sustainment (`sustainment`): a payment for every full period in work after a job outcome (the
 * UK Work Programme paid every 4 weeks in work, after a lag, within a 104-week window). Each
 * period is a participant claim dated when it completes plus the lag.
 *
 * @module
 */
import { addDaysUnbounded, type CalendarDate } from '../../calendar/index.js';
import { ZERO, parseAmount } from '../../money/index.js';
import type { EmploymentSpell } from '../../records/index.js';
import { counted, participantClaimLines, volumeTarget } from './participant-claims.js';
import { claimCells, raisedClaim } from './bound-cells.js';
import type { BoundCell, BoundTerms, RuleModule, RuleOf, RuleParts, RuleTerms } from './rule-module.js';

/**
 * The dates on which a participant's sustainment payments become claimable, as of `asOf`.
 *
 * From the placement date `placedOn`, days in work (the union of all spells; a spell without an
 * end runs to `asOf`) are counted within the window `[placedOn, placedOn + windowDays − 1]`.
 * A gap longer than `allowedGapDays` ends the count. Period `i` completes on the day the count
 * reaches `i × periodDays`; its claim date is that day plus `paymentLagDays`, and only claim
 * dates on or before `asOf` are returned, at most `maxPayments` of them. A claim is never dated
 * before `achievedOn`, the day the job outcome itself was achieved (a placement with a minimum
 * spell length is achieved after its start): until then the payment cannot be claimed, so a
 * tranche measured earlier never has to be restated when the placement is later confirmed.
 *
 * @example
 * // Placed 2024-01-01, in work ever since, 28-day periods, 14-day lag, as of 2024-03-15:
 * // period 1 completes 2024-01-28 (claim 2024-02-11), period 2 on 2024-02-25 (claim 2024-03-10).
 * sustainmentClaimDates(rule, spells, parseDate('2024-01-01'), parseDate('2024-03-15')).map(formatDate);
 */
export function sustainmentClaimDates(
  rule: RuleOf<'sustainment'>,
  spells: readonly EmploymentSpell[],
  placedOn: CalendarDate,
  asOf: CalendarDate,
  achievedOn: CalendarDate = placedOn,
): CalendarDate[] {
  const limit = Math.min(placedOn + rule.windowDays - 1, asOf);
  const intervals = spells
    .filter((spell) => spell.start <= limit && (spell.end ?? asOf) >= placedOn)
    .map((spell) => [Math.max(spell.start, placedOn), Math.min(spell.end ?? asOf, limit)] as const)
    .sort((a, b) => a[0] - b[0]);
  const claims: CalendarDate[] = [];
  let counted = 0;
  let coveredTo = placedOn - 1;
  for (let k = 0; k < intervals.length; k++) {
    // by index, not by destructuring: the iterator protocol allocated per interval
    const interval = intervals[k] as readonly [number, number];
    const start = interval[0];
    const end = interval[1];
    if (end <= coveredTo) continue;
    const from = Math.max(start, coveredTo + 1);
    if (from - coveredTo - 1 > rule.allowedGapDays) break;
    const days = end - from + 1;
    while (claims.length < rule.maxPayments) {
      const needed = (claims.length + 1) * rule.periodDays - counted;
      if (needed > days) break;
      // the claim date may pass 9999-12-31 (then it is after asOf: not claimable yet)
      const claimOn = Math.max(addDaysUnbounded(from + needed - 1, rule.paymentLagDays), achievedOn);
      if (claimOn > asOf) return claims;
      claims.push(claimOn as CalendarDate);
    }
    counted += days;
    coveredTo = end;
  }
  return claims;
}

function prepare(rule: RuleOf<'sustainment'>, index: number, terms: RuleTerms): RuleParts {
  const price = parseAmount(rule.price);
  const placement = terms.outcomeIndex.get(rule.placementOutcome) ?? -1;
  const asOf = terms.asOf;
  const wording = { outcome: rule.placementOutcome, what: counted('sustainment period', 'sustainment periods'), derivation: undefined };
  const target = volumeTarget(terms.contract, rule.id);
  return {
    prices: [price],
    claims: (record, resolutions, claims) => {
      const placed = resolutions[placement];
      if (placed?.status !== 'achieved' || placed.anchor === undefined) return;
      const dates = sustainmentClaimDates(rule, record.spells, placed.anchor, asOf, placed.on);
      for (let k = 0; k < dates.length; k++) claims.push({ rule: index, date: dates[k] as number, amount: price });
    },
    unseenClaims: (achieved) => (achieved ? Array.from({ length: rule.maxPayments }, () => price) : []),
    scheduled: [],
    lines: (tranche) => participantClaimLines(terms, rule, index, wording, target, tranche),
  };
}

/** Most: every participant of a paid cohort is placed and paid every period it can be (`maxPayments`). */
function bounds(rule: RuleOf<'sustainment'>, terms: BoundTerms): BoundCell[] {
  const price = raisedClaim(terms, parseAmount(rule.price));
  return claimCells(terms, rule.placementOutcome, price.times(rule.maxPayments), price, ZERO);
}

/** The sustainment rule kind. */
export const sustainment: RuleModule<'sustainment'> = {
  kind: 'sustainment',
  paysFor: (rule) => [rule.placementOutcome],
  rateUses: () => [],
  prepare,
  bounds,
};
