/**
 * A slow reference for the resolver, written independently of it: it walks every day, keeps
 * per-spell counters, and does month arithmetic with date-fns on UTCDate. It works on plain day
 * numbers and reads the outcome definitions as written in the contract (strings), not compiled.
 */
import { UTCDate } from '@date-fns/utc';
import { addDays as fnsAddDays, addMonths as fnsAddMonths, addWeeks as fnsAddWeeks } from 'date-fns';
import type { Outcome } from '../../src/contract/schema.js';
import type { EmploymentSpell, OutcomeRecord } from '../../src/records/schema.js';

/** What the reference computes: a status, its date and the placement date. */
export interface RefResolution {
  readonly status: 'achieved' | 'failed' | 'pending';
  readonly on?: number;
  readonly anchor?: number;
}

const DAY_MS = 86_400_000;
const PENDING: RefResolution = { status: 'pending' };

/** Adds calendar months to a day number through date-fns in UTC. */
export function refAddMonths(day: number, months: number): number {
  const shifted = fnsAddMonths(new UTCDate(day * DAY_MS), months);
  return Math.round(shifted.getTime() / DAY_MS);
}

/**
 * Adds an outcome's duration, as written in the contract (`months`, `weeks` or `days`), to a day
 * number through date-fns in UTC.
 */
export function refAddDuration(day: number, o: { readonly months?: number | undefined; readonly weeks?: number | undefined; readonly days?: number | undefined }): number {
  const from = new UTCDate(day * DAY_MS);
  const shifted = o.months !== undefined ? fnsAddMonths(from, o.months) : o.weeks !== undefined ? fnsAddWeeks(from, o.weeks) : fnsAddDays(from, o.days ?? NaN);
  return Math.round(shifted.getTime() / DAY_MS);
}

/** True when a spell (known at asOf) covers `day`. */
function inSpell(s: EmploymentSpell, day: number): boolean {
  return s.start <= day && (s.end === undefined || day <= s.end);
}

/** A `jobs` restriction of the contract (sectors and employers as written), or none. */
type Jobs = { readonly sectors?: readonly string[] | undefined; readonly employers?: readonly string[] | undefined } | undefined;

/** True when the restriction counts the spell: its sector and employer listed, for each list given. */
function jobCounts(jobs: Jobs, s: EmploymentSpell): boolean {
  if (jobs === undefined) return true;
  const own = s as { readonly sector?: string; readonly employer?: string };
  if (jobs.sectors !== undefined && !(own.sector !== undefined && jobs.sectors.includes(own.sector))) return false;
  if (jobs.employers !== undefined && !(own.employer !== undefined && jobs.employers.includes(own.employer))) return false;
  return true;
}

function employed(record: OutcomeRecord, day: number, jobs?: Jobs): boolean {
  return record.spells.some((s) => inSpell(s, day) && jobCounts(jobs, s));
}

function anchorOf(from: 'enrolment' | 'exit', record: OutcomeRecord, asOf: number): number | undefined {
  if (from === 'enrolment') return record.enrolledOn;
  return record.exitedOn !== undefined && record.exitedOn <= asOf ? record.exitedOn : undefined;
}

/** Placement, day by day: each candidate spell counts its days; the first to reach the minimum wins. */
export function refPlacement(o: Extract<Outcome, { kind: 'placement' }>, record: OutcomeRecord, asOf: number): RefResolution {
  const a = anchorOf(o.window.from, record, asOf);
  if (a === undefined) return PENDING;
  const lastDay = a + o.window.days;
  const need = Math.max(1, o.minSpellDays ?? 0);
  const candidates = record.spells.filter(
    (s) =>
      s.start >= a &&
      s.start <= lastDay &&
      (o.minWeeklyHours === undefined || (s.hoursPerWeek !== undefined && s.hoursPerWeek >= Number(o.minWeeklyHours))) &&
      (o.contractTypes === 'any' || (s.contractType !== undefined && o.contractTypes.includes(s.contractType))) &&
      jobCounts(o.jobs, s),
  );
  const counted = candidates.map(() => 0);
  for (let day = a; day <= asOf; day++) {
    let winner: EmploymentSpell | undefined;
    candidates.forEach((s, i) => {
      if (inSpell(s, day)) counted[i] = (counted[i] ?? 0) + 1;
      if (counted[i] === need && inSpell(s, day) && (winner === undefined || s.start < winner.start)) winner = s;
    });
    if (winner !== undefined) return { status: 'achieved', on: day, anchor: winner.start };
    // After the window, fail once every candidate that started has stopped without reaching the minimum.
    const alive = candidates.some((s, i) => s.start <= day && (counted[i] ?? 0) < need && inSpell(s, day));
    if (day > lastDay && !alive) return { status: 'failed', on: day };
  }
  return PENDING;
}

/** Retention, day by day over the period, all jobs counting (or those its `jobs` restriction lists). */
export function refRetention(
  o: Extract<Outcome, { kind: 'retention' }>,
  record: OutcomeRecord,
  placement: RefResolution,
  asOf: number,
): RefResolution {
  if (placement.status === 'failed') return { status: 'failed', on: placement.on ?? NaN };
  if (placement.status === 'pending' || placement.anchor === undefined || placement.on === undefined) return PENDING;
  const p = placement.anchor;
  const placedOn = placement.on;
  const later = (day: number): number => Math.max(day, placedOn);
  const e = refAddDuration(p, o);
  const end = o.endBoundary === 'inclusive' ? e : e - 1;
  const m = o.measure;
  if (m.kind === 'anniversary') {
    if (end > asOf) return { status: 'pending', anchor: p };
    return { status: employed(record, end, o.jobs) ? 'achieved' : 'failed', on: later(end), anchor: p };
  }
  let gap = 0;
  let daysEmployed = 0;
  for (let day = p; day <= Math.min(end, asOf); day++) {
    const isEmployed = employed(record, day, o.jobs);
    gap = isEmployed ? 0 : gap + 1;
    if (isEmployed) daysEmployed++;
    if (m.kind === 'continuous' && gap > m.allowedGapDays) return { status: 'failed', on: later(day), anchor: p };
    // Even employed on every remaining day after today, the count stays below the minimum.
    if (m.kind === 'cumulative' && daysEmployed + (end - day) < m.minDays) return { status: 'failed', on: later(day), anchor: p };
  }
  if (end > asOf) return { status: 'pending', anchor: p };
  return { status: 'achieved', on: later(end), anchor: p };
}

/** Milestone, day by day from the anchor (or from well before enrolment without a window). */
export function refMilestone(o: Extract<Outcome, { kind: 'milestone' }>, record: OutcomeRecord, asOf: number): RefResolution {
  let from = record.enrolledOn - 400;
  let to = asOf;
  if (o.within !== undefined) {
    const a = anchorOf(o.within.from, record, asOf);
    if (a === undefined) return PENDING;
    from = a;
    to = Math.min(asOf, a + o.within.days);
  }
  for (let day = from; day <= to; day++) {
    if (record.events.some((ev) => ev.kind === o.event && ev.on === day)) return { status: 'achieved', on: day };
  }
  if (o.within !== undefined && from + o.within.days + 1 <= asOf) return { status: 'failed', on: from + o.within.days + 1 };
  return PENDING;
}
