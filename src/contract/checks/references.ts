/**
 * Identity checks: duplicate ids within each list of items, the same id listed twice in one list
 * of references, and every reference pointing to an existing item of the right kind.
 *
 * @module
 */
import { formatPath, type Issue, type PathSegment } from '../../errors.js';
import type { Contract, OutcomeKind, PaymentRuleKind } from '../schema.js';
import { ownValue } from '../../own-data.js';
import { PER_PARTICIPANT, denominatorReferences, ruleFacts, type RuleReference } from '../rules/index.js';
import { unreachable } from '../unreachable.js';
import { issueAt } from './issue.js';

type Target = 'cohort' | 'group' | 'outcome' | 'rule' | 'cap' | 'tranche' | 'payer';

/** A reference: every key present (`undefined` when it does not apply), as for every object the library makes and reads back. */
interface Reference {
  readonly target: Target;
  readonly id: string;
  readonly path: readonly PathSegment[];
  /** Allowed kinds of the target (outcomes and rules only); undefined = any. */
  readonly kinds: readonly (OutcomeKind | PaymentRuleKind)[] | undefined;
  /** The list this reference is one entry of (its path, joined), when it is one: a list names each id once. */
  readonly list: string | undefined;
}

/** A reference that is not an entry of a list. */
function single(target: Target, id: string, path: readonly PathSegment[], kinds?: readonly (OutcomeKind | PaymentRuleKind)[]): Reference {
  return { target, id, path, kinds, list: undefined };
}

/** A rule module's reference with every key: its optional `kinds` and `list` read as own properties. */
function fromRule(ref: RuleReference): Reference {
  return { target: ref.target, id: ref.id, path: ref.path, kinds: ownValue(ref, 'kinds'), list: ownValue(ref, 'list') };
}

/**
 * The references of a list of ids at `base` (or of a list of objects, each naming its target under
 * `key`): one per entry, all marked as entries of the same list.
 */
function* listed(
  target: Target,
  ids: readonly string[],
  base: readonly PathSegment[],
  kinds?: readonly (OutcomeKind | PaymentRuleKind)[],
  key?: string,
): Generator<Reference> {
  const list = base.join('/');
  for (const [j, id] of ids.entries()) {
    const path = key === undefined ? [...base, j] : [...base, j, key];
    yield { target, id, path, kinds, list };
  }
}

