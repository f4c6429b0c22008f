/**
 * The money core: exact amounts, currencies, rounding, canonical text and allocation.
 * Nothing here knows about contracts; everything above uses it for every amount.
 *
 * @module
 */
export { ZERO, checkAmount, isDecimalString, parseAmount, sumAmounts } from './amount.js';
export type { Amount, AmountInput } from './amount.js';
export { isKnownCurrency, knownCurrencies, minorUnits } from './currency.js';
export type { CurrencyCode } from './currency.js';
export { ROUNDING_MODES, roundDecimal, roundMoney } from './rounding.js';
export type { RoundingMode } from './rounding.js';
export { formatDecimal, formatMoney } from './format.js';
export { allocate } from './allocate.js';
export { MAX_AMOUNT_DECIMALS, MAX_AMOUNT_INTEGER_DIGITS, checkAmountLimits } from './limits.js';

// For the other folders of src/ (src/index.ts decides what the package exports)
export { amountDigits, hundredthsOf, isZeroDigits } from './amount-digits.js';
export { Dec, isAnyDecimal } from './decimal.js';
export { isWithinAmountLimits } from './limits.js';
export {
  RATIO_ZERO,
  compareRatios,
  ratioMinus,
  ratioOf,
  ratioOfInteger,
  ratioOver,
  ratioPlus,
  ratioTimes,
  ratioValue,
  roundRatio,
  roundRatioMoney,
} from './ratio.js';
export type { Ratio } from './ratio.js';
export { amountFromPlainText } from './wage-text.js';
export { allocateRatios } from './allocate.js';
export { FRACTION_PATTERN, isFractionText, ratioText, shareRatio } from './share-text.js';
