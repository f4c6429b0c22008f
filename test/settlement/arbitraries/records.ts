/**
 * Generated outcome records for a generated contract: valid by construction (dates from integer
 * day offsets through the calendar core, enrolment inside the cohort's enrolment window, spells
 * after enrolment that never overlap, lists in date order, amounts as decimal strings built from
 * integer minor units) and built to achieve the contract's outcomes often: most participants get a
 * job that places them (in the window, of an allowed type, with enough hours, long enough), some
 * keep it, change jobs after a gap or lose it; wages are observed around the wage-progression
 * date on both sides of the threshold; training is completed inside the milestone window.
 *
 * Every optional field of the record format is drawn (groups, exit date, baseline wage, spell
 * end, hours, contract type, wage, sector and employer, wage observations, events, a repeated
 * event kind; earnings by pay period are drawn last, in earnings.ts).
 */
import { addDays, addMonths, formatDate, parseDate, type CalendarDate } from '../../../src/calendar/index.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { minor, moneyText, type Currency } from './currencies.js';
import { CONTRACT_TYPES, EMPLOYERS, SECTORS, afterDuration } from './contract.js';
import { anyOf, chance, int, pick, type Gen } from './gen.js';

/** An employment spell as it arrives on the wire. */
export interface WireSpell {
  start: string;
  end?: string;
  hoursPerWeek?: number;
  contractType?: string;
  monthlyWage?: string;
  sector?: string;
  employer?: string;
}

/** A raw record as it arrives on the wire (JSON), amounts as decimal strings. */
export interface WireRecord {
  id: string;
  cohort: string;
  groups?: string[];
  enrolledOn: string;
  exitedOn?: string;
  baselineWage?: string;
  spells?: WireSpell[];
  wages?: { on: string; monthlyWage: string }[];
  events?: { kind: string; on: string }[];
  earnings?: { from: string; to: string; amount: string }[];
}

type Outcome = ContractInput['outcomes'][number];
type Placement = Extract<Outcome, { kind: 'placement' }>;
type Wage = Extract<Outcome, { kind: 'wageProgression' }>;

const HOURS = [10, 16, 17.5, 20, 24, 30, 35, 39] as const;

/** A wage of `units` minor units as the wire allows it: the currency's decimals, or fewer when they are zeros. */
function wageText(g: Gen, units: number, c: Currency): string {
  const text = moneyText(units, c.places);
  return c.places > 0 && chance(g, 15) ? text.replace(/\.?0+$/, '') : text;
}

function placementOf(contract: ContractInput): Placement | undefined {
  return contract.outcomes.find((o): o is Placement => o.kind === 'placement');
}

/**
 * A sector and an employer, often: within the lists of the contract's `jobs` restrictions when the
 * spell must count (the placement's when it has one), outside them or absent when it must not.
 */
function jobTerms(g: Gen, contract: ContractInput, placement: Placement | undefined, counts: boolean): Pick<WireSpell, 'sector' | 'employer'> {
  const jobs = placement?.jobs ?? contract.outcomes.flatMap((o) => (o.kind === 'retention' && o.jobs !== undefined ? [o.jobs] : []))[0];
  const out: Pick<WireSpell, 'sector' | 'employer'> = {};
  const draw = (listed: readonly string[] | undefined, all: readonly string[]): string | undefined => {
    if (listed === undefined) return chance(g, 50) ? pick(g, all) : undefined;
    if (counts) return pick(g, listed);
    const others = all.filter((x) => !listed.includes(x));
    return others.length > 0 && chance(g, 70) ? pick(g, others) : undefined;
  };
  const sector = draw(jobs?.sectors, SECTORS);
  const employer = draw(jobs?.employers, EMPLOYERS);
  if (sector !== undefined) out.sector = sector;
  if (employer !== undefined) out.employer = employer;
  return out;
}

