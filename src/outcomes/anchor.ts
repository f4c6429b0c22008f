/**
 * The date a window counts from, as known at the as-of date.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import type { OutcomeRecord } from '../records/index.js';

/**
 * The anchor of a window: the enrolment date, or the exit date when it is recorded and not after
 * `asOf` (an exit dated after `asOf` is not known yet). `undefined` = no exit known yet.
 *
 * @example
 * windowAnchor('enrolment', record, asOf) === record.enrolledOn; // true
 * windowAnchor('exit', { ...record, exitedOn: undefined }, asOf); // undefined
 */
export function windowAnchor(
  from: 'enrolment' | 'exit',
  record: OutcomeRecord,
  asOf: CalendarDate,
): CalendarDate | undefined {
  switch (from) {
    case 'enrolment':
      return record.enrolledOn;
    case 'exit':
      return record.exitedOn !== undefined && record.exitedOn <= asOf ? record.exitedOn : undefined;
    default: {
      const never: never = from;
      return never;
    }
  }
}
