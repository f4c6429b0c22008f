/**
 * The dates of an outcome measured in a calendar quarter after the exit (`quarterAfterExit`): the
 * quarter, and the day its wage data is due, when the outcome is decided.
 *
 * @module
 */
import { addDaysUnbounded, MAX_DATE, monthEndAfter, quarterAfter, type CalendarDate, type DayNumber, type Quarter } from '../calendar/index.js';

/**
 * The `quarter`-th calendar quarter after the quarter of `exit`, and the day its data is due: the
 * last day of the `count`-th month after the quarter (`unit: 'months'`) or `count` days after its
 * last day (`'days'`). Day numbers that may lie past the calendar's last day.
 *
 * @example
 * const { quarter, due } = quarterAndDue(parseDate('2024-05-10'), 2, { unit: 'months', count: 4 });
 * // quarter 2024-10-01 to 2024-12-31, due 2025-04-30
 */
export function quarterAndDue(exit: CalendarDate, quarter: number, lag: { readonly unit: 'months' | 'days'; readonly count: number }): { readonly quarter: Quarter; readonly due: DayNumber } {
  const q = quarterAfter(exit, quarter);
  if (q.last > MAX_DATE) return { quarter: q, due: addDaysUnbounded(q.last, lag.count) };
  const due = lag.unit === 'days' ? addDaysUnbounded(q.last, lag.count) : monthEndAfter(q.last as CalendarDate, lag.count);
  return { quarter: q, due };
}

/**
 * The day the data of the `quarter`-th quarter after the quarter of `exit` is due (see
 * {@link quarterAndDue}), or `undefined` past the calendar's last day.
 *
 * @example
 * quarterDataDue(parseDate('2024-05-10'), 2, { unit: 'days', count: 120 }); // 2025-04-30
 */
export function quarterDataDue(exit: CalendarDate, quarter: number, lag: { readonly unit: 'months' | 'days'; readonly count: number }): CalendarDate | undefined {
  const { due } = quarterAndDue(exit, quarter, lag);
  return due <= MAX_DATE ? (due as CalendarDate) : undefined;
}
