/**
 * Hand-built inputs of the rule modules' unit tests (test/settlement/rules/): a run state, the
 * terms a rule is prepared against, bound terms, and a ledger with claims and tallies added by
 * hand. Nothing here settles: each test builds exactly what its module reads.
 */
import { parseDate } from '../../../src/calendar/index.js';
import type { Contract, PaymentRule } from '../../../src/contract/index.js';
import { ZERO, parseAmount, type Amount, type CurrencyCode, type RoundingMode } from '../../../src/money/index.js';
import { addClaim, emptyLedger, groupTally, type Ledger, type ParticipantCut } from '../../../src/settlement/ledger.js';
import type { RateSpec } from '../../../src/settlement/rate-specs.js';
import type { BoundTerms, PaidCohort, PriceReduction, RuleTerms, RunState, TrancheRun } from '../../../src/settlement/rules/rule-module.js';

/** A day number from an ISO date. */
export const day = (iso: string): number => parseDate(iso);

/** A fresh run state (audit text on unless `explain` is false). */
export function runState(options: { explain?: boolean; reductions?: PriceReduction[]; indicators?: [string, [string, string][]][] } = {}): RunState {
  return {
    watermark: new Map(),
    volumeUsed: new Map(),
    volumeCuts: new Map(),
    shareUsed: new Map(),
    shareCuts: new Map(),
    paidSoFar: new Map(),
    indicators: new Map((options.indicators ?? []).map(([id, values]) => [id, new Map(values.map(([key, value]) => [key, parseAmount(value)]))])),
    problems: [],
    reductions: options.reductions ?? [],
    explain: options.explain ?? true,
  };
}

/** A price reduction of `factor` for `rules`, for claims dated after `after`. */
export const reduction = (clause: string, after: number, factor: string, rules: number[]): PriceReduction => ({ clause, after, factor: parseAmount(factor), rules: new Set(rules) });

/** The terms of a contract with the given cohorts, outcomes and rules (only what the rule modules read). */
export function ruleTerms(options: {
  rules: readonly PaymentRule[];
  cohorts?: readonly string[];
  outcomes?: readonly string[];
  caps?: unknown[];
  groups?: unknown[];
  currency?: CurrencyCode;
  rounding?: RoundingMode;
  asOf?: string;
  rateSpecs?: readonly RateSpec[];
  versions?: RuleTerms['versions'];
  amendments?: unknown;
}): RuleTerms {
  const outcomes = options.outcomes ?? ['placement', 'retention'];
  const contract = {
    cohorts: (options.cohorts ?? ['A', 'B']).map((id) => ({ id })),
    outcomes: outcomes.map((id) => ({ id })),
    rules: options.rules,
    ...(options.caps === undefined ? {} : { caps: options.caps }),
    ...(options.groups === undefined ? {} : { groups: options.groups }),
    ...(options.amendments === undefined ? {} : { amendments: options.amendments }),
  } as unknown as Contract;
  return {
    contract,
    currency: options.currency ?? 'EUR',
    rounding: options.rounding ?? 'half-even',
    cohortIndex: new Map(contract.cohorts.map((cohort, k) => [cohort.id, k])),
    outcomeIndex: new Map(outcomes.map((id, k) => [id, k])),
    ruleIndex: new Map(options.rules.map((rule, k) => [rule.id, k])),
    groupIndex: new Map(),
    tranches: [],
    payerSplit: undefined as never,
    versions: options.versions,
    rateSpecs: options.rateSpecs ?? [],
    asOf: parseDate(options.asOf ?? '2030-12-31'),
  };
}

/** Bound terms: the given paid cohorts, a factor (1 unless given), certain or not. */
export function boundTerms(options: {
  rules?: readonly PaymentRule[];
  paidCohorts?: PaidCohort[];
  allCohorts?: PaidCohort[];
  factor?: string;
  certain?: boolean;
  paid?: boolean;
  lastMeasured?: number;
  currency?: CurrencyCode;
  rounding?: RoundingMode;
  groups?: unknown[];
  amendments?: unknown;
}): BoundTerms {
  const paidCohorts = options.paidCohorts ?? [];
  return {
    contract: { rules: options.rules ?? [], cohorts: [], outcomes: [], groups: options.groups, ...(options.amendments === undefined ? {} : { amendments: options.amendments }) } as unknown as Contract,
    currency: options.currency ?? 'EUR',
    rounding: options.rounding ?? 'half-even',
    allCohorts: options.allCohorts ?? paidCohorts,
    paidCohorts,
    paid: options.paid ?? paidCohorts.length > 0,
    lastMeasured: options.lastMeasured ?? 0,
    factor: options.factor === undefined ? parseAmount('1') : parseAmount(options.factor),
    certain: options.certain ?? true,
  };
}

/** A paid cohort: `size` participants enrolled from `first` to `last`, last measured on `measured`. */
export const paidCohort = (id: string, size: number, first = 0, last = 0, measured = 0): PaidCohort => ({ id, size, firstEnrolment: first, lastEnrolment: last, lastMeasured: measured });

/** An empty ledger of `cohorts` cohorts (participant ids kept: every claim goes to its own bucket). */
export function ledgerOf(cohorts = 2, outcomes = 2, rateSpecs = 0): Ledger {
  return emptyLedger({ cohorts, outcomes, rateSpecs, participantCaps: 0, guarantees: 0, rulePrices: [] }, true, ZERO);
}

/** Adds a claim of rule `rule` in `cohort` (participant ids kept). */
export function claim(ledger: Ledger, cohort: number, rule: number, date: number, amount: string | Amount, participant: string, version?: number, cut?: ParticipantCut): void {
  const target = ledger.cohorts[cohort];
  if (target === undefined) throw new Error(`no cohort ${cohort}`);
  addClaim(target, rule, date, typeof amount === 'string' ? parseAmount(amount) : amount, participant, true, version, cut);
}

/** Counts `count` achievements of outcome `outcome` in `cohort` on `date` (and in `group` when named). */
export function achieve(ledger: Ledger, cohort: number, outcome: number, date: number, count = 1, group?: string): void {
  const target = ledger.cohorts[cohort];
  if (target === undefined) throw new Error(`no cohort ${cohort}`);
  target.tally.outcomes[outcome]?.achieved.add(date, count);
  if (group !== undefined) groupTally(target, group, 2).outcomes[outcome]?.achieved.add(date, count);
}

/** A tranche of `cohorts` measured on `measuredOn`. */
export function tranche(ledger: Ledger, state: RunState, cohorts: number[], measuredOn: number, options: { advance?: boolean; suspended?: boolean } = {}): TrancheRun {
  return { ledger, state, cohorts, measuredOn, advance: options.advance ?? true, suspended: options.suspended ?? false };
}
