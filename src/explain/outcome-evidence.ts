/**
 * The facts behind each outcome of one participant: the resolver's own resolution (status, date,
 * reason), the period it examined and the spells, wages and events of the record that fall in
 * it. Nothing here decides an outcome: the resolver did; this only shows what it looked at.
 *
 * @module
 */
import { MAX_DATE, durationLater, formatDate, type CalendarDate, type DayNumber, type Quarter } from '../calendar/index.js';
import { quarterAndDue } from '../contract/quarter-due.js';
import { formatDecimal, formatMoney, minorUnits, ratioPlus, roundRatioMoney, RATIO_ZERO, ZERO, type Amount, type CurrencyCode } from '../money/index.js';
import {
  REASON_TEXT,
  retentionLastDay,
  windowAnchor,
  countsAsJob,
  countedEarnings,
  earningsThreshold,
  type CompiledEarningsOutcome,
  type CompiledJobs,
  type CompiledOutcome,
  type CompiledOutcomes,
  type CompiledQuarterAfterExit,
  type CompiledWindow,
  type Resolution,
} from '../outcomes/index.js';
import { recordEarnings, spellEmployer, spellSector, type EmploymentSpell, type OutcomeRecord } from '../records/index.js';
import type { ExplainedEarnings, ExplainedGap, ExplainedOutcome, ExplainedRecord, ExplainedSpell } from './types.js';

/** A day number as a date, the last day of the calendar for a day past it (a window that never closes). */
function day(value: DayNumber): string {
  return formatDate(Math.min(value, MAX_DATE) as CalendarDate);
}

/** A wage as money of the contract's currency (`1779.30`), or exactly as given when it has more decimals. */
function wage(amount: Amount, currency: CurrencyCode): string {
  return amount.decimalPlaces() <= minorUnits(currency) ? formatMoney(amount, currency) : amount.toFixed();
}

function spellOf(spell: EmploymentSpell, currency: CurrencyCode, jobs?: CompiledJobs): ExplainedSpell {
  const sector = spellSector(spell);
  const employer = spellEmployer(spell);
  const notCounted = jobs === undefined ? undefined : whyNotCounted(jobs, sector, employer);
  return {
    start: day(spell.start),
    end: spell.end === undefined ? null : day(spell.end),
    hoursPerWeek: spell.hoursPerWeek ?? null,
    contractType: spell.contractType ?? null,
    monthlyWage: spell.monthlyWage === undefined ? null : wage(spell.monthlyWage, currency),
    ...(sector === undefined && employer === undefined ? {} : { sector: sector ?? null, employer: employer ?? null }),
    ...(notCounted === undefined ? {} : { notCounted }),
  };
}

/** Why a restriction does not count a job: its sector, then its employer, not listed (undefined when it counts). */
function whyNotCounted(jobs: CompiledJobs, sector: string | undefined, employer: string | undefined): string | undefined {
  if (jobs.sectors !== undefined && (sector === undefined || !jobs.sectors.has(sector))) {
    return `${sector === undefined ? 'no sector recorded' : `sector ${sector}`}, not one of ${[...jobs.sectors].join(', ')}`;
  }
  if (jobs.employers !== undefined && (employer === undefined || !jobs.employers.has(employer))) {
    return `${employer === undefined ? 'no employer recorded' : `employer ${employer}`}, not one of ${[...jobs.employers].join(', ')}`;
  }
  return undefined;
}

/** The jobs terms of a restricted outcome, as words (empty without a restriction). */
function jobsText(jobs: CompiledJobs | undefined): string {
  if (jobs === undefined) return '';
  const sectors = jobs.sectors === undefined ? '' : `, in sector ${[...jobs.sectors].join(' or ')}`;
  const employers = jobs.employers === undefined ? '' : `, with employer ${[...jobs.employers].join(' or ')}`;
  return `${sectors}${employers}`;
}

/** The groups terms of a restricted outcome, as words (empty without a restriction). */
function groupsText(groups: ReadonlySet<string> | undefined): string {
  return groups === undefined ? '' : `; only for participants of group ${[...groups].join(' or ')}`;
}

/**
 * The record as settled, for the explanation.
 *
 * @example
 * explainedRecord(record, 'EUR').spells; // [{ start: '2024-03-04', end: null, ... }]
 */
