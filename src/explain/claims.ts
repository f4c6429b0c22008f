/**
 * One participant's claims, from the rules that made them to the tranche line that took them:
 * the claims are the rules' own claim functions (as the settlement's per-participant pass calls
 * them), cut by the settlement's own per-participant caps one cap at a time (so each cut is
 * known), then found in the settlement document by the participant ids its lines list.
 *
 * @module
 */
import { formatDate, type CalendarDate } from '../calendar/index.js';
import type { Contract } from '../contract/index.js';
import { ZERO, formatMoney, parseAmount, type Amount } from '../money/index.js';
import type { Resolution } from '../outcomes/index.js';
import type { OutcomeRecord } from '../records/index.js';
import {
  applyParticipantCaps,
  moneyCapCovers,
  type Claim,
  type Ledger,
  type MoneyCap,
  type Settlement,
  type SettlementCapCut,
  type SettlementLine,
  type SettlementPlan,
  type SettlementTranche,
} from '../settlement/index.js';
import type { ClaimFate, ExplainedClaim, ExplainedParticipantCut, ExplainedTrancheLine } from './types.js';

/** A claim with what the per-participant caps did to it. */
interface CappedClaim {
  readonly claim: Claim;
  readonly claimed: Amount;
  readonly cuts: ExplainedParticipantCut[];
}

/** A ledger that records nothing: the caps' counts belong to the settlement, which made them already. */
const NO_LEDGER: Ledger = { cohorts: [], participantCaps: [], guarantees: [], participants: 0 };

/**
 * The participant's claims as the settlement's per-participant pass makes them: each rule's claim
 * function, then each per-participant cap in contract order (the same function the settlement
 * calls, given one cap at a time so that each cap's cut is seen).
 */
function cappedClaims(plan: SettlementPlan, record: OutcomeRecord, resolutions: readonly Resolution[]): CappedClaim[] {
  const claims: Claim[] = [];
  for (const rule of plan.claimRules) rule(record, resolutions, claims);
  const capped = claims.map((claim) => ({ claim, claimed: claim.amount, cuts: [] as ExplainedParticipantCut[] }));
  const money = (amount: Amount): string => formatMoney(amount, plan.currency);
  for (const cap of plan.participantCaps) {
    const before = capped.map((entry) => entry.claim.amount);
    applyParticipantCaps({ ...plan, participantCaps: [cap] }, NO_LEDGER, record, claims, -1);
    capped.forEach((entry, index) => {
      const was = before[index] as Amount;
      if (entry.claim.amount.equals(was)) return;
      entry.cuts.push({ cap: cap.id, limit: money(cap.amount), before: money(was), cut: money(was.minus(entry.claim.amount)), after: money(entry.claim.amount) });
    });
  }
  return capped.sort((a, b) => a.claim.date - b.claim.date || a.claim.rule - b.claim.rule);
}

/** A line of a tranche, with its place. */
interface PlacedLine {
  readonly tranche: SettlementTranche;
  readonly number: number;
  readonly line: SettlementLine;
}

/** How many times each line has been matched to a claim of the participant, so far. */
type Taken = Map<SettlementLine, number>;

function occurrences(ids: readonly string[], id: string): number {
  let count = 0;
  for (const each of ids) if (each === id) count += 1;
  return count;
}

/** The participants a share cap cut from a line (`inputs.cutParticipants`, comma-separated). */
function shareCut(line: SettlementLine): readonly string[] {
  const cut = line.inputs['cutParticipants'];
  return typeof cut === 'string' ? cut.split(',') : [];
}

/** Whether a claim dated `date` is in the window of claims the line took (`claimedAfter`, `claimedUpTo`). */
function inWindow(line: SettlementLine, date: string): boolean {
  const after = line.inputs['claimedAfter'];
  const upTo = line.inputs['claimedUpTo'];
  if (typeof upTo !== 'string' || date > upTo) return false;
  return after === 'start' || (typeof after === 'string' && date > after);
}

