/**
 * Minimum performance levels (docs/mechanics/minimum-performance.md): on each review date, the
 * share of the level's participants who achieved its outcome is measured; a review below the level
 * starts its consequence, which each later settled tranche applies, after the money caps and
 * before the split among payers, until the tranche's measurement date finds the level met:
 * `withhold` takes the paid amount of the listed rules' lines (released in full, as release lines,
 * in the tranche that finds the level met), `priceReduction` takes a share off them, `flag` takes
 * nothing.
 *
 * @module
 */
import { formatDate, parseDate, type CalendarDate } from '../calendar/index.js';
import type { Contract, MinimumPerformance } from '../contract/index.js';
import { ZERO, formatMoney, parseAmount, roundMoney, sumAmounts, type Amount } from '../money/index.js';
import type { Ledger, RateCounts } from './ledger.js';
import type { Line } from './lines.js';
import { atLeast, rateAt, rateText } from './rates.js';
import { rateSpecIndex, type RateUse } from './rate-specs.js';
import type { RuleTerms } from './rules/index.js';

/** A minimum performance level made ready for a settlement. */
export interface LevelPlan {
  /** The level as the contract writes it. */
  readonly source: MinimumPerformance;
  /** Its rate specification index (the outcome over the participants enrolled by `enrolledBy`). */
  readonly spec: number;
  /** Cohort indexes measured (every cohort when the level lists none). */
  readonly cohorts: readonly number[];
  /** The level. */
  readonly level: Amount;
  /** Review days, ascending. */
  readonly reviews: readonly number[];
  /** Rule indexes whose lines the consequence takes from (none for a flag). */
  readonly rules: ReadonlySet<number>;
  /** The tranches a withhold is limited to, or undefined (any tranche). */
  readonly tranches: ReadonlySet<string> | undefined;
  /** The share a price reduction takes off, or undefined. */
  readonly share: Amount | undefined;
}

/**
 * The rates the levels read: each level's outcome over the participants enrolled (by `enrolledBy`).
 *
 * @example
 * levelRateUses(contract).map((use) => use.outcome);
 */
export function levelRateUses(contract: Contract): RateUse[] {
  return (contract.minimumPerformance ?? []).map((level) => ({ outcome: level.outcome, denominator: { kind: 'enrolled' as const }, enrolledBy: level.enrolledBy }));
}

/**
 * The contract's levels made ready (its rate specifications must include {@link levelRateUses}).
 *
 * @example
 * const levels = planLevels(terms);
 */
export function planLevels(terms: RuleTerms): LevelPlan[] {
  const contract = terms.contract;
  return (contract.minimumPerformance ?? []).map((source, index) => {
    const use = levelRateUses(contract)[index] as RateUse;
    const consequence = source.consequence;
    const ruleIds = consequence.kind === 'flag' ? [] : consequence.rules;
    return {
      source,
      spec: rateSpecIndex(terms.rateSpecs, use),
      cohorts: (source.cohorts ?? contract.cohorts.map((cohort) => cohort.id)).map((id) => terms.cohortIndex.get(id) ?? -1),
      level: parseAmount(source.level),
      reviews: source.reviewOn.map((review) => parseDate(review) as number),
      rules: new Set(ruleIds.map((id) => terms.ruleIndex.get(id) ?? -1)),
      tranches: consequence.kind === 'withhold' && consequence.tranches !== undefined ? new Set(consequence.tranches) : undefined,
      share: consequence.kind === 'priceReduction' ? parseAmount(consequence.share) : undefined,
    };
  });
}

/** A level measured on a date. */
export interface LevelMeasure {
  /** Participants enrolled by the level's enrolment date (and by the date measured) who achieved the outcome by the date measured. */
  readonly achieved: number;
  /** Participants enrolled by the level's enrolment date and by the date measured. */
  readonly participants: number;
  /** achieved / participants, to 6 decimals (`n/a` when no participant). */
  readonly rate: string;
  /** Whether achieved ≥ level × participants, exactly (no participant: met, nothing to measure). */
  readonly met: boolean;
}

/**
 * Measures a level on `date` from the tallies.
 *
 * @example
 * measureLevel(level, ledger, parseDate('2024-06-30')).met;
 */
export function measureLevel(level: LevelPlan, ledger: Ledger, date: number): LevelMeasure {
  const counts = level.cohorts.flatMap((cohort): RateCounts[] => {
    const rate = ledger.cohorts[cohort]?.rates[level.spec];
    return rate === undefined ? [] : [rate];
  });
  const figures = rateAt(counts, date, 'countAsNotAchieved');
  return {
    achieved: figures.achieved,
    participants: figures.denominator,
    rate: rateText(figures.numerator, figures.denominator),
    met: figures.denominator === 0 || atLeast(figures.numerator, figures.denominator, level.level),
  };
}

