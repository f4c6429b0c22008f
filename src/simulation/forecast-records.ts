/**
 * A forecast's participants: a real record cut to what is known at the as-of date D, then
 * completed by draws conditional on it (docs/simulation.md, "Forecast from actual records"). Every
 * fact dated on or before D is kept as it is; what happens after D is drawn from the assumptions
 * of the participant's group, given what D shows.
 *
 * @module
 */
import { MAX_DATE, addDaysUnbounded, durationLater, quarterAfter, type CalendarDate } from '../calendar/index.js';
import { Decimal } from 'decimal.js';
import type { Amount } from '../money/index.js';
import { recordEarnings, withEarnings, type EarningsObservation, type EmploymentSpell, type OutcomeRecord, type RecordEvent, type WageObservation } from '../records/index.js';
import { delayAbove, delayAtMost, drawLater } from './forecast-timing.js';
import { drawSpell, oneJobAtATime, placementSpell, raisedWage, retentionsFrom, type ParticipantModel, type PlacementPlan, type Profile, type RetentionPlan } from './participants.js';
import { unit, bernoulli, type Stream } from './random.js';

/** A copy of `value` without its own property `key`. */
function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  Reflect.deleteProperty(copy, key);
  return copy as Omit<T, K>;
}

/** A spell with no end: still in the job. */
const open = (spell: EmploymentSpell): EmploymentSpell => without(spell, 'end');

/**
 * What a record shows at `asOf`: enrolment, an exit on or before it, the spells started on or
 * before it (one still running then has no end), wage observations, events and earnings periods
 * dated on or before it. `undefined` for a participant enrolled after `asOf` (not known then).
 *
 * @example
 * knownAt(record, parseDate('2024-06-30'));
 */
export function knownAt(record: OutcomeRecord, asOf: CalendarDate): OutcomeRecord | undefined {
  if (record.enrolledOn > asOf) return undefined;
  const spells = record.spells.filter((spell) => spell.start <= asOf).map((spell) => (spell.end === undefined || spell.end <= asOf ? spell : open(spell)));
  const earnings = recordEarnings(record).filter((observation) => observation.to <= asOf);
  const { exitedOn } = record;
  const known: OutcomeRecord = {
    ...without(without(record, 'earnings'), 'exitedOn'),
    ...(exitedOn !== undefined && exitedOn <= asOf ? { exitedOn } : {}),
    spells,
    wages: record.wages.filter((wage) => wage.on <= asOf),
    events: record.events.filter((event) => event.on <= asOf),
  };
  return withEarnings(known, earnings);
}

/** What the completion of one known participant reads. */
export interface KnownParticipant {
  /** The record as known at the as-of date ({@link knownAt}). */
  readonly record: OutcomeRecord;
  /** The index of its part of the group mix. */
  readonly profile: number;
}

/** The weights of the ways a job open at `asOf` can end, by the retentions passed (0 to all), given that it lasts past `asOf`. */
function openJobWeights(model: ParticipantModel, placement: PlacementPlan, retentions: readonly RetentionPlan[], start: CalendarDate, p: readonly number[], asOf: CalendarDate): number[] {
  const weights: number[] = [];
  let reach = 1; // P(passing the first k retentions)
  for (let k = 0; k <= retentions.length; k++) {
    const pass = k < retentions.length ? (p[(retentions[k] as RetentionPlan).outcome] ?? 0) : 1;
    const ends = k < retentions.length ? reach * (1 - pass) : reach;
    let beyond: number;
    if (k < retentions.length) beyond = (placementSpell(model, placement, start, k, undefined).end ?? MAX_DATE) > asOf ? 1 : 0;
    else if (model.jobDays === undefined) beyond = 1;
    else {
      const shortest = placementSpell(model, placement, start, k, 0).end ?? MAX_DATE; // kept at least to the last retention's end
      beyond = shortest > asOf ? 1 : 1 - delayAtMost(model.jobDays, undefined, asOf - start + 1);
    }
    weights.push(ends * beyond);
    reach *= pass;
  }
  return weights;
}

