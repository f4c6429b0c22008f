/**
 * Per-participant outcomes for the reference, written from docs/outcomes.md, day by day:
 * placement (no minimum spell length) and retention (continuous or anniversary).
 */
import type { ContractInput } from '../../../src/contract/index.js';
import type { WireRecord } from '../arbitraries/index.js';
import { refAddMonths, refDay } from './dates.js';

type Outcome = ContractInput['outcomes'][number];

/** A resolved outcome: achieved or failed on a day, or pending. */
export interface RefStatus {
  readonly status: 'achieved' | 'failed' | 'pending';
  readonly on?: number;
  /** Placement date (placements only). */
  readonly placedOn?: number;
}

const PENDING: RefStatus = { status: 'pending' };

interface Spell {
  readonly start: number;
  readonly end: number | undefined;
  readonly hours: number | undefined;
  readonly type: string | undefined;
}

function spellsOf(record: WireRecord): Spell[] {
  return (record.spells ?? []).map((s) => ({ start: refDay(s.start), end: s.end === undefined ? undefined : refDay(s.end), hours: s.hoursPerWeek, type: s.contractType }));
}

function employedOn(spells: readonly Spell[], day: number): boolean {
  return spells.some((s) => s.start <= day && (s.end === undefined || day <= s.end));
}

function placement(o: Extract<Outcome, { kind: 'placement' }>, record: WireRecord, asOf: number): RefStatus {
  if (o.minSpellDays !== undefined) throw new Error('reference: minSpellDays not covered');
  let anchor: number | undefined;
  if (o.window.from === 'enrolment') anchor = refDay(record.enrolledOn);
  else if (record.exitedOn !== undefined && refDay(record.exitedOn) <= asOf) anchor = refDay(record.exitedOn);
  if (anchor === undefined) return PENDING;
  const last = anchor + o.window.days;
  for (let day = anchor; day <= Math.min(last, asOf); day++) {
    const qualifies = spellsOf(record).some(
      (s) =>
        s.start === day &&
        (o.minWeeklyHours === undefined || (s.hours !== undefined && s.hours >= Number(o.minWeeklyHours))) &&
        (o.contractTypes === 'any' || (s.type !== undefined && o.contractTypes.includes(s.type))),
    );
    if (qualifies) return { status: 'achieved', on: day, placedOn: day };
  }
  return last + 1 <= asOf ? { status: 'failed', on: last + 1 } : PENDING;
}

function retention(o: Extract<Outcome, { kind: 'retention' }>, placed: RefStatus, record: WireRecord, asOf: number): RefStatus {
  if (placed.status === 'pending') return PENDING;
  if (placed.status === 'failed') return { status: 'failed', on: placed.on ?? 0 };
  const p = placed.placedOn ?? 0;
  const e = refAddMonths(p, o.months);
  const end = o.endBoundary === 'inclusive' ? e : e - 1;
  const spells = spellsOf(record);
  switch (o.measure.mode) {
    case 'anniversary':
      if (end > asOf) return PENDING;
      return { status: employedOn(spells, end) ? 'achieved' : 'failed', on: end };
    case 'continuous': {
      let gap = 0;
      for (let day = p; day <= Math.min(end, asOf); day++) {
        gap = employedOn(spells, day) ? 0 : gap + 1;
        if (gap === o.measure.allowedGapDays + 1) return { status: 'failed', on: day };
      }
      return end <= asOf ? { status: 'achieved', on: end } : PENDING;
    }
    case 'cumulative':
      throw new Error('reference: cumulative retention not covered');
    default: {
      const never: never = o.measure;
      return never;
    }
  }
}

/**
 * Every outcome of the contract for one participant, as known at `asOf`, by outcome id.
 *
 * @example
 * refOutcomes(contract, record, refDay('2024-06-30')).get('placement');
 */
export function refOutcomes(contract: ContractInput, record: WireRecord, asOf: number): Map<string, RefStatus> {
  const out = new Map<string, RefStatus>();
  for (const o of contract.outcomes) if (o.kind === 'placement') out.set(o.id, placement(o, record, asOf));
  for (const o of contract.outcomes) {
    if (o.kind === 'placement') continue;
    if (o.kind !== 'retention') throw new Error(`reference: outcome kind ${o.kind} not covered`);
    out.set(o.id, retention(o, out.get(o.placementOutcome) ?? PENDING, record, asOf));
  }
  return out;
}
