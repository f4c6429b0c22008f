/**
 * The reference's split among payers, written from docs/contract.md (Parties) and
 * docs/mechanics/payer-funding.md without the engine or the money core: fractions of bigints of its
 * own, a payer funding a line when each list of its `funds` names the line's rule, outcome and
 * cohort (a line without one is in no list of it), top-ups taken first and the rest split among the
 * share or weight payers funding the line in proportion to their shares or weights; each payer's
 * exact part of a tranche the sum of paid × its fraction over the lines; the tranche's total split
 * by largest remainder over the exact parts (floors in minor units, leftover units to the largest
 * remainders, ties to the payer listed first).
 */
import type { ContractInput } from '../../../src/contract/index.js';

type Payer = ContractInput['parties']['payers'][number];

/** An exact fraction n / d, d > 0, in lowest terms. */
export interface Frac {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** n / d in lowest terms. */
export function frac(n: bigint, d = 1n): Frac {
  if (d === 0n) throw new Error('reference: division by zero');
  const sign = d < 0n ? -1n : 1n;
  const k = gcd(n, d);
  return { n: (sign * n) / k, d: (sign * d) / k };
}

export const add = (a: Frac, b: Frac): Frac => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Frac, b: Frac): Frac => frac(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Frac, b: Frac): Frac => frac(a.n * b.n, a.d * b.d);
export const div = (a: Frac, b: Frac): Frac => frac(a.n * b.d, a.d * b.n);
/** a − b compared with 0: -1, 0 or 1. */
export const cmp = (a: Frac, b: Frac): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};
const ZERO = frac(0n);
const ONE = frac(1n);

/** A decimal (`"0.35"`, `"1500.00"`) or a fraction (`"1/3"`) as an exact fraction. */
export function parseFrac(text: string): Frac {
  const slash = text.indexOf('/');
  if (slash >= 0) return frac(BigInt(text.slice(0, slash)), BigInt(text.slice(slash + 1)));
  const negative = text.startsWith('-');
  const [whole = '0', decimals = ''] = (negative ? text.slice(1) : text).split('.');
  const value = frac(BigInt(whole + decimals), 10n ** BigInt(decimals.length));
  return negative ? frac(-value.n, value.d) : value;
}

/**
 * A fraction as the settlement document writes it (docs/mechanics/payer-funding.md: a decimal, or
 * `n/d` when no decimal writes it): the decimal when the denominator has no prime factor but 2 and
 * 5, without trailing zeros.
 */
export function fracText(value: Frac): string {
  let rest = value.d;
  while (rest % 2n === 0n) rest /= 2n;
  while (rest % 5n === 0n) rest /= 5n;
  if (rest !== 1n) return `${value.n.toString()}/${value.d.toString()}`;
  let places = 0;
  while ((10n ** BigInt(places)) % value.d !== 0n) places++;
  const scaled = (value.n * 10n ** BigInt(places)) / value.d;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}

/** A line as funding reads it: its rule (null for a fixed payment on exit, which is in no rules list), cohort and outcome. */
export interface FundedKey {
  readonly rule: string | null;
  readonly cohort: string | null;
  readonly outcome: string | null;
}

function fundsLine(payer: Payer, line: FundedKey): boolean {
  const scope = payer.funds;
  if (scope === undefined) return true;
  const inList = (list: readonly string[] | undefined, id: string | null): boolean => list === undefined || (id !== null && list.includes(id));
  return inList(scope.rules, line.rule) && inList(scope.outcomes, line.outcome) && inList(scope.cohorts, line.cohort);
}

/**
 * Each payer's exact fraction of a line, in contract order (0 for a payer not funding it).
 *
 * @example
 * lineFractions(payers, { rule: 'pay-ret', cohort: 'A', outcome: 'retention-6m' }); // [4/5, 1/5]
 */
export function lineFractions(payers: readonly Payer[], line: FundedKey): Frac[] {
  const funding = payers.map((payer) => fundsLine(payer, line));
  const topUps = payers.reduce((total, payer, i) => (funding[i] === true && payer.topUp !== undefined ? add(total, parseFrac(payer.topUp)) : total), ZERO);
  const rest = cmp(topUps, ONE) >= 0 ? ZERO : sub(ONE, topUps);
  const proportional = (payer: Payer): string | undefined => payer.share ?? payer.weight;
  const sum = payers.reduce((total, payer, i) => {
    const value = proportional(payer);
    return funding[i] === true && value !== undefined ? add(total, parseFrac(value)) : total;
  }, ZERO);
  return payers.map((payer, i) => {
    if (funding[i] !== true) return ZERO;
    if (payer.topUp !== undefined) return parseFrac(payer.topUp);
    const value = proportional(payer);
    return value === undefined || sum.n === 0n ? ZERO : mul(rest, div(parseFrac(value), sum));
  });
}

/** A line of a tranche: its key and what it paid after money caps. */
export interface PaidLine extends FundedKey {
  readonly paid: Frac;
}

/** A tranche's split among the payers: exact parts (fractions of money) and parts in minor units, contract order. */
export interface RefSplit {
  readonly exact: readonly Frac[];
  /** Parts in minor units. */
  readonly parts: readonly bigint[];
}

/**
 * Splits a tranche among the payers: exact parts over its lines, then largest remainder in minor
 * units (`places` decimals), ties to the payer listed first.
 *
 * @example
 * splitAmongPayers(payers, lines, 2).parts; // [33334n, 33334n, 33333n] for thirds of 1000.01
 */
export function splitAmongPayers(payers: readonly Payer[], lines: readonly PaidLine[], places: number): RefSplit {
  let exact: Frac[] = payers.map(() => ZERO);
  for (const line of lines) {
    const fractions = lineFractions(payers, line);
    exact = exact.map((part, i) => add(part, mul(line.paid, fractions[i] ?? ZERO)));
  }
  const unit = frac(10n ** BigInt(places));
  const scaled = exact.map((part) => mul(part, unit));
  // floor of a non-negative fraction
  const floors = scaled.map((part) => part.n / part.d);
  const total = mul(lines.reduce((s, line) => add(s, line.paid), ZERO), unit);
  if (total.d !== 1n) throw new Error('reference: a tranche total that is not whole minor units');
  let left = total.n - floors.reduce((s, f) => s + f, 0n);
  const order = scaled.map((part, index) => ({ index, remainder: sub(part, frac(floors[index] ?? 0n)) })).sort((a, b) => cmp(b.remainder, a.remainder) || a.index - b.index);
  const parts = [...floors];
  for (const { index } of order) {
    if (left <= 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return { exact, parts };
}