/**
 * The end of a job of `placement` started on `start` and still running at `asOf`: how many
 * retentions it passes is drawn given that it lasts past `asOf`, then (all passed) how long it is
 * kept, above what it has lasted. When the assumptions leave no way for it to last past `asOf`,
 * it ends the day after.
 */
function openJobEnd(model: ParticipantModel, placement: PlacementPlan, start: CalendarDate, p: readonly number[], asOf: CalendarDate, stream: Stream): CalendarDate | undefined {
  const retentions = retentionsFrom(placement, start);
  const weights = openJobWeights(model, placement, retentions, start, p, asOf);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return addDaysUnbounded(asOf, 1) as CalendarDate;
  let u = unit(stream) * total;
  let passed = weights.length - 1;
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k] ?? 0;
    if (u < 0 && (weights[k] ?? 0) > 0) {
      passed = k;
      break;
    }
  }
  let kept: number | undefined;
  if (passed === retentions.length && model.jobDays !== undefined) {
    const lasted = asOf - start + 1;
    kept = delayAtMost(model.jobDays, undefined, lasted) < 1 ? delayAbove(stream, model.jobDays, undefined, lasted) : lasted + 1;
  }
  return placementSpell(model, placement, start, passed, kept).end;
}

/** A wage that passes `wage`'s threshold over the larger of the participant's baseline and the job's wage (so over either, whichever the contract compares with). */
function raisedFor(record: OutcomeRecord, spell: EmploymentSpell | undefined, model: ParticipantModel, threshold: PlacementPlan['wages'][number]['threshold']): Amount {
  const base = Decimal.max(record.baselineWage ?? model.baselineWage, spell?.monthlyWage ?? record.baselineWage ?? model.baselineWage);
  return raisedWage(base, threshold);
}

/** The milestones not reached by `asOf`, each drawn given that (events on or before `asOf` are kept). */
function laterEvents(model: ParticipantModel, profile: Profile, p: readonly number[], record: OutcomeRecord, exitedOn: CalendarDate, asOf: CalendarDate, stream: Stream): RecordEvent[] {
  const events: RecordEvent[] = [];
  for (const milestone of model.milestones) {
    if (record.events.some((event) => event.kind === milestone.event)) continue;
    const anchor = milestone.from === 'exit' ? exitedOn : record.enrolledOn;
    const delay = drawLater(stream, p[milestone.outcome] ?? 0, profile.days[milestone.outcome], milestone.windowDays, asOf - anchor);
    if (delay !== undefined) events.push({ kind: milestone.event, on: addDaysUnbounded(anchor, delay) as CalendarDate });
  }
  return events;
}

/** The quarter outcomes of quarters not over at `asOf`, drawn as the participant path draws them; known earnings in those quarters give way. */
function laterEarnings(model: ParticipantModel, p: readonly number[], record: OutcomeRecord, exitedOn: CalendarDate, asOf: CalendarDate, stream: Stream): EarningsObservation[] {
  const known = recordEarnings(record);
  const drawn: EarningsObservation[] = [];
  for (const plan of model.quarters) {
    if (exitedOn > MAX_DATE) break;
    const { first, last } = quarterAfter(exitedOn, plan.quarter);
    if (last <= asOf || last > MAX_DATE) continue;
    if (!bernoulli(stream, p[plan.outcome] ?? 0)) continue;
    const same = drawn.findIndex((observation) => observation.from === first);
    if (same < 0) drawn.push({ from: first as CalendarDate, to: last as CalendarDate, amount: plan.amount });
    else if (plan.amount.greaterThan((drawn[same] as EarningsObservation).amount)) drawn[same] = { from: first as CalendarDate, to: last as CalendarDate, amount: plan.amount };
  }
  const kept = known.filter((observation) => !drawn.some((quarter) => observation.to >= quarter.from && observation.from <= quarter.to));
  return [...kept, ...drawn].sort((a, b) => a.to - b.to || a.from - b.from);
}

