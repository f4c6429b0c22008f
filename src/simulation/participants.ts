/**
 * The participant path: synthetic outcome records drawn from the assumptions, each one a record
 * the real resolver and the real rules read as they would a provider's (`accumulate`). A drawn
 * outcome is written into the record the way a real one would show: a milestone as its event, a
 * placement as a job spell that meets the placement's terms, a retention by how long that job
 * lasts, a wage progression as a wage observation on its measurement date.
 *
 * @module
 */
import { ownValue } from '../own-data.js';
import { MAX_DATE, addDaysUnbounded, durationLater, parseDate, quarterAfter, type CalendarDate, type Duration } from '../calendar/index.js';
import { outcomeDuration, type Contract } from '../contract/index.js';
import { Decimal } from 'decimal.js';
import { parseAmount, type Amount } from '../money/index.js';
import { retentionLastDay } from '../outcomes/index.js';
import { withEarnings, type EarningsObservation, type EmploymentSpell, type OutcomeRecord, type RecordEvent, type WageObservation } from '../records/index.js';
import type { Assumptions, DaysDistribution, OutcomeAssumption, Probability } from './assumptions.js';
import { bernoulli, betaDraw, unit, wholeBetween, type Stream } from './random.js';

/** A milestone of the contract, as the draws need it. */
export interface MilestonePlan {
  readonly outcome: number;
  readonly event: string;
  readonly from: 'enrolment' | 'exit';
  readonly windowDays: number | undefined;
}

/** A retention of a placement. */
export interface RetentionPlan {
  readonly outcome: number;
  readonly duration: Duration;
  readonly endBoundary: 'inclusive' | 'exclusive';
}

/** A wage progression of a placement: the wage observed when it is achieved. */
export interface WagePlan {
  readonly outcome: number;
  readonly duration: Duration;
  readonly raised: Amount;
  /** Its threshold over a baseline (what a forecast raises a known participant's own wage by). */
  readonly threshold: { kind: 'percent'; percent: string } | { kind: 'amount'; amount: string };
}

/** A placement of the contract, with the outcomes that depend on it. */
export interface PlacementPlan {
  readonly outcome: number;
  readonly from: 'enrolment' | 'exit';
  readonly windowDays: number;
  readonly minSpellDays: number;
  readonly hoursPerWeek: number;
  readonly contractType: string | undefined;
  /** The sector and employer of its jobs: the first listed by the placement's `jobs` restriction, else by a dependent retention's (undefined: none). */
  readonly sector: string | undefined;
  readonly employer: string | undefined;
  /**
   * Shortest first: each conditional on the one before. In one unit, sorted by its count once; in
   * several (6 months and 26 weeks), `mixedUnits` is set and each job sorts them by their end from
   * its own start (26 weeks ends before 6 months from 1 January, after it from 1 February).
   */
  readonly retentions: readonly RetentionPlan[];
  readonly mixedUnits: boolean;
  readonly wages: readonly WagePlan[];
}

/** One part of the group mix, resolved against the contract's outcome indexes. */
export interface Profile {
  readonly groups: readonly string[];
  /** Upper bound of its share on [0, 1): a uniform draw below it (and at or above the one before) picks it. */
  readonly upTo: number;
  /** Per outcome index: its probability (undefined for a cohort indicator). */
  readonly probability: readonly (Probability | undefined)[];
  /** Per outcome index: its timing. */
  readonly days: readonly (DaysDistribution | undefined)[];
}

