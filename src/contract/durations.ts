/**
 * The duration of a retention or wage progression, read from the one key it is stated in.
 *
 * @module
 */
import type { Duration } from '../calendar/index.js';
import { OutcomePayError } from '../errors.js';

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
  if (o.months !== undefined) return { unit: 'months', count: o.months };
  if (o.weeks !== undefined) return { unit: 'weeks', count: o.weeks };
  if (o.days !== undefined) return { unit: 'days', count: o.days };
  throw new OutcomePayError('INTERNAL_UNREACHABLE', 'an outcome with no months, weeks or days (parseContract refuses it)');
}