/** The amount a line's claims were before any price reduction: `basePrice` when a clause reduced them, else the unit. */
function baseUnit(line: SettlementLine): Amount | undefined {
  const base = line.inputs['basePrice'] ?? line.unit;
  return base === null || base === undefined ? undefined : parseAmount(String(base));
}

const isMoneyCap = (cap: NonNullable<Contract['caps']>[number]): cap is MoneyCap => cap.kind === 'outcome' || cap.kind === 'cohort' || cap.kind === 'tranche' || cap.kind === 'contract';

/** Whether a cap that cut the tranche covers the line: a money cap by the settlement's own rule, a payer cap every line of the tranche. */
function covers(contract: Contract, cut: SettlementCapCut, line: SettlementLine, tranche: string): boolean {
  if (cut.kind === 'payer') return true;
  const cap = (contract.caps ?? []).find((each) => each.id === cut.cap);
  return cap !== undefined && isMoneyCap(cap) && moneyCapCovers(cap, line, tranche);
}

/** The tranche's identity and dates, as a claim's tranche shows them. */
function trancheHead(tranche: SettlementTranche): Pick<ExplainedTrancheLine, 'tranche' | 'name' | 'status' | 'measuredOn' | 'dueOn'> {
  return { tranche: tranche.id, name: tranche.name, status: tranche.status, measuredOn: tranche.measuredOn, dueOn: tranche.dueOn };
}

function trancheLine(contract: Contract, placed: PlacedLine): ExplainedTrancheLine {
  const { tranche, line } = placed;
  return {
    ...trancheHead(tranche),
    line: placed.number,
    unit: line.unit,
    formula: line.formula,
    lineClaims: line.claims,
    lineEarned: line.earned,
    linePaid: line.paid,
    capCuts: tranche.capCuts.filter((cut) => covers(contract, cut, line, tranche.id)),
  };
}

/** What became of a claim found in a line, and what the participant is paid for it. */
function fateInLine(placed: PlacedLine, contract: Contract, cutByShare: boolean, currency: string): { fate: ClaimFate; paid: string | null } {
  const { tranche, line } = placed;
  const zero = formatMoney(ZERO, currency);
  if (cutByShare) return { fate: 'cutByShareCap', paid: zero };
  if (tranche.status === 'suspended') return { fate: 'withheld', paid: zero };
  // a minimum performance level withheld the whole line (released later, in a release line of the tranche that finds the level met)
  if (line.inputs['minimumPerformanceWithheld'] !== undefined && parseAmount(line.paid).isZero()) return { fate: 'withheld', paid: zero };
  const unit = line.unit === null ? undefined : parseAmount(line.unit);
  const whole =
    unit !== undefined &&
    parseAmount(line.paid).equals(parseAmount(line.exact)) &&
    line.inputs['cutByVolumeCap'] === undefined &&
    !tranche.capCuts.some((cut) => covers(contract, cut, line, tranche.id));
  return whole ? { fate: 'paid', paid: formatMoney(unit, currency) } : { fate: 'cutInLine', paid: null };
}

/**
 * The first line of the settlement that took the claim and names the participant (as paid, or
 * among those a share cap cut) more times than claims matched to it so far.
 */
function findLine(lines: readonly PlacedLine[], taken: Taken, participant: string, rule: string, cohort: string, date: string, amount: Amount): { placed: PlacedLine; cutByShare: boolean } | undefined {
  for (const placed of lines) {
    const line = placed.line;
    if (line.rule !== rule || line.cohort !== cohort || !inWindow(line, date)) continue;
    const base = baseUnit(line);
    if (base === undefined || !base.equals(amount)) continue;
    const used = taken.get(line) ?? 0;
    const paidTimes = occurrences(line.participants ?? [], participant);
    const cutTimes = occurrences(shareCut(line), participant);
    if (used >= paidTimes + cutTimes) continue;
    taken.set(line, used + 1);
    return { placed, cutByShare: used >= paidTimes };
  }
  return undefined;
}

