/**
 * The validation fast path: accepts a raw record only when it is certainly valid (shape and
 * meaning) with its lists already in their documented order, and builds the parsed record without
 * building any path, message or result object. Anything else returns `undefined`, and the caller
 * runs the full checks, which explain the problem (or accept an unusual valid record, e.g. with
 * unsorted spells). The fast path is therefore only an optimisation: it can never accept a record
 * the full checks refuse, nor produce a different parsed record (tests compare the two).
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import type { Amount } from '../money/index.js';
import type { AmountCache } from './amount-cache.js';
import { enrolledInWindow, type RecordContext } from './check-meaning.js';
import { NO_DATE, plainDateDay } from './fast-fields.js';
import { EVENT_KIND_PATTERN, MAX_HOURS_PER_WEEK, hasIdControlCharacter } from './limits.js';
import { earningsFollow, eventFollows, observationFollows, spellFollows } from './list-order.js';
import { buildRecord, buildSpell, exactList, NO_ITEMS, withEarnings } from './record-build.js';
import type { EarningsObservation, EmploymentSpell, OutcomeRecord, RecordEvent, WageObservation } from './schema.js';

type Raw = Record<string, unknown>;

const RECORD_KEYS: ReadonlySet<string> = new Set([
  'id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage', 'spells', 'wages', 'events', 'earnings',
]);
const SPELL_KEYS: ReadonlySet<string> = new Set(['start', 'end', 'hoursPerWeek', 'contractType', 'monthlyWage', 'sector', 'employer']);
const WAGE_KEYS: ReadonlySet<string> = new Set(['on', 'monthlyWage']);
const EVENT_KEYS: ReadonlySet<string> = new Set(['kind', 'on']);
const EARNINGS_KEYS: ReadonlySet<string> = new Set(['from', 'to', 'amount']);

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// called with .call(object, key) only; V8 folds it into a for...in loop's map check
// eslint-disable-next-line @typescript-eslint/unbound-method
const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * The number of keys of `object` when each is an own property in `allowed`, else -1. The caller
 * then counts the fields it reads that are not `undefined`: the two agree only when every field
 * read is an own property of the object, so a field inherited from `Object.prototype` (which
 * `for...in` does not list when it is not enumerable, and which this refuses when it is) makes
 * the fast path decline, and the full checks, which read own properties only, take the record.
 * `hasOwnProperty.call` on the key of a `for...in` is folded by V8 into the loop's map check.
 */
function ownKeyCount(object: Raw, allowed: ReadonlySet<string>): number {
  let count = 0;
  for (const key in object) {
    if (!allowed.has(key) || !hasOwnProperty.call(object, key)) return -1;
    count++;
  }
  return count;
}

/** 1 for a value that is not `undefined`, else 0: counts the fields read, for {@link ownKeyCount}. */
function present(value: unknown): number {
  return value === undefined ? 0 : 1;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function date(value: unknown): number {
  return typeof value === 'string' ? plainDateDay(value) : NO_DATE;
}

function wage(value: unknown, cache: AmountCache): Amount | undefined {
  // the same decimal as parseAmount(value), for exactly the texts isWageText accepts
  return typeof value === 'string' ? cache.amountOf(value) : undefined;
}

function groupsOf(value: unknown, context: RecordContext): readonly string[] | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return NO_ITEMS;
  if (!Array.isArray(value)) return undefined;
  const groups: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!hasOwnProperty.call(value, i)) return undefined; // a hole: never read through the prototype
    const group = text(value[i] as unknown);
    if (group === undefined || !context.groupIds.has(group)) return undefined;
    for (let j = 0; j < i; j++) if (groups[j] === group) return undefined;
    groups.push(group);
  }
  return exactList(groups);
}

