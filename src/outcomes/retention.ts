/**
 * Resolves a retention outcome for one participant, given its placement.
 *
 * @module
 */
import { durationLater, expectDay, expectWhole, type CalendarDate, type DayNumber, type Duration } from '../calendar/index.js';
import { expectOneOf } from '../guard.js';
import type { EmploymentSpell } from '../records/index.js';
import type { CompiledRetention } from './compiled-form.js';
import { decidedOn, isResolution, placedOrResolution } from './dependent.js';
import { firstExcessDay } from './gaps.js';
import { achieved, failed, pending, type Resolution } from './resolution.js';
import { covers, jobSpells } from './spells.js';

/**
 * The last day of the retention period: `addMonths(P, months)` when the end is inclusive, the day
 * before when it is exclusive. It may lie after 9999-12-31 (a period that never ends within the
 * calendar). For a retention stated in weeks or days, see `retentionLastDay` (internal): the end is
 * `P + 7 × weeks` or `P + days`, then the same boundary rule.
 *
 * @example
 * formatDate(retentionEnd(parseDate('2023-08-31'), 6, 'inclusive')); // '2024-02-29'
 * formatDate(retentionEnd(parseDate('2023-08-31'), 6, 'exclusive')); // '2024-02-28'
 */
export function retentionEnd(anchor: CalendarDate, months: number, endBoundary: 'inclusive' | 'exclusive'): DayNumber {
  expectDay('retentionEnd', 'anchor', anchor);
  expectWhole('retentionEnd', 'months', months);
  expectOneOf('retentionEnd', 'endBoundary', endBoundary, ['inclusive', 'exclusive']);
  return retentionLastDay(anchor, { unit: 'months', count: months }, endBoundary);
}

/**
 * {@link retentionEnd} for a duration in any unit, unchecked: the resolver's, per participant, on
 * a compiled outcome, and the simulation's. The end is the anchor plus the duration (calendar
 * months month-end clamped, weeks of 7 days, days), less one day when the end is exclusive: one
 * boundary rule for every unit.
 *
 * @example
 * formatDate(retentionLastDay(parseDate('2024-01-01'), { unit: 'weeks', count: 26 }, 'exclusive')); // '2024-06-30'
 */
export function retentionLastDay(anchor: CalendarDate, duration: Duration, endBoundary: 'inclusive' | 'exclusive'): DayNumber {
  const end = durationLater(anchor, duration);
  return endBoundary === 'inclusive' ? end : end - 1;
}

/**
 * Resolves a retention outcome over `[P, end]`, P the placement date, using every spell of the
 * participant (any job), or with a `jobs` restriction only the spells it counts. See
 * `docs/outcomes.md` for the three measures.
 *
 * @param o - the compiled retention outcome
 * @param spells - the participant's spells, sorted by start
 * @param placement - the resolution of its placement outcome
 * @param asOf - the as-of date
 * @example
 * resolveRetention(compiled, spellsByStart(record.spells), placementResolution, parseDate('2024-12-31'));
 */
export function resolveRetention(
  o: CompiledRetention,
  allSpells: readonly EmploymentSpell[],
  placement: Resolution,
  asOf: CalendarDate,
): Resolution {
  const placed = placedOrResolution(placement);
  if (isResolution(placed)) return placed;
  const spells = o.jobs === undefined ? allSpells : jobSpells(o.jobs, allSpells);
  const p = placed.anchor;
  const end = retentionLastDay(p, o.duration, o.endBoundary);
  const ended = end <= asOf;
  // the last day examined: the period's end, or the as-of date when that is earlier
  const to = (ended ? end : asOf) as CalendarDate;
  const measure = o.measure;
  switch (measure.kind) {
    case 'continuous':
    case 'cumulative': {
      const continuous = measure.kind === 'continuous';
      const periodDays = end - p + 1;
      const failsOn = continuous
        ? firstExcessDay(spells, p, to, measure.allowedGapDays, Infinity)
        : firstExcessDay(spells, p, to, Infinity, periodDays - measure.minDays);
      if (failsOn !== undefined) {
        return failed(decidedOn(failsOn, placed), continuous ? 'GAP_TOO_LONG' : 'TOO_FEW_DAYS_EMPLOYED', p);
      }
      if (!ended) return pending('PERIOD_RUNNING', p);
      return achieved(decidedOn(to, placed), continuous ? 'CONTINUOUSLY_EMPLOYED' : 'ENOUGH_DAYS_EMPLOYED', p);
    }
    case 'anniversary': {
      if (!ended) return pending('PERIOD_RUNNING', p);
      const on = decidedOn(to, placed);
      return spells.some((s) => covers(s, to))
        ? achieved(on, 'EMPLOYED_ON_END_DATE', p)
        : failed(on, 'NOT_EMPLOYED_ON_END_DATE', p);
    }
    default: {
      const never: never = measure;
      return never;
    }
  }
}
