/**
 * The terms of a fee worked out once per settlement: the monthly instalments of a delivery fee
 * set as a share of the contract's value, and the amount a phased attachment fee charges for a
 * start on a given day. Shared by the fee's lines and its closed-form bounds.
 *
 * @module
 */
import { addMonthsUnbounded, formatDate, parseDate, type CalendarDate } from '../../calendar/index.js';
import type { PaymentRule } from '../../contract/index.js';
import { allocate, minorUnits, parseAmount, roundMoney, type Amount, type CurrencyCode, type RoundingMode } from '../../money/index.js';
import type { ScheduledPayment } from './rule-module.js';

type Charge = Extract<PaymentRule, { readonly kind: 'fee' }>['charge'];
type ShareOfValue = Extract<Charge, { readonly kind: 'shareOfValue' }>;
type PerStart = Extract<Charge, { readonly kind: 'perStart' }>;

/** A delivery fee as a share of the contract's value: its total and its monthly instalments. */
export interface Instalments {
  /** `share × contractValue`, rounded once to the minor unit with the contract's rounding mode. */
  readonly total: Amount;
  /** The exact product before rounding. */
  readonly exact: Amount;
  /** One payment per month, in date order: the total split equally, leftover minor units to the earliest. */
  readonly payments: readonly ScheduledPayment[];
}

/**
 * The instalments of a `shareOfValue` fee: the total (`share × contractValue`, rounded once with
 * the contract's rounding mode) split into `months` equal parts by largest remainder (`allocate`
 * with equal weights: the minor units left over go one each to the earliest instalments), dated
 * `firstOn` and each calendar month after it (counted from `firstOn`, month-end clamped: 31
 * January, 29 February in a leap year, 31 March...).
 *
 * @example
 * feeInstalments(charge, 'GBP', 'half-even').payments.map((p) => `${p.date} ${p.written}`); // ['2024-01-31 33.34', '2024-02-29 33.33', '2024-03-31 33.33']
 */
export function feeInstalments(charge: ShareOfValue, currency: CurrencyCode, rounding: RoundingMode): Instalments {
  const exact = parseAmount(charge.share).times(parseAmount(charge.contractValue));
  const total = roundMoney(exact, currency, rounding);
  const parts = allocate(total, Array.from({ length: charge.months }, () => '1'), currency);
  const first = parseDate(charge.firstOn);
  const places = minorUnits(currency);
  const payments = parts.map((amount, k): ScheduledPayment => {
    const day = k === 0 ? first : addMonthsUnbounded(first, k);
    return { date: formatDate(day as CalendarDate), day, amount, written: amount.toFixed(places), label: `instalment ${k + 1} of ${charge.months}` };
  });
  return { total, exact, payments };
}

/** A phased per-start fee: the amount from each date on, earliest first (the base amount from the beginning). */
export interface FeePhases {
  /** The day each phase starts (the base amount's: -Infinity), ascending. */
  readonly from: readonly number[];
  /** The amount of each phase. */
  readonly amounts: readonly Amount[];
  /** The dates as the contract writes them (the base amount's: null). */
  readonly written: readonly (string | null)[];
}

/**
 * The phases of a per-start fee: `amount` before the first phase, each phase's amount from its
 * `from` date on (enrolment on or after it).
 *
 * @example
 * feePhases({ kind: 'perStart', amount: '400.00', phases: [{ from: '2013-06-01', amount: '0.00' }] }).amounts.map(String); // ['400', '0']
 */
export function feePhases(charge: PerStart): FeePhases {
  const phases = charge.phases ?? [];
  return {
    from: [-Infinity, ...phases.map((phase) => parseDate(phase.from) as number)],
    amounts: [parseAmount(charge.amount), ...phases.map((phase) => parseAmount(phase.amount))],
    written: [null, ...phases.map((phase) => phase.from)],
  };
}

/**
 * The index of the phase in force for a start on `day`: the last phase starting on or before it.
 *
 * @example
 * phaseOn(feePhases(charge), parseDate('2013-06-01')); // 1
 */
export function phaseOn(phases: FeePhases, day: number): number {
  let index = 0;
  while (index + 1 < phases.from.length && (phases.from[index + 1] as number) <= day) index += 1;
  return index;
}

/**
 * The phases in force for some start between `first` and `last` (inclusive), as indexes.
 *
 * @example
 * phasesBetween(feePhases(charge), parseDate('2012-01-01'), parseDate('2013-12-31')); // [0, 1]
 */
export function phasesBetween(phases: FeePhases, first: number, last: number): number[] {
  const indexes: number[] = [];
  for (let k = phaseOn(phases, first); k < phases.from.length && (phases.from[k] as number) <= last; k++) indexes.push(k);
  return indexes;
}
