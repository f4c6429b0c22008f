/**
 * Builders of parsed records and spells, for the fast paths and the full checks alike: each
 * object is created whole, from one object literal, with every key in the documented order, an
 * absent optional field an own property whose value is `undefined`. So a record or spell never
 * lacks a key: reading `spell.end` of an open spell gives `undefined`, never a property
 * inherited from `Object.prototype` (docs/reliability.md, "Inherited properties"). And every
 * record has one shape, every spell another: the consumers of records (the digest, the outcome
 * resolvers) see one shape each.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import type { Amount } from '../money/index.js';
import type { EarningsObservation, EmploymentSpell, OutcomeRecord, RecordEvent, WageObservation } from './schema.js';

/**
 * The list of a record that has none of its kind: one frozen empty array shared by every record
 * the fast paths build (records are readonly), so an absent list costs no allocation.
 *
 * @example
 * buildRecord('P1', '2023-A', NO_ITEMS, day, NO_ITEMS, NO_ITEMS, NO_ITEMS, undefined, undefined).spells === NO_ITEMS; // true
 */
export const NO_ITEMS: readonly never[] = Object.freeze([]);

/**
 * The items in an array of exactly their length (or {@link NO_ITEMS} when there are none), for
 * the lists a fast path collects with `push`. An array grown by `push` from empty gets room for
 * 17 items in V8 (152 bytes of backing store for a list of one or two spells), and a validated
 * record keeps its lists: with three lists a record (and exact digit words in its decimals),
 * validated records take about 404 bytes each instead of 752 (`npm run bench` reports the
 * figure), so more of them fit in the processor's caches when the settlement reads them.
 *
 * @example
 * const spells: EmploymentSpell[] = [];
 * spells.push(spell);
 * exactList(spells); // [spell], in a backing store of one
 */
export function exactList<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? NO_ITEMS : items.slice();
}

/**
 * A parsed employment spell: `{ start, end, hoursPerWeek, contractType, monthlyWage }`, the
 * last four `undefined` when absent; a spell with a sector or an employer has both keys more,
 * `{ ..., sector, employer }` (one `undefined` when absent), and a spell with neither has neither
 * key, so records without them keep the shape and size they had (read them with
 * {@link spellSector} and {@link spellEmployer}).
 *
 * @example
 * buildSpell(19360 as CalendarDate, undefined, 35, 'permanent', parseAmount('1800.00'));
 * buildSpell(19360 as CalendarDate, undefined, 35, 'permanent', undefined, '62.01Z', 'acme');
 */
export function buildSpell(
  start: CalendarDate,
  end: CalendarDate | undefined,
  hoursPerWeek: number | undefined,
  contractType: string | undefined,
  monthlyWage: Amount | undefined,
  sector?: string,
  employer?: string,
): EmploymentSpell {
  if (sector === undefined && employer === undefined) return { start, end, hoursPerWeek, contractType, monthlyWage };
  return { start, end, hoursPerWeek, contractType, monthlyWage, sector, employer };
}

/**
 * The sector of a spell, read as an own property only (`undefined` when the spell has none).
 *
 * @example
 * spellSector(buildSpell(day, undefined, undefined, undefined, undefined, '62.01Z')); // '62.01Z'
 */
export function spellSector(spell: EmploymentSpell): string | undefined {
  return Object.hasOwn(spell, 'sector') ? spell.sector : undefined;
}

/**
 * The employer of a spell, read as an own property only (`undefined` when the spell has none).
 *
 * @example
 * spellEmployer(buildSpell(day, undefined, undefined, undefined, undefined, undefined, 'acme')); // 'acme'
 */
export function spellEmployer(spell: EmploymentSpell): string | undefined {
  return Object.hasOwn(spell, 'employer') ? spell.employer : undefined;
}

/**
 * A parsed record: `{ id, cohort, groups, enrolledOn, spells, wages, events, exitedOn,
 * baselineWage }`, the last two `undefined` when absent (earnings are added by {@link withEarnings}).
 *
 * @example
 * buildRecord('P1', '2023-A', [], 19366 as CalendarDate, [], [], [], undefined, undefined);
 */
export function buildRecord(
  id: string,
  cohort: string,
  groups: readonly string[],
  enrolledOn: CalendarDate,
  spells: readonly EmploymentSpell[],
  wages: readonly WageObservation[],
  events: readonly RecordEvent[],
  exitedOn: CalendarDate | undefined,
  baselineWage: Amount | undefined,
): OutcomeRecord {
  return { id, cohort, groups, enrolledOn, spells, wages, events, exitedOn, baselineWage };
}

/**
 * The record with its earnings observations: one key more, `earnings`, when there is at least one
 * (the record itself otherwise: a record without earnings has no `earnings` key). Kept apart from
 * {@link buildRecord}, so that the readers build a record without earnings as before.
 *
 * @example
 * withEarnings(buildRecord('P1', '2023-A', [], day, [], [], [], undefined, undefined), []); // no earnings key
 */
export function withEarnings(record: OutcomeRecord, earnings: readonly EarningsObservation[] | undefined): OutcomeRecord {
  return earnings === undefined || earnings.length === 0 ? record : { ...record, earnings };
}

const NO_EARNINGS: readonly EarningsObservation[] = Object.freeze([]);

/**
 * The earnings observations of a record, read as an own property only (an empty list when the
 * record has none: a record without earnings has no `earnings` key).
 *
 * @example
 * recordEarnings(record).length; // 0 for a record without earnings
 */
export function recordEarnings(record: OutcomeRecord): readonly EarningsObservation[] {
  return Object.hasOwn(record, 'earnings') ? (record.earnings ?? NO_EARNINGS) : NO_EARNINGS;
}
