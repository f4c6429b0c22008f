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
import { compileContract } from './indexed-contract.js';
import { emptyLedger, type Ledger } from './ledger.js';
import { collectRateSpecs } from './rate-specs.js';
import { levelRateUses, planLevels, type LevelPlan } from './minimum-performance.js';
import { prepareRules, rateUsesOf, type PreparedRule, type RuleTerms } from './rules/index.js';
import type { ParticipantClaims } from './rules/rule-module.js';
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
export interface SettlementPlan extends RuleTerms {
  /** Outcome definitions compiled for the resolver. */
  readonly outcomes: CompiledOutcomes;
  /** Every rule, prepared by its module, in contract order. */
  readonly rules: readonly PreparedRule[];
  /** The per-participant claims of the rules that pay per participant, in contract order (the hot loop). */
  readonly claimRules: readonly ParticipantClaims[];
  /** Exit clause check dates (contract order). */
  readonly exitCheckDates: readonly number[];
  /** Hiring guarantees, in contract order. */
  readonly guarantees: readonly GuaranteePlan[];
  /** Participant caps, in contract order. */
  readonly participantCaps: readonly ParticipantCapPlan[];
  /** Minimum performance levels, in contract order. */
  readonly levels: readonly LevelPlan[];
  /**
   * The claim amounts (prices, sustainment prices, fees) and participant cap amounts as integer
   * units, when there are participant caps and every amount can be counted exactly.
   */
  readonly participantCapUnits: ClaimUnits | undefined;
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
  const exitRates = (contract.exitClauses ?? []).flatMap((clause) => (clause.condition.kind === 'outcomeRateBelow' ? [clause.condition] : []));
  const terms: RuleTerms = { ...compiled, rateSpecs: collectRateSpecs([...rateUsesOf(contract.rules), ...exitRates, ...levelRateUses(contract)], compiled.outcomeIndex), asOf };
  const rules = prepareRules(terms);
  const participantCaps = (contract.caps ?? []).flatMap((cap) =>
    cap.kind === 'participant'
      ? [{ id: cap.id, amount: parseAmount(cap.amount), partialPayment: cap.partialPayment, claimOrder: cap.claimOrder }]
      : [],
  );
  const claimAmounts = rules.flatMap((rule) => rule.prices);
  return {
    ...terms,
    outcomes: compileOutcomes(contract.outcomes),
    rules,
    claimRules: rules.flatMap((rule) => (rule.claims === undefined ? [] : [rule.claims])),
    exitCheckDates: (contract.exitClauses ?? []).map((clause) => parseDate(clause.checkOn) as number),
    guarantees: (contract.hiringGuarantees ?? []).map((guarantee) => ({
      cohorts: new Set(guarantee.cohorts.map((id) => compiled.cohortIndex.get(id) ?? -1)),
      qualifying: compiled.outcomeIndex.get(guarantee.qualifyingOutcome) ?? -1,
      placement: compiled.outcomeIndex.get(guarantee.placementOutcome) ?? -1,
      withinDays: guarantee.withinDays,
    })),
    participantCaps,
    levels: planLevels(terms),
    participantCapUnits: participantCaps.length === 0 ? undefined : claimUnits([...claimAmounts, ...participantCaps.map((cap) => cap.amount)]),
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
      rulePrices: plan.rules.map((rule) => rule.prices),
    },
    keepParticipants,
    ZERO,
  );
}