/** A cohort as drawn. */
export interface CohortPlan {
  /** Cohort id. */
  readonly id: string;
  /** Participants per run. */
  readonly size: number;
  /** First and last enrolment day. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

/** Everything the participant draws need, prepared once from the contract and the assumptions. */
export interface ParticipantModel {
  readonly cohorts: readonly CohortPlan[];
  readonly profiles: readonly Profile[];
  readonly daysToExit: DaysDistribution;
  readonly jobDays: DaysDistribution | undefined;
  readonly baselineWage: Amount;
  readonly milestones: readonly MilestonePlan[];
  readonly placements: readonly PlacementPlan[];
  /** The quarter-after-exit outcomes: each achieved drawn as a wage record of its quarter. */
  readonly quarters: readonly QuarterPlan[];
  readonly outcomes: number;
}

/**
 * A quarter-after-exit outcome as the participant path draws it: achieved with its probability, as
 * a wage record covering the `quarter`-th calendar quarter after the exit quarter, of `amount` (its
 * minimum earnings, else, or for a minimum of zero, one unit of the currency).
 */
export interface QuarterPlan {
  readonly outcome: number;
  readonly quarter: number;
  readonly amount: Amount;
}

/** The earnings drawn for an achieved quarter: its minimum, or one unit of the currency when it has none or a minimum of zero (the outcome asks for earnings above zero too). */
function quarterAmount(minimum: string | undefined): Amount {
  const amount = parseAmount(minimum ?? '1');
  return amount.isZero() ? parseAmount('1') : amount;
}

/** The probabilities of one run: per profile, per outcome index (beta draws made). */
export type RunProbabilities = readonly (readonly number[])[];

const DEFAULT_BASELINE_WAGE = '1000.00';
const FULL_TIME_HOURS = 35;

/**
 * The smallest wage (in cents) that passes a wage progression's threshold over `baseline`.
 *
 * @example
 * raisedWage(parseAmount('1300.00'), { kind: 'percent', percent: '10' }).toFixed(2); // '1430.00'
 */
export function raisedWage(baseline: Amount, threshold: { kind: 'percent'; percent: string } | { kind: 'amount'; amount: string }): Amount {
  if (threshold.kind === 'amount') return baseline.plus(parseAmount(threshold.amount));
  // the smallest wage in cents at or above baseline × (100 + percent) / 100
  return baseline.times(parseAmount(threshold.percent).plus(100)).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_UP);
}

/** The sectors or employers listed by the `jobs` restrictions of a placement and its dependent retentions, in that order. */
function jobLists(placement: Contract['outcomes'][number], dependents: readonly Contract['outcomes'][number][], key: 'sectors' | 'employers'): readonly string[] {
  return [placement, ...dependents].flatMap((o) => ((o.kind === 'placement' || o.kind === 'retention') && o.jobs !== undefined ? (o.jobs[key] ?? []) : []));
}

function placementPlans(contract: Contract, index: ReadonlyMap<string, number>, baseline: Amount): PlacementPlan[] {
  return contract.outcomes.flatMap((outcome) => {
    if (outcome.kind !== 'placement') return [];
    const dependents = contract.outcomes.filter((other) => (other.kind === 'retention' || other.kind === 'wageProgression') && other.placementOutcome === outcome.id);
    const retentions = dependents
      .flatMap((other) => (other.kind === 'retention' ? [{ outcome: index.get(other.id) ?? -1, duration: outcomeDuration(other), endBoundary: other.endBoundary }] : []))
      .sort((a, b) => a.duration.count - b.duration.count); // one unit: by count; several: retentionsFrom sorts per job
    return [
      {
        outcome: index.get(outcome.id) ?? -1,
        from: outcome.window.from,
        windowDays: outcome.window.days,
        minSpellDays: Math.max(outcome.minSpellDays ?? 1, 1),
        hoursPerWeek: Math.max(FULL_TIME_HOURS, Math.ceil(Number(outcome.minWeeklyHours ?? '0'))),
        contractType: outcome.contractTypes === 'any' ? undefined : outcome.contractTypes[0],
        sector: jobLists(outcome, dependents, 'sectors')[0],
        employer: jobLists(outcome, dependents, 'employers')[0],
        retentions,
        mixedUnits: new Set(retentions.map((r) => r.duration.unit)).size > 1,
        wages: dependents.flatMap((other) => (other.kind === 'wageProgression' ? [{ outcome: index.get(other.id) ?? -1, duration: outcomeDuration(other), raised: raisedWage(baseline, other.threshold), threshold: other.threshold }] : [])),
      },
    ];
  });
}

/**
 * The retentions of a job starting on `start`, shortest first (by their end date; ties keep the contract's order).
 *
 * @example
 * retentionsFrom(model.placements[0], start).map((r) => r.outcome);
 */
export function retentionsFrom(placement: PlacementPlan, start: CalendarDate): readonly RetentionPlan[] {
  if (!placement.mixedUnits) return placement.retentions;
  return placement.retentions
    .map((r) => ({ r, end: durationLater(start, r.duration) }))
    .sort((a, b) => a.end - b.end)
    .map(({ r }) => r);
}

