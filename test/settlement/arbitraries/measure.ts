/**
 * What generated scenarios contain and what their settlements do: the variants of every union
 * (and enum) of the contract format a contract uses, whether a settlement pays, binds a cap or
 * fires an exit clause. The list of variants is read from the zod schemas themselves, so that a
 * variant added to the format and never generated fails the generator measurement.
 */
import {
  BaselineSourceSchema,
  BonusPaymentSchema,
  BonusTriggerSchema,
  CapSchema,
  DenominatorSchema,
  ExitConditionSchema,
  ExitEffectSchema,
  FeeChargeSchema,
  GroupPricingSchema,
  OutcomeSchema,
  PaymentRuleSchema,
  PayOnExitSchema,
  RateScheduleSchema,
  ReinvestmentDestinationSchema,
  ReinvestmentTriggerSchema,
  RetentionMeasureSchema,
  ReturnCapSchema,
  WageThresholdSchema,
  type ContractInput,
} from '../../../src/contract/index.js';
import type { Settlement } from '../../../src/index.js';
import { variantsOf } from '../../contract/variants.js';
import { minor } from './currencies.js';

type Rule = ContractInput['rules'][number];

/** A union (or enum) of the contract format and the variants a contract uses. */
export interface Union {
  /** Name, e.g. `cap kinds`. */
  readonly name: string;
  /** Every variant the format allows. */
  readonly variants: readonly string[];
  /** The variants a contract uses (repeats allowed). */
  readonly used: (c: ContractInput) => readonly string[];
}

const rules = (c: ContractInput): readonly Rule[] => c.rules;
const rateCards = (c: ContractInput) => rules(c).flatMap((r) => (r.kind === 'rateCard' ? [r] : []));
const cohortRates = (c: ContractInput) => rules(c).flatMap((r) => (r.kind === 'cohortRate' ? [r] : []));
const bonuses = (c: ContractInput) => rules(c).flatMap((r) => (r.kind === 'bonus' ? [r] : []));
const clauses = (c: ContractInput) => c.exitClauses ?? [];
const caps = (c: ContractInput) => c.caps ?? [];

