/**
 * One sweep over the days not covered by any spell, in integer day arithmetic (work per spell,
 * never per day).
 *
 * @module
 */
import { addDays, type CalendarDate, type DayNumber } from '../calendar/index.js';
import type { EmploymentSpell } from '../records/index.js';

/**
 * The first day of `[from, to]` on which the uncovered days break a limit: the current run of
 * uncovered days (a gap) grows longer than `maxGap`, or the total of uncovered days since `from`
 * grows larger than `maxTotal`. `undefined` when neither happens by `to`. Pass `Infinity` for a
 * limit that does not apply; a negative `maxTotal` fails on `from`.
 *
 * `spells` must be sorted by start (see `spellsByStart`); they may overlap. `to` must not be after
 * the as-of date: a spell without end covers every day up to `to`.
 *
 * @param spells - the participant's spells, sorted by start
 * @param from - first day of the period
 * @param to - last day examined (the period end, or the as-of date if earlier)
 * @param maxGap - longest allowed gap in days
 * @param maxTotal - largest allowed total of uncovered days
 * @example
 * // one spell 1 to 10 Jan, then nothing: with maxGap 3, the 4th uncovered day (14 Jan) fails
 * firstExcessDay([{ start: d('2024-01-01'), end: d('2024-01-10') }], d('2024-01-01'), d('2024-01-31'), 3, Infinity); // 2024-01-14
 */
export function firstExcessDay(
  spells: readonly EmploymentSpell[],
  from: CalendarDate,
  to: CalendarDate,
  maxGap: number,
  maxTotal: number,
): CalendarDate | undefined {
  if (maxTotal < 0) return from;
  let cursor: DayNumber = from; // first day not yet known to be covered (after a spell ending 9999-12-31: past the calendar)
  let total = 0;
  for (let i = 0; i < spells.length; i++) {
    const spell = spells[i] as EmploymentSpell;
    if (cursor > to || spell.start > to) break;
    if (spell.start > cursor) {
      // cursor <= to here: a date
      const hit = excessInGap(cursor as CalendarDate, addDays(spell.start, -1), total, maxGap, maxTotal);
      if (hit !== undefined) return hit;
      total += spell.start - cursor;
    }
    if (spell.end === undefined) return undefined; // ongoing: covers everything up to `to`
    if (spell.end >= cursor) cursor = spell.end + 1;
  }
  return cursor <= to ? excessInGap(cursor as CalendarDate, to, total, maxGap, maxTotal) : undefined;
}

/** The day in gap [start, end] where a limit breaks, given `total` uncovered days before it. */
function excessInGap(
  start: CalendarDate,
  end: CalendarDate,
  total: number,
  maxGap: number,
  maxTotal: number,
): CalendarDate | undefined {
  const length = end - start + 1;
  // The (maxGap + 1)-th day of the gap, and the day the total reaches maxTotal + 1.
  const byGap = length > maxGap ? maxGap : Infinity;
  const byTotal = total + length > maxTotal ? maxTotal - total : Infinity;
  const offset = Math.min(byGap, byTotal);
  return offset === Infinity ? undefined : addDays(start, offset);
}
