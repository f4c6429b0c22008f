/**
 * The full shape check: checks one raw record's shape field by field (the same rules as
 * `OutcomeRecordSchema`) and builds the parsed record, lists in input order.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import type { PathSegment } from '../errors.js';
import type { Amount } from '../money/index.js';
import { formatPath } from '../errors.js';
import {
  checkArray,
  checkDateField,
  checkHoursField,
  checkKeys,
  checkObject,
  checkText,
  checkWageField,
  requirePresent,
} from './check-fields.js';
import { show, type Reporter } from './issues.js';
import { EVENT_KIND_PATTERN, hasIdControlCharacter } from './limits.js';
import { buildRecord, buildSpell, withEarnings } from './record-build.js';
import type { EarningsObservation, EmploymentSpell, OutcomeRecord, RecordEvent, WageObservation } from './schema.js';

const RECORD_KEYS: ReadonlySet<string> = new Set([
  'id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage', 'spells', 'wages', 'events', 'earnings',
]);
const SPELL_KEYS: ReadonlySet<string> = new Set(['start', 'end', 'hoursPerWeek', 'contractType', 'monthlyWage', 'sector', 'employer']);
const WAGE_KEYS: ReadonlySet<string> = new Set(['on', 'monthlyWage']);
const EVENT_KEYS: ReadonlySet<string> = new Set(['kind', 'on']);
const EARNINGS_KEYS: ReadonlySet<string> = new Set(['from', 'to', 'amount']);

/**
 * Checks the shape of one raw record and returns the parsed record (lists in input order, not yet
 * sorted), or `undefined` when anything was reported. Never throws for any input value.
 *
 * @param raw - one element of the input
 * @param report - receives each problem, with a path relative to the record
 * @example
 * const record = checkRecordShape({ id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09' }, report);
 * record?.groups; // []
 */
export function checkRecordShape(raw: unknown, report: Reporter): OutcomeRecord | undefined {
  let valid = true;
  const bad: Reporter = (code, path, message) => {
    valid = false;
    report(code, path, message);
  };
  const object = checkObject(raw, [], bad);
  if (object === undefined) return undefined;
  checkKeys(object, RECORD_KEYS, [], bad);

  const id = requirePresent(object.id, ['id'], bad) ? checkId(object.id, bad) : undefined;
  const cohort = requirePresent(object.cohort, ['cohort'], bad) ? checkText(object.cohort, ['cohort'], bad) : undefined;
  const enrolledOn = requirePresent(object.enrolledOn, ['enrolledOn'], bad)
    ? checkDateField(object.enrolledOn, ['enrolledOn'], bad)
    : undefined;
  const exitedOn = object.exitedOn === undefined ? undefined : checkDateField(object.exitedOn, ['exitedOn'], bad);
  const baselineWage =
    object.baselineWage === undefined ? undefined : checkWageField(object.baselineWage, ['baselineWage'], bad);
  const groups = checkList(object.groups, ['groups'], bad, (item, path) => checkText(item, path, bad));
  const spells = checkList(object.spells, ['spells'], bad, (item, path) => checkSpell(item, path, bad));
  const wages = checkList(object.wages, ['wages'], bad, (item, path) => checkWage(item, path, bad));
  const events = checkList(object.events, ['events'], bad, (item, path) => checkEvent(item, path, bad));
  const earnings = object.earnings === undefined ? undefined : checkList(object.earnings, ['earnings'], bad, (item, path) => checkEarnings(item, path, bad));

  if (!valid || id === undefined || cohort === undefined || enrolledOn === undefined) return undefined;
  return withEarnings(buildRecord(id, cohort, groups, enrolledOn, spells, wages, events, exitedOn, baselineWage), earnings);
}

/** The participant id: a non-empty text without control or invisible formatting characters. */
function checkId(value: unknown, report: Reporter): string | undefined {
  const id = checkText(value, ['id'], report);
  if (id === undefined || !hasIdControlCharacter(id)) return id;
  report(
    'ID_CONTROL_CHARACTER',
    ['id'],
    `id ${show(id)} holds a control character or an invisible formatting character (a bidirectional override, a zero-width space), which would show it as another id: correct the id at its source`,
  );
  return undefined;
}

function checkList<T>(
  value: unknown,
  path: readonly PathSegment[],
  report: Reporter,
  checkItem: (item: unknown, path: readonly PathSegment[]) => T | undefined,
): T[] {
  if (value === undefined) return [];
  const array = checkArray(value, path, report);
  if (array === undefined) return [];
  const out: T[] = [];
  for (let i = 0; i < array.length; i++) {
    const item = checkItem(array[i], [...path, i]);
    if (item !== undefined) out.push(item);
  }
  return out;
}

