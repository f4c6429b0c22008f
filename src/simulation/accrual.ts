/**
 * What an investor capped at an annual IRR may still receive on a date: its draws grown at the
 * cap rate, less what it has received grown the same way, rounded down to the minor unit. Day
 * count actual/365, as the IRR (`irr.ts`): an amount `d` days old has grown by `(1 + rate)^(d/365)`,
 * computed as `(1 + rate)^q × g^s` (`d = 365 q + s`, `g = (1 + rate)^(1/365)` to 60 digits), so
 * whole years are exact.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { Dec, parseAmount, type Amount } from '../money/index.js';

/** The accrual's own decimal constructor: outcome-pay's private one (every setting named) at 40 digits. */
const Accrual = Dec.clone({ precision: 40 });

/** 60 digits for the daily factor, which the accrual raises to powers up to 364. */
const Fine = Accrual.clone({ precision: 60 });

/** A signed amount on a day: a draw positive (owed more), a receipt negative. */
export interface AccrualEvent {
  readonly day: number;
  readonly amount: Amount;
}

/**
 * The growth factors of one cap rate, memoised by age in days (one per simulation: the same ages
 * recur in every run).
 *
 * @example
 * const grow = growthAt('0.1');
 * grow(730).toFixed(); // '1.21'
 */
export function growthAt(rate: string): (days: number) => Decimal {
  const yearly = new Accrual(1).plus(rate);
  const daily = new Accrual(new Fine(1).plus(rate).ln().dividedBy(365).exp());
  const memo = new Map<number, Decimal>();
  return (days) => {
    let factor = memo.get(days);
    if (factor === undefined) {
      const rest = days % 365;
      factor = yearly.pow((days - rest) / 365).times(rest === 0 ? 1 : daily.pow(rest));
      memo.set(days, factor);
    }
    return factor;
  };
}

/**
 * What the investor may still receive on `day` under its IRR cap: the events up to that day grown
 * to it, summed, rounded down to `decimals` places; never below 0.
 *
 * @example
 * owedAtRate([{ day: 0, amount: parseAmount('100.00') }], 365, growthAt('0.1'), 2).toFixed(2); // '110.00'
 */
export function owedAtRate(events: readonly AccrualEvent[], day: number, grow: (days: number) => Decimal, decimals: number): Amount {
  let owed = new Accrual(0);
  for (const event of events) if (event.day <= day) owed = owed.plus(new Accrual(event.amount).times(grow(day - event.day)));
  return owed.gt(0) ? parseAmount(owed.toDecimalPlaces(decimals, Decimal.ROUND_DOWN).toFixed(decimals)) : parseAmount('0');
}