function* references(c: Contract): Generator<Reference> {
  for (const [i, o] of c.outcomes.entries()) {
    if (o.kind === 'retention' || o.kind === 'wageProgression') {
      yield single('outcome', o.placementOutcome, ['outcomes', i, 'placementOutcome'], ['placement']);
    }
    if (o.kind !== 'cohortIndicator' && o.participants !== undefined) {
      yield* listed('group', o.participants.groups, ['outcomes', i, 'participants', 'groups']);
    }
  }
  for (const [i, r] of c.rules.entries()) {
    for (const ref of ruleFacts(r).references(r, (...rest: PathSegment[]): PathSegment[] => ['rules', i, ...rest])) yield fromRule(ref);
  }
  for (const [i, cap] of (c.caps ?? []).entries()) {
    const at = (key: string): PathSegment[] => ['caps', i, key];
    switch (cap.kind) {
      case 'outcome': yield single('outcome', cap.outcome, at('outcome'), PER_PARTICIPANT); break;
      case 'outcomeVolume':
      case 'share':
        yield single('rule', cap.rule, at('rule'), ['rateCard']);
        break;
      case 'cohort': yield single('cohort', cap.cohort, at('cohort')); break;
      case 'tranche': yield single('tranche', cap.tranche, at('tranche')); break;
      case 'payer':
        yield single('payer', cap.payer, at('payer'));
        if (typeof cap.overflow === 'object') yield single('payer', cap.overflow.takenBy, ['caps', i, 'overflow', 'takenBy']);
        break;
      case 'participant':
      case 'contract':
        break;
      default:
        unreachable(cap);
    }
  }
  for (const [i, amendment] of (c.amendments?.versions ?? []).entries()) {
    for (const [j, change] of (amendment.changes.rules ?? []).entries()) {
      const pricing = change.groupPricing;
      if (pricing?.kind === 'prices') yield* listed('group', pricing.prices.map((entry) => entry.group), ['amendments', 'versions', i, 'changes', 'rules', j, 'groupPricing', 'prices'], undefined, 'group');
    }
  }
  for (const [i, payer] of c.parties.payers.entries()) {
    const at = ['parties', 'payers', i, 'funds'];
    yield* listed('rule', payer.funds?.rules ?? [], [...at, 'rules']);
    yield* listed('outcome', payer.funds?.outcomes ?? [], [...at, 'outcomes']);
    yield* listed('cohort', payer.funds?.cohorts ?? [], [...at, 'cohorts']);
  }
  for (const [i, t] of c.tranches.entries()) {
    yield* listed('rule', t.rules, ['tranches', i, 'rules']);
    yield* listed('cohort', t.cohorts, ['tranches', i, 'cohorts']);
    yield* listed('outcome', t.outcomes ?? [], ['tranches', i, 'outcomes']);
  }
  for (const [i, clause] of (c.exitClauses ?? []).entries()) {
    const at = (...rest: PathSegment[]): PathSegment[] => ['exitClauses', i, ...rest];
    const cond = clause.condition;
    switch (cond.kind) {
      case 'outcomeRateBelow':
        yield single('outcome', cond.outcome, at('condition', 'outcome'), PER_PARTICIPANT);
        yield* listed('cohort', cond.cohorts, at('condition', 'cohorts'));
        for (const ref of denominatorReferences(cond.denominator, at('condition', 'denominator'))) yield fromRule(ref);
        break;
      case 'indicatorBelow':
        yield single('outcome', cond.indicator, at('condition', 'indicator'), ['cohortIndicator']);
        yield* listed('cohort', cond.cohorts, at('condition', 'cohorts'));
        break;
      case 'capReached':
        yield single('cap', cond.cap, at('condition', 'cap'));
        break;
      case 'datePassed':
        break;
      default:
        unreachable(cond);
    }
    const effect = clause.effect;
    if (effect.kind === 'suspendTranches') yield* listed('tranche', effect.tranches, at('effect', 'tranches'));
    if (effect.kind === 'reducePrices') yield* listed('rule', effect.rules, at('effect', 'rules'), ['rateCard', 'sustainment']);
  }
  for (const [i, r] of (c.reinvestment ?? []).entries()) {
    if (r.trigger.kind === 'surplusOverTarget') yield single('outcome', r.trigger.outcome, ['reinvestment', i, 'trigger', 'outcome'], PER_PARTICIPANT);
    if (r.destination.kind === 'cohort') yield single('cohort', r.destination.cohort, ['reinvestment', i, 'destination', 'cohort']);
  }
  for (const [i, g] of (c.hiringGuarantees ?? []).entries()) {
    yield* listed('cohort', g.cohorts, ['hiringGuarantees', i, 'cohorts']);
    yield single('outcome', g.qualifyingOutcome, ['hiringGuarantees', i, 'qualifyingOutcome'], PER_PARTICIPANT);
    yield single('outcome', g.placementOutcome, ['hiringGuarantees', i, 'placementOutcome'], ['placement']);
  }
  for (const [i, level] of (c.minimumPerformance ?? []).entries()) {
    const at = (...rest: PathSegment[]): PathSegment[] => ['minimumPerformance', i, ...rest];
    yield single('outcome', level.outcome, at('outcome'), PER_PARTICIPANT);
    yield* listed('cohort', level.cohorts ?? [], at('cohorts'));
    const consequence = level.consequence;
    if (consequence.kind === 'withhold') {
      yield* listed('rule', consequence.rules, at('consequence', 'rules'));
      yield* listed('tranche', consequence.tranches ?? [], at('consequence', 'tranches'));
    }
    // a price reduction takes a share off outcome payments: not off fees
    if (consequence.kind === 'priceReduction') yield* listed('rule', consequence.rules, at('consequence', 'rules'), ['rateCard', 'sustainment', 'cohortRate', 'bonus']);
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

/** An entry of a list of ids: a reference, or a contract type, sector or employer an outcome accepts (named by the records, not the contract). */
type ListEntry = Pick<Reference, 'id' | 'path' | 'list'>;

function* listEntries(c: Contract): Generator<ListEntry> {
  for (const ref of references(c)) if (ref.list !== undefined) yield ref;
  for (const [i, o] of c.outcomes.entries()) {
    if (o.kind === 'placement' && o.contractTypes !== 'any') {
      const base = ['outcomes', i, 'contractTypes'];
      for (const [j, id] of o.contractTypes.entries()) yield { id, path: [...base, j], list: base.join('/') };
    }
    if ((o.kind === 'placement' || o.kind === 'retention') && o.jobs !== undefined) {
      for (const key of ['sectors', 'employers'] as const) {
        const base = ['outcomes', i, 'jobs', key];
        for (const [j, id] of (o.jobs[key] ?? []).entries()) yield { id, path: [...base, j], list: base.join('/') };
      }
    }
  }
}

/** Reports each id listed a second time in the same list (a tranche naming a rule twice would pay it twice). */
function listedOnce(c: Contract, issues: Issue[]): void {
  const first = new Map<string, readonly PathSegment[]>();
  for (const entry of listEntries(c)) {
    const key = `${entry.list ?? ''}\u0000${entry.id}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, entry.path);
    else issues.push(issueAt('DUPLICATE_REFERENCE', entry.path, `"${entry.id}" is already listed at ${formatPath(seen)}; a list names each id once`));
  }
}

/**
 * Reports duplicate ids (per list; payers, provider and investors share one namespace), ids listed
 * twice in one list of references, and references to missing items or items of the wrong kind.
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
  for (const [i, rule] of c.rules.entries()) if (rule.kind === 'resultsIndicator') duplicates(rule.periods, ['rules', i, 'periods'], 'results indicator period', issues);
  duplicates(c.caps ?? [], ['caps'], 'cap', issues);
  duplicates(c.tranches, ['tranches'], 'tranche', issues);
  duplicates(c.exitClauses ?? [], ['exitClauses'], 'exit clause', issues);
  duplicates(c.reinvestment ?? [], ['reinvestment'], 'reinvestment', issues);
  duplicates(c.hiringGuarantees ?? [], ['hiringGuarantees'], 'hiring guarantee', issues);
  duplicates(c.minimumPerformance ?? [], ['minimumPerformance'], 'minimum performance level', issues);
  listedOnce(c, issues);

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
