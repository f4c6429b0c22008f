/**
 * Resolves a wage progression outcome for one participant, given its placement.
 *
 * @module
 */
import { addDaysUnbounded, durationLater, type CalendarDate } from '../calendar/index.js';
import { hundredthsOf, type Amount } from '../money/index.js';
import type { OutcomeRecord } from '../records/index.js';
import type { CompiledWageProgression, CompiledWageThreshold } from './compiled-form.js';
import { decidedOn, isResolution, placedOrResolution } from './dependent.js';
import { achieved, failed, pending, type Resolution } from './resolution.js';
import { earliestWage, wageOn } from './wage-values.js';

/**
 * Days after the placement date in which a wage observation can serve as the placement baseline:
 * observations dated in `[P, P + 31]`.
 *
 * @example
 * addDays(placementDate, PLACEMENT_BASELINE_DAYS); // the last day a baseline observation may carry
 */
export const PLACEMENT_BASELINE_DAYS = 31;

/** Percents of more than this many hundredths are compared in decimals (products stay below 2^53). */
const MAX_PERCENT_HUNDREDTHS = 2 ** 21;

/**
 * True when `wage` rose over `base` by at least the threshold, exactly:
 * percent: `wage − base >= base × percent / 100` (a zero base passes iff `wage > 0`);
 * amount: `wage − base >= amount`.
 * Compared as integers of hundredths when every amount is a whole number of hundredths below
 * 2^31 (wages nearly always are: no decimal is created), in decimals otherwise; the same answer.
 *
 * @example
 * passes(parseAmount('1650'), parseAmount('1500'), { kind: 'percent', percent: parseAmount('10') }); // true
 */
export function passes(wage: Amount, base: Amount, threshold: CompiledWageThreshold): boolean {
  const w = hundredthsOf(wage);
  const b = hundredthsOf(base);
  switch (threshold.kind) {
    case 'percent': {
      const p = hundredthsOf(threshold.percent);
      if (w !== undefined && b !== undefined && p !== undefined && Math.abs(p) <= MAX_PERCENT_HUNDREDTHS) {
        // (w − b) / 100 × 100 >= b / 100 × p / 100, times 10,000: below 2^46 and 2^52, exact
        return b === 0 ? w > 0 : (w - b) * 10_000 >= b * p;
      }
      if (base.isZero()) return wage.gt(0);
      return wage.minus(base).times(100).gte(base.times(threshold.percent));
    }
    case 'amount': {
      const a = hundredthsOf(threshold.amount);
      if (w !== undefined && b !== undefined && a !== undefined) return w - b >= a;
      return wage.minus(base).gte(threshold.amount);
    }
    default: {
      const never: never = threshold;
      return never;
    }
  }
}

/**
 * Resolves a wage progression: the wage at W, P plus the outcome's duration (`addMonths(P, months)`,
 * `P + 7 × weeks` or `P + days`), against the baseline,
 * decided on W (or later, when the placement or the baseline observation is later). See
 * `docs/outcomes.md`.
 *
 * @param o - the compiled outcome
 * @param record - the participant
 * @param placement - the resolution of its placement outcome
 * @param asOf - the as-of date
 * @example
 * resolveWageProgression(compiled, record, placementResolution, parseDate('2025-06-30'));
 */
export function resolveWageProgression(
  o: CompiledWageProgression,
  record: OutcomeRecord,
  placement: Resolution,
  asOf: CalendarDate,
): Resolution {
  const placed = placedOrResolution(placement);
  if (isResolution(placed)) return placed;
  const p = placed.anchor;
  // W and the day the outcome is decided may pass 9999-12-31: then it stays pending
  const measureOn = durationLater(p, o.duration);
  let base: Amount | undefined;
  let on = decidedOn(measureOn, placed);
  switch (o.baseline) {
    case 'preProgramme':
      base = record.baselineWage;
      break;
    case 'placement': {
      const spells = record.spells;
      for (let i = 0; i < spells.length; i++) {
        const spell = spells[i];
        if (spell !== undefined && spell.start === p) {
          base = spell.monthlyWage;
          break;
        }
      }
      if (base === undefined) {
        const lastDay = addDaysUnbounded(p, PLACEMENT_BASELINE_DAYS);
        const first = earliestWage(record, p, Math.min(lastDay, asOf) as CalendarDate);
        base = first?.wage;
        // Decided once the observation is known, or the day after the search window closed empty.
        on = Math.max(on, first === undefined ? lastDay + 1 : first.on);
      }
      break;
    }
    default: {
      const never: never = o.baseline;
      return never;
    }
  }
  if (on > asOf) return pending(measureOn > asOf ? 'AWAITING_MEASURE_DATE' : 'AWAITING_BASELINE', p);
  const decided = on as CalendarDate; // on or before asOf, so is W: both dates
  if (base === undefined) return failed(decided, 'NO_BASELINE', p);
  const wage = wageOn(record, p, measureOn as CalendarDate);
  if (wage === undefined) return failed(decided, 'NO_WAGE_DATA', p);
  return passes(wage, base, o.threshold) ? achieved(decided, 'WAGE_ROSE', p) : failed(decided, 'WAGE_BELOW_THRESHOLD', p);
}
