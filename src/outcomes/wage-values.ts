/**
 * Finding wages in a record: the wage on a measurement date and the placement baseline.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import type { Amount } from '../money/index.js';
import type { EmploymentSpell, OutcomeRecord, WageObservation } from '../records/index.js';
import { covers } from './spells.js';

/**
 * The wage at `day`: the latest wage observation dated in `[from, day]` (the last listed when
 * several share that date), else the monthly wage of the latest-starting spell covering `day` that
 * records one. `undefined` when neither exists. `day` must not be after the as-of date.
 *
 * @example
 * wageOn(record, placementDate, measureDate)?.toFixed(2); // '1650.00'
 */
export function wageOn(record: OutcomeRecord, from: CalendarDate, day: CalendarDate): Amount | undefined {
  let best: Amount | undefined;
  let bestOn: CalendarDate | undefined;
  const wages = record.wages;
  for (let i = 0; i < wages.length; i++) {
    const w = wages[i] as WageObservation;
    if (w.on >= from && w.on <= day && (bestOn === undefined || w.on >= bestOn)) {
      best = w.monthlyWage;
      bestOn = w.on;
    }
  }
  if (best !== undefined) return best;
  let spellStart: CalendarDate | undefined;
  const spells = record.spells;
  for (let i = 0; i < spells.length; i++) {
    const s = spells[i] as EmploymentSpell;
    if (s.monthlyWage !== undefined && covers(s, day) && (spellStart === undefined || s.start >= spellStart)) {
      best = s.monthlyWage;
      spellStart = s.start;
    }
  }
  return best;
}

/**
 * The earliest wage observation dated in `[from, to]` (the first listed when several share that
 * date), with its date; `undefined` when there is none.
 *
 * @example
 * earliestWage(record, placementDate, addDays(placementDate, 31)); // { on, wage }
 */
export function earliestWage(
  record: OutcomeRecord,
  from: CalendarDate,
  to: CalendarDate,
): { readonly on: CalendarDate; readonly wage: Amount } | undefined {
  let found: { readonly on: CalendarDate; readonly wage: Amount } | undefined;
  const wages = record.wages;
  for (let i = 0; i < wages.length; i++) {
    const w = wages[i] as WageObservation;
    if (w.on >= from && w.on <= to && (found === undefined || w.on < found.on)) found = { on: w.on, wage: w.monthlyWage };
  }
  return found;
}