export function explainedRecord(record: OutcomeRecord, currency: CurrencyCode): ExplainedRecord {
  return {
    cohort: record.cohort,
    groups: [...record.groups],
    enrolledOn: day(record.enrolledOn),
    exitedOn: record.exitedOn === undefined ? null : day(record.exitedOn),
    baselineWage: record.baselineWage === undefined ? null : wage(record.baselineWage, currency),
    spells: record.spells.map((spell) => spellOf(spell, currency)),
    wages: record.wages.map((observed) => ({ on: day(observed.on), monthlyWage: wage(observed.monthlyWage, currency) })),
    events: record.events.map((event) => ({ kind: event.kind, on: day(event.on) })),
    ...(Object.hasOwn(record, 'earnings') ? { earnings: recordEarnings(record).map((e) => ({ from: day(e.from), to: day(e.to), amount: wage(e.amount, currency) })) } : {}),
  };
}

/** The threshold of an earnings outcome and its arithmetic, in words. */
function earningsTerms(outcome: CompiledEarningsOutcome, first: CalendarDate | undefined, currency: CurrencyCode): string {
  const t = outcome.threshold;
  const across = outcome.periodAcrossStart === 'proRata' ? 'pro rata by days' : outcome.periodAcrossStart === 'full' ? 'in full' : 'not at all';
  const counted = `earnings of pay periods ending ${windowText(outcome.window)} (a period across the window's start counted ${across}, one ending after the window not counted)`;
  if (t.kind === 'amount') return `${counted} reach ${wage(t.amount, currency)}${groupsText(outcome.groups)}`;
  const on = t.rateOn === 'windowStart' ? "the window's first day" : "the window's last day";
  const found = first === undefined ? undefined : earningsThreshold(t, first, first + outcome.window.days);
  const rate = found?.rate;
  const arithmetic =
    found === undefined || rate === undefined
      ? `${formatDecimal(t.hours)} hours × ${t.weeks} weeks × the hourly rate in force on ${on}${first === undefined ? '' : ' (none)'}`
      : `${formatDecimal(t.hours)} hours × ${t.weeks} weeks × ${formatDecimal(rate.hourly)} (the rate from ${day(rate.from)}, in force on ${on}) = ` +
        `${formatDecimal(t.hours.times(t.weeks).times(rate.hourly))}, rounded ${t.rounding} to a multiple of ${formatDecimal(t.increment)}: ${wage(found.amount, currency)}`;
  return `${counted} reach ${arithmetic}${groupsText(outcome.groups)}`;
}

/** Each earnings observation known at the as-of date, what the window counts of it and the running total. */
function earningsCounted(outcome: CompiledEarningsOutcome, record: OutcomeRecord, first: CalendarDate | undefined, asOf: CalendarDate, currency: CurrencyCode): ExplainedEarnings[] {
  let total = RATIO_ZERO;
  const last = first === undefined ? undefined : first + outcome.window.days;
  return recordEarnings(record)
    .filter((e) => e.to <= asOf)
    .map((e) => {
      let counted: string;
      if (first === undefined || last === undefined) counted = 'not counted (the window is not known yet)';
      else if (e.to < first) counted = 'not counted (ends before the window)';
      else if (e.to > last) counted = 'not counted (ends after the window)';
      else {
        const part = countedEarnings(e, first, outcome.periodAcrossStart);
        total = ratioPlus(total, part);
        counted =
          e.from >= first || outcome.periodAcrossStart === 'full'
            ? wage(e.amount, currency)
            : outcome.periodAcrossStart === 'exclude'
              ? '0 (starts before the window)'
              : `${wage(e.amount, currency)} × ${e.to - first + 1}/${e.to - e.from + 1}`;
      }
      return { from: day(e.from), to: day(e.to), amount: wage(e.amount, currency), counted, total: formatMoney(roundRatioMoney(total, currency, 'down'), currency) };
    });
}

/** The spells known at the as-of date (started on or before it) that overlap [from, to]. */
function spellsIn(record: OutcomeRecord, from: DayNumber, to: DayNumber, asOf: CalendarDate, currency: CurrencyCode, jobs: CompiledJobs | undefined): ExplainedSpell[] {
  return record.spells.filter((spell) => spell.start <= asOf && spell.start <= to && (spell.end === undefined || spell.end >= from)).map((spell) => spellOf(spell, currency, jobs));
}

/**
 * The days of [from, to] no spell known at the as-of date covers (a spell ending after the as-of
 * date counts as ongoing, as the resolver reads it).
 */
