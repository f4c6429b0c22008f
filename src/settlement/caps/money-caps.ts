/**
 * Money caps over lines: per outcome, per cohort, per tranche and whole contract, cumulative over
 * the life of the contract. (Per-participant caps are applied when claims are made, outcome
 * volume caps when claims are taken by a tranche, payer caps after the split among payers.)
 *
 * @module
 */
import type { Contract } from '../../contract/index.js';
import { ZERO, formatDecimal, parseAmount, sumAmounts, type Amount } from '../../money/index.js';
import type { Line } from '../lines.js';

/** A cap on the money of lines: per outcome, cohort, tranche or the whole contract. */
export type MoneyCap = Extract<NonNullable<Contract['caps']>[number], { kind: 'outcome' | 'cohort' | 'tranche' | 'contract' }>;

/** A cut made by a cap, for the audit trail. */
export interface CapCut {
  /** Cap id. */
  readonly cap: string;
  /**
   * Cap kind: a money cap, a payer's cap, or a per-participant cap (`participant`: the cuts of the
   * claims the tranche took, which the cap made as each participant's claims were counted, before
   * the lines; the lines show what is left). Outcome-volume and share caps cut claims, on their lines.
   */
  readonly kind: MoneyCap['kind'] | 'payer' | 'participant';
  /** The cap amount (a per-participant cap: each participant's). */
  readonly limit: Amount;
  /** Used by earlier tranches (a per-participant cap: what the participants whose claims it cut had been paid under it before them, summed). */
  readonly usedBefore: Amount;
  /** What the lines it covers asked for in this tranche (a per-participant cap: the claims it cut, before the cut). */
  readonly requested: Amount;
  /** What was cut. */
  readonly cut: Amount;
  /** A per-participant cap only: the claims it cut. */
  readonly claims?: number;
  /** A per-participant cap only, when participant detail is kept: whose claims it cut (sorted). */
  readonly participants?: readonly string[];
}

/** Order in which money caps apply. */
const CAP_ORDER: readonly MoneyCap['kind'][] = ['outcome', 'cohort', 'tranche', 'contract'];

/**
 * Whether a money cap covers a line of a tranche: an outcome cap the lines of its outcome, a
 * cohort cap those of its cohort, a tranche cap every line of its tranche, the contract cap every
 * line.
 *
 * @example
 * covers({ kind: 'cohort', id: 'cap-a', cohort: 'A', amount: '5000.00', partialPayment: true }, line, 'T1');
 */
export function covers(cap: MoneyCap, line: Pick<Line, 'outcome' | 'cohort'>, tranche: string): boolean {
  switch (cap.kind) {
    case 'outcome':
      return line.outcome === cap.outcome;
    case 'cohort':
      return line.cohort === cap.cohort;
    case 'tranche':
      return tranche === cap.tranche;
    case 'contract':
      return true;
    default: {
      const never: never = cap;
      return never;
    }
  }
}

/**
 * Applies the money caps to a tranche's lines, in the order outcome, cohort, tranche, contract
 * (contract order within a kind). Each cap's remaining budget is handed to its lines in order:
 * with `partialPayment` a line gets what is left of the budget; without it, a line of claims
 * keeps only the whole claims that fit, and any other line is paid in full or not at all.
 * `used` (cap id → amount used so far) is updated; the cuts are returned.
 *
 * @example
 * applyMoneyCaps(contract.caps ?? [], lines, 'T1', used);
 */
export function applyMoneyCaps(
  caps: NonNullable<Contract['caps']>,
  lines: readonly Line[],
  tranche: string,
  used: Map<string, Amount>,
): CapCut[] {
  const cuts: CapCut[] = [];
  const moneyCaps = caps.filter((cap): cap is MoneyCap => CAP_ORDER.includes(cap.kind as MoneyCap['kind']));
  moneyCaps.sort((a, b) => CAP_ORDER.indexOf(a.kind) - CAP_ORDER.indexOf(b.kind));
  for (const cap of moneyCaps) {
    const covered = lines.filter((line) => covers(cap, line, tranche));
    if (covered.length === 0) continue;
    const limit = parseAmount(cap.amount);
    const usedBefore = used.get(cap.id) ?? ZERO;
    const requested = sumAmounts(covered.map((line) => line.paid));
    let budget = limit.minus(usedBefore);
    if (budget.isNegative()) budget = ZERO;
    for (const line of covered) {
      if (line.paid.lessThanOrEqualTo(budget)) {
        budget = budget.minus(line.paid);
        continue;
      }
      if (cap.partialPayment) line.paid = budget;
      else if (line.claims !== null && line.unit !== null && line.unit.greaterThan(0)) {
        const whole = budget.dividedToIntegerBy(line.unit);
        line.paid = line.unit.times(whole);
      } else line.paid = ZERO;
      budget = budget.minus(line.paid);
    }
    const paid = sumAmounts(covered.map((line) => line.paid));
    used.set(cap.id, usedBefore.plus(paid));
    const cut = requested.minus(paid);
    if (!cut.isZero()) cuts.push({ cap: cap.id, kind: cap.kind, limit, usedBefore, requested, cut });
  }
  return cuts;
}

/**
 * Applies payer caps to the parts of a tranche: each payer pays at most what remains of its cap.
 *
 * @example
 * applyPayerCaps(contract, ['region', 'agency'], parts, used, cuts);
 */
export function applyPayerCaps(
  caps: NonNullable<Contract['caps']>,
  payers: readonly string[],
  parts: Amount[],
  used: Map<string, Amount>,
): CapCut[] {
  const cuts: CapCut[] = [];
  for (const cap of caps) {
    if (cap.kind !== 'payer' || cap.per !== undefined) continue; // yearly caps: payer-years.ts
    const index = payers.indexOf(cap.payer);
    const part = parts[index];
    if (part === undefined) continue;
    const limit = parseAmount(cap.amount);
    const usedBefore = used.get(cap.id) ?? ZERO;
    let budget = limit.minus(usedBefore);
    if (budget.isNegative()) budget = ZERO;
    const paid = part.lessThanOrEqualTo(budget) ? part : budget;
    parts[index] = paid;
    used.set(cap.id, usedBefore.plus(paid));
    if (!paid.equals(part)) cuts.push({ cap: cap.id, kind: 'payer', limit, usedBefore, requested: part, cut: part.minus(paid) });
  }
  return cuts;
}

/**
 * Describes a cut in words.
 *
 * @example
 * describeCut(cut); // 'contract cap total of 100000: 98000 used before, 5000 asked, 3000 cut'
 */
export function describeCut(cut: CapCut): string {
  return `${cut.kind} cap ${cut.cap} of ${formatDecimal(cut.limit)}: ${formatDecimal(cut.usedBefore)} used before, ${formatDecimal(cut.requested)} asked, ${formatDecimal(cut.cut)} cut`;
}
