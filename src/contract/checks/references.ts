/**
 * Identity checks: duplicate ids within each list, and every reference pointing to an existing
 * item of the right kind.
 *
 * @module
 */
import type { Issue, PathSegment } from '../../errors.js';
import type { Contract, OutcomeKind, PaymentRuleKind } from '../schema.js';
import { unreachable } from '../unreachable.js';
import { issueAt } from './issue.js';

type Target = 'cohort' | 'group' | 'outcome' | 'rule' | 'cap' | 'tranche' | 'payer';

interface Reference {
  readonly target: Target;
  readonly id: string;
  readonly path: readonly PathSegment[];
  /** Allowed kinds of the target (outcomes and rules only); absent = any. */
  readonly kinds?: readonly (OutcomeKind | PaymentRuleKind)[];
}

const PER_PARTICIPANT: readonly OutcomeKind[] = ['placement', 'retention', 'wageProgression', 'milestone'];

function* references(c: Contract): Generator<Reference> {
  for (const [i, o] of c.outcomes.entries()) {
    if (o.kind === 'retention' || o.kind === 'wageProgression') {
      yield { target: 'outcome', id: o.placementOutcome, path: ['outcomes', i, 'placementOutcome'], kinds: ['placement'] };
    }
  }
  for (const [i, r] of c.rules.entries()) {
    const at = (...rest: PathSegment[]): PathSegment[] => ['rules', i, ...rest];
    switch (r.kind) {
      case 'rateCard':
        yield { target: 'outcome', id: r.outcome, path: at('outcome'), kinds: PER_PARTICIPANT };
        for (const [j, p] of r.prerequisites.entries()) yield { target: 'outcome', id: p, path: at('prerequisites', j), kinds: PER_PARTICIPANT };
        if (r.groupPricing.mode === 'prices') {
          for (const [j, gp] of r.groupPricing.prices.entries()) yield { target: 'group', id: gp.group, path: at('groupPricing', 'prices', j, 'group') };
        }
        break;
      case 'sustainment':
        yield { target: 'outcome', id: r.placementOutcome, path: at('placementOutcome'), kinds: ['placement'] };
        break;
      case 'cohortRate':
        yield { target: 'outcome', id: r.outcome, path: at('outcome'), kinds: PER_PARTICIPANT };
        for (const [j, id] of r.cohorts.entries()) yield { target: 'cohort', id, path: at('cohorts', j) };
        if (r.denominator.basis === 'placed') yield { target: 'outcome', id: r.denominator.outcome, path: at('denominator', 'outcome'), kinds: ['placement'] };
        if (r.denominator.basis === 'completed') yield { target: 'outcome', id: r.denominator.outcome, path: at('denominator', 'outcome'), kinds: ['milestone'] };
        if (r.baseline?.source.kind === 'indicator') {
          yield { target: 'outcome', id: r.baseline.source.indicator, path: at('baseline', 'source', 'indicator'), kinds: ['cohortIndicator'] };
        }
        break;
      case 'bonus':
        yield { target: 'outcome', id: r.trigger.outcome, path: at('trigger', 'outcome'), kinds: PER_PARTICIPANT };
        if (r.trigger.kind === 'groupShare') yield { target: 'group', id: r.trigger.group, path: at('trigger', 'group') };
        break;
      case 'fee':
        break;
      default:
        unreachable(r);
    }
  }
  for (const [i, cap] of (c.caps ?? []).entries()) {
    const at = (key: string): PathSegment[] => ['caps', i, key];
    switch (cap.kind) {
      case 'outcome': yield { target: 'outcome', id: cap.outcome, path: at('outcome'), kinds: PER_PARTICIPANT }; break;
      case 'outcomeVolume': yield { target: 'rule', id: cap.rule, path: at('rule'), kinds: ['rateCard'] }; break;
      case 'cohort': yield { target: 'cohort', id: cap.cohort, path: at('cohort') }; break;
      case 'tranche': yield { target: 'tranche', id: cap.tranche, path: at('tranche') }; break;
      case 'payer': yield { target: 'payer', id: cap.payer, path: at('payer') }; break;
      case 'participant':
      case 'contract':
        break;
      default:
        unreachable(cap);
    }
  }
  for (const [i, t] of c.tranches.entries()) {
    for (const [j, id] of t.rules.entries()) yield { target: 'rule', id, path: ['tranches', i, 'rules', j] };
    for (const [j, id] of t.cohorts.entries()) yield { target: 'cohort', id, path: ['tranches', i, 'cohorts', j] };
    for (const [j, id] of (t.outcomes ?? []).entries()) yield { target: 'outcome', id, path: ['tranches', i, 'outcomes', j] };
  }
  for (const [i, clause] of (c.exitClauses ?? []).entries()) {
    const at = (...rest: PathSegment[]): PathSegment[] => ['exitClauses', i, ...rest];
    const cond = clause.condition;
    switch (cond.kind) {
      case 'outcomeRateBelow':
        yield { target: 'outcome', id: cond.outcome, path: at('condition', 'outcome'), kinds: PER_PARTICIPANT };
        for (const [j, id] of cond.cohorts.entries()) yield { target: 'cohort', id, path: at('condition', 'cohorts', j) };
        if (cond.denominator.basis === 'placed') yield { target: 'outcome', id: cond.denominator.outcome, path: at('condition', 'denominator', 'outcome'), kinds: ['placement'] };
        if (cond.denominator.basis === 'completed') yield { target: 'outcome', id: cond.denominator.outcome, path: at('condition', 'denominator', 'outcome'), kinds: ['milestone'] };
        break;
      case 'indicatorBelow':
        yield { target: 'outcome', id: cond.indicator, path: at('condition', 'indicator'), kinds: ['cohortIndicator'] };
        for (const [j, id] of cond.cohorts.entries()) yield { target: 'cohort', id, path: at('condition', 'cohorts', j) };
        break;
      case 'capReached':
        yield { target: 'cap', id: cond.cap, path: at('condition', 'cap') };
        break;
      case 'datePassed':
        break;
      default:
        unreachable(cond);
    }
    const effect = clause.effect;
    if (effect.kind === 'suspendTranches') {
      for (const [j, id] of effect.tranches.entries()) yield { target: 'tranche', id, path: at('effect', 'tranches', j) };
    }
    if (effect.kind === 'reducePrices') {
      for (const [j, id] of effect.rules.entries()) yield { target: 'rule', id, path: at('effect', 'rules', j), kinds: ['rateCard', 'sustainment'] };
    }
  }
  for (const [i, r] of (c.reinvestment ?? []).entries()) {
    if (r.trigger.kind === 'surplusOverTarget') yield { target: 'outcome', id: r.trigger.outcome, path: ['reinvestment', i, 'trigger', 'outcome'], kinds: PER_PARTICIPANT };
    if (r.destination.kind === 'cohort') yield { target: 'cohort', id: r.destination.cohort, path: ['reinvestment', i, 'destination', 'cohort'] };
  }
  for (const [i, g] of (c.hiringGuarantees ?? []).entries()) {
    for (const [j, id] of g.cohorts.entries()) yield { target: 'cohort', id, path: ['hiringGuarantees', i, 'cohorts', j] };
    yield { target: 'outcome', id: g.qualifyingOutcome, path: ['hiringGuarantees', i, 'qualifyingOutcome'], kinds: PER_PARTICIPANT };
    yield { target: 'outcome', id: g.placementOutcome, path: ['hiringGuarantees', i, 'placementOutcome'], kinds: ['placement'] };
  }
}

