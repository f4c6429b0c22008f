import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BaselineSourceSchema,
  BonusPaymentSchema,
  BonusTriggerSchema,
  CapSchema,
  DenominatorSchema,
  EarningsThresholdSchema,
  ExitConditionSchema,
  ExitEffectSchema,
  FeeChargeSchema,
  GroupPricingSchema,
  IndicatorPaymentSchema,
  OutcomeSchema,
  PaymentRuleSchema,
  PayOnExitSchema,
  RateScheduleSchema,
  ReinvestmentDestinationSchema,
  ReinvestmentTriggerSchema,
  RetentionMeasureSchema,
  ReturnCapSchema,
  WageThresholdSchema,
  parseContract,
  type Contract,
} from '../../src/contract/index.js';
import { variantsOf, type VariantUnion } from './variants.js';


const dir = join(import.meta.dirname, '..', '..', 'examples', 'contracts');
const examples: Contract[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const result = parseContract(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (!result.ok) throw new Error(`${f} does not parse`);
    return result.value;
  });

const rules = (c: Contract) => c.rules;
const clauses = (c: Contract) => c.exitClauses ?? [];
const unions: readonly (readonly [string, VariantUnion, string, (c: Contract) => readonly string[]])[] = [
  ['outcome kinds', OutcomeSchema, 'kind', (c) => c.outcomes.map((o) => o.kind)],
  ['retention measures', RetentionMeasureSchema, 'kind', (c) => c.outcomes.flatMap((o) => (o.kind === 'retention' ? [o.measure.kind] : []))],
  ['wage thresholds', WageThresholdSchema, 'kind', (c) => c.outcomes.flatMap((o) => (o.kind === 'wageProgression' ? [o.threshold.kind] : []))],
  ['earnings thresholds', EarningsThresholdSchema, 'kind', (c) => c.outcomes.flatMap((o) => (o.kind === 'earningsThreshold' ? [o.threshold.kind] : []))],
  ['rule kinds', PaymentRuleSchema, 'kind', (c) => rules(c).map((r) => r.kind)],
  ['group pricing modes', GroupPricingSchema, 'kind', (c) => rules(c).flatMap((r) => (r.kind === 'rateCard' ? [r.groupPricing.kind] : []))],
  ['rate schedules', RateScheduleSchema, 'kind', (c) => rules(c).flatMap((r) => (r.kind === 'cohortRate' ? [r.schedule.kind] : []))],
  [
    'denominators',
    DenominatorSchema,
    'kind',
    (c) => [
      ...rules(c).flatMap((r) => (r.kind === 'cohortRate' ? [r.denominator.kind] : [])),
      ...clauses(c).flatMap((x) => (x.condition.kind === 'outcomeRateBelow' ? [x.condition.denominator.kind] : [])),
    ],
  ],
  ['baseline sources', BaselineSourceSchema, 'kind', (c) => rules(c).flatMap((r) => (r.kind === 'cohortRate' && r.baseline ? [r.baseline.source.kind] : []))],
  ['bonus triggers', BonusTriggerSchema, 'kind', (c) => rules(c).flatMap((r) => (r.kind === 'bonus' ? [r.trigger.kind] : []))],
  ['bonus payments', BonusPaymentSchema, 'kind', (c) => rules(c).flatMap((r) => (r.kind === 'bonus' ? [r.payment.kind] : []))],
  ['results indicator payments', IndicatorPaymentSchema, 'kind', (c) => rules(c).flatMap((r) => (r.kind === 'resultsIndicator' ? [r.payment.kind] : []))],
  ['fee charges', FeeChargeSchema, 'kind', (c) => rules(c).flatMap((r) => (r.kind === 'fee' ? [r.charge.kind] : []))],
  ['cap kinds', CapSchema, 'kind', (c) => (c.caps ?? []).map((x) => x.kind)],
  ['exit conditions', ExitConditionSchema, 'kind', (c) => clauses(c).map((x) => x.condition.kind)],
  ['exit effects', ExitEffectSchema, 'kind', (c) => clauses(c).map((x) => x.effect.kind)],
  [
    'pay on exit',
    PayOnExitSchema,
    'kind',
    (c) => clauses(c).flatMap((x) => (x.effect.kind === 'terminate' || x.effect.kind === 'completeEarly' ? [x.effect.payOnExit.kind] : [])),
  ],
  ['reinvestment triggers', ReinvestmentTriggerSchema, 'kind', (c) => (c.reinvestment ?? []).map((r) => r.trigger.kind)],
  ['reinvestment destinations', ReinvestmentDestinationSchema, 'kind', (c) => (c.reinvestment ?? []).map((r) => r.destination.kind)],
  ['investor return caps', ReturnCapSchema, 'kind', (c) => (c.parties.investors ?? []).flatMap((i) => (i.terms?.returnCap ? [i.terms.returnCap.kind] : []))],
];

describe('the examples together use every variant of every union in the schema', () => {
  it.each(unions.map((u) => [u[0], u] as const))('%s', (_name, [, schema, discriminator, used]) => {
    const all = variantsOf(schema, discriminator);
    expect(all.length).toBeGreaterThan(1);
    const seen = new Set(examples.flatMap(used));
    expect(all.filter((v) => !seen.has(v))).toEqual([]);
  });

  it('uses groups with multipliers and minimum shares, investors with guarantees, hiring guarantees and optional fields', () => {
    expect(examples.some((c) => (c.groups ?? []).some((g) => g.priceMultiplier !== undefined && g.minimumShare !== undefined))).toBe(true);
    expect(examples.some((c) => (c.parties.investors ?? []).some((i) => i.terms?.guarantee !== undefined))).toBe(true);
    expect(examples.some((c) => (c.hiringGuarantees ?? []).length > 0)).toBe(true);
    expect(examples.some((c) => c.outcomes.some((o) => o.kind === 'placement' && o.minSpellDays !== undefined && o.minWeeklyHours !== undefined))).toBe(true);
    expect(examples.some((c) => c.outcomes.some((o) => o.kind === 'retention' && o.endBoundary === 'exclusive'))).toBe(true);
    expect(examples.some((c) => c.parties.payers.length >= 2)).toBe(true);
  });

  it('uses the shared cohort and group ids of the records examples', () => {
    const cohortIds = new Set(examples.flatMap((c) => c.cohorts.map((x) => x.id)));
    const groupIds = new Set(examples.flatMap((c) => (c.groups ?? []).map((g) => g.id)));
    expect([...cohortIds]).toEqual(expect.arrayContaining(['2023-A', '2023-B']));
    expect([...groupIds]).toEqual(expect.arrayContaining(['rsa', 'ltu', 'youth']));
  });
});
