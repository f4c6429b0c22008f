/**
 * The primitive wire types of a contract: ids, decimal strings, dates, currency codes and
 * rounding modes. They are plain strings with regex patterns so the JSON Schema export is exact;
 * range and calendar checks happen after the zod pass (see `checks/`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { ROUNDING_MODES } from '../money/index.js';
import { AMOUNT_DECIMALS_PATTERN, AMOUNT_MAGNITUDE_PATTERN, MAX_AMOUNT_DECIMALS } from '../money/limits.js';

/** Pattern of an id: letters, digits, `.`, `_`, `-`; starts with a letter or digit; 1 to 64 characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Pattern of a non-negative decimal string: `"0"`, `"1500.00"`, `"0.6"` (no sign, exponent or leading zeros). */
export const DECIMAL_PATTERN = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
/** Pattern of a share: a non-negative decimal (`"0.6"`) or a fraction of whole numbers (`"1/3"`, at most 15 digits each, denominator not 0). */
export const SHARE_PATTERN = /^(?:(0|[1-9][0-9]*)(\.[0-9]+)?|(0|[1-9][0-9]{0,14})\/([1-9][0-9]{0,14}))$/;
/** Pattern of a calendar date string `YYYY-MM-DD` (validity is checked by the calendar core). */
export const DATE_PATTERN = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Pattern of an ISO 4217 alphabetic currency code (whether it is known is checked by the money core). */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/**
 * An identifier referenced elsewhere in the contract (cohort, group, outcome, rule, ...).
 *
 * @example
 * IdSchema.parse('2023-A'); // '2023-A'
 */
export const IdSchema = z
  .string()
  .check(z.regex(ID_PATTERN, { error: 'must be an id: letters, digits, ".", "_" or "-", at most 64 characters' }));

/**
 * A non-negative exact decimal written as a string: an amount (`"1500.00"`), a rate or share
 * (`"0.6"`), a multiplier (`"1.4"`) or a percentage (`"10"`). Below 10^15, with at most 12
 * decimal places (the money core's limits, within which every computation is exact).
 *
 * @example
 * DecimalStringSchema.parse('0.6'); // '0.6'
 */
export const DecimalStringSchema = z
  .string()
  .check(
    z.regex(DECIMAL_PATTERN, { error: 'must be a non-negative decimal string such as "1500.00" or "0.6"' }),
    z.regex(AMOUNT_MAGNITUDE_PATTERN, { error: 'is too large: amounts, rates and factors must be below 10^15 (1,000,000,000,000,000)' }),
    z.regex(AMOUNT_DECIMALS_PATTERN, { error: `has more than ${String(MAX_AMOUNT_DECIMALS)} decimal places, the most outcome-pay keeps exact` }),
  );

/**
 * A calendar date `YYYY-MM-DD`.
 *
 * @example
 * DateStringSchema.parse('2023-09-01'); // '2023-09-01'
 */
export const DateStringSchema = z.string().check(z.regex(DATE_PATTERN, { error: 'must be a calendar date written YYYY-MM-DD' }));

/**
 * An ISO 4217 currency code such as `"EUR"` or `"GBP"`.
 *
 * @example
 * CurrencySchema.parse('EUR'); // 'EUR'
 */
export const CurrencySchema = z.string().check(z.regex(CURRENCY_PATTERN, { error: 'must be an ISO 4217 currency code such as "EUR"' }));

/**
 * The rounding modes a contract may name: the money core's `ROUNDING_MODES` (one list, so the
 * schema can never offer a mode the money core does not implement).
 *
 * @example
 * CONTRACT_ROUNDING_MODES.includes('half-even'); // true
 */
export const CONTRACT_ROUNDING_MODES = ROUNDING_MODES;

/**
 * A rounding mode name.
 *
 * @example
 * RoundingModeSchema.parse('half-up'); // 'half-up'
 */
export const RoundingModeSchema = z.enum(CONTRACT_ROUNDING_MODES);

