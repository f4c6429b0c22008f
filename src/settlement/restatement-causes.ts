/**
 * Restatements explained by cause: what moved in a tranche a previous settlement settled, one
 * line per cause. The last previous settlement's lines are compared with this settlement's, per
 * rule, cohort and participant: a claim gone with its record (`withdrawn`), a claim gone, added
 * or changed while the record is still there (`corrected`; `amended` when the amount changed, or
 * the claim moved to another tranche, under a contract amended since that settlement), a claim the
 * previous settlement did not have (`late`: the tranche
 * was measured on or before its as-of date, so the claim is dated before it), a change of what
 * money caps cut from a line (`caps`), and what cannot be put down to a participant (`other`: a
 * cohort amount, lines without participant ids, payer caps and withholding). The cause lines of
 * a tranche sum to its net adjustment, and each payer's to its own adjustment, to the cent (a
 * tranche whose payers' parts moved while it did not has one `other` line at 0.00 for the whole
 * tranche, whose payer parts carry them).
 *
 * @module
 */
import { ZERO, minorUnits, parseAmount, sumAmounts, type Amount, type CurrencyCode } from '../money/index.js';
import { ownValue } from '../own-data.js';
import type { SettlementAdjustmentCause, SettlementLine } from './types.js';

/** The causes, in the order cause lines are listed. */
export const RESTATEMENT_CAUSES = ['withdrawn', 'corrected', 'late', 'amended', 'caps', 'other'] as const;

/** A cause of a restatement. */
export type RestatementCause = (typeof RESTATEMENT_CAUSES)[number];

/** A cause line of a whole tranche, before it is split among the payers. */
export interface TrancheCause {
  readonly cause: RestatementCause;
  readonly rule: string | null;
  readonly outcome: string | null;
  readonly claims: number;
  readonly participants: readonly string[];
  readonly amount: Amount;
  /** An amended contract's version that now prices its participants' claims, each participant's own (its line's `participantVersions` entry, else the line's `version`), when it moved them (see {@link trancheCauses}); else undefined. */
  readonly version?: string | undefined;
}

/** What the comparison of one tranche needs. */
export interface TrancheComparison {
  /** The tranche's lines in the last previous settlement (undefined: it did not list the tranche). */
  readonly before: readonly SettlementLine[] | undefined;
  /** The tranche's lines now (empty for a tranche no longer earned). */
  readonly now: readonly SettlementLine[];
  /** The tranche's net adjustment: earned now − paid before. */
  readonly net: Amount;
  /** Whether a participant's record is among the records settled now (undefined: not known). */
  readonly present: (id: string) => boolean | undefined;
  /** Whether the contract is an amended version of the one the last previous settlement was made with (whose lines `before` holds). */
  readonly amended: boolean;
  /** Whether the amendment moved a participant's claim of a rule from another tranche to this one, or from this one to another (undefined: none moved). */
  readonly moved?: ((rule: string, id: string) => boolean) | undefined;
}

interface Group {
  readonly rule: string;
  readonly outcome: string | null;
  readonly before: SettlementLine[];
  readonly now: SettlementLine[];
}

/** A participant's amount per line key (and the version of an amended contract that priced its claim: the line's `participantVersions` entry, else the line's `version`), or undefined when the lines do not tell (no ids, no unit, units that do not add up to the line). */
function perParticipant(lines: readonly SettlementLine[]): { amounts: Map<string, Amount>; versions: Map<string, string> } | undefined {
  const amounts = new Map<string, Amount>();
  const versions = new Map<string, string>();
  for (const line of lines) {
    const ids = line.participants;
    if (ids === undefined || line.unit === null || line.claims !== ids.length) return undefined;
    const unit = parseAmount(line.unit);
    if (!unit.times(ids.length).eq(parseAmount(line.earned))) return undefined;
    // each participant's own version when the line holds several, else the line's
    const own = ownValue(line, 'participantVersions');
    const each = own !== undefined && own.length === ids.length ? own : undefined;
    const version = ownValue(line, 'version');
    ids.forEach((id, i) => {
      amounts.set(id, (amounts.get(id) ?? ZERO).plus(unit));
      const its = each?.[i] ?? version;
      if (its !== undefined) versions.set(id, its);
    });
  }
  return { amounts, versions };
}

/**
 * The version to name on a participant's cause line: the one that prices its claim now, when the
 * contract was amended since (cause `amended`) or the claim moved to another version (a record
 * corrected across an amendment's date); else undefined.
 */
function movedBy(cause: RestatementCause, before: string | undefined, now: string | undefined): string | undefined {
  if (now === undefined) return undefined;
  return cause === 'amended' || (before !== undefined && before !== now) ? now : undefined;
}

