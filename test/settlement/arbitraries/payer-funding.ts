/**
 * How a generated contract's payers fund its payments (docs/mechanics/payer-funding.md), drawn
 * after the rest of the scenario: decimal shares of every line as before (about a third), exact
 * fraction shares (`"1/3"`), weights (`"2"`, `"1"`), top-ups (one or two payers paying a fixed
 * fraction of the lines they fund, scoped or not; or top-ups alone summing to 1), and `funds`
 * scopes restricting payers to some rules, outcomes or cohorts, valid by construction:
 *
 * - weights with scopes: the first payer funds every line with a weight above 0, the others any
 *   scope, any weight (0 included): every line is funded;
 * - shares with scopes: the ids of one dimension (rules, outcomes or cohorts) partitioned among
 *   the payers, the shares of each part summing to 1, only when no line of the contract can be
 *   outside every list of that dimension (a fee has no outcome, a fixed payment on exit no rule,
 *   outcome or cohort; a scheduled fee or instalments, a pooled cohort rate or a contract-wide bonus no cohort);
 * - top-ups: beside share or weight payers funding every line, at most 1 in all on any line.
 *
 * Payer ids stay those the caps name (`region`, `agency`, `fund`), at most three payers. Drawn
 * last, from the same draws, so every earlier draw of a scenario is as it was.
 */
import type { ContractInput } from '../../../src/contract/index.js';
import { chance, int, pick, someOf, type Gen } from './gen.js';

type Payer = ContractInput['parties']['payers'][number];
type Scope = NonNullable<Payer['funds']>;
type Dimension = 'rules' | 'outcomes' | 'cohorts';

const NAMES = ['region', 'agency', 'fund'] as const;

/** How the payers of a contract fund it, as measured (measure.ts) and as the properties tell them apart. */
export type FundingMode = 'decimal shares' | 'fraction shares' | 'weights' | 'top-ups' | 'top-ups only' | 'scoped weights' | 'scoped shares';

/** `count` positive whole numbers summing to `total` (count ≤ total). */
function splitWhole(g: Gen, total: number, count: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < count - 1) cuts.add(int(g, 1, total - 1));
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), total];
  return Array.from({ length: count }, (_, i) => (bounds[i + 1] ?? 0) - (bounds[i] ?? 0));
}

/** Exact fractions of 1 for `count` payers: `k/d` with d a denominator no decimal writes (3, 7, 12...), sometimes in lowest terms, sometimes not. */
function fractionsOfOne(g: Gen, count: number): string[] {
  if (count === 1) return [pick(g, ['1', '3/3', '1/1'])];
  const denominator = pick(g, [3, 6, 7, 9, 12, 300_007]);
  return splitWhole(g, denominator, count).map((k) => `${String(k)}/${String(denominator)}`);
}

/** Decimal shares of 1 in hundredths (`0.35`, `0.65`). */
function decimalsOfOne(g: Gen, count: number): string[] {
  return splitWhole(g, 100, count).map((k) => (k === 100 ? '1' : `0.${String(k).padStart(2, '0')}`.replace(/0$/, '')));
}

function weight(g: Gen, positive: boolean): string {
  return pick(g, positive ? ['1', '2', '3', '0.5', '2.25'] : ['0', '1', '2', '3', '0.5', '2.25']);
}

/** A scope naming some of the contract's rules, outcomes and cohorts (each list given with probability 1/2; sometimes none). */
function scope(g: Gen, c: ContractInput): Scope {
  const lists: Scope = {};
  if (chance(g, 50)) lists.rules = someOf(g, c.rules.map((r) => r.id));
  if (chance(g, 50)) lists.outcomes = someOf(g, c.outcomes.map((o) => o.id));
  if (chance(g, 50)) lists.cohorts = someOf(g, c.cohorts.map((co) => co.id));
  return lists;
}

/** Whether some line of the contract can be outside every list of `dimension` (docs/contract.md, Parties). */
function linesWithout(c: ContractInput, dimension: Dimension): boolean {
  const fixedOnExit = (c.exitClauses ?? []).some((clause) => (clause.effect.kind === 'terminate' || clause.effect.kind === 'completeEarly') && (clause.effect.payOnExit.kind === 'fixed' || clause.effect.payOnExit.kind === 'earnedToDatePlusFixed'));
  if (fixedOnExit) return true;
  if (dimension === 'rules') return false;
  if (dimension === 'outcomes') return c.rules.some((r) => r.kind === 'fee');
  return c.rules.some((r) => (r.kind === 'fee' && r.charge.kind !== 'perStart') || (r.kind === 'cohortRate' && r.pooling === 'pooled') || (r.kind === 'bonus' && r.trigger.scope === 'contract'));
}

function idsOf(c: ContractInput, dimension: Dimension): string[] {
  if (dimension === 'rules') return c.rules.map((r) => r.id);
  if (dimension === 'outcomes') return c.outcomes.map((o) => o.id);
  return c.cohorts.map((co) => co.id);
}

