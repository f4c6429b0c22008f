/**
 * Small drawing helpers over fast-check's `fc.gen()`: generators that build a whole contract or
 * record step by step, each choice depending on the ones before.
 *
 * Every choice is made from one draw of the same uniform 30-bit integer (then reduced to the
 * range wanted): `fc.gen()` remembers the arbitraries it was asked for by their arguments, and
 * thousands of differently-bounded `fc.integer` calls per scenario made drawing quadratic (about
 * 0.3 ms a draw). One shared arbitrary keeps a draw at a few microseconds, and shrinking a draw
 * towards 0 still moves each choice towards the first value of its range.
 */
import fc from 'fast-check';

/** fast-check's step-by-step value drawer. */
export type Gen = fc.GeneratorValue;

const RAW = fc.noBias(fc.nat(0x3fffffff));
const raw = (): fc.Arbitrary<number> => RAW;

/** An integer in [min, max] (max below min counts as min). */
export function int(g: Gen, min: number, max: number): number {
  const span = Math.max(0, Math.floor(max) - Math.ceil(min)) + 1;
  return Math.ceil(min) + (g(raw) % span);
}

/** One of `values`, uniformly. */
export function pick<T>(g: Gen, values: readonly T[]): T {
  if (values.length === 0) throw new Error('pick from an empty list');
  return values[int(g, 0, values.length - 1)] as T;
}

/** True with probability `percent` / 100. */
export function chance(g: Gen, percent: number): boolean {
  return int(g, 1, 100) <= percent;
}

/** A subset, possibly empty, in the input order (each element kept with probability 1/2). */
export function anyOf<T>(g: Gen, values: readonly T[]): T[] {
  return values.filter(() => int(g, 0, 1) === 1);
}

/** A subset keeping at least one element, in the input order. */
export function someOf<T>(g: Gen, values: readonly T[]): T[] {
  if (values.length === 0) throw new Error('someOf an empty list');
  const kept = anyOf(g, values);
  return kept.length > 0 ? kept : [pick(g, values)];
}

/** `count` distinct integers in [min, max], in increasing order (fewer if the range is smaller). */
export function distinctInts(g: Gen, count: number, min: number, max: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < count * 3 && out.size < count; i++) out.add(int(g, min, max));
  return [...out].sort((a, b) => a - b);
}

/** A rate in [0, 1] written with up to four decimals, from integer basis points ("0.25", "1"). */
export function basisPoints(bp: number): string {
  if (bp === 10_000) return '1';
  if (bp === 0) return '0';
  return `0.${String(bp).padStart(4, '0')}`.replace(/0+$/, '');
}
