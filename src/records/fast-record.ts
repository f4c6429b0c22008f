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
import { eventFollows, observationFollows, spellFollows } from './list-order.js';
import { buildRecord, buildSpell, exactList, NO_ITEMS } from './record-build.js';
import type { EmploymentSpell, OutcomeRecord, RecordEvent, WageObservation } from './schema.js';

type Raw = Record<string, unknown>;

const RECORD_KEYS: ReadonlySet<string> = new Set([
  'id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage', 'spells', 'wages', 'events',
]);
const SPELL_KEYS: ReadonlySet<string> = new Set(['start', 'end', 'hoursPerWeek', 'contractType', 'monthlyWage']);

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(object: Raw, allowed: ReadonlySet<string>): boolean {
  for (const key in object) if (!allowed.has(key)) return false;
  return true;
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
    const raw: unknown = value[i];
    if (!isObject(raw) || !onlyKeys(raw, SPELL_KEYS)) return undefined;
    const start = date(raw.start);
    const end = raw.end === undefined ? undefined : date(raw.end);
    if (!spellFollows(start, end, enrolled, previousEnd, i === 0)) return undefined;
    previousEnd = end;
    const hours = raw.hoursPerWeek;
    if (hours !== undefined && !(typeof hours === 'number' && hours >= 0 && hours <= MAX_HOURS_PER_WEEK)) return undefined;
    let contractType: string | undefined;
    if (raw.contractType !== undefined) {
      contractType = text(raw.contractType);
      if (contractType === undefined) return undefined;
    }
    let monthlyWage: Amount | undefined;
    if (raw.monthlyWage !== undefined) {
      monthlyWage = wage(raw.monthlyWage, cache);
      if (monthlyWage === undefined) return undefined;
    }
    const spell = buildSpell(start as CalendarDate, end as CalendarDate | undefined, hours, contractType, monthlyWage);
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
    const raw: unknown = value[i];
    if (!isObject(raw)) return undefined;
    for (const key in raw) if (key !== 'on' && key !== 'monthlyWage') return undefined;
    const on = date(raw.on);
    if (!observationFollows(on, previous)) return undefined;
    const monthlyWage = wage(raw.monthlyWage, cache);
    if (monthlyWage === undefined) return undefined;
    wages.push({ on: on as CalendarDate, monthlyWage });
    previous = on;
  }
  return exactList(wages);
}

function eventsOf(value: unknown, enrolled: number): readonly RecordEvent[] | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return NO_ITEMS;
  if (!Array.isArray(value)) return undefined;
  const events: RecordEvent[] = [];
  let previousOn = enrolled;
  let previousKind = '';
  for (let i = 0; i < value.length; i++) {
    const raw: unknown = value[i];
    if (!isObject(raw)) return undefined;
    for (const key in raw) if (key !== 'kind' && key !== 'on') return undefined;
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
  if (!isObject(raw) || !onlyKeys(raw, RECORD_KEYS)) return undefined;
  const id = text(raw.id);
  const cohort = text(raw.cohort);
  const enrolledOn = date(raw.enrolledOn);
  if (id === undefined || cohort === undefined || enrolledOn === NO_DATE || !context.cohortIds.has(cohort)) return undefined;
  if (hasIdControlCharacter(id)) return undefined;
  if (!enrolledInWindow(context, cohort, enrolledOn)) return undefined;
  let exitedOn: number | undefined;
  if (raw.exitedOn !== undefined) {
    exitedOn = date(raw.exitedOn);
    if (exitedOn < enrolledOn) return undefined;
  }
  let baselineWage: Amount | undefined;
  if (raw.baselineWage !== undefined) {
    baselineWage = wage(raw.baselineWage, cache);
    if (baselineWage === undefined) return undefined;
  }
  const groups = groupsOf(raw.groups, context);
  if (groups === undefined) return undefined;
  const spells = spellsOf(raw.spells, enrolledOn, cache);
  if (spells === undefined) return undefined;
  const wages = wagesOf(raw.wages, enrolledOn, cache);
  if (wages === undefined) return undefined;
  const events = eventsOf(raw.events, enrolledOn);
  if (events === undefined) return undefined;
  return buildRecord(id, cohort, groups, enrolledOn as CalendarDate, spells, wages, events, exitedOn as CalendarDate | undefined, baselineWage);
}
