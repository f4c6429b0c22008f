/**
 * The duration of a retention or wage progression, read from the one key it is stated in.
 *
 * @module
 */
import type { Duration } from '../calendar/index.js';
import { OutcomePayError } from '../errors.js';
import { hasOwn } from '../own-data.js';

/**
 * The duration fields of a retention or wage progression outcome (exactly one is present in a
 * parsed contract).
 *
 * @example
 * const fields: DurationFields = { weeks: 26 };
 */
export interface DurationFields {
  readonly months?: number | undefined;
  readonly weeks?: number | undefined;
  readonly days?: number | undefined;
}

/**
 * The duration an outcome states: `{ unit: 'months', count: 6 }` for `months: 6`, and so on.
 * Throws {@link OutcomePayError} `INTERNAL_UNREACHABLE` for an outcome stating none, which
 * `parseContract` refuses (`DURATION_UNITS`).
 *
 * @example
 * outcomeDuration({ weeks: 26 }); // { unit: 'weeks', count: 26 }
 */
export function outcomeDuration(o: DurationFields): Duration {
  // own properties only: a `weeks` on Object.prototype is not a duration the outcome states
  if (hasOwn(o, 'months') && o.months !== undefined) return { unit: 'months', count: o.months };
  if (hasOwn(o, 'weeks') && o.weeks !== undefined) return { unit: 'weeks', count: o.weeks };
  if (hasOwn(o, 'days') && o.days !== undefined) return { unit: 'days', count: o.days };
  throw new OutcomePayError('INTERNAL_UNREACHABLE', 'an outcome with no months, weeks or days (parseContract refuses it)');
}
