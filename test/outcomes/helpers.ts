/** Shared helpers for the outcome resolver tests: records and outcomes written with date strings. */
import { formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import type { Outcome } from '../../src/contract/schema.js';
import { parseAmount } from '../../src/money/index.js';
import { compileOutcomes, type Resolution } from '../../src/outcomes/index.js';
import { resolveRecord } from '../../src/outcomes/resolve.js';
import type { EmploymentSpell, OutcomeRecord } from '../../src/records/schema.js';

/** A date from its text. */
export const d = (text: string): CalendarDate => parseDate(text);

/** A spell written with strings. */
export interface SpellText {
  readonly start: string;
  readonly end?: string;
  readonly hours?: number;
  readonly type?: string;
  readonly wage?: string;
}

/** A record written with strings. */
export interface RecordText {
  readonly enrolledOn: string;
  readonly exitedOn?: string;
  readonly baselineWage?: string;
  readonly spells?: readonly SpellText[];
  readonly wages?: readonly (readonly [string, string])[];
  readonly events?: readonly (readonly [string, string])[];
}

/** Builds a parsed record (lists sorted as validation would). */
export function record(text: RecordText): OutcomeRecord {
  const spells: EmploymentSpell[] = (text.spells ?? []).map((s) => ({
    start: d(s.start),
    ...(s.end === undefined ? {} : { end: d(s.end) }),
    ...(s.hours === undefined ? {} : { hoursPerWeek: s.hours }),
    ...(s.type === undefined ? {} : { contractType: s.type }),
    ...(s.wage === undefined ? {} : { monthlyWage: parseAmount(s.wage) }),
  }));
  spells.sort((a, b) => a.start - b.start);
  return {
    id: 'P1',
    cohort: 'C',
    groups: [],
    enrolledOn: d(text.enrolledOn),
    ...(text.exitedOn === undefined ? {} : { exitedOn: d(text.exitedOn) }),
    ...(text.baselineWage === undefined ? {} : { baselineWage: parseAmount(text.baselineWage) }),
    spells,
    wages: (text.wages ?? []).map(([on, w]) => ({ on: d(on), monthlyWage: parseAmount(w) })).sort((a, b) => a.on - b.on),
    events: (text.events ?? []).map(([kind, on]) => ({ kind, on: d(on) })).sort((a, b) => a.on - b.on),
  };
}

/** A resolution with dates as text, for readable assertions. */
export interface ResolutionText {
  readonly status: Resolution['status'];
  readonly on?: string;
  readonly anchor?: string;
  readonly reason: string;
}

/** Prints a resolution with text dates. */
export function show(r: Resolution | undefined): ResolutionText {
  if (r === undefined) throw new Error('no resolution');
  return {
    status: r.status,
    ...(r.on === undefined ? {} : { on: formatDate(r.on) }),
    ...(r.anchor === undefined ? {} : { anchor: formatDate(r.anchor) }),
    reason: r.reason,
  };
}

/** Resolves the outcomes for a record at an as-of date, returning text resolutions. */
export function resolveText(outcomes: readonly Outcome[], rec: OutcomeRecord, asOf: string): ResolutionText[] {
  return resolveRecord(rec, compileOutcomes(outcomes), d(asOf)).map(show);
}

/** A placement outcome with defaults: window 90 days from enrolment, any contract type. */
export function placement(extra: Partial<Extract<Outcome, { kind: 'placement' }>> = {}): Extract<Outcome, { kind: 'placement' }> {
  return {
    kind: 'placement',
    id: 'placement',
    name: 'Placement',
    window: { from: 'enrolment', days: 90 },
    contractTypes: 'any',
    ...extra,
  };
}