/** Shares with scopes: the ids of a dimension partitioned in two; the first part funded by one payer at 1, the second by the others in exact fractions. */
function scopedShares(g: Gen, c: ContractInput, names: readonly string[]): Payer[] | undefined {
  const dimensions = (['rules', 'outcomes', 'cohorts'] as const).filter((d) => !linesWithout(c, d) && idsOf(c, d).length >= 2);
  if (dimensions.length === 0) return undefined;
  const dimension = pick(g, dimensions);
  const ids = idsOf(c, dimension);
  const first = someOf(g, ids.slice(0, -1)); // never every id: the second part is not empty
  const second = ids.filter((id) => !first.includes(id));
  const others = names.length === 1 ? [NAMES[1]] : names.slice(1);
  const shares = fractionsOfOne(g, others.length);
  return [
    { id: names[0] ?? 'region', name: 'Payer 0', share: '1', funds: { [dimension]: first } },
    ...others.map((id, i) => ({ id, name: `Payer ${String(i + 1)}`, share: shares[i] ?? '1', funds: { [dimension]: second } })),
  ];
}

/** Top-ups: the last payer (or two) tops up, scoped or not; the others split the rest by shares (decimal or exact) or weights. */
function topUps(g: Gen, c: ContractInput, names: readonly string[]): Payer[] {
  const all = names.length === 1 ? [...names, NAMES[1]] : [...names];
  const two = all.length === 3 && chance(g, 30);
  const toppers = all.slice(two ? 1 : all.length - 1);
  const splitters = all.slice(0, all.length - toppers.length);
  const values = two ? pick(g, [['0.2', '0.3'], ['1/3', '1/3'], ['0.25', '1/4'], ['1/6', '0.5']]) : [pick(g, ['0.2', '1/5', '0.15', '1/3', '0.5', '2/7', '1', '0'])];
  const basis = pick(g, ['decimal', 'fraction', 'weight'] as const);
  const shares = basis === 'decimal' ? decimalsOfOne(g, splitters.length) : fractionsOfOne(g, splitters.length);
  return [
    ...splitters.map((id, i) => ({ id, name: `Payer ${id}`, ...(basis === 'weight' ? { weight: weight(g, true) } : { share: shares[i] ?? '1' }) })),
    ...toppers.map((id, i) => ({ id, name: `Payer ${id}`, topUp: values[i] ?? '0.2', ...(chance(g, 60) ? { funds: scope(g, c) } : {}) })),
  ];
}

/** Weights with scopes: the first payer funds every line with a weight above 0; the others a scope each, any weight; sometimes the last tops up some lines instead. */
function scopedWeights(g: Gen, c: ContractInput, names: readonly string[]): Payer[] {
  const all = names.length === 1 ? [...names, NAMES[1]] : names;
  const payers: Payer[] = all.map((id, i) => (i === 0 ? { id, name: `Payer ${id}`, weight: weight(g, true) } : { id, name: `Payer ${id}`, weight: weight(g, false), funds: scope(g, c) }));
  const last = payers.at(-1);
  if (payers.length === 3 && last !== undefined && chance(g, 30)) payers[2] = { id: last.id, name: last.name, topUp: pick(g, ['0.2', '1/3']), funds: scope(g, c) };
  return payers;
}

/**
 * The contract with its payers' funding drawn (see the module comment).
 *
 * @example
 * const contract = drawPayerFunding(g, drawLaterTerms(g, drawn.contract, currency));
 */
export function drawPayerFunding(g: Gen, c: ContractInput): ContractInput {
  const names = c.parties.payers.map((p) => p.id);
  const roll = int(g, 1, 100);
  let payers: Payer[] | undefined;
  if (roll <= 32) return c; // decimal shares of every line, as drawn
  if (roll <= 45) {
    const shares = fractionsOfOne(g, names.length);
    // sometimes one payer's share written as a decimal beside the fractions (1/4 + 0.5 + 1/4)
    payers = names.map((id, i) => ({ id, name: `Payer ${id}`, share: shares[i] ?? '1' }));
    if (names.length === 3 && chance(g, 25)) payers = [{ id: names[0] ?? 'region', name: 'Payer region', share: '0.5' }, ...names.slice(1).map((id) => ({ id, name: `Payer ${id}`, share: '1/4' }))];
  } else if (roll <= 56) {
    payers = names.map((id, i) => ({ id, name: `Payer ${id}`, weight: weight(g, i === 0) }));
  } else if (roll <= 70) {
    payers = topUps(g, c, names);
  } else if (roll <= 78) {
    const values = chance(g, 50) ? fractionsOfOne(g, names.length) : decimalsOfOne(g, names.length);
    payers = names.map((id, i) => ({ id, name: `Payer ${id}`, topUp: values[i] ?? '1' }));
  } else {
    payers = roll > 86 ? scopedShares(g, c, names) : undefined;
    // weights with scopes (also when no dimension can be partitioned for shares)
    payers ??= scopedWeights(g, c, names);
  }
  return { ...c, parties: { ...c.parties, payers } };
}

/**
 * How a contract's payers fund it.
 *
 * @example
 * fundingMode(contract); // 'decimal shares' for shares 0.6 and 0.4
 */
export function fundingMode(c: ContractInput): FundingMode {
  const payers = c.parties.payers;
  if (payers.every((p) => p.topUp !== undefined)) return 'top-ups only';
  if (payers.some((p) => p.share !== undefined && p.funds !== undefined)) return 'scoped shares';
  if (payers.some((p) => p.weight !== undefined && p.funds !== undefined)) return 'scoped weights';
  if (payers.some((p) => p.topUp !== undefined)) return 'top-ups';
  if (payers.some((p) => p.weight !== undefined)) return 'weights';
  return payers.some((p) => p.share?.includes('/') === true) ? 'fraction shares' : 'decimal shares';
}
