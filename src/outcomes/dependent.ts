/**
 * The link between a placement and the outcomes that count from it (retention, wage progression).
 *
 * @module
 */
import { hasOwn } from '../own-data.js';
import type { CalendarDate, DayNumber } from '../calendar/index.js';
import { OutcomePayError } from '../errors.js';
import { failed, pending, type Resolution } from './resolution.js';

/**
 * What a dependent outcome needs from an achieved placement: the placement date `anchor` (start
 * of the placing spell) and the day `placedOn` the placement was achieved.
 *
 * @example
 * const p: Placed = { anchor: parseDate('2024-03-04'), placedOn: parseDate('2024-04-02') };
 */
export interface Placed {
  readonly anchor: CalendarDate;
  readonly placedOn: CalendarDate;
}

/**
 * For a placement that is not achieved, the resolution of every outcome counting from it:
 * pending (`AWAITING_PLACEMENT`) while it is pending, failed on the same day (`PLACEMENT_FAILED`)
 * when it failed. For an achieved placement, its anchor and date.
 *
 * @example
 * const p = placedOrResolution(placementResolution);
 * if (isResolution(p)) return p; // nothing to measure
 */
export function placedOrResolution(placement: Resolution): Placed | Resolution {
  switch (placement.status) {
    case 'achieved':
      if (placement.anchor === undefined) {
        throw new OutcomePayError('OUTCOME_INTERNAL', 'an achieved placement has no anchor');
      }
      return { anchor: placement.anchor, placedOn: placement.on };
    case 'failed':
      return failed(placement.on, 'PLACEMENT_FAILED');
    case 'pending':
      return pending('AWAITING_PLACEMENT');
    case 'notApplicable':
      throw new OutcomePayError('OUTCOME_INTERNAL', 'a placement cannot be not applicable');
    default: {
      const never: never = placement;
      return never;
    }
  }
}

/**
 * True when `p` is a resolution (the placement was not achieved), not a {@link Placed}: by its
 * own `status` (a `status` on `Object.prototype` does not make a Placed a resolution).
 *
 * @example
 * const p = placedOrResolution(placementResolution);
 * if (isResolution(p)) return p;
 */
export function isResolution(p: Placed | Resolution): p is Resolution {
  return hasOwn(p, 'status');
}

/**
 * A dependent outcome is never decided before its placement: the later of the two days. A date
 * gives a date; a day past the calendar's end (see `DayNumber`) stays one.
 *
 * @example
 * decidedOn(parseDate('2024-01-31'), placed); // placed.placedOn when that is later
 */
export function decidedOn<Day extends DayNumber>(day: Day, placed: Placed): Day {
  // placedOn is a date, hence also a Day when the later of the two
  return (day >= placed.placedOn ? day : placed.placedOn) as Day;
}