function spellsOf(value: unknown, enrolled: number, cache: AmountCache): readonly EmploymentSpell[] | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return NO_ITEMS;
  if (!Array.isArray(value)) return undefined;
  const spells: EmploymentSpell[] = [];
  let previousEnd: number | undefined; // the previous spell's end; undefined when it is open
  for (let i = 0; i < value.length; i++) {
    if (!hasOwnProperty.call(value, i)) return undefined; // a hole: never read through the prototype
    const raw: unknown = value[i];
    if (!isObject(raw)) return undefined;
    const keys = ownKeyCount(raw, SPELL_KEYS);
    const { start: rawStart, end: rawEnd, hoursPerWeek: hours, contractType: rawContractType, monthlyWage: rawWage } = raw;
    let fields = present(rawStart) + present(rawEnd) + present(hours) + present(rawContractType) + present(rawWage);
    let sector: string | undefined;
    let employer: string | undefined;
    if (keys > fields) {
      // only a spell with more keys than these five can have a sector or an employer
      const { sector: rawSector, employer: rawEmployer } = raw;
      fields += present(rawSector) + present(rawEmployer);
      if (rawSector !== undefined && (sector = text(rawSector)) === undefined) return undefined;
      if (rawEmployer !== undefined && (employer = text(rawEmployer)) === undefined) return undefined;
    }
    if (keys !== fields) return undefined;
    const start = date(rawStart);
    const end = rawEnd === undefined ? undefined : date(rawEnd);
    if (!spellFollows(start, end, enrolled, previousEnd, i === 0)) return undefined;
    previousEnd = end;
    if (hours !== undefined && !(typeof hours === 'number' && hours >= 0 && hours <= MAX_HOURS_PER_WEEK)) return undefined;
    let contractType: string | undefined;
    if (rawContractType !== undefined) {
      contractType = text(rawContractType);
      if (contractType === undefined) return undefined;
    }
    let monthlyWage: Amount | undefined;
    if (rawWage !== undefined) {
      monthlyWage = wage(rawWage, cache);
      if (monthlyWage === undefined) return undefined;
    }
    const spell = buildSpell(start as CalendarDate, end as CalendarDate | undefined, hours, contractType, monthlyWage, sector, employer);
    spells.push(spell);
  }
  return exactList(spells);
}

function wagesOf(value: unknown, enrolled: number, cache: AmountCache): readonly WageObservation[] | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return NO_ITEMS;
  if (!Array.isArray(value)) return undefined;
  const wages: WageObservation[] = [];
  let previous = enrolled;
  for (let i = 0; i < value.length; i++) {
    if (!hasOwnProperty.call(value, i)) return undefined; // a hole: never read through the prototype
    const raw: unknown = value[i];
    if (!isObject(raw) || ownKeyCount(raw, WAGE_KEYS) !== 2) return undefined;
    const on = date(raw.on);
    if (!observationFollows(on, previous)) return undefined;
    const monthlyWage = wage(raw.monthlyWage, cache);
    if (monthlyWage === undefined) return undefined;
    wages.push({ on: on as CalendarDate, monthlyWage });
    previous = on;
  }
  return exactList(wages);
}

/** Earnings observations in order (period end, then start), each ending on or after its start; `undefined` otherwise. */
function earningsOf(value: unknown, cache: AmountCache): readonly EarningsObservation[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const earnings: EarningsObservation[] = [];
  let previousTo = NO_DATE;
  let previousFrom = NO_DATE;
  for (let i = 0; i < value.length; i++) {
    if (!hasOwnProperty.call(value, i)) return undefined; // a hole: never read through the prototype
    const raw: unknown = value[i];
    if (!isObject(raw) || ownKeyCount(raw, EARNINGS_KEYS) !== 3) return undefined;
    const from = date(raw.from);
    const to = date(raw.to);
    if (from === NO_DATE || to === NO_DATE || to < from || !earningsFollow(from, to, previousFrom, previousTo)) return undefined;
    const amount = wage(raw.amount, cache);
    if (amount === undefined) return undefined;
    earnings.push({ from: from as CalendarDate, to: to as CalendarDate, amount });
    previousFrom = from;
    previousTo = to;
  }
  return exactList(earnings);
}

