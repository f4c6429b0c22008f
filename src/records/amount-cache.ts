/**
 * Wage amounts already parsed in one validation run, shared between records: amounts are
 * immutable, and a cohort's wages repeat (a pay scale, a minimum wage), so records can point to
 * one decimal instead of each building its own.
 *
 * The cache is direct-mapped and keyed by value, not by text: a text of at most two decimal
 * places is read once, by its character codes, into its value in hundredths (an integer below
 * 2^47, exact in a float64), which picks one of a fixed number of slots. A slot keeps the first
 * value that takes it: a later value for the same slot is parsed each time and not cached. So a
 * lookup costs one pass over a few characters and no string hashing, memory is fixed (a few
 * hundred kilobytes per run), and the result is the decimal `amountFromPlainText` gives for the
 * text, whichever record put it there first.
 *
 * Why a slot is never overwritten: a cached decimal lives long enough to be moved to the engine's
 * old generation, so replacing it made it garbage there, which only a full collection reclaims.
 * With many distinct wages (a million records hold some 130,000), overwriting produced a steady
 * stream of such garbage: streamed settlements ran 1.16 to 1.18 x slower and peaked higher. An
 * uncached decimal belongs to one record and dies young with it.
 *
 * @module
 */
import { isWithinAmountLimits, amountFromPlainText, type Amount } from '../money/index.js';
import { DOT, ZERO_CODE } from './char-codes.js';

const SLOT_BITS = 14;
const SLOTS = 1 << SLOT_BITS;
/** Whole parts at or above this are not cached (hundredths must stay exact in a float64). */
const MAX_WHOLE = 2 ** 40;
/** The key of no value (keys are non-negative). */
const EMPTY = -1;

/**
 * A run's cache of wage amounts by value.
 *
 * @example
 * const cache = createAmountCache();
 * cache.amountOf('1650.50') === cache.amountOf('1650.5'); // true in a fresh cache: one shared decimal
 * cache.amountOf('-1'); // undefined (not a plain non-negative decimal text)
 */
export interface AmountCache {
  /**
   * The amount of a plain non-negative decimal text (digits with an optional fraction), exactly
   * as `amountFromPlainText` gives it, or `undefined` for any other text and for an amount beyond
   * the money core's limits (10^15, 12 decimal places: the general path reports those).
   */
  amountOf(text: string): Amount | undefined;
  /** {@link AmountCache.amountOf} of the text between `start` and `end`, read in place. */
  amountIn(text: string, start: number, end: number): Amount | undefined;
}

/**
 * An empty cache, for one validation run (never shared between runs: no module state).
 *
 * @example
 * const run: ValidationRun = { context, action: 'excluded', amounts: createAmountCache() };
 */
export function createAmountCache(): AmountCache {
  const keys = new Float64Array(SLOTS).fill(EMPTY);
  const amounts = new Array<Amount | undefined>(SLOTS).fill(undefined);
  function amountIn(text: string, start: number, end: number): Amount | undefined {
    const key = hundredths(text, start, end);
    // not cacheable: parse it (or refuse it) as is; a cacheable text (whole part below 2^40, at
    // most two decimals) is always within the limits
    if (key < 0) {
      const amount = amountFromPlainText(start === 0 && end === text.length ? text : text.slice(start, end));
      return amount !== undefined && isWithinAmountLimits(amount) ? amount : undefined;
    }
    const slot = slotOf(key);
    if (keys[slot] === key) return amounts[slot];
    const amount = amountFromPlainText(start === 0 && end === text.length ? text : text.slice(start, end));
    if (keys[slot] === EMPTY) {
      keys[slot] = key;
      amounts[slot] = amount;
    }
    return amount;
  }
  return {
    amountOf: (text) => amountIn(text, 0, text.length),
    amountIn,
  };
}

/**
 * The value of a plain decimal text (between `start` and `end`) in hundredths; -1 when the text is not one (or has more
 * than two decimal places, or a whole part of 2^40 or more: such texts are not cached).
 */
function hundredths(text: string, start: number, end: number): number {
  if (end <= start) return -1;
  let whole = 0;
  let i = start;
  for (; i < end; i++) {
    const digit = text.charCodeAt(i) - ZERO_CODE;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === start || whole >= MAX_WHOLE) return -1;
  if (i === end) return whole * 100;
  if (text.charCodeAt(i) !== DOT) return -1;
  const places = end - i - 1;
  if (places < 1 || places > 2) return -1;
  const tenths = text.charCodeAt(i + 1) - ZERO_CODE;
  const last = places === 2 ? text.charCodeAt(i + 2) - ZERO_CODE : 0;
  if (tenths < 0 || tenths > 9 || last < 0 || last > 9) return -1;
  return whole * 100 + tenths * 10 + last;
}

/** A slot for a key: its high and low 32-bit halves mixed (amounts are often round numbers). */
function slotOf(key: number): number {
  const low = key >>> 0;
  const high = (key / 0x100000000) >>> 0;
  return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> (32 - SLOT_BITS);
}