function defaultDays(contract: Contract, id: string): DaysDistribution | undefined {
  const outcome = contract.outcomes.find((candidate) => candidate.id === id);
  if (outcome?.kind === 'placement') return { uniform: { min: 0, max: outcome.window.days } };
  if (outcome?.kind === 'milestone') return outcome.within === undefined ? 0 : { uniform: { min: 0, max: outcome.within.days } };
  return undefined;
}

/**
 * Prepares the participant draws of a validated contract and assumptions.
 *
 * @example
 * const model = participantModel(contract, assumptions);
 * model.cohorts.map((cohort) => cohort.size);
 */
export function participantModel(contract: Contract, assumptions: Assumptions): ParticipantModel {
  const index = new Map(contract.outcomes.map((outcome, k) => [outcome.id, k]));
  const baselineWage = parseAmount(assumptions.baselineWage ?? DEFAULT_BASELINE_WAGE);
  const mix = assumptions.mix ?? [{ groups: [], share: 1, outcomes: {} }];
  let cumulative = 0;
  const profiles = mix.map((entry, k): Profile => {
    cumulative += entry.share;
    const assumed = (id: string): OutcomeAssumption | undefined => (entry.outcomes === undefined ? undefined : ownValue(entry.outcomes, id)) ?? ownValue(assumptions.outcomes, id);
    return {
      groups: entry.groups,
      upTo: k === mix.length - 1 ? Infinity : cumulative,
      probability: contract.outcomes.map((outcome) => assumed(outcome.id)?.probability),
      days: contract.outcomes.map((outcome) => assumed(outcome.id)?.days ?? defaultDays(contract, outcome.id)),
    };
  });
  return {
    cohorts: contract.cohorts.map((cohort) => {
      const assumed = assumptions.cohorts === undefined ? undefined : ownValue(assumptions.cohorts, cohort.id);
      return {
        id: cohort.id,
        size: assumed?.size ?? cohort.targetSize ?? 0,
        from: parseDate(assumed?.enrolment?.from ?? cohort.enrolmentStart),
        to: parseDate(assumed?.enrolment?.to ?? cohort.enrolmentEnd),
      };
    }),
    profiles,
    daysToExit: assumptions.daysToExit,
    jobDays: assumptions.jobDays,
    baselineWage,
    milestones: contract.outcomes.flatMap((outcome) =>
      outcome.kind === 'milestone' ? [{ outcome: index.get(outcome.id) ?? -1, event: outcome.event, from: outcome.within?.from ?? 'enrolment', windowDays: outcome.within?.days }] : [],
    ),
    placements: placementPlans(contract, index, baselineWage),
    quarters: contract.outcomes.flatMap((outcome, k) => (outcome.kind === 'quarterAfterExit' ? [{ outcome: k, quarter: outcome.quarter, amount: quarterAmount(outcome.minimumEarnings) }] : [])),
    outcomes: contract.outcomes.length,
  };
}

/**
 * The probabilities at their means, nothing drawn: a beta's alpha / (alpha + beta), a fixed one as
 * it is (the expected schedule).
 *
 * @example
 * const probabilities = meanProbabilities(model);
 */
export function meanProbabilities(model: ParticipantModel): RunProbabilities {
  return model.profiles.map((profile) => profile.probability.map((p) => (p === undefined ? 0 : typeof p === 'number' ? p : p.beta.alpha / (p.beta.alpha + p.beta.beta))));
}

/**
 * Draws the probabilities of one run: a beta probability once for the whole run (so the
 * participants of a run share it, as in a real programme), a fixed one as it is.
 *
 * @example
 * const probabilities = runProbabilities(model, stream);
 */
export function runProbabilities(model: ParticipantModel, stream: Stream): RunProbabilities {
  return model.profiles.map((profile) => profile.probability.map((p) => (p === undefined ? 0 : typeof p === 'number' ? p : betaDraw(stream, p.beta.alpha, p.beta.beta))));
}

/**
 * A number of days drawn from a distribution (0 when there is none).
 *
 * @example
 * days(stream, { uniform: { min: 90, max: 150 } });
 */
