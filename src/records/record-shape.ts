/**
 * The check at the entry of the functions that take a validated record (`resolveParticipant`, a
 * settlement session's `add`): the record must be what `validateRecords` made, with dates as day
 * numbers and wages as amounts, not a raw record from a file.
 *
 * @module
 */
import { MAX_DATE, MIN_DATE } from '../calendar/index.js';
import { invalidArgument, isObjectValue, unreadableArgument } from '../guard.js';
import { isAnyDecimal } from '../money/decimal.js';
import type { OutcomeRecord } from './schema.js';

type Check = (value: unknown) => boolean;

const isText: Check = (value) => typeof value === 'string';
const isDay: Check = (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= MIN_DATE && value <= MAX_DATE;
const isAmount: Check = (value) => isAnyDecimal(value) && value.isFinite();
const isHours: Check = (value) => typeof value === 'number' && Number.isFinite(value);

/** What each field of a validated record (and of its spells, wages, events) must be: a check, and its words. */
const RECORD_FIELDS: readonly (readonly [string, Check, string, boolean])[] = [
  ['id', isText, 'a string', true],
  ['cohort', isText, 'a string', true],
  ['enrolledOn', isDay, 'a day number (from parseDate)', true],
  ['exitedOn', isDay, 'a day number (from parseDate)', false],
  ['baselineWage', isAmount, 'an Amount', false],
];
/** The fields `add` checks on every record: what tells a validated record from a raw one. */
const LIKE_FIELDS = RECORD_FIELDS.slice(0, 3);
const SPELL_FIELDS: readonly (readonly [string, Check, string, boolean])[] = [
  ['start', isDay, 'a day number (from parseDate)', true],
  ['end', isDay, 'a day number (from parseDate)', false],
  ['hoursPerWeek', isHours, 'a finite number', false],
  ['contractType', isText, 'a string', false],
  ['monthlyWage', isAmount, 'an Amount', false],
];
const WAGE_FIELDS: readonly (readonly [string, Check, string, boolean])[] = [
  ['on', isDay, 'a day number (from parseDate)', true],
  ['monthlyWage', isAmount, 'an Amount', true],
];
const EVENT_FIELDS: readonly (readonly [string, Check, string, boolean])[] = [
  ['kind', isText, 'a string', true],
  ['on', isDay, 'a day number (from parseDate)', true],
];
const LISTS: readonly (readonly [string, readonly (readonly [string, Check, string, boolean])[] | 'text'])[] = [
  ['groups', 'text'],
  ['spells', SPELL_FIELDS],
  ['wages', WAGE_FIELDS],
  ['events', EVENT_FIELDS],
];

/** The first field of `item` that is not what `fields` says, as [path, expected, value]. */
function wrongField(item: Record<string, unknown>, fields: readonly (readonly [string, Check, string, boolean])[], at: string): [string, string, unknown] | undefined {
  for (const [key, check, expected, required] of fields) {
    const value = item[key];
    if (value === undefined ? required : !check(value)) return [`${at}.${key}`, required ? expected : `${expected} or absent`, value];
  }
  return undefined;
}

function wrongRecordField(record: Record<string, unknown>, name: string): [string, string, unknown] | undefined {
  const top = wrongField(record, RECORD_FIELDS, name);
  if (top !== undefined) return top;
  for (const [list, fields] of LISTS) {
    const items = record[list];
    if (!Array.isArray(items)) return [`${name}.${list}`, 'an array', items];
    for (const [index, item] of (items as readonly unknown[]).entries()) {
      const at = `${name}.${list}[${String(index)}]`;
      if (fields === 'text') {
        if (typeof item !== 'string') return [at, 'a string', item];
      } else {
        if (!isObjectValue(item)) return [at, 'an object', item];
        const wrong = wrongField(item, fields, at);
        if (wrong !== undefined) return wrong;
      }
    }
  }
  return undefined;
}

/**
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `value` has the shape of a validated
 * record (`validateRecords`' `value.records`): ids and cohort as strings, dates as day numbers,
 * wages as amounts, `groups`, `spells`, `wages` and `events` as arrays. The whole record is
 * checked, once per call: a raw record (dates as text) is refused here rather than resolved wrong.
 *
 * @example
 * expectValidatedRecord('resolveParticipant', 'record', validated.value.records[0]); // passes
 * expectValidatedRecord('resolveParticipant', 'record', { id: 'P1', enrolledOn: '2023-01-09' }); // throws
 */
export function expectValidatedRecord(where: string, name: string, value: unknown): asserts value is OutcomeRecord {
  if (!isObjectValue(value)) throw invalidArgument(where, name, 'a validated record (from validateRecords)', value);
  let wrong: [string, string, unknown] | undefined;
  try {
    wrong = wrongRecordField(value, name);
  } catch (error) {
    throw unreadableArgument(where, name, error);
  }
  if (wrong !== undefined) throw invalidArgument(where, wrong[0], `${wrong[1]} in a validated record (from validateRecords)`, wrong[2]);
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
  if (!isObjectValue(value)) throw invalidArgument(where, name, 'a validated record (from validateRecords)', value);
  let wrong: [string, string, unknown] | undefined;
  try {
    wrong = wrongField(value, LIKE_FIELDS, name);
  } catch (error) {
    throw unreadableArgument(where, name, error);
  }
  if (wrong !== undefined) throw invalidArgument(where, wrong[0], `${wrong[1]} in a validated record (from validateRecords)`, wrong[2]);
}