/** A review as decided. */
export interface LevelReview extends Partial<LevelMeasure> {
  /** The review day. */
  readonly reviewOn: CalendarDate;
  /** `met`, `notMet`, or `notYetReviewed` (after the as-of date). */
  readonly outcome: 'met' | 'notMet' | 'notYetReviewed';
  /** What the consequence took while this review's shortfall was in force (withheld or cut), exact at minor units. */
  amount: Amount;
}

/** What a level did in one settled tranche measured while it was below. */
export interface LevelTrancheAction extends LevelMeasure {
  /** Tranche id. */
  readonly tranche: string;
  /** Its measurement day. */
  readonly measuredOn: CalendarDate;
  /** The failed review whose consequence was in force. */
  readonly review: CalendarDate;
  /** `withheld`, `reduced` (still below), `released` or `ended` (the level met: a withhold releases, a reduction ends). */
  readonly action: 'withheld' | 'reduced' | 'released' | 'ended';
  /** The amount withheld, cut, or released. */
  readonly amount: Amount;
}

/** A withholding waiting for its release: the tranche it was taken from and the line it was taken from. */
interface Held {
  /** The tranche's running figures (its `withheld` goes down on release). */
  readonly tranche: { readonly id: string; withheld: Amount };
  /** The line's rule index, kind, cohort and outcome. */
  readonly line: Pick<Line, 'rule' | 'kind' | 'cohort' | 'outcome'>;
  /** Withheld. */
  readonly amount: Amount;
}

/** A level through one settlement run. */
export interface LevelRun {
  /** The plan. */
  readonly plan: LevelPlan;
  /** The reviews, in date order, as they are decided. */
  readonly reviews: LevelReview[];
  /** What it did in each tranche measured while below. */
  readonly actions: LevelTrancheAction[];
  /** The failed review in force, or null. */
  below: LevelReview | null;
  /** Withholdings not yet released. */
  readonly held: Held[];
  /** Reviews decided so far (index in `plan.reviews`). */
  next: number;
}

/**
 * The levels of a run, nothing reviewed yet.
 *
 * @example
 * const runs = startLevels(plan.levels);
 */
export function startLevels(levels: readonly LevelPlan[]): LevelRun[] {
  return levels.map((plan) => ({ plan, reviews: [], actions: [], below: null, held: [], next: 0 }));
}

/**
 * Decides every review before `day` (strictly: a tranche measured on a review day is settled
 * first), in date order; a review after the as-of date is `notYetReviewed`.
 *
 * @example
 * reviewBefore(runs, ledger, tranche.measuredOn, plan.asOf);
 */
export function reviewBefore(runs: readonly LevelRun[], ledger: Ledger, day: number, asOf: number): void {
  for (const run of runs) {
    while (run.next < run.plan.reviews.length && (run.plan.reviews[run.next] ?? Infinity) < day) {
      const reviewOn = run.plan.reviews[run.next] as number;
      run.next += 1;
      if (reviewOn > asOf) {
        run.reviews.push({ reviewOn: reviewOn as CalendarDate, outcome: 'notYetReviewed', amount: ZERO });
        continue;
      }
      const measure = measureLevel(run.plan, ledger, reviewOn);
      const review: LevelReview = { reviewOn: reviewOn as CalendarDate, outcome: measure.met ? 'met' : 'notMet', ...measure, amount: ZERO };
      run.reviews.push(review);
      // a review below starts (or continues) the consequence; one that finds the level met leaves a
      // consequence in force to the next tranche, which measures again and releases or ends it
      if (!measure.met && run.plan.source.consequence.kind !== 'flag') run.below = review;
    }
  }
}

/** What the consequence takes off a line's paid amount: all of it (withhold) or the share, rounded as the contract rounds. */
function taken(run: LevelRun, paid: Amount, terms: Pick<RuleTerms, 'currency' | 'rounding'>): Amount {
  const share = run.plan.share;
  if (share === undefined) return paid;
  return paid.minus(roundMoney(paid.minus(paid.times(share)), terms.currency, terms.rounding));
}

function release(run: LevelRun, tranche: { id: string; measuredOn: number }, measure: LevelMeasure, money: (amount: Amount) => string, explain: boolean): Line[] {
  const groups = new Map<string, { line: Held['line']; amount: Amount; tranches: Set<string> }>();
  for (const held of run.held) {
    held.tranche.withheld = held.tranche.withheld.minus(held.amount);
    const key = `${held.line.rule}\u0000${held.line.cohort ?? ''}\u0000${held.line.outcome ?? ''}`;
    const group = groups.get(key) ?? { line: held.line, amount: ZERO, tranches: new Set<string>() };
    group.amount = group.amount.plus(held.amount);
    group.tranches.add(held.tranche.id);
    groups.set(key, group);
  }
  run.held.length = 0;
  const id = run.plan.source.id;
  return [...groups.values()].map(({ line, amount, tranches }) => ({
    ...line,
    claims: null,
    unit: null,
    inputs: explain ? { minimumPerformance: id, released: money(amount), withheldIn: [...tranches].join(','), achieved: measure.achieved, participants: measure.participants, level: run.plan.source.level } : {},
    formula: explain
      ? `release of ${money(amount)} withheld in ${[...tranches].join(', ')} under minimum performance level ${id}: ${measure.achieved} of ${measure.participants} participants (${measure.rate}) ≥ ${run.plan.source.level} on ${formatDate(tranche.measuredOn as CalendarDate)}`
      : '',
    exact: amount,
    amount,
    paid: amount,
    participants: undefined,
  }));
}

