/**
 * The checks of a settlement session opened by a caller (`openSession`): the shapes of the
 * objects it takes, and a session whose methods check their arguments before the engine's.
 * `settle` and `settleStream` open theirs unchecked (`createSession`).
 *
 * @module
 */
import { expectFields, invalidArgument, is, type FieldCheck } from '../guard.js';
import { expectRecordLike, type OutcomeRecord } from '../records/index.js';
import type { ExcludedCohorts } from './decisions-at-risk.js';
import type { DeliveredIssues, SettlementSession } from './session.js';
import type { SettlementDataQuality } from './types.js';

const isDay = is.whole();

/** The fields of checked options (`checkOptions(...).options`). */
export const CHECKED_OPTIONS_FIELDS: readonly FieldCheck[] = [
  ['asOf', isDay, 'a day number'],
  ['indicators', is.withMethod('get'), 'a Map'],
  ['keepParticipants', is.boolean, 'true or false'],
  ['records', is.oneOf('strict', 'lenient'), '"strict" or "lenient"'],
  ['evidence', is.boolean, 'true or false'],
  ['amendedFrom', is.array, 'an array'],
  ['allowFullRecovery', is.boolean, 'true or false'],
  ['maxExcluded', is.object, 'an object'],
  ['allowEmpty', is.boolean, 'true or false'],
];

/** The fields of previous payments (`readPrevious(...).value`). */
export const PREVIOUS_FIELDS: readonly FieldCheck[] = [
  ['paid', is.withMethod('get'), 'a Map'],
  ['tranches', is.array, 'an array'],
  ['payers', is.array, 'an array'],
  ['settlements', is.array, 'an array'],
  ['amendedFrom', is.array, 'an array'],
  ['fingerprints', is.array, 'an array'],
];

const DATA_QUALITY_FIELDS: readonly FieldCheck[] = [
  ['recordsRead', is.whole(0), 'a whole number from 0'],
  ['recordsSettled', is.whole(0), 'a whole number from 0'],
  ['recordsExcluded', is.whole(0), 'a whole number from 0'],
  ['issues', is.array, 'an array of issues'],
  ['decisionsAtRisk', is.optional(is.array), 'an array or absent'],
  ['issuesDelivered', is.optional(is.whole(0)), 'a whole number or absent'],
];

const EXCLUDED_FIELDS: readonly FieldCheck[] = [
  ['byCohort', is.withMethod('get'), 'a Map of cohort id to count'],
  ['unknown', is.whole(0), 'a whole number from 0'],
];

const SESSION_FIELDS: readonly FieldCheck[] = [
  ['ledger', is.object, 'an object'],
  ['digest', is.object, 'an object'],
  ['merge', (value) => typeof value === 'function', 'a function'],
];

function expectFinishing(where: string, dataQuality: unknown, optionsText: unknown, excluded: unknown): void {
  expectFields(where, 'dataQuality', dataQuality, 'data-quality counts: { recordsRead, recordsSettled, recordsExcluded, issues }', DATA_QUALITY_FIELDS);
  if (typeof optionsText !== 'string') throw invalidArgument(where, 'optionsText', 'a string (the canonical text of the options)', optionsText);
  if (excluded !== undefined) expectFields(where, 'excluded', excluded, 'the cohorts of the excluded records: { byCohort, unknown }', EXCLUDED_FIELDS);
}

/**
 * A session whose methods check their arguments, then call `inner`'s.
 *
 * @example
 * const session = checkedSession(createSession(contract, checked, previous));
 * session.add({ id: 'P1' }); // throws ARGUMENT_INVALID: record.cohort must be a string
 */
export function checkedSession(inner: SettlementSession): SettlementSession {
  return {
    get ledger() {
      return inner.ledger;
    },
    get digest() {
      return inner.digest;
    },
    get evidence() {
      return inner.evidence;
    },
    get present() {
      return inner.present;
    },
    add(record: OutcomeRecord) {
      expectRecordLike('session.add', 'record', record);
      inner.add(record);
    },
    merge(other: SettlementSession) {
      expectFields('session.merge', 'other', other, 'a settlement session (from openSession)', SESSION_FIELDS);
      inner.merge(other);
    },
    finish(dataQuality: SettlementDataQuality, optionsText: string, excluded?: ExcludedCohorts) {
      expectFinishing('session.finish', dataQuality, optionsText, excluded);
      return inner.finish(dataQuality, optionsText, excluded);
    },
    async finishDelivering(dataQuality: SettlementDataQuality, optionsText: string, delivered: DeliveredIssues, excluded?: ExcludedCohorts) {
      expectFinishing('session.finishDelivering', dataQuality, optionsText, excluded);
      expectFields('session.finishDelivering', 'delivered', delivered, 'delivered issues: { each(visit) }', [['each', (value) => typeof value === 'function', 'a function']]);
      return inner.finishDelivering(dataQuality, optionsText, delivered, excluded);
    },
  };
}