/**
 * The longest duration in days a contract can state (a window, a gap, a lag, a period): 36,600
 * days, a little over a century. A date plus such a duration may still pass the calendar's last
 * day (9999-12-31); the engine then treats the end as later than every date.
 *
 * @example
 * DaysSchema.safeParse(MAX_CONTRACT_DAYS + 1).success; // false: CONTRACT_TOO_BIG
 */
export const MAX_CONTRACT_DAYS = 36_600;

/**
 * The most calendar months a contract can count (retention, wage progression): 1,200, a century.
 *
 * @example
 * MonthsSchema.safeParse(1_201).success; // false: CONTRACT_TOO_BIG
 */
export const MAX_CONTRACT_MONTHS = 1_200;

/**
 * The most weeks a contract can count (retention, wage progression): 5,228, the most whole weeks
 * within {@link MAX_CONTRACT_DAYS} (5,228 × 7 = 36,596 days).
 *
 * @example
 * WeeksSchema.safeParse(5_229).success; // false: CONTRACT_TOO_BIG
 */
export const MAX_CONTRACT_WEEKS = 5_228;

/**
 * The largest count of participants, units, payments or positions a contract can state:
 * 10,000,000 (the most records a settlement is proven exact for, see docs/money.md).
 *
 * @example
 * CountSchema.safeParse(10_000_001).success; // false: CONTRACT_TOO_BIG
 */
export const MAX_CONTRACT_COUNT = 10_000_000;

/**
 * A whole number of days, 0 to {@link MAX_CONTRACT_DAYS}.
 *
 * @example
 * DaysSchema.parse(90); // 90
 */
export const DaysSchema = z.int().check(z.minimum(0), z.maximum(MAX_CONTRACT_DAYS));

/**
 * A whole number of calendar months, 0 to {@link MAX_CONTRACT_MONTHS}.
 *
 * @example
 * MonthsSchema.parse(12); // 12
 */
export const MonthsSchema = z.int().check(z.minimum(0), z.maximum(MAX_CONTRACT_MONTHS));

/**
 * A whole number of weeks (7 days each), 0 to {@link MAX_CONTRACT_WEEKS}.
 *
 * @example
 * WeeksSchema.parse(26); // 26
 */
export const WeeksSchema = z.int().check(z.minimum(0), z.maximum(MAX_CONTRACT_WEEKS));

/**
 * A whole number of participants, units, payments or positions, 0 to {@link MAX_CONTRACT_COUNT}.
 *
 * @example
 * CountSchema.parse(120); // 120
 */
export const CountSchema = z.int().check(z.minimum(0), z.maximum(MAX_CONTRACT_COUNT));

/**
 * A free human-readable text (name, description).
 *
 * @example
 * TextSchema.parse('Retention at 6 months'); // 'Retention at 6 months'
 */
export const TextSchema = z.string().check(z.minLength(1), z.maxLength(500));

/**
 * A share written exactly: a non-negative decimal (`"0.6"`) or a fraction of whole numbers
 * (`"1/3"`, `"2/3"`), for shares no decimal writes exactly. Decimals keep the limits of
 * {@link DecimalStringSchema}; whether the share is at most 1 is checked after the zod pass.
 *
 * @example
 * ShareTextSchema.parse('1/3'); // '1/3'
 * ShareTextSchema.parse('0.2'); // '0.2'
 */
export const ShareTextSchema = z
  .string()
  .check(
    z.regex(SHARE_PATTERN, { error: 'must be a share written as a decimal such as "0.6" or a fraction such as "1/3"' }),
    z.regex(AMOUNT_MAGNITUDE_PATTERN, { error: 'is too large: amounts, rates and factors must be below 10^15 (1,000,000,000,000,000)' }),
    z.regex(AMOUNT_DECIMALS_PATTERN, { error: `has more than ${String(MAX_AMOUNT_DECIMALS)} decimal places, the most outcome-pay keeps exact` }),
  );