function gapsIn(record: OutcomeRecord, from: DayNumber, to: DayNumber, asOf: CalendarDate, jobs: CompiledJobs | undefined): ExplainedGap[] {
  const gaps: ExplainedGap[] = [];
  let next = from; // the first day not known to be covered
  const known = record.spells.filter((spell) => spell.start <= asOf && (jobs === undefined || countsAsJob(jobs, spell))).sort((a, b) => a.start - b.start);
  for (const spell of known) {
    if (next > to) break;
    const end = spell.end === undefined || spell.end > asOf ? Infinity : spell.end;
    if (end < next) continue;
    if (spell.start > next) {
      const last = Math.min(spell.start - 1, to);
      gaps.push({ from: day(next), to: day(last), days: last - next + 1 });
    }
    next = Math.max(next, end === Infinity ? Infinity : end + 1);
  }
  if (next <= to) gaps.push({ from: day(next), to: day(to), days: to - next + 1 });
  return gaps;
}

function windowText(window: CompiledWindow): string {
  return `within ${window.days} days of ${window.from === 'enrolment' ? 'enrolment' : 'programme exit'}`;
}

/** The window [anchor, anchor + days] as known at the as-of date, or null while its anchor (the exit) is not known. */
function windowPeriod(window: CompiledWindow, record: OutcomeRecord, asOf: CalendarDate): { from: DayNumber; to: DayNumber } | null {
  const anchor = windowAnchor(window.from, record, asOf);
  return anchor === undefined ? null : { from: anchor, to: anchor + window.days };
}

function durationText(duration: { readonly unit: string; readonly count: number }): string {
  return `${duration.count} ${duration.count === 1 ? duration.unit.replace(/s$/, '') : duration.unit}`;
}

interface Examined {
  readonly terms: string;
  readonly period: { from: DayNumber; to: DayNumber } | null;
  readonly more?: Pick<ExplainedOutcome, 'gaps' | 'wages' | 'events' | 'earnings'>;
}

