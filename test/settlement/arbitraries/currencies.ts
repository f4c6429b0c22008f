/**
 * Currencies of generated contracts, with 0, 2 and 3 minor units, and exact money text: amounts
 * are drawn as integers of minor units and written with the currency's decimals; settlement
 * figures are read back into bigint minor units, never through a float.
 *
 * The minor units are written here, not read from the money core, so that a test of the
 * engine's rounding does not take its digits from the engine.
 */
import { chance, int, pick, type Gen } from './gen.js';

/** A currency a generated contract may use. */
export interface Currency {
  /** ISO 4217 code. */
  readonly code: string;
  /** Digits after the decimal point (ISO 4217 minor units). */
  readonly places: number;
  /** Minor units of the currency in one "base unit" of generated prices (so JPY prices look like yen prices). */
  readonly scale: number;
}

/** The currencies drawn: 0 (JPY), 2 (EUR, GBP) and 3 (KWD) minor units. */
export const CURRENCIES: readonly Currency[] = [
  { code: 'EUR', places: 2, scale: 100 },
  { code: 'GBP', places: 2, scale: 100 },
  { code: 'JPY', places: 0, scale: 150 },
  { code: 'KWD', places: 3, scale: 300 },
];

/** EUR, the currency of the examples. */
export const EUR = CURRENCIES[0] as Currency;

/** A currency: EUR a third of the time, each other one about two ninths. */
export function currency(g: Gen): Currency {
  return chance(g, 33) ? EUR : pick(g, CURRENCIES.slice(1));
}

/** The currency of a code (throws for one not drawn here). */
export function currencyOf(code: string): Currency {
  const found = CURRENCIES.find((c) => c.code === code);
  if (found === undefined) throw new Error(`not a generated currency: ${code}`);
  return found;
}

/** Integer minor units → money text with the currency's decimals (`12345` EUR → "123.45", KWD → "12.345", JPY → "12345"). */
export function moneyText(units: bigint | number, places: number): string {
  const value = BigInt(units);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}

/**
 * A decimal string with at most `places` decimals → integer minor units, exactly. Accepts what
 * settlements print (`"-12.30"`) and what `formatDecimal` prints for units and limits (`"1200"`,
 * `"0.5"`); throws for anything finer than the minor unit or not a plain decimal.
 *
 * @example
 * minor('1234.5', 2); // 123450n
 */
export function minor(text: string, places: number): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) throw new Error(`not a plain decimal: ${JSON.stringify(text)}`);
  const fraction = match[3] ?? '';
  if (fraction.length > places) throw new Error(`${text} has more than ${places} decimals`);
  const value = BigInt(match[2] ?? '0') * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0') || '0');
  return match[1] === '-' ? -value : value;
}

/** Sum of money texts in minor units. */
export function sumMinor(texts: readonly string[], places: number): bigint {
  return texts.reduce((total, text) => total + minor(text, places), 0n);
}

/**
 * An amount of about `from` to `to` base units (a base unit is one euro, one pound, 1.5 hundred
 * yen or 0.3 dinar), drawn in minor units so that odd last digits are common.
 */
export function amount(g: Gen, c: Currency, from: number, to: number): string {
  return moneyText(int(g, Math.round(from * c.scale), Math.round(to * c.scale)), c.places);
}

/** `units` minor units of `c` written as money text. */
export function unitsText(c: Currency, units: number): string {
  return moneyText(units, c.places);
}