/** Every union of the contract format that settlement reads, and the enums that change what it computes. */
export const UNIONS: readonly Union[] = [
  { name: 'outcome kinds', variants: variantsOf(OutcomeSchema, 'kind'), used: (c) => c.outcomes.map((o) => o.kind) },
  { name: 'retention measures', variants: variantsOf(RetentionMeasureSchema, 'kind'), used: (c) => c.outcomes.flatMap((o) => (o.kind === 'retention' ? [o.measure.kind] : [])) },
  { name: 'wage thresholds', variants: variantsOf(WageThresholdSchema, 'kind'), used: (c) => c.outcomes.flatMap((o) => (o.kind === 'wageProgression' ? [o.threshold.kind] : [])) },
  { name: 'wage baselines', variants: ['preProgramme', 'placement'], used: (c) => c.outcomes.flatMap((o) => (o.kind === 'wageProgression' ? [o.baseline] : [])) },
  { name: 'retention end boundaries', variants: ['inclusive', 'exclusive'], used: (c) => c.outcomes.flatMap((o) => (o.kind === 'retention' ? [o.endBoundary] : [])) },
  { name: 'placement window anchors', variants: ['enrolment', 'exit'], used: (c) => c.outcomes.flatMap((o) => (o.kind === 'placement' ? [o.window.from] : [])) },
  { name: 'indicator units', variants: ['rate', 'score', 'count', 'amount'], used: (c) => c.outcomes.flatMap((o) => (o.kind === 'cohortIndicator' ? [o.unit] : [])) },
  { name: 'rule kinds', variants: variantsOf(PaymentRuleSchema, 'kind'), used: (c) => rules(c).map((r) => r.kind) },
  { name: 'group pricing modes', variants: variantsOf(GroupPricingSchema, 'kind'), used: (c) => rateCards(c).map((r) => r.groupPricing.kind) },
  {
    name: 'several groups',
    variants: ['highest', 'lowest'],
    used: (c) => rateCards(c).flatMap((r) => (r.groupPricing.kind === 'flat' ? [] : [r.groupPricing.severalGroups])),
  },
  {
    name: 'derived price rounding',
    variants: ['minor unit', 'increment'],
    used: (c) => rateCards(c).flatMap((r) => (r.groupPricing.kind === 'multipliers' ? [r.groupPricing.increment === undefined ? 'minor unit' : 'increment'] : [])),
  },
  { name: 'rate schedules', variants: variantsOf(RateScheduleSchema, 'kind'), used: (c) => cohortRates(c).map((r) => r.schedule.kind) },
  {
    name: 'denominators',
    variants: variantsOf(DenominatorSchema, 'kind'),
    used: (c) => [
      ...cohortRates(c).map((r) => r.denominator.kind),
      ...clauses(c).flatMap((x) => (x.condition.kind === 'outcomeRateBelow' ? [x.condition.denominator.kind] : [])),
    ],
  },
  {
    name: 'pending participants',
    variants: ['exclude', 'countAsNotAchieved'],
    used: (c) => [...cohortRates(c).map((r) => r.pending), ...clauses(c).flatMap((x) => (x.condition.kind === 'outcomeRateBelow' ? [x.condition.pending] : []))],
  },
  { name: 'pooling', variants: ['perCohort', 'pooled'], used: (c) => cohortRates(c).map((r) => r.pooling) },
  { name: 'amount bases', variants: ['perCohort', 'perAchiever'], used: (c) => cohortRates(c).map((r) => r.amountBasis) },
  { name: 'empty cohorts', variants: ['nothing', 'maximum'], used: (c) => cohortRates(c).map((r) => r.emptyCohort) },
  { name: 'baseline sources', variants: variantsOf(BaselineSourceSchema, 'kind'), used: (c) => cohortRates(c).flatMap((r) => (r.baseline === undefined ? [] : [r.baseline.source.kind])) },
  { name: 'baseline applies to', variants: ['rate', 'excessOverBaseline'], used: (c) => cohortRates(c).flatMap((r) => (r.baseline === undefined ? [] : [r.baseline.scheduleAppliesTo])) },
  { name: 'bonus triggers', variants: variantsOf(BonusTriggerSchema, 'kind'), used: (c) => bonuses(c).map((r) => r.trigger.kind) },
  { name: 'bonus scopes', variants: ['contract', 'cohort'], used: (c) => bonuses(c).map((r) => r.trigger.scope) },
  { name: 'bonus payments', variants: variantsOf(BonusPaymentSchema, 'kind'), used: (c) => bonuses(c).map((r) => r.payment.kind) },
  { name: 'fee charges', variants: variantsOf(FeeChargeSchema, 'kind'), used: (c) => rules(c).flatMap((r) => (r.kind === 'fee' ? [r.charge.kind] : [])) },
  { name: 'cap kinds', variants: variantsOf(CapSchema, 'kind'), used: (c) => caps(c).map((x) => x.kind) },
  { name: 'partial payment', variants: ['true', 'false'], used: (c) => caps(c).flatMap((x) => (x.kind === 'outcomeVolume' || x.kind === 'share' ? [] : [String(x.partialPayment)])) },
  { name: 'share cap roundings', variants: ['down', 'up', 'nearest'], used: (c) => caps(c).flatMap((x) => (x.kind === 'share' ? [x.rounding] : [])) },
  { name: 'claim orders', variants: ['achievementDate', 'ruleOrder'], used: (c) => caps(c).flatMap((x) => (x.kind === 'participant' ? [x.claimOrder] : [])) },
  { name: 'exit conditions', variants: variantsOf(ExitConditionSchema, 'kind'), used: (c) => clauses(c).map((x) => x.condition.kind) },
  { name: 'exit effects', variants: variantsOf(ExitEffectSchema, 'kind'), used: (c) => clauses(c).map((x) => x.effect.kind) },
  {
    name: 'pay on exit',
    variants: variantsOf(PayOnExitSchema, 'kind'),
    used: (c) => clauses(c).flatMap((x) => (x.effect.kind === 'terminate' || x.effect.kind === 'completeEarly' ? [x.effect.payOnExit.kind] : [])),
  },
  { name: 'reinvestment triggers', variants: variantsOf(ReinvestmentTriggerSchema, 'kind'), used: (c) => (c.reinvestment ?? []).map((r) => r.trigger.kind) },
  { name: 'reinvestment destinations', variants: variantsOf(ReinvestmentDestinationSchema, 'kind'), used: (c) => (c.reinvestment ?? []).map((r) => r.destination.kind) },
  {
    name: 'investor return caps',
    variants: variantsOf(ReturnCapSchema, 'kind'),
    used: (c) => (c.parties.investors ?? []).flatMap((i) => (i.terms?.returnCap === undefined ? [] : [i.terms.returnCap.kind])),
  },
  { name: 'rounding modes', variants: ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'], used: (c) => [c.rounding] },
  { name: 'currency minor units', variants: ['0', '2', '3'], used: (c) => [c.currency === 'JPY' ? '0' : c.currency === 'KWD' ? '3' : '2'] },
  { name: 'payers', variants: ['1', '2', '3'], used: (c) => [String(c.parties.payers.length)] },
  { name: 'hiring guarantees', variants: ['present'], used: (c) => ((c.hiringGuarantees ?? []).length > 0 ? ['present'] : []) },
];

/** A settlement earned something. */
export function pays(s: Settlement, places: number): boolean {
  return minor(s.totals.earned, places) > 0n;
}

/** A cap cut something: a money or payer cap, a per-participant cap, an outcome-volume cap or a share cap. */
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
  const out = new Map<string, Map<string, number>>();
  for (const union of unions) {
    const shares = new Map<string, number>();
    for (const variant of union.variants) shares.set(variant, contracts.filter((c) => union.used(c).includes(variant)).length / contracts.length);
    out.set(union.name, shares);
  }
  return out;
}
