/**
 * A slow, independent reference settlement, written from docs/settlement.md and docs/contract.md
 * without importing the engine (src/settlement) or the resolver (src/outcomes): every outcome
 * kind (outcomes.ts), rate cards with group prices and prerequisites, sustainment, per-start fees
 * (phased or not, claims.ts), scheduled fees and instalments of a share of the contract's value (deferred or withheld by a
 * suspended tranche), cohort rates of every schedule, denominator and baseline, volume and
 * group-share bonuses with the ratchet (cohort.ts), tranches (a claim belongs to the first tranche
 * measured on or after it that lists its rule, cohort and outcome), every cap (per participant,
 * outcome volume, outcome, cohort, tranche, contract, payer) and the split among payers (funding.ts:
 * shares, exact fractions, weights, top-ups and scopes; largest remainder over exact parts), in
 * any currency; exit clauses checked on the figures of their date, ending the contract with a
 * payment on exit, suspending tranches or reducing prices; minimum performance levels (levels.ts); results indicators (indicator.ts). Reinvestment does not change what is
 * earned or what each payer pays, so it is left out.
 * Exact decimals through a private decimal.js clone; dates through date-fns.
 */
import { termsOn } from './versions.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { currencyOf, type Indicators, type WireRecord } from '../arbitraries/index.js';
import { participantClaims, type RefClaim } from './claims.js';
import { bonusValue, cohortRateValue, rateFigures, type RefParticipant } from './cohort.js';
import { refAddDuration, refDay } from './dates.js';
import { D, roundMinor, sum, type Dec } from './decimal.js';
import { fracText, lineFractions, parseFrac, splitAmongPayers, type FundedKey } from './funding.js';
import { resultsIndicatorValue } from './indicator.js';
import { refOutcomes } from './outcomes.js';
import { referenceLevels, type LevelLine as Line } from './levels.js';

type Rule = ContractInput['rules'][number];
type Tranche = ContractInput['tranches'][number];

/** What the reference computes for one tranche. */
export interface RefTranche {
  readonly id: string;
  readonly status: 'settled' | 'scheduled' | 'cancelled' | 'suspended';
  /** Earned, with the currency's decimals. */
  readonly earned: string;
  /** Payer parts in contract order, with the currency's decimals. */
  readonly payers: readonly string[];
  /** A settled tranche's split among the payers before payer caps (unless plain decimal shares): exact parts (a decimal or `n/d`) and parts, contract order. */
  readonly split?: { readonly exact: readonly string[]; readonly parts: readonly string[] };
}

/**
 * The monthly instalments of a delivery fee set as a share of the contract's value (docs/contract.md,
 * fee): the total `share × contractValue` rounded once with the contract's mode, split in minor units
 * into `months` equal parts, the leftover units one each to the earliest; dated `firstOn` plus k
 * calendar months (date-fns, month-end clamped).
 */
function instalments(charge: Extract<Extract<Rule, { kind: 'fee' }>['charge'], { kind: 'shareOfValue' }>, places: number, rounding: string): { day: number; amount: Dec }[] {
  const scale = new D(10).pow(places);
  const units = roundMinor(new D(charge.share).times(charge.contractValue), places, rounding).times(scale);
  const each = units.dividedToIntegerBy(charge.months);
  const left = units.minus(each.times(charge.months)).toNumber();
  const first = refDay(charge.firstOn);
  return Array.from({ length: charge.months }, (_, k) => ({ day: refAddDuration(first, { months: k }), amount: each.plus(k < left ? 1 : 0).dividedBy(scale) }));
}

/**
 * Who funds a line (its rule, or null for a fixed payment on exit; its cohort and outcome) and the
 * exact fraction each payer pays, fractions above 0, in contract order, as the settlement lists them.
 *
 * @example
 * referenceLineFunding(contract, { rule: 'pay-ret', cohort: 'A', outcome: 'retention-6m' }); // [{ payer: 'council', fraction: '0.8' }, { payer: 'lcf', fraction: '0.2' }]
 */
