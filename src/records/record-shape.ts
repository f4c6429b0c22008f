/**
 * The check at the entry of the functions that take a validated record (`resolveParticipant`, a
 * settlement session's `add`): the record must be what `validateRecords` made, with dates as day
 * numbers and wages as amounts, not a raw record from a file.
 *
 * @module
 */
import { MAX_DATE, MIN_DATE } from '../calendar/index.js';
import { expectFields, is, unreadableArgument, type FieldCheck } from '../guard.js';
import { isAnyDecimal } from '../money/index.js';
import type { OutcomeRecord } from './schema.js';

const VALIDATED = 'a validated record (from validateRecords)';
const isDay = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= MIN_DATE && value <= MAX_DATE;
const isAmount = (value: unknown): boolean => isAnyDecimal(value) && value.isFinite();
const DAY = 'a day number (from parseDate)';

/** What `add` checks on every record: what tells a validated record from a raw one. */
const LIKE_FIELDS: readonly FieldCheck[] = [
  ['id', is.string, 'a string'],
  ['cohort', is.string, 'a string'],
  ['enrolledOn', isDay, DAY],
];
const RECORD_FIELDS: readonly FieldCheck[] = [
  ...LIKE_FIELDS,
  ['exitedOn', is.optional(isDay), `${DAY} or absent`],
  ['baselineWage', is.optional(isAmount), 'an Amount or absent'],
  ['groups', (list) => Array.isArray(list) && list.every(is.string), 'an array of strings'],
  ['spells', is.array, 'an array'],
  ['wages', is.array, 'an array'],
  ['events', is.array, 'an array'],
  ['earnings', is.optional(is.array), 'an array or absent'],
];
const ITEM_FIELDS: Readonly<Record<'spells' | 'wages' | 'events' | 'earnings', readonly FieldCheck[]>> = {
  spells: [
    ['start', isDay, DAY],
    ['end', is.optional(isDay), `${DAY} or absent`],
    ['hoursPerWeek', is.optional((value) => typeof value === 'number' && Number.isFinite(value)), 'a finite number or absent'],
    ['contractType', is.optional(is.string), 'a string or absent'],
    ['monthlyWage', is.optional(isAmount), 'an Amount or absent'],
    ['sector', is.optional(is.string), 'a string or absent'],
    ['employer', is.optional(is.string), 'a string or absent'],
  ],
  wages: [
    ['on', isDay, DAY],
    ['monthlyWage', isAmount, 'an Amount'],
  ],
  events: [
    ['kind', is.string, 'a string'],
    ['on', isDay, DAY],
  ],
  earnings: [
    ['from', isDay, DAY],
    ['to', isDay, DAY],
    ['amount', isAmount, 'an Amount'],
  ],
};

/**
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `value` has the shape of a validated
 * record (`validateRecords`' `value.records`): ids and cohort as strings, dates as day numbers,
 * wages as amounts, `groups`, `spells`, `wages` and `events` as arrays of what they hold. The
 * whole record is checked, once per call: a raw record (dates as text) is refused here rather
 * than resolved wrong.
 *
 * @example
 * expectValidatedRecord('resolveParticipant', 'record', validated.value.records[0]); // passes
 * expectValidatedRecord('resolveParticipant', 'record', { id: 'P1', enrolledOn: '2023-01-09' }); // throws
 */
export function expectValidatedRecord(where: string, name: string, value: unknown): asserts value is OutcomeRecord {
  expectFields(where, name, value, VALIDATED, RECORD_FIELDS);
  for (const list of ['spells', 'wages', 'events', 'earnings'] as const) {
    let items: readonly unknown[];
    try {
      items = list === 'earnings' && !Object.hasOwn(value, list) ? [] : Array.from(value[list] as readonly unknown[]);
    } catch (error) {
      throw unreadableArgument(where, `${name}.${list}`, error);
    }
    items.forEach((item, index) => {
      expectFields(where, `${name}.${list}[${String(index)}]`, item, `the ${list} of ${VALIDATED}`, ITEM_FIELDS[list]);
    });
  }
}

/**
 * The cheap check of {@link expectValidatedRecord} for a session's `add`, which runs once per
 * record: an object with a string id and cohort and a day number as `enrolledOn` (what a raw
 * record from a file never has). The engine reads the rest as it settles.
 *
 * @example
 * expectRecordLike('session.add', 'record', record); // passes for a validated record
 */
export function expectRecordLike(where: string, name: string, value: unknown): asserts value is OutcomeRecord {
  expectFields(where, name, value, VALIDATED, LIKE_FIELDS);
}