function duplicates(items: readonly { readonly id: string }[], base: readonly PathSegment[], what: string, issues: Issue[], seen = new Map<string, string>()): Map<string, string> {
  for (const [i, item] of items.entries()) {
    const path = [...base, i, 'id'];
    const first = seen.get(item.id);
    if (first !== undefined) issues.push(issueAt('DUPLICATE_ID', path, `${what} id "${item.id}" is already used at ${first}`));
    else seen.set(item.id, `${base.join('.')}[${i}]`);
  }
  return seen;
}

/**
 * Reports duplicate ids (per list; payers, provider and investors share one namespace) and
 * references to missing items or items of the wrong kind.
 *
 * @example
 * checkReferences(contract); // [] when every id is unique and every reference resolves
 */
export function checkReferences(c: Contract): Issue[] {
  const issues: Issue[] = [];
  const parties = duplicates(c.parties.payers, ['parties', 'payers'], 'party', issues);
  const provider = c.parties.provider.id;
  const clash = parties.get(provider);
  if (clash !== undefined) issues.push(issueAt('DUPLICATE_ID', ['parties', 'provider', 'id'], `party id "${provider}" is already used at ${clash}`));
  parties.set(provider, 'parties.provider');
  duplicates(c.parties.investors ?? [], ['parties', 'investors'], 'party', issues, parties);
  duplicates(c.cohorts, ['cohorts'], 'cohort', issues);
  duplicates(c.groups ?? [], ['groups'], 'group', issues);
  duplicates(c.outcomes, ['outcomes'], 'outcome', issues);
  duplicates(c.rules, ['rules'], 'rule', issues);
  duplicates(c.caps ?? [], ['caps'], 'cap', issues);
  duplicates(c.tranches, ['tranches'], 'tranche', issues);
  duplicates(c.exitClauses ?? [], ['exitClauses'], 'exit clause', issues);
  duplicates(c.reinvestment ?? [], ['reinvestment'], 'reinvestment', issues);
  duplicates(c.hiringGuarantees ?? [], ['hiringGuarantees'], 'hiring guarantee', issues);

  const kindOf = new Map<Target, Map<string, string>>([
    ['cohort', new Map(c.cohorts.map((x) => [x.id, 'cohort']))],
    ['group', new Map((c.groups ?? []).map((x) => [x.id, 'group']))],
    ['outcome', new Map(c.outcomes.map((x) => [x.id, x.kind]))],
    ['rule', new Map(c.rules.map((x) => [x.id, x.kind]))],
    ['cap', new Map((c.caps ?? []).map((x) => [x.id, x.kind]))],
    ['tranche', new Map(c.tranches.map((x) => [x.id, 'tranche']))],
    ['payer', new Map(c.parties.payers.map((x) => [x.id, 'payer']))],
  ]);
  for (const ref of references(c)) {
    const kind = kindOf.get(ref.target)?.get(ref.id);
    if (kind === undefined) {
      issues.push(issueAt('UNKNOWN_REFERENCE', ref.path, `no ${ref.target} has id "${ref.id}"`));
    } else if (ref.kinds !== undefined && !(ref.kinds as readonly string[]).includes(kind)) {
      issues.push(issueAt('REFERENCE_KIND', ref.path, `${ref.target} "${ref.id}" is a ${kind}; expected ${ref.kinds.join(' or ')}`));
    }
  }
  return issues;
}