/** The first tranche not settled yet that will take a claim of `rule` for `cohort` dated `date`. */
function awaiting(plan: SettlementPlan, settlement: Settlement, ruleIndex: number, cohortIndex: number, date: number): ExplainedTrancheLine | undefined {
  const rule = plan.rules[ruleIndex];
  for (const tranche of settlement.tranches) {
    if (tranche.status !== 'scheduled') continue;
    const spec = plan.tranches.find((each) => each.source.id === tranche.id);
    if (spec === undefined || spec.measuredOn < date || !spec.rules.has(ruleIndex) || !spec.cohorts.has(cohortIndex)) continue;
    const outcomes = spec.source.outcomes;
    const paysFor = rule?.paysFor ?? [];
    if (outcomes !== undefined && paysFor.length > 0 && !paysFor.some((outcome) => outcomes.includes(outcome))) continue;
    return {
      ...trancheHead(tranche),
      line: null,
      unit: null,
      formula: null,
      lineClaims: null,
      lineEarned: null,
      linePaid: null,
      capCuts: [],
    };
  }
  return undefined;
}

/**
 * Each claim of the participant, from the rule to the tranche line that took it, by date then
 * rule order. `settlement` must have been made with `detail: 'participants'` on the same inputs.
 *
 * @example
 * const claims = explainClaims(plan, settlement, record, resolutions);
 * claims.map((claim) => [claim.rule, claim.fate, claim.tranche?.tranche]);
 */
export function explainClaims(plan: SettlementPlan, settlement: Settlement, record: OutcomeRecord, resolutions: readonly Resolution[]): ExplainedClaim[] {
  const contract = plan.contract;
  const money = (amount: Amount): string => formatMoney(amount, plan.currency);
  const lines: PlacedLine[] = settlement.tranches.flatMap((tranche) => tranche.lines.map((line, index) => ({ tranche, number: index + 1, line })));
  const taken: Taken = new Map();
  const cohortIndex = plan.cohortIndex.get(record.cohort) ?? -1;
  return cappedClaims(plan, record, resolutions).map(({ claim, claimed, cuts }) => {
    const prepared = plan.rules[claim.rule];
    const rule = prepared?.rule;
    const date = formatDate(claim.date as CalendarDate);
    const paysFor = prepared?.paysFor ?? [];
    const base = {
      rule: rule?.id ?? '',
      kind: rule?.kind ?? '',
      cohort: record.cohort,
      outcome: paysFor.length === 1 ? (paysFor[0] as string) : null,
      date,
      claimed: money(claimed),
      participantCuts: cuts,
      amount: money(claim.amount),
    };
    if (claim.amount.isZero()) return { ...base, fate: 'cutToZero', paid: money(claim.amount), tranche: null };
    const found = findLine(lines, taken, record.id, base.rule, record.cohort, date, claim.amount);
    if (found !== undefined) {
      const { fate, paid } = fateInLine(found.placed, contract, found.cutByShare, plan.currency);
      return { ...base, outcome: found.placed.line.outcome, fate, paid, tranche: trancheLine(contract, found.placed) };
    }
    const unscheduled = settlement.unscheduled.find((entry) => entry.rule === base.rule && entry.cohort === record.cohort && entry.from <= date && date <= entry.to);
    if (unscheduled !== undefined) return { ...base, fate: 'unscheduled', paid: money(ZERO), tranche: null, unscheduled: unscheduled.reason };
    const later = awaiting(plan, settlement, claim.rule, cohortIndex, claim.date);
    if (later !== undefined) return { ...base, fate: 'awaitingTranche', paid: money(ZERO), tranche: later };
    throw new Error(`outcome-pay internal error: claim of rule ${base.rule} dated ${date} by ${record.id} is in no line, unscheduled entry or tranche to come`);
  });
}
