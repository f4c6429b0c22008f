/**
 * fast-check generator of valid contracts, built valid by construction: dates from integer day
 * offsets through the calendar core, amounts from integer minor units (never floats), payer
 * shares from integer basis points summing to exactly 10 000, ids unique, every reference
 * resolving, tranches measured after every outcome they pay can happen.
 *
 * Exported for settlement and simulation tests.
 */
import fc from 'fast-check';
import { addDays, addMonths, formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import type { ContractInput } from '../../src/contract/index.js';
import { minorUnits } from '../../src/money/index.js';

type Gen = fc.GeneratorValue;
type Rule = ContractInput['rules'][number];
type Outcome = ContractInput['outcomes'][number];
type Cap = NonNullable<ContractInput['caps']>[number];

const ROUNDING = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;
const CURRENCIES = ['EUR', 'GBP', 'USD', 'JPY', 'CHF'] as const;
const GROUPS = ['rsa', 'ltu', 'youth'] as const;

/** Formats an integer number of minor units as a decimal string with `places` decimals. */
function fromMinor(units: number, places: number): string {
  if (places === 0) return String(units);
  const digits = String(units).padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** A rate in [0, 1] from basis points, e.g. 2500 -> "0.25" (written "0.2500"), 10000 -> "1". */
function fromBasisPoints(bp: number): string {
  return bp === 10_000 ? '1' : `0.${String(bp).padStart(4, '0')}`;
}

function pick<T>(g: Gen, values: readonly T[]): T {
  return g(() => fc.constantFrom(...values));
}

/**
 * An arbitrary of valid contracts as plain JSON values (the wire form `parseContract` reads).
 *
 * @example
 * fc.assert(fc.property(contractArbitrary(), (c) => parseContract(c).ok));
 */
export function contractArbitrary(): fc.Arbitrary<ContractInput> {
  return fc.gen().map((g) => {
    const currency = pick(g, CURRENCIES);
    const places = minorUnits(currency);
    const money = (max = 100_000): string => fromMinor(g(fc.integer, { min: 0, max: max * 10 ** places }), places);
    const rate = (): string => fromBasisPoints(g(fc.integer, { min: 0, max: 10_000 }));
    const day = (d: CalendarDate): string => formatDate(d);

    const periodStart = addDays(parseDate('2020-01-01'), g(fc.integer, { min: 0, max: 2000 }));
    const cohortCount = g(fc.integer, { min: 1, max: 3 });
    const cohorts = Array.from({ length: cohortCount }, (_, i) => {
      const start = addDays(periodStart, g(fc.integer, { min: 0, max: 400 }));
      const end = addDays(start, g(fc.integer, { min: 0, max: 200 }));
      return { id: `2023-${String.fromCharCode(65 + i)}`, start, end, targetSize: g(() => fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined })) };
    });

    const payerCount = g(fc.integer, { min: 1, max: 4 });
    const cuts = g(() => fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { minLength: payerCount - 1, maxLength: payerCount - 1 })).sort((a, b) => a - b);
    const bounds = [0, ...cuts, 10_000];
    const payers = Array.from({ length: payerCount }, (_, i) => ({
      id: `payer-${i}`,
      name: `Payer ${i}`,
      share: fromBasisPoints((bounds[i + 1] ?? 0) - (bounds[i] ?? 0)),
    }));

    const groupIds = g(() => fc.subarray([...GROUPS]));
    const groups = groupIds.map((id) => ({
      id,
      name: `Group ${id}`,
      ...(g(fc.boolean) ? { priceMultiplier: fromMinor(g(fc.integer, { min: 50, max: 300 }), 2) } : {}),
      ...(g(fc.boolean) ? { minimumShare: rate() } : {}),
    }));

    const outcomes: Outcome[] = [
      {
        kind: 'placement',
        id: 'placement',
        name: 'Placement',
        window: { from: pick(g, ['enrolment', 'exit'] as const), days: g(fc.integer, { min: 0, max: 365 }) },
        contractTypes: g(fc.boolean) ? 'any' : ['permanent', 'fixed-term'],
        ...(g(fc.boolean) ? { minWeeklyHours: String(g(fc.integer, { min: 1, max: 35 })) } : {}),
        ...(g(fc.boolean) ? { minSpellDays: g(fc.integer, { min: 1, max: 90 }) } : {}),
      },
      { kind: 'milestone', id: 'training', name: 'Training', event: 'training-completed', ...(g(fc.boolean) ? { within: { from: 'enrolment' as const, days: 365 } } : {}) },
    ];
    let maxMonths = 0;
    const retentionMonths = g(() => fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { maxLength: 3 }));
    for (const months of retentionMonths) {
      maxMonths = Math.max(maxMonths, months);
      const measure = pick(g, [
        { kind: 'continuous' as const, allowedGapDays: 14 },
        { kind: 'cumulative' as const, minDays: months * 25 },
        { kind: 'anniversary' as const },
      ]);
      outcomes.push({ kind: 'retention', id: `retention-${months}m`, name: `Retention ${months}m`, placementOutcome: 'placement', months, measure, endBoundary: pick(g, ['inclusive', 'exclusive'] as const) });
    }
    if (g(fc.boolean)) {
      const months = g(fc.integer, { min: 0, max: 24 });
      maxMonths = Math.max(maxMonths, months);
      const threshold = g(fc.boolean) ? { kind: 'percent' as const, percent: String(g(fc.integer, { min: 1, max: 50 })) } : { kind: 'amount' as const, amount: money(1000) };
      outcomes.push({ kind: 'wageProgression', id: 'wage', name: 'Wage progression', placementOutcome: 'placement', months, baseline: pick(g, ['preProgramme', 'placement'] as const), threshold });
    }
    outcomes.push({ kind: 'cohortIndicator', id: 'indicator', name: 'Comparison rate', unit: 'rate' });
    const payable = outcomes.filter((o) => o.kind !== 'cohortIndicator').map((o) => o.id);
    const cohortIds = cohorts.map((c) => c.id);

    const groupPricing = (): Extract<Rule, { kind: 'rateCard' }>['groupPricing'] => {
      const kind = groupIds.length === 0 ? 'flat' : pick(g, ['flat', 'prices', 'multipliers'] as const);
      if (kind === 'flat') return { kind };
      if (kind === 'multipliers') {
        const increment = g(fc.boolean) ? { increment: fromMinor(g(fc.integer, { min: 1, max: 100 * 10 ** places }), places) } : {};
        return { kind, rounding: pick(g, ROUNDING), ...increment, severalGroups: pick(g, ['highest', 'lowest'] as const) };
      }
      return { kind, prices: groupIds.map((group) => ({ group, price: money() })), severalGroups: pick(g, ['highest', 'lowest'] as const) };
    };
    const rules: Rule[] = [
      { kind: 'rateCard', id: 'pay-placement', name: 'Placement', outcome: 'placement', price: money(), groupPricing: groupPricing(), prerequisites: g(fc.boolean) ? ['training'] : [] },
    ];
    for (const o of outcomes) {
      if (o.kind === 'retention' || o.kind === 'wageProgression') {
        rules.push({ kind: 'rateCard', id: `pay-${o.id}`, name: `Pay ${o.id}`, outcome: o.id, price: money(), groupPricing: groupPricing(), prerequisites: ['placement'] });
      }
    }
    let extraDays = 0;
    if (g(fc.boolean)) {
      const periodDays = g(fc.integer, { min: 7, max: 60 });
      extraDays = periodDays;
      rules.push({ kind: 'sustainment', id: 'sustainment', name: 'Sustainment', placementOutcome: 'placement', periodDays, maxPayments: g(fc.integer, { min: 1, max: 26 }), price: money(500), allowedGapDays: g(fc.integer, { min: 0, max: 14 }), paymentLagDays: g(fc.integer, { min: 0, max: 30 }), windowDays: g(fc.integer, { min: periodDays, max: 800 }) });
    }
    if (g(fc.boolean)) {
      const [floorBp, targetBp] = g(() => fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 2 })).sort((a, b) => a - b);
      const [a1, a2, a3] = g(() => fc.array(fc.integer({ min: 0, max: 10 ** 6 }), { minLength: 3, maxLength: 3 })).sort((a, b) => a - b);
      const tierBps = g(() => fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 4 })).sort((a, b) => a - b);
      const schedule = pick(g, [
        { kind: 'allOrNothing' as const, threshold: fromBasisPoints(floorBp ?? 0), amount: fromMinor(a1 ?? 0, 0) },
        { kind: 'tiers' as const, tiers: tierBps.map((bp) => ({ from: fromBasisPoints(bp), amount: fromMinor(bp * 10, 0) })) },
        { kind: 'linear' as const, floor: fromBasisPoints(floorBp ?? 0), target: fromBasisPoints(targetBp ?? 0), amountAtFloor: fromMinor(a1 ?? 0, 0), amountAtTarget: fromMinor(a2 ?? 0, 0), ceiling: fromMinor(a3 ?? 0, 0) },
      ]);
      const denominator = pick(g, [{ kind: 'enrolled' as const }, { kind: 'placed' as const, outcome: 'placement' }, { kind: 'completed' as const, outcome: 'training' }]);
      const baseline = g(() => fc.option(fc.constantFrom({ kind: 'rate' as const, rate: '0.2' }, { kind: 'indicator' as const, indicator: 'indicator' }), { nil: undefined }));
      rules.push({
        kind: 'cohortRate', id: 'cohort-rate', name: 'Cohort rate', outcome: pick(g, payable), cohorts: g(() => fc.subarray(cohortIds, { minLength: 1 })),
        pooling: pick(g, ['perCohort', 'pooled'] as const), denominator, pending: pick(g, ['exclude', 'countAsNotAchieved'] as const),
        emptyCohort: pick(g, ['nothing', 'maximum'] as const), amountBasis: pick(g, ['perCohort', 'perAchiever'] as const), schedule,
        ...(baseline === undefined ? {} : { baseline: { source: baseline, minimumDifference: rate(), scheduleAppliesTo: pick(g, ['rate', 'excessOverBaseline'] as const) } }),
      });
    }
    if (g(fc.boolean)) {
      const volume = groupIds.length === 0 || g(fc.boolean);
      const firstGroup = groupIds[0] ?? 'youth';
      rules.push({
        kind: 'bonus', id: 'bonus', name: 'Bonus',
        trigger: volume
          ? { kind: 'volume', outcome: pick(g, payable), afterUnits: g(fc.integer, { min: 0, max: 500 }), scope: pick(g, ['contract', 'cohort'] as const) }
          : { kind: 'groupShare', group: firstGroup, outcome: pick(g, payable), minimumShare: rate(), scope: pick(g, ['contract', 'cohort'] as const) },
        payment: volume && g(fc.boolean) ? { kind: 'perUnitUplift', amount: money(1000) } : { kind: 'fixed', amount: money() },
      });
    }
    if (g(fc.boolean)) {
      rules.push({
        kind: 'fee', id: 'fee', name: 'Fee',
        charge: g(fc.boolean) ? { kind: 'perStart', amount: money(1000) } : { kind: 'schedule', payments: [{ date: day(periodStart), amount: money() }] },
      });
    }

    const lastStart = cohorts.reduce<number>((m, c) => Math.max(m, c.start), periodStart) as CalendarDate;
    const lastEnd = cohorts.reduce<number>((m, c) => Math.max(m, c.end), periodStart) as CalendarDate;
    const measuredOn = addDays(addMonths(lastStart, maxMonths), extraDays + g(fc.integer, { min: 0, max: 400 }));
    const dueOn = addDays(measuredOn, g(fc.integer, { min: 0, max: 90 }));
    const periodEnd = addDays(Math.max(dueOn, lastEnd) as CalendarDate, g(fc.integer, { min: 0, max: 365 }));
    const ruleIds = rules.map((r) => r.id);
    const tranches = [{ id: 'final', name: 'Final tranche', rules: ruleIds, cohorts: cohortIds, measuredOn: day(measuredOn), dueOn: day(dueOn) }];

    const capChoices: Cap[] = [
      { kind: 'participant', id: 'cap-participant', amount: money(), partialPayment: g(fc.boolean), claimOrder: pick(g, ['achievementDate', 'ruleOrder'] as const) },
      { kind: 'outcome', id: 'cap-outcome', outcome: 'placement', amount: money(), partialPayment: g(fc.boolean) },
      { kind: 'outcomeVolume', id: 'cap-volume', rule: 'pay-placement', targetUnits: g(fc.integer, { min: 0, max: 1000 }) },
      { kind: 'cohort', id: 'cap-cohort', cohort: pick(g, cohortIds), amount: money(), partialPayment: g(fc.boolean) },
      { kind: 'tranche', id: 'cap-tranche', tranche: 'final', amount: money(), partialPayment: g(fc.boolean) },
      { kind: 'payer', id: 'cap-payer', payer: 'payer-0', amount: money(), partialPayment: g(fc.boolean) },
      { kind: 'contract', id: 'cap-contract', amount: money(10 ** 7), partialPayment: g(fc.boolean) },
    ];
    const caps = g(() => fc.subarray(capChoices));

    const checkOn = addDays(periodStart, g(fc.integer, { min: 0, max: dueOn - periodStart - 1 > 0 ? dueOn - periodStart - 1 : 0 }));
    const conditions = [
      { kind: 'outcomeRateBelow' as const, outcome: 'placement', cohorts: [cohortIds[0] ?? '2023-A'], denominator: { kind: 'enrolled' as const }, pending: 'exclude' as const, threshold: rate() },
      { kind: 'indicatorBelow' as const, indicator: 'indicator', cohorts: cohortIds, threshold: rate() },
      { kind: 'datePassed' as const, date: day(checkOn) },
      ...caps.map((c) => ({ kind: 'capReached' as const, cap: c.id })),
    ];
    const payOnExit = pick(g, [{ kind: 'earnedToDate' as const }, { kind: 'nothing' as const }, { kind: 'fixed' as const, amount: money() }, { kind: 'earnedToDatePlusFixed' as const, amount: money() }]);
    const effects = [
      { kind: 'terminate' as const, payOnExit },
      { kind: 'completeEarly' as const, payOnExit },
      { kind: 'reducePrices' as const, factor: rate(), rules: ['pay-placement'] },
      ...(dueOn > checkOn ? [{ kind: 'suspendTranches' as const, tranches: ['final'] }] : []),
    ];
    const exitClauses = g(fc.boolean) ? [{ id: 'exit', name: 'Exit', checkOn: day(checkOn), condition: pick(g, conditions), effect: pick(g, effects) }] : undefined;

    const reinvestment = g(fc.boolean)
      ? [{
          id: 'reinvest', name: 'Reinvest',
          trigger: g(fc.boolean) ? { kind: 'paymentsAboveThreshold' as const, threshold: money() } : { kind: 'surplusOverTarget' as const, outcome: 'placement', targetUnits: g(fc.integer, { min: 0, max: 500 }) },
          share: rate(),
          destination: g(fc.boolean) ? { kind: 'cohort' as const, cohort: pick(g, cohortIds) } : { kind: 'external' as const, name: 'Fund' },
          cap: money(),
        }]
      : undefined;

    const investors = g(fc.boolean)
      ? [{
          id: 'investor', name: 'Investor', commitment: fromMinor(2_000_000, 0),
          ...(g(fc.boolean) ? { terms: { principal: money(), ...(g(fc.boolean) ? { returnCap: g(fc.boolean) ? { kind: 'irr' as const, rate: rate() } : { kind: 'multiple' as const, multiple: '1.2' } } : {}), ...(g(fc.boolean) ? { guarantee: { guarantor: 'Bank', amount: money() } } : {}) } } : {}),
        }]
      : undefined;

    const contract: ContractInput = {
      schemaVersion: '2.0',
      id: `contract-${g(fc.integer, { min: 0, max: 999 })}`,
      name: 'Generated contract',
      currency,
      rounding: pick(g, ROUNDING),
      period: { start: day(periodStart), end: day(periodEnd) },
      parties: { payers, provider: { id: 'provider', name: 'Provider' }, ...(investors ? { investors } : {}) },
      cohorts: cohorts.map((c) => ({ id: c.id, enrolmentStart: day(c.start), enrolmentEnd: day(c.end), ...(c.targetSize === undefined ? {} : { targetSize: c.targetSize }) })),
      ...(groups.length > 0 ? { groups } : {}),
      outcomes,
      rules,
      ...(caps.length > 0 ? { caps } : {}),
      tranches,
      ...(exitClauses ? { exitClauses } : {}),
      ...(reinvestment ? { reinvestment } : {}),
      ...(g(fc.boolean) ? { hiringGuarantees: [{ id: 'hire', employer: 'Employer', cohorts: cohortIds, positions: g(fc.integer, { min: 1, max: 50 }), qualifyingOutcome: 'training', placementOutcome: 'placement', withinDays: 90 }] } : {}),
    };
    return contract;
  });
}
