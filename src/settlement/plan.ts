/**
 * The settlement plan: a compiled contract plus what the per-participant pass needs, prepared
 * once per settlement (prices, rate specifications, participant caps, the as-of date).
 *
 * @module
 */
import { parseDate, type CalendarDate } from '../calendar/index.js';
import { compileOutcomes, type CompiledOutcomes } from '../outcomes/index.js';
import { ZERO, parseAmount, type Amount } from '../money/index.js';
import { claimUnits, type ClaimUnits } from './claim-units.js';
import { compileContract, type CompiledContract } from './compile.js';
import { emptyLedger, type Ledger } from './ledger.js';
import { compileRatePrices, type RatePrices } from './pricing.js';
import { collectRateSpecs, type RateSpec } from './rate-specs.js';
import type { Contract } from '../contract/index.js';

/** A per-participant cap, parsed. */
export interface ParticipantCapPlan {
  /** Cap id. */
  readonly id: string;
  /** The cap. */
  readonly amount: Amount;
  /** Whether the claim crossing the cap is paid up to it. */
  readonly partialPayment: boolean;
  /** Order in which a participant's claims consume the cap. */
  readonly claimOrder: 'achievementDate' | 'ruleOrder';
}

/** A hiring guarantee, with indexes resolved. */
export interface GuaranteePlan {
  /** Cohort indexes it covers. */
  readonly cohorts: ReadonlySet<number>;
  /** Index of the qualifying outcome. */
  readonly qualifying: number;
  /** Index of the placement outcome. */
  readonly placement: number;
  /** Days after exit within which the placement must start. */
  readonly withinDays: number;
}

/** Everything the settlement computation needs, prepared once. */
export interface SettlementPlan extends CompiledContract {
  /** Outcome definitions compiled for the resolver. */
  readonly outcomes: CompiledOutcomes;
  /** Rate specifications (cohort-rate rules and exit clauses). */
  readonly rateSpecs: readonly RateSpec[];
  /** Rate-card prices per rule index (undefined for other kinds). */
  readonly ratePrices: readonly (RatePrices | undefined)[];
  /**
   * Outcome indexes each rule needs per participant: a rate card's outcome then its
   * prerequisites; a sustainment rule's placement outcome; empty for other kinds.
   */
  readonly ruleOutcomes: readonly (readonly number[])[];
  /** Sustainment price per rule index (undefined for other kinds). */
  readonly sustainmentPrices: readonly (Amount | undefined)[];
  /** Fee per start per rule index (undefined for other kinds). */
  readonly startFees: readonly (Amount | undefined)[];
  /** Per rule index: the amounts its claims take before any cap (its prices, sustainment price or fee per start). */
  readonly rulePrices: readonly (readonly Amount[])[];
  /** Scheduled fee dates (text → day number) per rule index. */
  readonly scheduledFeeDates: readonly (ReadonlyMap<string, number> | undefined)[];
  /** Exit clause check dates (contract order). */
  readonly exitCheckDates: readonly number[];
  /** Hiring guarantees, in contract order. */
  readonly guarantees: readonly GuaranteePlan[];
  /** Participant caps, in contract order. */
  readonly participantCaps: readonly ParticipantCapPlan[];
  /**
   * The claim amounts (prices, sustainment prices, fees) and participant cap amounts as integer
   * units, when there are participant caps and every amount can be counted exactly.
   */
  readonly participantCapUnits: ClaimUnits | undefined;
  /** The as-of date. */
  readonly asOf: CalendarDate;
  /** Whether to keep participant ids for the audit trail. */
  readonly keepParticipants: boolean;
}

/**
 * Prepares a settlement plan.
 *
 * @example
 * const plan = buildPlan(contract, parseDate('2025-06-30'), false);
 */
export function buildPlan(contract: Contract, asOf: CalendarDate, keepParticipants: boolean): SettlementPlan {
  const compiled = compileContract(contract);
  const ratePrices = contract.rules.map((rule) =>
    rule.kind === 'rateCard' ? compileRatePrices(rule, contract.groups, contract.currency) : undefined,
  );
  const sustainmentPrices = contract.rules.map((rule) => (rule.kind === 'sustainment' ? parseAmount(rule.price) : undefined));
  const startFees = contract.rules.map((rule) =>
    rule.kind === 'fee' && rule.charge.basis === 'perStart' ? parseAmount(rule.charge.amount) : undefined,
  );
  const participantCaps = (contract.caps ?? []).flatMap((cap) =>
    cap.kind === 'participant'
      ? [{ id: cap.id, amount: parseAmount(cap.amount), partialPayment: cap.partialPayment, claimOrder: cap.claimOrder }]
      : [],
  );
  const claimAmounts = [...ratePrices.flatMap((prices) => prices?.prices ?? []), ...sustainmentPrices, ...startFees].filter(
    (amount): amount is Amount => amount !== undefined,
  );
  return {
    ...compiled,
    outcomes: compileOutcomes(contract.outcomes),
    rateSpecs: collectRateSpecs(contract, compiled.outcomeIndex),
    ratePrices,
    ruleOutcomes: contract.rules.map((rule) => {
      const index = (id: string): number => compiled.outcomeIndex.get(id) ?? -1;
      if (rule.kind === 'rateCard') return [rule.outcome, ...rule.prerequisites].map(index);
      if (rule.kind === 'sustainment') return [index(rule.placementOutcome)];
      return [];
    }),
    sustainmentPrices,
    startFees,
    rulePrices: contract.rules.map((_, index) => {
      const own = ratePrices[index]?.prices ?? [sustainmentPrices[index], startFees[index]];
      return own.filter((amount): amount is Amount => amount !== undefined);
    }),
    scheduledFeeDates: contract.rules.map((rule) =>
      rule.kind === 'fee' && rule.charge.basis === 'schedule'
        ? new Map(rule.charge.payments.map((payment) => [payment.date, parseDate(payment.date) as number]))
        : undefined,
    ),
    exitCheckDates: (contract.exitClauses ?? []).map((clause) => parseDate(clause.checkOn) as number),
    guarantees: (contract.hiringGuarantees ?? []).map((guarantee) => ({
      cohorts: new Set(guarantee.cohorts.map((id) => compiled.cohortIndex.get(id) ?? -1)),
      qualifying: compiled.outcomeIndex.get(guarantee.qualifyingOutcome) ?? -1,
      placement: compiled.outcomeIndex.get(guarantee.placementOutcome) ?? -1,
      withinDays: guarantee.withinDays,
    })),
    participantCaps,
    participantCapUnits: participantCaps.length === 0 ? undefined : claimUnits([...claimAmounts, ...participantCaps.map((cap) => cap.amount)]),
    asOf,
    keepParticipants,
  };
}

/**
 * An empty ledger of the plan's shape (its cohorts, outcomes, rate specifications, caps,
 * guarantees and prices).
 *
 * @example
 * const ledger = emptyLedgerOf(plan, plan.keepParticipants);
 */
export function emptyLedgerOf(plan: SettlementPlan, keepParticipants: boolean): Ledger {
  return emptyLedger(
    {
      cohorts: plan.contract.cohorts.length,
      outcomes: plan.contract.outcomes.length,
      rateSpecs: plan.rateSpecs.length,
      participantCaps: plan.participantCaps.length,
      guarantees: plan.guarantees.length,
      rulePrices: plan.rulePrices,
    },
    keepParticipants,
    ZERO,
  );
}
