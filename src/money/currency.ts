/**
 * ISO 4217 currencies and their minor units.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { expectString } from '../guard.js';

/** An ISO 4217 alphabetic code such as `"EUR"`. */
export type CurrencyCode = string;

const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMALS = 'CLF UYW';
const TWO_DECIMALS =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD ' +
  'LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN ' +
  'PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB ' +
  'TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD YER ZAR ZMW ZWG';

function table(): ReadonlyMap<string, number> {
  const entries: [string, number][] = [];
  const add = (codes: string, units: number): void => {
    for (const code of codes.split(' ')) entries.push([code, units]);
  };
  add(ZERO_DECIMALS, 0);
  add(TWO_DECIMALS, 2);
  add(THREE_DECIMALS, 3);
  add(FOUR_DECIMALS, 4);
  return new Map(entries);
}

/** Minor units (digits after the decimal point) of every active ISO 4217 currency. Read-only. */
const MINOR_UNITS: ReadonlyMap<string, number> = table();

/**
 * True when `code` is an active ISO 4217 currency known to outcome-pay.
 *
 * @example
 * isKnownCurrency('EUR'); // true
 * isKnownCurrency('eur'); // false (codes are upper case)
 */
export function isKnownCurrency(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && MINOR_UNITS.has(code);
}

/**
 * The number of minor-unit digits of a currency: 2 for EUR and GBP, 0 for JPY, 3 for KWD.
 * Throws {@link OutcomePayError} `CURRENCY_UNKNOWN` for a code that is not an active ISO 4217 code,
 * `ARGUMENT_INVALID` for a value that is not a string.
 *
 * @example
 * minorUnits('EUR'); // 2
 * minorUnits('JPY'); // 0
 */
export function minorUnits(code: CurrencyCode): number {
  return currencyUnits('minorUnits', code);
}

/**
 * {@link minorUnits} for a function that takes a currency (`where`, named in the error).
 *
 * @example
 * currencyUnits('formatMoney', 'JPY'); // 0
 */
export function currencyUnits(where: string, code: CurrencyCode): number {
  expectString(where, 'currency', code);
  const units = MINOR_UNITS.get(code);
  if (units === undefined) {
    throw new OutcomePayError(
      'CURRENCY_UNKNOWN',
      `${where}: currency ${JSON.stringify(code.length > 40 ? `${code.slice(0, 40)}...` : code)} is not an active ISO 4217 currency code (write it in upper case, such as "EUR")`,
    );
  }
  return units;
}

/**
 * Every currency code known to outcome-pay, sorted.
 *
 * @example
 * knownCurrencies().includes('GBP'); // true
 */
export function knownCurrencies(): readonly CurrencyCode[] {
  return [...MINOR_UNITS.keys()].sort();
}