const byStart = (a: EmploymentSpell, b: EmploymentSpell): number => a.start - b.start;

/**
 * Completes a participant known at `asOf` with draws conditional on what is known: an exit not
 * known by then after it (days to exit above those already spent); each milestone not reached,
 * later with the conditional probability; a participant with no job started by `asOf` placed later
 * with the conditional probability (each placement of the contract), the job then drawn whole; a
 * job still running at `asOf` ending later, given that it lasted so far; a job that ended stays
 * ended; each wage progression measured after `asOf` drawn given the placement; each quarter after
 * exit not over at `asOf` drawn. The probabilities are those of the run for the participant's part
 * of the group mix.
 *
 * @example
 * const completed = completeKnown(model, probabilities, { record: knownAt(record, asOf), profile: 0 }, asOf, stream);
 */
export function completeKnown(model: ParticipantModel, probabilities: readonly (readonly number[])[], known: KnownParticipant, asOf: CalendarDate, stream: Stream): OutcomeRecord {
  const { record } = known;
  const profile = model.profiles[known.profile] as Profile;
  const p = probabilities[known.profile] as readonly number[];
  const sinceEnrolment = asOf - record.enrolledOn;
  let exitedOn = record.exitedOn;
  if (exitedOn === undefined) {
    const delay = delayAtMost(model.daysToExit, undefined, sinceEnrolment) < 1 ? delayAbove(stream, model.daysToExit, undefined, sinceEnrolment) : sinceEnrolment + 1;
    exitedOn = addDaysUnbounded(record.enrolledOn, delay) as CalendarDate;
  }
  const events = [...record.events, ...laterEvents(model, profile, p, record, exitedOn, asOf, stream)];
  let spells: EmploymentSpell[] = [...record.spells];
  const wages: WageObservation[] = [...record.wages];
  const first = model.placements[0];
  if (spells.length === 0) {
    for (const placement of model.placements) {
      const anchor = placement.from === 'exit' ? exitedOn : record.enrolledOn;
      const delay = drawLater(stream, p[placement.outcome] ?? 0, profile.days[placement.outcome], placement.windowDays, asOf - anchor);
      if (delay === undefined) continue;
      const spell = drawSpell(model, placement, addDaysUnbounded(anchor, delay) as CalendarDate, p, stream);
      spells.push(spell);
      for (const wage of placement.wages) {
        if (bernoulli(stream, p[wage.outcome] ?? 0)) wages.push({ on: durationLater(spell.start, wage.duration) as CalendarDate, monthlyWage: raisedFor(record, spell, model, wage.threshold) });
      }
    }
    if (spells.length > 1) spells = oneJobAtATime(spells);
  } else if (first !== undefined) {
    spells.sort(byStart);
    const last = spells[spells.length - 1] as EmploymentSpell;
    if (last.end === undefined) {
      const end = openJobEnd(model, first, last.start, p, asOf, stream);
      spells[spells.length - 1] = end === undefined ? last : { ...last, end };
    }
    const job = spells[0] as EmploymentSpell;
    for (const wage of first.wages) {
      const on = durationLater(job.start, wage.duration);
      if (on > asOf && bernoulli(stream, p[wage.outcome] ?? 0)) wages.push({ on: on as CalendarDate, monthlyWage: raisedFor(record, job, model, wage.threshold) });
    }
  }
  events.sort((a, b) => a.on - b.on || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  wages.sort((a, b) => a.on - b.on);
  const completed: OutcomeRecord = { ...without(record, 'earnings'), exitedOn, spells, wages, events };
  return withEarnings(completed, model.quarters.length === 0 ? recordEarnings(record) : laterEarnings(model, p, record, exitedOn, asOf, stream));
}