export function referenceLineFunding(contract: ContractInput, line: FundedKey): { payer: string; fraction: string }[] {
  const fractions = lineFractions(contract.parties.payers, line);
  return contract.parties.payers.flatMap((payer, i) => {
    const fraction = fractions[i];
    return fraction === undefined || fraction.n === 0n ? [] : [{ payer: payer.id, fraction: fracText(fraction) }];
  });
}

function paysFor(rule: Rule): string | null {
  if (rule.kind === 'rateCard' || rule.kind === 'cohortRate') return rule.outcome;
  if (rule.kind === 'sustainment') return rule.placementOutcome;
  if (rule.kind === 'bonus') return rule.trigger.outcome;
  return null;
}

/** Whether a tranche pays for a rule: it lists it, and its outcome filter (if any) keeps the rule's outcome. */
function lists(tranche: Tranche, rule: Rule): boolean {
  const outcome = paysFor(rule);
  return tranche.rules.includes(rule.id) && (tranche.outcomes === undefined || outcome === null || tranche.outcomes.includes(outcome));
}

/** A price reduction in force: claims of `rules` dated after `after` are multiplied by `factor`. */
interface Reduction {
  readonly after: number;
  readonly factor: string;
  readonly rules: readonly string[];
}

/**
 * Lines of claims of one rule and cohort: one per amount (reduced by the price reductions in force
 * for claims dated after their check), in the order of each amount's earliest claim (same day:
 * larger first).
 */
function claimLines(claims: readonly RefClaim[], rule: Rule, cohort: string, reductions: readonly Reduction[], places: number, rounding: string): Line[] {
  const units = new Map<string, { base: Dec; unit: Dec; count: number; first: number }>();
  for (const claim of claims) {
    const factors = reductions.filter((r) => r.rules.includes(rule.id) && claim.date > r.after).map((r) => r.factor);
    const unit = factors.length === 0 ? claim.amount : roundMinor(factors.reduce((value, factor) => value.times(factor), claim.amount), places, rounding);
    // an amended contract: one line per price too, whatever the version (versions that price alike share a line)
    const key = `${claim.amount.toFixed()}|${unit.toFixed()}`;
    const entry = units.get(key) ?? { base: claim.amount, unit, count: 0, first: claim.date };
    entry.count += 1;
    entry.first = Math.min(entry.first, claim.date);
    units.set(key, entry);
  }
  return [...units.values()]
    .sort((a, b) => a.first - b.first || b.base.comparedTo(a.base))
    .map((u) => ({ rule: rule.id, outcome: paysFor(rule), cohort, claims: u.count, unit: u.unit, paid: roundMinor(u.unit.times(u.count), places, rounding) }));
}

/** Cuts lines to what is left of a money cap (docs/settlement.md 5.4); returns what they paid. */
function capLines(lines: readonly Line[], left: Dec, partial: boolean): Dec {
  let budget = Dec0(left);
  let paid = new D(0);
  for (const line of lines) {
    if (line.paid.greaterThan(budget)) {
      if (partial) line.paid = budget;
      else if (line.claims !== null && line.unit !== null && line.unit.greaterThan(0)) line.paid = line.unit.times(budget.dividedToIntegerBy(line.unit));
      else line.paid = new D(0);
    }
    budget = budget.minus(line.paid);
    paid = paid.plus(line.paid);
  }
  return paid;
}

function Dec0(value: Dec): Dec {
  return value.isNegative() ? new D(0) : value;
}

/** What the reference computes: the tranches in settlement order and what each exit clause did. */
export interface RefSettlement {
  readonly tranches: readonly RefTranche[];
  readonly exits: readonly { readonly clause: string; readonly outcome: 'fired' | 'notFired' | 'notYetChecked' | 'skipped' }[];
}