/**
 * Applies the levels in force to a settled tranche's lines (after the money caps, before the
 * split): replaces the lines a consequence takes from, and returns the release lines to add.
 *
 * @example
 * const released = applyLevels(runs, ledger, { id: 'T2', measuredOn, withheld: ZERO }, lines, terms, true);
 */
export function applyLevels(
  runs: readonly LevelRun[],
  ledger: Ledger,
  tranche: { readonly id: string; readonly measuredOn: number; withheld: Amount },
  lines: Line[],
  terms: Pick<RuleTerms, 'currency' | 'rounding' | 'ruleIndex'>,
  explain: boolean,
): Line[] {
  const money = (amount: Amount): string => formatMoney(amount, terms.currency);
  const released: Line[] = [];
  for (const run of runs) {
    const review = run.below;
    if (review === null) continue;
    const measure = measureLevel(run.plan, ledger, tranche.measuredOn);
    const head = { ...measure, tranche: tranche.id, measuredOn: tranche.measuredOn as CalendarDate, review: review.reviewOn };
    const withhold = run.plan.share === undefined;
    if (measure.met) {
      run.below = null;
      const lines = withhold ? release(run, tranche, measure, money, explain) : [];
      released.push(...lines);
      run.actions.push({ ...head, action: withhold ? 'released' : 'ended', amount: sumAmounts(lines.map((line) => line.paid)) });
      continue;
    }
    let total = ZERO;
    const applies = run.plan.tranches === undefined || run.plan.tranches.has(tranche.id);
    lines.forEach((line, index) => {
      const rule = terms.ruleIndex.get(line.rule);
      if (!applies || rule === undefined || !run.plan.rules.has(rule) || line.paid.isZero()) return;
      const cut = taken(run, line.paid, terms);
      if (cut.isZero()) return;
      total = total.plus(cut);
      if (withhold) run.held.push({ tranche, line: { rule: line.rule, kind: line.kind, cohort: line.cohort, outcome: line.outcome }, amount: cut });
      const id = run.plan.source.id;
      // A line two levels take from names both: the ids and shares listed, the amounts added up.
      const before = (key: string): string => {
        const value = line.inputs[key];
        return typeof value === 'string' ? value : '';
      };
      const listed = (key: string, value: string): string => (before(key) === '' ? value : `${before(key)}, ${value}`);
      const added = (key: string): string => money(before(key) === '' ? cut : parseAmount(before(key)).plus(cut));
      const consequence = run.plan.source.consequence;
      const note = withhold
        ? { minimumPerformance: listed('minimumPerformance', id), minimumPerformanceWithheld: added('minimumPerformanceWithheld') }
        : {
            minimumPerformance: listed('minimumPerformance', id),
            minimumPerformanceReduction: listed('minimumPerformanceReduction', consequence.kind === 'priceReduction' ? consequence.share : ''),
            minimumPerformanceCut: added('minimumPerformanceCut'),
          };
      const words = ` (${money(cut)} ${withhold ? 'withheld' : 'off'}: minimum performance level ${id} below ${run.plan.source.level}, ${measure.achieved} of ${measure.participants})`;
      lines[index] = { ...line, paid: line.paid.minus(cut), inputs: explain ? { ...line.inputs, ...note } : line.inputs, formula: explain ? `${line.formula}${words}` : line.formula };
    });
    if (withhold) tranche.withheld = tranche.withheld.plus(total);
    review.amount = review.amount.plus(total);
    run.actions.push({ ...head, action: withhold ? 'withheld' : 'reduced', amount: total });
  }
  return released;
}

/**
 * What a level's run took and gave back: withheld (in all), released, still withheld, and cut by a
 * price reduction. `withheld = released + outstanding`.
 *
 * @example
 * levelTotals(run).outstanding.toFixed(2);
 */
export function levelTotals(run: LevelRun): { withheld: Amount; released: Amount; outstanding: Amount; reduced: Amount } {
  const sum = (action: LevelTrancheAction['action']): Amount => sumAmounts(run.actions.filter((each) => each.action === action).map((each) => each.amount));
  return { withheld: sum('withheld'), released: sum('released'), outstanding: sumAmounts(run.held.map((held) => held.amount)), reduced: sum('reduced') };
}