function eventsOf(value: unknown, enrolled: number): readonly RecordEvent[] | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return NO_ITEMS;
  if (!Array.isArray(value)) return undefined;
  const events: RecordEvent[] = [];
  let previousOn = enrolled;
  let previousKind = '';
  for (let i = 0; i < value.length; i++) {
    if (!hasOwnProperty.call(value, i)) return undefined; // a hole: never read through the prototype
    const raw: unknown = value[i];
    if (!isObject(raw) || ownKeyCount(raw, EVENT_KEYS) !== 2) return undefined;
    const kind = text(raw.kind);
    const on = date(raw.on);
    if (kind === undefined || !eventFollows(on, kind, previousOn, previousKind)) return undefined;
    if (!EVENT_KIND_PATTERN.test(kind)) return undefined;
    events.push({ kind, on: on as CalendarDate });
    previousOn = on;
    previousKind = kind;
  }
  return exactList(events);
}

/**
 * The parsed record when `raw` is certainly a valid record for `context` with sorted lists, else
 * `undefined` (run the full checks then). Never throws for any input value.
 *
 * @param raw - one element of the input
 * @param context - the contract's cohorts and groups
 * @param cache - the run's amount cache (equal amounts share one decimal)
 * @example
 * const record = fastRecord({ id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09' }, context, createAmountCache());
 * record?.enrolledOn; // the day number of 2023-01-09
 */
export function fastRecord(raw: unknown, context: RecordContext, cache: AmountCache): OutcomeRecord | undefined {
  if (!isObject(raw)) return undefined;
  const keys = ownKeyCount(raw, RECORD_KEYS);
  const rawId = raw.id;
  const rawCohort = raw.cohort;
  const rawGroups = raw.groups;
  const rawEnrolled = raw.enrolledOn;
  const rawExited = raw.exitedOn;
  const rawBaseline = raw.baselineWage;
  const rawSpells = raw.spells;
  const rawWages = raw.wages;
  const rawEvents = raw.events;
  let read =
    present(rawId) + present(rawCohort) + present(rawGroups) + present(rawEnrolled) + present(rawExited) +
    present(rawBaseline) + present(rawSpells) + present(rawWages) + present(rawEvents);
  let earnings: readonly EarningsObservation[] | undefined;
  if (keys > read) {
    // only a record with more keys than these nine can have earnings
    const rawEarnings = raw.earnings;
    read += present(rawEarnings);
    if (rawEarnings !== undefined && (earnings = earningsOf(rawEarnings, cache)) === undefined) return undefined;
  }
  if (keys !== read) return undefined;
  const id = text(rawId);
  const cohort = text(rawCohort);
  const enrolledOn = date(rawEnrolled);
  if (id === undefined || cohort === undefined || enrolledOn === NO_DATE || !context.cohortIds.has(cohort)) return undefined;
  if (hasIdControlCharacter(id)) return undefined;
  if (!enrolledInWindow(context, cohort, enrolledOn)) return undefined;
  let exitedOn: number | undefined;
  if (rawExited !== undefined) {
    exitedOn = date(rawExited);
    if (exitedOn < enrolledOn) return undefined;
  }
  let baselineWage: Amount | undefined;
  if (rawBaseline !== undefined) {
    baselineWage = wage(rawBaseline, cache);
    if (baselineWage === undefined) return undefined;
  }
  const groups = groupsOf(rawGroups, context);
  if (groups === undefined) return undefined;
  const spells = spellsOf(rawSpells, enrolledOn, cache);
  if (spells === undefined) return undefined;
  const wages = wagesOf(rawWages, enrolledOn, cache);
  if (wages === undefined) return undefined;
  const events = eventsOf(rawEvents, enrolledOn);
  if (events === undefined) return undefined;
  const record = buildRecord(id, cohort, groups, enrolledOn as CalendarDate, spells, wages, events, exitedOn as CalendarDate | undefined, baselineWage);
  return earnings === undefined ? record : withEarnings(record, earnings);
}