/** A tranche to settle: a contract tranche, or the payment on exit of a clause that ended the contract. */
interface Spec {
  readonly id: string;
  readonly measuredOn: number;
  /** Due date: the caps of an amended contract are the version's in force then. */
  readonly dueOn: number;
  readonly cohorts: readonly string[];
  readonly pays: (rule: Rule) => boolean;
  readonly fixed?: Dec;
}

/**
 * Settles a contract as of `asOf`: every tranche's status, earned amount and payer parts, in
 * settlement order, and what each exit clause did.
 *
 * @example
 * referenceSettlement(contract, records, '2025-06-30').tranches.map((t) => t.earned);
 */
export function referenceSettlement(contract: ContractInput, records: readonly WireRecord[], asOfText: string, indicators?: Indicators): RefSettlement {
  const asOf = refDay(asOfText);
  const places = currencyOf(contract.currency).places;
  const cohortOrder = contract.cohorts.map((c) => c.id);
  const byCohortOrder = (cohorts: Iterable<string>): string[] => [...new Set(cohorts)].sort((a, b) => cohortOrder.indexOf(a) - cohortOrder.indexOf(b));
  const participants: RefParticipant[] = records.filter((r) => refDay(r.enrolledOn) <= asOf).map((record) => ({ record, outcomes: refOutcomes(contract, record, asOf) }));
  const claimed = participants.map((p) => participantClaims(contract, p, asOf, places));
  const claims = claimed.flatMap((c) => c.claims);
  const taken = new Set<RefClaim>();
  const takenFees = new Set<string>();
  const ratchet = new Map<string, Dec>();
  const volumeUsed = new Map<number, number>();
  const shareUsed = new Map<string, number>();
  const shareCut = new Map<string, number>();
  const capUsed = new Map<string, Dec>();
  const reductions: Reduction[] = [];
  const zero = new D(0).toFixed(places);
  const plainShares = contract.parties.payers.every((p) => p.share !== undefined && !p.share.includes('/') && p.funds === undefined);
  const out: RefTranche[] = [];
  const levels = referenceLevels(contract, participants, asOf, places);
  const nothing = (id: string, status: 'scheduled' | 'cancelled' | 'suspended'): RefTranche => ({ id, status, earned: zero, payers: contract.parties.payers.map(() => zero) });

  /** Settles one tranche (or takes its claims and withholds them, when suspended). */
  const settle = (spec: Spec, suspended: boolean): RefTranche => {
    const lines: Line[] = [];
    const cohorts = byCohortOrder(spec.cohorts);
    const measuredOn = spec.measuredOn;
    contract.rules.forEach((rule, r) => {
      if (!spec.pays(rule)) return;
      const pays = (value: Dec, key: string, cohort: string | null): void => {
        const before = ratchet.get(`${rule.id}|${key}`) ?? new D(0);
        if (value.greaterThan(before)) ratchet.set(`${rule.id}|${key}`, value);
        lines.push({ rule: rule.id, outcome: paysFor(rule), cohort, claims: null, unit: null, paid: value.greaterThan(before) ? value.minus(before) : new D(0) });
      };
      if (rule.kind === 'cohortRate') {
        const listed = cohorts.filter((c) => rule.cohorts.includes(c));
        if (listed.length === 0) return;
        if (rule.pooling === 'perCohort') {
          for (const c of listed) pays(cohortRateValue(rule, participants, [c], measuredOn, places, contract.rounding, indicators, c), c, c);
        } else {
          const key = listed.length === 1 ? (listed[0] as string) : '*';
          // one ratchet per pool of the rule, whichever of its cohorts a tranche lists
          pays(cohortRateValue(rule, participants, listed, measuredOn, places, contract.rounding, indicators, key), rule.cohorts.length === 1 ? (rule.cohorts[0] as string) : '*', key === '*' ? null : key);
        }
        return;
      }
      if (rule.kind === 'bonus') {
        if (rule.trigger.scope === 'contract') pays(bonusValue(rule, participants, cohortOrder, measuredOn, places, contract.rounding), '*', null);
        else for (const c of cohorts) pays(bonusValue(rule, participants, [c], measuredOn, places, contract.rounding), c, c);
        return;
      }
      if (rule.kind === 'resultsIndicator') {
        // one contract-level ratchet, whichever cohorts the tranche lists
        pays(resultsIndicatorValue(rule, indicators, participants, measuredOn, places), '*', null);
        return;
      }
      if (rule.kind === 'fee' && rule.charge.kind !== 'perStart') {
        // the payments dated by this tranche that no earlier tranche took; a deferrable fee's are left to the next tranche not suspended
        const payments = rule.charge.kind === 'schedule' ? rule.charge.payments.map((payment) => ({ day: refDay(payment.date), amount: new D(payment.amount) })) : instalments(rule.charge, places, contract.rounding);
        if (suspended && rule.charge.kind === 'shareOfValue' && rule.charge.whenSuspended === 'deferred') return;
        const due = payments.filter((payment, j) => payment.day <= measuredOn && !takenFees.has(`${r}|${j}`));
        payments.forEach((payment, j) => {
          if (payment.day <= measuredOn) takenFees.add(`${r}|${j}`);
        });
        if (due.length > 0) lines.push({ rule: rule.id, outcome: null, cohort: null, claims: null, unit: null, paid: sum(due.map((payment) => payment.amount)) });
      }
      // the claims of the rule for the tranche's cohorts, dated by it, that no earlier tranche took
      let ruleClaims = claims.filter((claim) => claim.rule === r && cohorts.includes(claim.cohort) && claim.date <= measuredOn && !taken.has(claim));
      for (const claim of ruleClaims) taken.add(claim);
      // share caps (docs/contract.md, docs/mechanics/share-cap.md): per cohort, at most round(share × participants) claims over the
      // tranches, the earliest first (same day: higher price, then participant id); the binding cap is the one allowing fewest
      const shares = (contract.caps ?? []).flatMap((cap) => (cap.kind === 'share' && cap.rule === rule.id ? [cap] : []));
      if (shares.length > 0) {
        const kept: RefClaim[] = [];
        for (const c of cohorts) {
          const size = participants.filter((p) => p.record.cohort === c && refDay(p.record.enrolledOn) <= measuredOn).length;
          const limits = shares.map((cap) => ({ id: cap.id, payable: roundMinor(new D(cap.share).times(size), 0, cap.rounding === 'nearest' ? 'half-up' : cap.rounding).toNumber() }));
          const binding = limits.reduce((best, next) => (next.payable < best.payable ? next : best));
          const ordered = ruleClaims
            .filter((claim) => claim.cohort === c)
            .sort((a, b) => a.date - b.date || b.amount.comparedTo(a.amount) || (a.participant < b.participant ? -1 : a.participant > b.participant ? 1 : 0));
          const used = shareUsed.get(`${r}|${c}`) ?? 0;
          const room = Math.max(0, binding.payable - used);
          kept.push(...ordered.slice(0, room));
          shareUsed.set(`${r}|${c}`, used + Math.min(room, ordered.length));
          if (ordered.length > room) shareCut.set(binding.id, (shareCut.get(binding.id) ?? 0) + ordered.length - room);
        }
        ruleClaims = kept;
      }
      const volume = (contract.caps ?? []).flatMap((cap) => (cap.kind === 'outcomeVolume' && cap.rule === rule.id ? [cap.targetUnits] : []));
      if (volume.length > 0) {
        // the earliest claims over all the tranche's cohorts (same day: higher price first, then cohort order)
        const ordered = [...ruleClaims].sort((a, b) => a.date - b.date || b.amount.comparedTo(a.amount) || cohortOrder.indexOf(a.cohort) - cohortOrder.indexOf(b.cohort));
        const room = Math.max(0, Math.min(...volume) - (volumeUsed.get(r) ?? 0));
        ruleClaims = ordered.slice(0, room);
        volumeUsed.set(r, (volumeUsed.get(r) ?? 0) + ruleClaims.length);
      }
      for (const c of cohorts) lines.push(...claimLines(ruleClaims.filter((claim) => claim.cohort === c), rule, c, reductions, places, contract.rounding));
    });
    if (spec.fixed !== undefined) lines.push({ rule: null, outcome: null, cohort: null, claims: null, unit: null, paid: spec.fixed });
    // a suspended tranche takes its claims and pays nothing: what it withholds is never paid
    if (suspended) return nothing(spec.id, 'suspended');
    // money caps: outcome, cohort, tranche, contract (contract order within a kind), cumulative over the tranches
    const capsDue = termsOn(contract, spec.dueOn).terms.caps ?? [];
    for (const kind of ['outcome', 'cohort', 'tranche', 'contract'] as const) {
      for (const cap of capsDue) {
        if (cap.kind !== kind) continue;
        const covered = lines.filter((line) =>
          cap.kind === 'outcome' ? line.outcome === cap.outcome : cap.kind === 'cohort' ? line.cohort === cap.cohort : cap.kind === 'tranche' ? cap.tranche === spec.id : true,
        );
        if (covered.length === 0) continue;
        const used = capUsed.get(cap.id) ?? new D(0);
        capUsed.set(cap.id, used.plus(capLines(covered, new D(cap.amount).minus(used), cap.partialPayment)));
      }
    }
    // minimum performance levels: after the money caps, before the split
    lines.push(...levels.apply(spec.id, measuredOn, lines));
    // the split among payers (docs/mechanics/payer-funding.md), before payer caps
    const unit = new D(10).pow(places);
    const split = splitAmongPayers(contract.parties.payers, lines.map((line) => ({ rule: line.rule, cohort: line.cohort, outcome: line.outcome, paid: parseFrac(line.paid.toFixed()) })), places);
    const before = split.parts.map((part) => new D(part.toString()).dividedBy(unit));
    const parts = [...before];
    contract.parties.payers.forEach((payer, index) => {
      for (const cap of capsDue) {
        if (cap.kind !== 'payer' || cap.payer !== payer.id) continue;
        const used = capUsed.get(cap.id) ?? new D(0);
        const left = Dec0(new D(cap.amount).minus(used));
        const part = parts[index] ?? new D(0);
        const paid = part.greaterThan(left) ? left : part;
        parts[index] = paid;
        capUsed.set(cap.id, used.plus(paid));
      }
    });
    return {
      id: spec.id,
      status: 'settled',
      earned: sum(parts).toFixed(places),
      payers: parts.map((part) => part.toFixed(places)),
      // the document shows the split unless every payer has a decimal share of every line (docs/mechanics/payer-funding.md)
      ...(plainShares ? {} : { split: { exact: split.exact.map(fracText), parts: before.map((part) => part.toFixed(places)) } }),
    };
  };

  /** Whether a condition holds on its check date, on the figures of that date. */
  const holds = (condition: NonNullable<ContractInput['exitClauses']>[number]['condition'], checkOn: number): boolean => {
    switch (condition.kind) {
      case 'outcomeRateBelow': {
        const { achieved, denominator } = rateFigures(condition, participants, condition.cohorts, checkOn);
        // an empty rate never fires
        return denominator > 0 && new D(achieved).lessThan(new D(condition.threshold).times(denominator));
      }
      case 'indicatorBelow':
        return condition.cohorts.some((c) => new D(indicators?.[condition.indicator]?.[c] ?? 'NaN').lessThan(condition.threshold));
      case 'capReached': {
        const cap = (termsOn(contract, checkOn).terms.caps ?? []).find((x) => x.id === condition.cap);
        if (cap === undefined) return false;
        if (cap.kind === 'share') return (shareCut.get(cap.id) ?? 0) > 0;
        if (cap.kind === 'outcomeVolume') return (volumeUsed.get(contract.rules.findIndex((rule) => rule.id === cap.rule)) ?? 0) >= cap.targetUnits;
        // a per-participant cap is reached once it has cut a claim, known by the day of the latest claim it had taken
        if (cap.kind === 'participant') return claimed.some((c) => (c.cutOn.get(cap.id) ?? Infinity) <= checkOn);
        return (capUsed.get(cap.id) ?? new D(0)).greaterThanOrEqualTo(cap.amount);
      }
      case 'datePassed':
        return checkOn >= refDay(condition.date);
      default: {
        const never: never = condition;
        return never;
      }
    }
  };

  const tranches = contract.tranches.map((t, index) => ({ t, index, measuredOn: refDay(t.measuredOn), dueOn: refDay(t.dueOn) })).sort((a, b) => a.measuredOn - b.measuredOn || a.index - b.index);
  const clauses = (contract.exitClauses ?? []).map((clause, index) => ({ clause, index, checkOn: refDay(clause.checkOn) })).sort((a, b) => a.checkOn - b.checkOn || a.index - b.index);
  const forced = new Map<string, 'cancelled' | 'suspended'>();
  const exits: { clause: string; outcome: 'fired' | 'notFired' | 'notYetChecked' | 'skipped' }[] = [];
  let next = 0;
  let ended = false;
  const runUpTo = (day: number): void => {
    // tranches measured by `day` (same day: the tranche before the clause)
    while (next < tranches.length && (tranches[next]?.measuredOn ?? Infinity) <= day) {
      const { t, measuredOn, dueOn } = tranches[next] as (typeof tranches)[number];
      next += 1;
      const status = forced.get(t.id);
      if (status === 'cancelled') out.push(nothing(t.id, 'cancelled'));
      else if (measuredOn > asOf) out.push(nothing(t.id, 'scheduled'));
      else out.push(settle({ id: t.id, measuredOn, dueOn, cohorts: t.cohorts, pays: (rule) => lists(t, rule) }, status === 'suspended'));
    }
  };
  for (const { clause, checkOn } of clauses) {
    runUpTo(checkOn);
    if (ended) {
      exits.push({ clause: clause.id, outcome: 'skipped' });
      continue;
    }
    if (checkOn > asOf) {
      exits.push({ clause: clause.id, outcome: 'notYetChecked' });
      continue;
    }
    const fired = holds(clause.condition, checkOn);
    exits.push({ clause: clause.id, outcome: fired ? 'fired' : 'notFired' });
    if (!fired) continue;
    const later = tranches.slice(next).map(({ t }) => t);
    const effect = clause.effect;
    if (effect.kind === 'terminate' || effect.kind === 'completeEarly') {
      ended = true;
      for (const t of later) forced.set(t.id, 'cancelled');
      const pay = effect.payOnExit;
      if (pay.kind === 'nothing') continue;
      const toDate = pay.kind === 'earnedToDate' || pay.kind === 'earnedToDatePlusFixed';
      // the claims achieved by the check date that no earlier tranche paid, for the rules and cohorts of the tranches cancelled
      const ruleIds = new Set(toDate ? later.flatMap((t) => t.rules) : []);
      out.push(settle({ id: `exit:${clause.id}`, measuredOn: checkOn, dueOn: checkOn, cohorts: toDate ? byCohortOrder(later.flatMap((t) => t.cohorts)) : [], pays: (rule) => ruleIds.has(rule.id), ...(pay.kind === 'earnedToDate' ? {} : { fixed: new D(pay.amount) }) }, false));
    } else if (effect.kind === 'suspendTranches') {
      for (const t of later) if (effect.tranches.includes(t.id)) forced.set(t.id, 'suspended');
    } else {
      reductions.push({ after: checkOn, factor: effect.factor, rules: effect.rules });
    }
  }
  runUpTo(Infinity);
  return { tranches: out, exits };
}

/**
 * The tranches of {@link referenceSettlement}.
 *
 * @example
 * referenceSettle(contract, records, '2025-06-30').map((t) => t.earned);
 */
export function referenceSettle(contract: ContractInput, records: readonly WireRecord[], asOfText: string, indicators?: Indicators): RefTranche[] {
  return [...referenceSettlement(contract, records, asOfText, indicators).tranches];
}