function examined(outcome: CompiledOutcome, resolution: Resolution, outcomes: CompiledOutcomes, record: OutcomeRecord, asOf: CalendarDate, currency: CurrencyCode): Examined {
  switch (outcome.kind) {
    case 'placement': {
      const terms = [
        `an employment spell starting ${windowText(outcome.window)}`,
        outcome.minWeeklyHours === undefined ? '' : `, at least ${outcome.minWeeklyHours} hours a week`,
        outcome.contractTypes === 'any' ? '' : `, contract type ${[...outcome.contractTypes].join(' or ')}`,
        outcome.minSpellDays === undefined ? '' : `, lasting at least ${outcome.minSpellDays} days`,
        jobsText(outcome.jobs),
        groupsText(outcome.groups),
      ].join('');
      return { terms, period: windowPeriod(outcome.window, record, asOf) };
    }
    case 'retention': {
      const placement = outcomes.outcomes[outcome.placement]?.id ?? '';
      const measure = outcome.measure;
      const how =
        measure.kind === 'continuous'
          ? `employed continuously, no gap longer than ${measure.allowedGapDays} days`
          : measure.kind === 'cumulative'
            ? `employed at least ${measure.minDays} days`
            : 'employed on the last day';
      const terms = `${how}${jobsText(outcome.jobs)}, over ${durationText(outcome.duration)} from the ${placement} date (end ${outcome.endBoundary})${groupsText(outcome.groups)}`;
      const anchor = resolution.anchor;
      if (anchor === undefined) return { terms, period: null };
      const end = retentionLastDay(anchor, outcome.duration, outcome.endBoundary);
      const to = Math.min(end, asOf);
      return { terms, period: { from: anchor, to: end }, more: measure.kind === 'anniversary' ? {} : { gaps: gapsIn(record, anchor, to, asOf, outcome.jobs) } };
    }
    case 'wageProgression': {
      const placement = outcomes.outcomes[outcome.placement]?.id ?? '';
      const threshold = outcome.threshold.kind === 'percent' ? `${formatDecimal(outcome.threshold.percent)} %` : formatDecimal(outcome.threshold.amount);
      const baseline = outcome.baseline === 'placement' ? 'the wage at placement' : 'the pre-programme wage';
      const terms = `the wage ${durationText(outcome.duration)} after the ${placement} date at least ${threshold} above ${baseline}${groupsText(outcome.groups)}`;
      const anchor = resolution.anchor;
      const wages = record.wages.filter((observed) => observed.on <= asOf).map((observed) => ({ on: day(observed.on), monthlyWage: wage(observed.monthlyWage, currency) }));
      return { terms, period: anchor === undefined ? null : { from: anchor, to: durationLater(anchor, outcome.duration) }, more: { wages } };
    }
    case 'milestone': {
      const terms = `event ${outcome.event} recorded${outcome.within === undefined ? '' : ` ${windowText(outcome.within)}`}${groupsText(outcome.groups)}`;
      const events = record.events.filter((event) => event.kind === outcome.event && event.on <= asOf).map((event) => ({ kind: event.kind, on: day(event.on) }));
      return { terms, period: outcome.within === undefined ? null : windowPeriod(outcome.within, record, asOf), more: { events } };
    }
    case 'cohortIndicator':
      return { terms: 'a cohort figure, supplied as an indicator value', period: null };
    case 'earningsThreshold': {
      const first = windowAnchor(outcome.window.from, record, asOf);
      return {
        terms: earningsTerms(outcome, first, currency),
        period: windowPeriod(outcome.window, record, asOf),
        more: { earnings: earningsCounted(outcome, record, first, asOf, currency) },
      };
    }
    case 'quarterAfterExit': {
      const exit = windowAnchor('exit', record, asOf);
      const seen = exit === undefined ? undefined : quarterAndDue(exit, outcome.quarter, outcome.dataLag);
      return {
        terms: quarterTerms(outcome, seen?.due, currency),
        period: seen === undefined ? null : { from: seen.quarter.first, to: seen.quarter.last },
        more: { earnings: quarterCounted(record, seen?.quarter, asOf, currency) },
      };
    }
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

/** The terms of a quarter-after-exit outcome, with the day its data is due once the exit is known. */
function quarterTerms(outcome: CompiledQuarterAfterExit, due: DayNumber | undefined, currency: CurrencyCode): string {
  const minimum = outcome.minimumEarnings === undefined ? 'above zero' : `above zero and at least ${wage(outcome.minimumEarnings, currency)}`;
  const lag = `${durationText(outcome.dataLag)} after the quarter`;
  return `earnings ${minimum} in calendar quarter ${outcome.quarter} after the exit quarter, decided when its data is due (${lag}${due === undefined ? '' : `: ${day(due)}`})${groupsText(outcome.groups)}`;
}

/** The earnings observations known at the as-of date and what the quarter counts of each (those ending in it, whole). */
function quarterCounted(record: OutcomeRecord, quarter: Quarter | undefined, asOf: CalendarDate, currency: CurrencyCode): ExplainedEarnings[] {
  let total = ZERO;
  return recordEarnings(record)
    .filter((e) => e.to <= asOf)
    .map((e) => {
      let counted: string;
      if (quarter === undefined) counted = 'not counted (the exit is not known yet)';
      else if (e.to < quarter.first || e.to > quarter.last) counted = 'not counted (ends outside the quarter)';
      else {
        total = total.plus(e.amount);
        counted = wage(e.amount, currency);
      }
      return { from: day(e.from), to: day(e.to), amount: wage(e.amount, currency), counted, total: formatMoney(total, currency) };
    });
}

/**
 * Each outcome of the contract for one participant: the resolver's resolutions (aligned with
 * `outcomes.outcomes`) with the period each examined and the facts of the record in it.
 *
 * @example
 * explainOutcomes(plan.outcomes, record, resolveRecord(record, plan.outcomes, plan.asOf), plan.asOf, plan.currency);
 */
export function explainOutcomes(outcomes: CompiledOutcomes, record: OutcomeRecord, resolutions: readonly Resolution[], asOf: CalendarDate, currency: CurrencyCode): ExplainedOutcome[] {
  return outcomes.outcomes.map((outcome, index) => {
    const resolution = resolutions[index];
    if (resolution === undefined) throw new Error('outcome-pay internal error: an outcome without a resolution');
    const seen = examined(outcome, resolution, outcomes, record, asOf, currency);
    const jobs = outcome.kind === 'placement' || outcome.kind === 'retention' ? outcome.jobs : undefined;
    const known = (): ExplainedSpell[] => record.spells.filter((spell) => spell.start <= asOf).map((spell) => spellOf(spell, currency, jobs));
    const spells =
      outcome.kind === 'cohortIndicator' || outcome.kind === 'milestone' || outcome.kind === 'earningsThreshold' || outcome.kind === 'quarterAfterExit' ? [] : seen.period === null ? known() : spellsIn(record, seen.period.from, seen.period.to, asOf, currency, jobs);
    return {
      outcome: outcome.id,
      kind: outcome.kind,
      status: resolution.status,
      on: resolution.on === undefined ? null : day(resolution.on),
      anchor: resolution.anchor === undefined ? null : day(resolution.anchor),
      reason: resolution.reason,
      because: REASON_TEXT[resolution.reason],
      terms: seen.terms,
      period: seen.period === null ? null : { from: day(seen.period.from), to: day(seen.period.to) },
      spells,
      ...seen.more,
    };
  });
}
