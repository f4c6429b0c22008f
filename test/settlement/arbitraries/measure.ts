/**
 * What generated scenarios contain and what their settlements do: the choices a contract makes at
 * every choice point of the contract format (each discriminated union, union, enum, boolean and
 * optional field, read from the zod schema itself by test/contract/choice-points.ts, so that a
 * variant or a whole union added to the format and never generated fails the generator
 * measurement), two facts the schema does not hold as a choice (the currency's minor units, the
 * number of payers, how the payers fund the lines), and whether a settlement pays, binds a cap or fires an exit clause.
 */
import { ContractSchema, type ContractInput } from '../../../src/contract/index.js';
import type { Settlement } from '../../../src/index.js';
import { choicePoints, choicesIn } from '../../contract/choice-points.js';
import { minor } from './currencies.js';
import { fundingMode } from './payer-funding.js';

/** A choice (a union, enum, boolean or optional field of the format, or another fact measured) and its variants. */
export interface Union {
  /** Name: the path of the choice point in the contract (`rules[]:cohortRate.schedule`), or what else is measured. */
  readonly name: string;
  /** Every variant the format allows. */
  readonly variants: readonly string[];
}

/** Facts measured beside the choice points: they change what settlement computes, but the schema holds them as free values. */
const OTHER: readonly (Union & { readonly used: (c: ContractInput) => string })[] = [
  { name: 'currency minor units', variants: ['0', '2', '3'], used: (c) => (c.currency === 'JPY' ? '0' : c.currency === 'KWD' ? '3' : '2') },
  { name: 'payers', variants: ['1', '2', '3'], used: (c) => String(c.parties.payers.length) },
  // how the payers fund the lines: the schema holds a fraction share and a decimal one as the same text field
  {
    name: 'payer funding',
    variants: ['decimal shares', 'fraction shares', 'weights', 'top-ups', 'top-ups only', 'scoped weights', 'scoped shares'],
    used: fundingMode,
  },
];

/** Every choice point of the contract format, then the other facts measured. */
export const UNIONS: readonly Union[] = [...choicePoints(ContractSchema).map(({ path, variants }) => ({ name: path, variants })), ...OTHER];

/** The choices a contract makes, as `name = variant` (`caps[] = payer`, `payers = 2`). */
export function choicesOf(c: ContractInput): Set<string> {
  const made = choicesIn(ContractSchema, c).map(([path, variant]) => `${path} = ${variant}`);
  return new Set([...made, ...OTHER.map((other) => `${other.name} = ${other.used(c)}`)]);
}

/**
 * A settlement earned something: paid it, or earned it and holds it back (`totals.withheld`: by a
 * suspension, or by a minimum performance level until the level is met). Money held back is
 * money the properties follow too (conservation: paid + withheld + reduced = earned without the
 * levels), so a scenario whose whole earning is withheld is not a zero compared with a zero.
 */
export function pays(s: Settlement, places: number): boolean {
  return minor(s.totals.earned, places) > 0n || minor(s.totals.withheld, places) > 0n;
}

/** A cap cut something: a money or payer cap, a per-participant cap, or an outcome-volume cap. */
export function bindsCap(s: Settlement, places: number): boolean {
  return (
    s.tranches.some(
      (t) =>
        t.capCuts.some((cut) => minor(cut.cut, places) > 0n) ||
        t.lines.some((line) => Number(line.inputs['cutByVolumeCap'] ?? 0) > 0 || Number(line.inputs['cutByShareCap'] ?? 0) > 0),
    ) ||
    s.participantCaps.some((cap) => cap.claimsCut > 0)
  );
}

/** An exit clause fired. */
export function firesExit(s: Settlement): boolean {
  return s.exits.some((exit) => exit.outcome === 'fired');
}

/** The share of scenarios using each variant of each union: union name → variant → share in [0, 1]. */
export function variantShares(contracts: readonly ContractInput[], unions: readonly Union[] = UNIONS): Map<string, Map<string, number>> {
  const made = contracts.map(choicesOf);
  const out = new Map<string, Map<string, number>>();
  for (const union of unions) {
    const shares = new Map<string, number>();
    for (const variant of union.variants) shares.set(variant, made.filter((m) => m.has(`${union.name} = ${variant}`)).length / contracts.length);
    out.set(union.name, shares);
  }
  return out;
}