/** A spell that meets the placement's hours and contract type terms (or deliberately fails one). */
function spellTerms(g: Gen, placement: Placement | undefined, qualifying: boolean): Pick<WireSpell, 'hoursPerWeek' | 'contractType'> {
  const out: Pick<WireSpell, 'hoursPerWeek' | 'contractType'> = {};
  const minHours = placement?.minWeeklyHours === undefined ? undefined : Number(placement.minWeeklyHours);
  const types = placement?.contractTypes ?? 'any';
  const failHours = !qualifying && minHours !== undefined && chance(g, 50);
  const failType = !qualifying && !failHours && types !== 'any';
  if (minHours !== undefined || chance(g, 80)) {
    const fitting = HOURS.filter((h) => (failHours ? h < (minHours ?? 0) : h >= (minHours ?? 0)));
    if (fitting.length > 0) out.hoursPerWeek = pick(g, fitting);
  }
  if (types !== 'any' || chance(g, 80)) {
    const allowed = types === 'any' ? CONTRACT_TYPES : CONTRACT_TYPES.filter((t) => types.includes(t) !== failType);
    out.contractType = pick(g, allowed.length > 0 ? allowed : CONTRACT_TYPES);
  }
  return out;
}

/** A spell length in days: open, long, medium or short (at least `min` when it must last). */
function spellLength(g: Gen, min: number): number | undefined {
  const kind = int(g, 1, 100);
  if (kind <= 30) return undefined;
  if (kind <= 65) return int(g, Math.max(min, 200), Math.max(min, 700));
  if (kind <= 90) return int(g, Math.max(min, 20), Math.max(min, 200));
  return int(g, 1, Math.max(1, min + 10));
}

function wagesFor(g: Gen, c: Currency, wage: Wage | undefined, placedOn: CalendarDate | undefined, base: number, out: WireRecord, spell: WireSpell | undefined): void {
  const wages: { on: CalendarDate; units: number }[] = [];
  if (spell !== undefined && chance(g, 70)) spell.monthlyWage = wageText(g, base, c);
  const baseline = chance(g, 60) ? (chance(g, 15) ? 0 : Math.round((base * int(g, 60, 100)) / 100)) : undefined;
  if (baseline !== undefined) out.baselineWage = wageText(g, baseline, c);
  if (placedOn !== undefined) {
    if (chance(g, 45)) wages.push({ on: addDays(placedOn, int(g, 0, 31)), units: base });
    const measure = wage === undefined ? addMonths(placedOn, int(g, 1, 6)) : afterDuration(placedOn, wage);
    if (chance(g, 70)) {
      const threshold = wage?.threshold;
      const reference = wage?.baseline === 'preProgramme' && baseline !== undefined ? baseline : base;
      // the rise needed to pass, exactly at the threshold, one minor unit short, or well past it
      // (a drawing choice: the comparison itself is made by the engine in exact decimals)
      const needed = threshold === undefined ? 0 : threshold.kind === 'percent' ? (reference * Number(threshold.percent)) / 100 : Number(minor(threshold.amount, c.places));
      const rise = pick(g, [Math.ceil(needed), Math.ceil(needed) - 1, Math.ceil(needed) + int(g, 1, base), 0, -int(g, 1, Math.max(1, Math.round(base / 10)))]);
      wages.push({ on: addDays(measure, -int(g, 0, Math.min(15, measure - placedOn))), units: Math.max(0, reference + rise) });
    }
    if (chance(g, 15)) wages.push({ on: addDays(measure, int(g, 1, 60)), units: base + int(g, 0, base) });
  }
  wages.sort((a, b) => a.on - b.on);
  if (wages.length > 0) out.wages = wages.map((w) => ({ on: formatDate(w.on), monthlyWage: wageText(g, w.units, c) }));
}

