/**
 * The resolution of one outcome for one participant, and its status at a measurement date.
 *
 * @module
 */
import { expectDay, type CalendarDate } from '../calendar/index.js';
import { invalidArgument, isObjectValue, unreadableArgument } from '../guard.js';
import type { ReasonCode } from './reasons.js';

/**
 * A status at a date.
 *
 * @example
 * const s: OutcomeStatus = 'pending';
 */
export type OutcomeStatus = 'achieved' | 'failed' | 'pending' | 'notApplicable';

/**
 * How an outcome resolved for a participant, as known at the as-of date of the resolution.
 *
 * - `achieved` / `failed`: decided on `on` (at or before the as-of date) and final from then on;
 * - `pending`: not decided by the as-of date;
 * - `notApplicable`: cohort indicators, supplied at cohort level.
 *
 * `on` is `undefined` unless achieved or failed (so `resolution.on` can be read on any member).
 * Every resolution holds all four keys (`on` and `anchor` `undefined` when they have no value):
 * one shape for all, and no read of an absent key that could reach `Object.prototype`.
 * `anchor` is the placement date (start of the placing spell) for an achieved placement, and for
 * retention and wage progression outcomes whose placement is achieved.
 *
 * @example
 * const r: Resolution = { status: 'achieved', on: parseDate('2024-03-01'), anchor: parseDate('2024-03-01'), reason: 'SPELL_IN_WINDOW' };
 */
export type Resolution =
  | {
      readonly status: 'achieved' | 'failed';
      readonly on: CalendarDate;
      readonly anchor?: CalendarDate | undefined;
      readonly reason: ReasonCode;
    }
  | { readonly status: 'pending'; readonly on?: undefined; readonly anchor?: CalendarDate | undefined; readonly reason: ReasonCode }
  | { readonly status: 'notApplicable'; readonly on?: undefined; readonly anchor?: undefined; readonly reason: ReasonCode };

/**
 * An achieved resolution.
 *
 * @example
 * achieved(parseDate('2024-03-01'), 'EVENT_RECORDED'); // { status: 'achieved', on: ..., reason: 'EVENT_RECORDED' }
 */
export function achieved(on: CalendarDate, reason: ReasonCode, anchor?: CalendarDate): Resolution {
  return { status: 'achieved', on, anchor, reason };
}

/**
 * A failed resolution.
 *
 * @example
 * failed(parseDate('2024-04-01'), 'WINDOW_CLOSED'); // { status: 'failed', on: ..., reason: 'WINDOW_CLOSED' }
 */
export function failed(on: CalendarDate, reason: ReasonCode, anchor?: CalendarDate): Resolution {
  return { status: 'failed', on, anchor, reason };
}

/**
 * A pending resolution.
 *
 * @example
 * pending('WINDOW_OPEN'); // { status: 'pending', reason: 'WINDOW_OPEN' }
 */
export function pending(reason: ReasonCode, anchor?: CalendarDate): Resolution {
  return { status: 'pending', on: undefined, anchor, reason };
}

/** The single not-applicable resolution (shared: resolutions are immutable). */
const NOT_APPLICABLE: Resolution = Object.freeze({ status: 'notApplicable', on: undefined, anchor: undefined, reason: 'COHORT_LEVEL' });

/**
 * The resolution of a cohort indicator.
 *
 * @example
 * notApplicable().status; // 'notApplicable'
 */
export function notApplicable(): Resolution {
  return NOT_APPLICABLE;
}

/**
 * The status of a resolved outcome at measurement date `m`: achieved or failed from its
 * resolution date on, pending before it. `m` should not be after the as-of date the resolution was
 * computed at: a pending resolution says nothing about later dates, and is reported as pending.
 *
 * @example
 * const r = failed(parseDate('2024-04-01'), 'WINDOW_CLOSED');
 * statusAt(r, parseDate('2024-03-31')); // 'pending'
 * statusAt(r, parseDate('2024-04-01')); // 'failed'
 * statusAt(r, '2024-04-01');              // throws CALENDAR_ARGUMENT_INVALID: the date is a day number
 */
export function statusAt(resolution: Resolution, m: CalendarDate): OutcomeStatus {
  expectResolution('statusAt', 'resolution', resolution);
  expectDay('statusAt', 'date', m);
  switch (resolution.status) {
    case 'achieved':
    case 'failed':
      return resolution.on <= m ? resolution.status : 'pending';
    case 'pending':
    case 'notApplicable':
      return resolution.status;
    default: {
      const never: never = resolution;
      return never;
    }
  }
}

const STATUSES: ReadonlySet<unknown> = new Set(['achieved', 'failed', 'pending', 'notApplicable']);

/** Throws `ARGUMENT_INVALID` unless `value` is a resolution: a known status, and a day number `on` when achieved or failed. */
function expectResolution(where: string, name: string, value: unknown): asserts value is Resolution {
  const expected = 'a resolution (from resolveParticipant)';
  if (!isObjectValue(value)) throw invalidArgument(where, name, expected, value);
  let status: unknown;
  let on: unknown;
  try {
    status = value['status'];
    on = value['on'];
  } catch (error) {
    throw unreadableArgument(where, name, error);
  }
  if (!STATUSES.has(status)) throw invalidArgument(where, `${name}.status`, `the status of ${expected}`, status);
  if ((status === 'achieved' || status === 'failed') && (typeof on !== 'number' || !Number.isSafeInteger(on))) {
    throw invalidArgument(where, `${name}.on`, `a day number in ${expected}`, on);
  }
}