function total(lines: readonly SettlementLine[], key: 'earned' | 'paid'): Amount {
  return sumAmounts(lines.map((line) => parseAmount(line[key])));
}

/**
 * The cause lines of one tranche: they sum to `net` exactly (what no line explains is an `other`
 * line with no rule), zero lines left out (but never all of them), in the order of {@link RESTATEMENT_CAUSES} then of
 * the rules' first appearance.
 *
 * @example
 * trancheCauses({ before, now, net: parseAmount('1000.00'), present: (id) => ids.has(id), amended: false });
 */
export function trancheCauses(comparison: TrancheComparison): TrancheCause[] {
  const groups = new Map<string, Group>();
  const groupOf = (line: SettlementLine): Group => {
    const key = `${line.rule}\u0000${line.cohort ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { rule: line.rule, outcome: line.outcome, before: [], now: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const line of comparison.before ?? []) groupOf(line).before.push(line);
  for (const line of comparison.now) groupOf(line).now.push(line);
  const found = new Map<string, { cause: RestatementCause; rule: string | null; outcome: string | null; claims: number; participants: Set<string>; amount: Amount; version: string | undefined }>();
  const add = (cause: RestatementCause, rule: string | null, outcome: string | null, amount: Amount, participant?: string, version?: string): void => {
    if (amount.isZero()) return;
    const key = version === undefined ? `${cause}\u0000${rule ?? ''}` : `${cause}\u0000${rule ?? ''}\u0000${version}`;
    let entry = found.get(key);
    if (entry === undefined) {
      entry = { cause, rule, outcome, claims: 0, participants: new Set(), amount: ZERO, version };
      found.set(key, entry);
    }
    entry.amount = entry.amount.plus(amount);
    if (participant !== undefined) {
      entry.claims += 1;
      entry.participants.add(participant);
    }
  };
  let explained = ZERO;
  for (const group of groups.values()) {
    const moved = total(group.now, 'paid').minus(total(group.before, 'paid'));
    explained = explained.plus(moved);
    const before = perParticipant(group.before);
    const now = perParticipant(group.now);
    if (before === undefined || now === undefined) {
      add('other', group.rule, group.outcome, moved);
      continue;
    }
    let byParticipant = ZERO;
    for (const id of new Set([...before.amounts.keys(), ...now.amounts.keys()])) {
      const was = before.amounts.get(id) ?? ZERO;
      const is = now.amounts.get(id) ?? ZERO;
      const change = is.minus(was);
      if (change.isZero()) continue;
      byParticipant = byParticipant.plus(change);
      const cause = participantCause(was, is, comparison, id, group.rule);
      add(cause, group.rule, group.outcome, change, id, movedBy(cause, before.versions.get(id), now.versions.get(id)));
    }
    // what the money caps cut from the group's lines moved by the rest
    add('caps', group.rule, group.outcome, moved.minus(byParticipant));
  }
  add('other', null, null, comparison.net.minus(explained));
  const order = (cause: RestatementCause): number => RESTATEMENT_CAUSES.indexOf(cause);
  const moved = [...found.values()].filter((entry) => !entry.amount.isZero());
  // nothing moved in the tranche as a whole, yet payers' parts did (a payer the amendment removed,
  // or claims that moved and cancelled out, one participant's up and another's down, between
  // payers funding them differently): one line with no rule carries the payers' parts, netting to zero
  if (moved.length === 0) return [{ cause: 'other', rule: null, outcome: null, claims: 0, participants: [], amount: comparison.net, version: undefined }];
  return moved
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => order(a.entry.cause) - order(b.entry.cause) || a.index - b.index)
    .map(({ entry }) => ({ cause: entry.cause, rule: entry.rule, outcome: entry.outcome, claims: entry.claims, participants: [...entry.participants].sort(), amount: entry.amount, version: entry.version }));
}

function participantCause(was: Amount, is: Amount, comparison: TrancheComparison, id: string, rule: string): RestatementCause {
  if (is.isZero() && comparison.present(id) === false) return 'withdrawn';
  // a claim the amendment moved between tranches is gone from one and new in the other, through no record
  if (comparison.moved?.(rule, id) === true) return 'amended';
  if (is.isZero()) return 'corrected';
  if (was.isZero()) return 'late';
  return comparison.amended ? 'amended' : 'corrected';
}

function toMinor(amount: Amount, digits: number): bigint {
  return BigInt(amount.times(10 ** digits).toFixed(0));
}

function fromMinor(minor: bigint, digits: number): Amount {
  return parseAmount(minor.toString()).div(10 ** digits);
}

/** Floor division of bigints (towards minus infinity). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/**
 * Splits `amount` (minor units) in proportion to `weights` (minor units, their sum not zero),
 * each part rounded down and the minor units left given to the largest remainders (taken from
 * the smallest when the floors overshoot): the parts sum to `amount`.
 */
function proportional(amount: bigint, weights: readonly bigint[], sum: bigint): bigint[] {
  const numerators = weights.map((weight) => amount * weight);
  const sign = sum < 0n ? -1n : 1n;
  const denominator = sum * sign;
  const parts = numerators.map((numerator) => floorDiv(numerator * sign, denominator));
  const remainders = numerators.map((numerator, p) => numerator * sign - (parts[p] as bigint) * denominator);
  let left = amount - parts.reduce((acc, part) => acc + part, 0n);
  const byRemainder = remainders.map((remainder, p) => ({ remainder, p })).sort((a, b) => (a.remainder === b.remainder ? a.p - b.p : a.remainder > b.remainder ? -1 : 1));
  for (let k = 0; left !== 0n; k = (k + 1) % byRemainder.length) {
    const p = (byRemainder[left > 0n ? k : byRemainder.length - 1 - k] as { p: number }).p;
    const step = left > 0n ? 1n : -1n;
    parts[p] = (parts[p] as bigint) + step;
    left -= step;
  }
  return parts;
}

/**
 * Each payer's part of each cause line of a tranche: every line but the last split in proportion
 * to the payers' adjustments (to their sizes when they net to zero: a payer whose part did not
 * move has no part in any cause), the last taking what is left of each payer's
 * adjustment. So the parts of a cause line sum to the line, and a payer's parts to its adjustment.
 *
 * @example
 * splitCauses(causes, [parseAmount('-600.00'), parseAmount('-400.00')], 'EUR');
 */
export function splitCauses(causes: readonly TrancheCause[], adjustments: readonly Amount[], currency: CurrencyCode): Amount[][] {
  const digits = minorUnits(currency);
  const targets = adjustments.map((amount) => toMinor(amount, digits));
  let weights = targets;
  if (weights.reduce((acc, w) => acc + w, 0n) === 0n) weights = targets.map((w) => (w < 0n ? -w : w));
  const sum = weights.reduce((acc, w) => acc + w, 0n);
  // no payer's part moved: nothing to split (every part is 0)
  if (sum === 0n) return causes.map(() => adjustments.map(() => ZERO));
  const left = [...targets];
  return causes.map((cause, c) => {
    const parts = c === causes.length - 1 ? [...left] : proportional(toMinor(cause.amount, digits), weights, sum);
    parts.forEach((part, p) => { left[p] = (left[p] as bigint) - part; });
    return parts.map((part) => fromMinor(part, digits));
  });
}

/**
 * A cause line in words.
 *
 * @example
 * describeCause({ cause: 'late', rule: 'pay-pl', outcome: 'placement', claims: 2, participants: ['P2', 'P3'], amount }, '2000.00');
 */
export function describeCause(cause: TrancheCause, amount: string): string {
  const who = cause.participants.length === 0 ? '' : ` (${cause.participants.join(', ')})`;
  const what = `${cause.claims} claim${cause.claims === 1 ? '' : 's'} of rule "${cause.rule ?? ''}"${who}`;
  switch (cause.cause) {
    case 'withdrawn':
      return `${what} paid before, whose record is no longer among the records: ${amount}`;
    case 'corrected':
      return `${what} changed by a corrected record${cause.version === undefined ? '' : `, now priced by version "${cause.version}"`}: ${amount}`;
    case 'late':
      return `${what} the previous settlement did not have, dated on or before its as-of date (reported late): ${amount}`;
    case 'amended':
      return `${what} changed by the amended contract${cause.version === undefined ? '' : ` (version "${cause.version}")`}: ${amount}`;
    case 'caps':
      return `what the money caps cut from the lines of rule "${cause.rule ?? ''}" moved: ${amount}`;
    case 'other':
      return cause.rule === null
        ? `not put down to a line (payer caps, yearly commitments, withholding, or a payer the amendment removed): ${amount}`
        : `lines of rule "${cause.rule}" that do not name their participants (a cohort amount, or a settlement made without detail "participants"): ${amount}`;
    default: {
      const never: never = cause.cause;
      return never;
    }
  }
}

/**
 * The cause lines of one payer's adjustment, as the settlement shows them.
 *
 * @example
 * causeReport(cause, part, money);
 */
export function causeReport(cause: TrancheCause, part: Amount, money: (amount: Amount) => string): SettlementAdjustmentCause {
  const report: SettlementAdjustmentCause = {
    cause: cause.cause,
    rule: cause.rule,
    outcome: cause.outcome,
    claims: cause.claims,
    participants: [...cause.participants],
    trancheAmount: money(cause.amount),
    amount: money(part),
    explanation: describeCause(cause, money(cause.amount)),
  };
  return cause.version === undefined ? report : { ...report, version: cause.version };
}