export function days(stream: Stream, distribution: DaysDistribution | undefined): number {
  if (distribution === undefined) return 0;
  return typeof distribution === 'number' ? distribution : wholeBetween(stream, distribution.uniform.min, distribution.uniform.max);
}

function pickProfile(model: ParticipantModel, stream: Stream): number {
  const profiles = model.profiles;
  if (profiles.length === 1) return 0;
  const u = unit(stream);
  for (let k = 0; k < profiles.length; k++) if (u < (profiles[k] as Profile).upTo) return k;
  return profiles.length - 1;
}

/**
 * The job of a placement starting on `start` whose holder passed the first `passed` of its
 * retentions (shortest first): kept to the end of the last retention passed (or the placement's
 * minimum length) and left the day after; one who passed them all keeps it `keptDays` (at least
 * to the end of the last retention), or stays in it when `keptDays` is undefined.
 *
 * @example
 * placementSpell(model, model.placements[0], start, 1, undefined);
 */
export function placementSpell(model: ParticipantModel, placement: PlacementPlan, start: CalendarDate, passed: number, keptDays: number | undefined): EmploymentSpell {
  const retentions = retentionsFrom(placement, start);
  let end: number | undefined;
  if (passed === 0 && retentions.length > 0) {
    end = addDaysUnbounded(start, placement.minSpellDays - 1); // long enough to place, and no longer
  } else if (passed > 0 && passed < retentions.length) {
    const last = retentions[passed - 1] as RetentionPlan;
    end = retentionLastDay(start, last.duration, last.endBoundary); // kept to the end of the last retention passed, left the day after
  } else if (keptDays !== undefined) {
    const last = retentions[retentions.length - 1];
    const kept = addDaysUnbounded(start, Math.max(keptDays, placement.minSpellDays) - 1);
    end = last === undefined ? kept : Math.max(kept, retentionLastDay(start, last.duration, last.endBoundary));
  }
  return {
    start,
    ...(end === undefined ? {} : { end: end as CalendarDate }),
    hoursPerWeek: placement.hoursPerWeek,
    ...(placement.contractType === undefined ? {} : { contractType: placement.contractType }),
    monthlyWage: model.baselineWage,
    ...(placement.sector === undefined && placement.employer === undefined ? {} : { sector: placement.sector, employer: placement.employer }),
  };
}

/**
 * The job of a placement starting on `start`: the retentions passed drawn in order, then (all
 * passed) how long it is kept.
 *
 * @example
 * drawSpell(model, model.placements[0], start, probabilities[0], stream);
 */
export function drawSpell(model: ParticipantModel, placement: PlacementPlan, start: CalendarDate, p: readonly number[], stream: Stream): EmploymentSpell {
  const retentions = retentionsFrom(placement, start);
  let passed = 0;
  while (passed < retentions.length && bernoulli(stream, p[(retentions[passed] as RetentionPlan).outcome] ?? 0)) passed++;
  const keptDays = passed === retentions.length && model.jobDays !== undefined ? days(stream, model.jobDays) : undefined;
  return placementSpell(model, placement, start, passed, keptDays);
}

const byStart = (a: EmploymentSpell, b: EmploymentSpell): number => a.start - b.start;

/**
 * The jobs of several placements as a record holds them, in order and never overlapping (records
 * with overlapping spells are refused, `SPELLS_OVERLAP`): a job still running when a later one
 * starts ends the day before; two jobs starting the same day are one job (the first placement's,
 * in contract order), kept as long as the longer of the two.
 *
 * @example
 * oneJobAtATime([laterJob, earlierJob]); // in order, the earlier ended the day before the later starts
 */
export function oneJobAtATime(drawn: EmploymentSpell[]): EmploymentSpell[] {
  drawn.sort(byStart); // stable: same-day jobs stay in contract order
  const spells: EmploymentSpell[] = [];
  for (const spell of drawn) {
    const previous = spells[spells.length - 1];
    if (previous === undefined || (previous.end !== undefined && previous.end < spell.start)) {
      spells.push(spell);
    } else if (previous.start === spell.start) {
      const end = previous.end === undefined || spell.end === undefined ? undefined : (Math.max(previous.end, spell.end) as CalendarDate);
      spells[spells.length - 1] = { start: previous.start, ...(end === undefined ? {} : { end }), hoursPerWeek: previous.hoursPerWeek, ...(previous.contractType === undefined ? {} : { contractType: previous.contractType }), ...(previous.monthlyWage === undefined ? {} : { monthlyWage: previous.monthlyWage }), ...(Object.hasOwn(previous, 'sector') ? { sector: previous.sector, employer: previous.employer } : {}) };
    } else {
      spells[spells.length - 1] = { ...previous, end: (spell.start - 1) as CalendarDate };
      spells.push(spell);
    }
  }
  return spells;
}
const byDateThenKind = (a: RecordEvent, b: RecordEvent): number => a.on - b.on || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
const byOn = (a: WageObservation, b: WageObservation): number => a.on - b.on;