function eventsFor(g: Gen, contract: ContractInput, enrolled: CalendarDate, exit: CalendarDate | undefined, out: WireRecord): void {
  const milestone = contract.outcomes.find((o) => o.kind === 'milestone');
  const events: { kind: string; on: CalendarDate }[] = [];
  if (chance(g, 70)) {
    const within = milestone?.kind === 'milestone' ? milestone.within : undefined;
    const anchor = within?.from === 'exit' ? (exit ?? enrolled) : enrolled;
    const days = within === undefined ? 150 : within.days + (chance(g, 15) ? int(g, 1, 30) : 0);
    events.push({ kind: 'training-completed', on: addDays(anchor, int(g, 0, days)) });
  }
  if (chance(g, 20)) events.push({ kind: 'job-offer', on: addDays(enrolled, int(g, 0, 200)) });
  if (chance(g, 5) && events.length > 0) events.push({ ...(events[0] as { kind: string; on: CalendarDate }), on: addDays((events[0] as { on: CalendarDate }).on, int(g, 0, 30)) });
  events.sort((a, b) => a.on - b.on || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  if (events.length > 0) out.events = events.map((e) => ({ kind: e.kind, on: formatDate(e.on) }));
}

/** How to draw a record. */
export interface RecordOptions {
  /** Give the participant a job that meets the placement terms (when the window can open at all). */
  readonly placed?: boolean;
}

/**
 * Draws the record of participant `index` for a generated contract.
 *
 * @example
 * const record = drawRecord(g, contract, currency, 0, { placed: true });
 */
export function drawRecord(g: Gen, contract: ContractInput, c: Currency, index: number, options: RecordOptions = {}): WireRecord {
  const cohort = pick(g, contract.cohorts);
  const windowStart = parseDate(cohort.enrolmentStart);
  const enrolled = addDays(windowStart, int(g, 0, parseDate(cohort.enrolmentEnd) - windowStart));
  const out: WireRecord = { id: `P${String(index + 1).padStart(4, '0')}`, cohort: cohort.id, enrolledOn: formatDate(enrolled) };
  const groupIds = (contract.groups ?? []).map((group) => group.id);
  if (groupIds.length > 0 && chance(g, 65)) out.groups = anyOf(g, groupIds);
  const exit = chance(g, 85) ? addDays(enrolled, int(g, 0, 90)) : undefined;
  if (exit !== undefined) out.exitedOn = formatDate(exit);

  const placement = placementOf(contract);
  const anchor = placement?.window.from === 'exit' ? exit : enrolled;
  const windowDays = placement?.window.days ?? 90;
  const minDays = placement?.minSpellDays ?? 1;
  const spells: WireSpell[] = [];
  let cursor = enrolled as number; // the first day a next spell may start
  // a job held before the window opens (it never places, even if it runs into the window)
  if (anchor !== undefined && anchor - enrolled > 3 && chance(g, 20)) {
    const start = addDays(enrolled, int(g, 0, anchor - enrolled - 3));
    const end = addDays(start, int(g, 0, anchor - start - 2));
    spells.push({ start: formatDate(start), end: formatDate(end), ...spellTerms(g, placement, true), ...jobTerms(g, contract, placement, true) });
    cursor = end + 1;
  }
  const profile = options.placed === true ? int(g, 1, 80) : int(g, 1, 100);
  let placedOn: CalendarDate | undefined;
  let placingSpell: WireSpell | undefined;
  if (profile <= 92) {
    const from = Math.max(cursor, anchor ?? enrolled);
    const qualifying = profile <= 80;
    const late = profile > 80 && profile <= 87;
    const start = (late ? from + windowDays + int(g, 1, 60) : from + int(g, 0, Math.min(windowDays, 45))) as CalendarDate;
    const length = spellLength(g, qualifying ? minDays : 1);
    // a spell that fails the terms may fail them by its job alone (its sector or employer not listed)
    const jobFails = !qualifying && !late && placement?.jobs !== undefined && chance(g, 50);
    placingSpell = { start: formatDate(start), ...spellTerms(g, placement, qualifying || late || jobFails), ...jobTerms(g, contract, placement, !jobFails) };
    if (length !== undefined) placingSpell.end = formatDate(addDays(start, length - 1));
    spells.push(placingSpell);
    if (qualifying) placedOn = start;
    cursor = length === undefined ? Infinity : start + length + 1;
    // later jobs after a gap: retention with gaps, sustainment periods, a second chance
    while (Number.isFinite(cursor) && spells.length < 4 && chance(g, 45)) {
      const next = addDays(cursor as CalendarDate, int(g, 0, 45));
      const len = spellLength(g, 1);
      const spell: WireSpell = { start: formatDate(next), ...spellTerms(g, placement, chance(g, 70)), ...jobTerms(g, contract, placement, chance(g, 75)) };
      if (len !== undefined) spell.end = formatDate(addDays(next, len - 1));
      if (chance(g, 50)) spell.monthlyWage = wageText(g, int(g, 900, 3500) * c.scale, c);
      spells.push(spell);
      cursor = len === undefined ? Infinity : next + len + 1;
    }
  }
  if (spells.length > 0) out.spells = spells;
  const wage = contract.outcomes.find((o): o is Wage => o.kind === 'wageProgression');
  wagesFor(g, c, wage, placedOn, int(g, 1_200, 3_000) * c.scale, out, placingSpell);
  eventsFor(g, contract, enrolled, exit, out);
  return out;
}