function checkSpell(raw: unknown, path: readonly PathSegment[], report: Reporter): EmploymentSpell | undefined {
  const object = checkObject(raw, path, report);
  if (object === undefined) return undefined;
  let valid = checkKeys(object, SPELL_KEYS, path, report);
  const at = (key: string): PathSegment[] => [...path, key];
  const start = requirePresent(object.start, at('start'), report) ? checkDateField(object.start, at('start'), report) : undefined;
  if (start === undefined) valid = false;
  let end: CalendarDate | undefined;
  if (object.end !== undefined) {
    end = checkDateField(object.end, at('end'), report);
    if (end === undefined) valid = false;
  }
  let hours: number | undefined;
  if (object.hoursPerWeek !== undefined) {
    hours = checkHoursField(object.hoursPerWeek, at('hoursPerWeek'), report);
    if (hours === undefined) valid = false;
  }
  let contractType: string | undefined;
  if (object.contractType !== undefined) {
    contractType = checkText(object.contractType, at('contractType'), report);
    if (contractType === undefined) valid = false;
  }
  let wage: Amount | undefined;
  if (object.monthlyWage !== undefined) {
    wage = checkWageField(object.monthlyWage, at('monthlyWage'), report);
    if (wage === undefined) valid = false;
  }
  const sector = optionalText(object.sector, at('sector'), report);
  const employer = optionalText(object.employer, at('employer'), report);
  if (sector === null || employer === null) valid = false;
  return valid && start !== undefined ? buildSpell(start, end, hours, contractType, wage, sector ?? undefined, employer ?? undefined) : undefined;
}

/** An optional text field: `undefined` when absent, `null` when reported. */
function optionalText(value: unknown, path: readonly PathSegment[], report: Reporter): string | null | undefined {
  if (value === undefined) return undefined;
  return checkText(value, path, report) ?? null;
}

function checkWage(raw: unknown, path: readonly PathSegment[], report: Reporter): WageObservation | undefined {
  const object = checkObject(raw, path, report);
  if (object === undefined) return undefined;
  const keysOk = checkKeys(object, WAGE_KEYS, path, report);
  const onPath = [...path, 'on'];
  const wagePath = [...path, 'monthlyWage'];
  const on = requirePresent(object.on, onPath, report) ? checkDateField(object.on, onPath, report) : undefined;
  const monthlyWage: Amount | undefined = requirePresent(object.monthlyWage, wagePath, report)
    ? checkWageField(object.monthlyWage, wagePath, report)
    : undefined;
  return keysOk && on !== undefined && monthlyWage !== undefined ? { on, monthlyWage } : undefined;
}

function checkEarnings(raw: unknown, path: readonly PathSegment[], report: Reporter): EarningsObservation | undefined {
  const object = checkObject(raw, path, report);
  if (object === undefined) return undefined;
  const keysOk = checkKeys(object, EARNINGS_KEYS, path, report);
  const fromPath = [...path, 'from'];
  const toPath = [...path, 'to'];
  const amountPath = [...path, 'amount'];
  const from = requirePresent(object.from, fromPath, report) ? checkDateField(object.from, fromPath, report) : undefined;
  const to = requirePresent(object.to, toPath, report) ? checkDateField(object.to, toPath, report) : undefined;
  const amount = requirePresent(object.amount, amountPath, report) ? checkWageField(object.amount, amountPath, report) : undefined;
  return keysOk && from !== undefined && to !== undefined && amount !== undefined ? { from, to, amount } : undefined;
}

function checkEvent(raw: unknown, path: readonly PathSegment[], report: Reporter): RecordEvent | undefined {
  const object = checkObject(raw, path, report);
  if (object === undefined) return undefined;
  const keysOk = checkKeys(object, EVENT_KEYS, path, report);
  const kindPath = [...path, 'kind'];
  const onPath = [...path, 'on'];
  let kind = requirePresent(object.kind, kindPath, report) ? checkText(object.kind, kindPath, report) : undefined;
  if (kind !== undefined && !EVENT_KIND_PATTERN.test(kind)) {
    report('EVENT_KIND_FORMAT', kindPath, `${formatPath(kindPath)} ${show(kind)} must be lower-case kebab-case, such as "training-completed"`);
    kind = undefined;
  }
  const on = requirePresent(object.on, onPath, report) ? checkDateField(object.on, onPath, report) : undefined;
  return keysOk && kind !== undefined && on !== undefined ? { kind, on } : undefined;
}