/**
 * Draws one participant of a cohort: enrolment date, group, exit date, then each outcome in the
 * contract's order (a retention or wage progression only once its placement is achieved).
 *
 * @example
 * accumulate(plan, ledger, drawParticipant(model, probabilities, model.cohorts[0], stream));
 */
export function drawParticipant(model: ParticipantModel, probabilities: RunProbabilities, cohort: CohortPlan, stream: Stream): OutcomeRecord {
  const enrolledOn = wholeBetween(stream, cohort.from, cohort.to) as CalendarDate;
  const k = pickProfile(model, stream);
  const profile = model.profiles[k] as Profile;
  const p = probabilities[k] as readonly number[];
  const exitedOn = addDaysUnbounded(enrolledOn, days(stream, model.daysToExit)) as CalendarDate;
  const events: RecordEvent[] = [];
  for (const milestone of model.milestones) {
    if (!bernoulli(stream, p[milestone.outcome] ?? 0)) continue;
    const after = days(stream, profile.days[milestone.outcome]);
    const anchor = milestone.from === 'exit' ? exitedOn : enrolledOn;
    events.push({ kind: milestone.event, on: addDaysUnbounded(anchor, milestone.windowDays === undefined ? after : Math.min(after, milestone.windowDays)) as CalendarDate });
  }
  const spells: EmploymentSpell[] = [];
  const wages: WageObservation[] = [];
  for (const placement of model.placements) {
    if (!bernoulli(stream, p[placement.outcome] ?? 0)) continue;
    const anchor = placement.from === 'exit' ? exitedOn : enrolledOn;
    const start = addDaysUnbounded(anchor, Math.min(days(stream, profile.days[placement.outcome]), placement.windowDays)) as CalendarDate;
    spells.push(drawSpell(model, placement, start, p, stream));
    for (const wage of placement.wages) {
      if (bernoulli(stream, p[wage.outcome] ?? 0)) wages.push({ on: durationLater(start, wage.duration) as CalendarDate, monthlyWage: wage.raised });
    }
  }
  if (events.length > 1) events.sort(byDateThenKind);
  if (wages.length > 1) wages.sort(byOn);
  const record: OutcomeRecord = { id: 'simulated', cohort: cohort.id, groups: profile.groups, enrolledOn, exitedOn, baselineWage: model.baselineWage, spells: spells.length > 1 ? oneJobAtATime(spells) : spells, wages, events };
  return model.quarters.length === 0 ? record : withEarnings(record, quarterWages(model.quarters, exitedOn, p, stream));
}

/**
 * The wage records of a participant's quarters after exit: each quarter outcome achieved with its
 * probability puts its amount in its quarter (the largest one when two outcomes name the same
 * quarter), one record per quarter covering it, in order of quarter.
 */
function quarterWages(quarters: readonly QuarterPlan[], exitedOn: CalendarDate, p: readonly number[], stream: Stream): EarningsObservation[] {
  const drawn = new Map<number, Amount>();
  for (const plan of quarters) {
    if (!bernoulli(stream, p[plan.outcome] ?? 0)) continue;
    const before = drawn.get(plan.quarter);
    if (before === undefined || plan.amount.greaterThan(before)) drawn.set(plan.quarter, plan.amount);
  }
  const earnings: EarningsObservation[] = [];
  for (const [quarter, amount] of [...drawn].sort((a, b) => a[0] - b[0])) {
    if (exitedOn > MAX_DATE) break;
    const { first, last } = quarterAfter(exitedOn, quarter);
    if (last > MAX_DATE) break;
    earnings.push({ from: first as CalendarDate, to: last as CalendarDate, amount });
  }
  return earnings;
}
