/**
 * fast-check generators for settlement tests: valid contracts focused on what settlement
 * computes, and outcome records built by construction (dates from integer day offsets through
 * the calendar core, non-overlapping spells after enrolment, amounts from integer cents).
 *
 * `scenarioArbitrary(options)` gives `{ contract, records, asOf }`. Options switch off the terms
 * a property cannot hold under (see each property test) and restrict to the subset the
 * reference implementation knows.
 */
import fc from 'fast-check';
import { addDays, addMonths, formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import type { ContractInput } from '../../src/contract/index.js';

type Gen = fc.GeneratorValue;
type Rule = ContractInput['rules'][number];
type Outcome = ContractInput['outcomes'][number];
type Cap = NonNullable<ContractInput['caps']>[number];
type GroupPricing = Extract<Rule, { kind: 'rateCard' }>['groupPricing'];

/** A raw record as it arrives on the wire (JSON). */
export interface WireRecord {
  id: string;
  cohort: string;
  groups?: string[];
  enrolledOn: string;
  exitedOn?: string;
  baselineWage?: string;
  spells?: { start: string; end?: string; hoursPerWeek?: number; contractType?: string; monthlyWage?: string }[];
  events?: { kind: string; on: string }[];
}

/** What a property needs: a contract, records and an as-of date. */
export interface Scenario {
  readonly contract: ContractInput;
  readonly records: WireRecord[];
  readonly asOf: string;
}

/** Which contract terms to generate. */
export interface ScenarioOptions {
  /** Only terms under which one more achieved outcome never lowers what is earned. */
  readonly monotone?: boolean;
  /** Only the subset of the contract language the reference implementation covers. */
  readonly reference?: boolean;
  /** Allow exit clauses (default true unless monotone or reference). */
  readonly exits?: boolean;
  /** Maximum number of records (default 14). */
  readonly maxRecords?: number;
}

const ROUNDING = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;
const GROUPS = ['rsa', 'ltu', 'youth'] as const;
const CONTRACT_TYPES = ['permanent', 'fixed-term', 'temporary'] as const;

/** Integer cents → EUR decimal string ("12.05"). */
export function cents(units: number): string {
  const digits = String(units).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function basisPoints(bp: number): string {
  return bp === 10_000 ? '1' : `0.${String(bp).padStart(4, '0')}`;
}

function pick<T>(g: Gen, values: readonly T[]): T {
  return g(() => fc.constantFrom(...values));
}

function int(g: Gen, min: number, max: number): number {
  return g(fc.integer, { min, max });
}

function bool(g: Gen): boolean {
  return g(fc.boolean);
}

/** A subset keeping at least one element. */
function someOf<T>(g: Gen, values: readonly T[]): T[] {
  return g(() => fc.subarray([...values], { minLength: 1 }));
}

function payers(g: Gen): ContractInput['parties']['payers'] {
  const count = int(g, 1, 3);
  const cuts = g(() => fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { minLength: count - 1, maxLength: count - 1 })).sort((a, b) => a - b);
  const bounds = [0, ...cuts, 10_000];
  return Array.from({ length: count }, (_, i) => ({ id: `payer-${i}`, name: `Payer ${i}`, share: basisPoints((bounds[i + 1] ?? 0) - (bounds[i] ?? 0)) }));
}

function money(g: Gen, maxEuros: number, minEuros = 0): string {
  return cents(int(g, minEuros * 100, maxEuros * 100));
}

function groupPricing(g: Gen, groupIds: readonly string[]): GroupPricing {
  const mode = groupIds.length === 0 ? 'flat' : pick(g, ['flat', 'prices', 'multipliers'] as const);
  if (mode === 'flat') return { mode };
  if (mode === 'multipliers') return { mode, rounding: pick(g, ROUNDING), severalGroups: pick(g, ['highest', 'lowest'] as const) };
  const priced = someOf(g, groupIds);
  return { mode, prices: priced.map((group) => ({ group, price: money(g, 3000, 1) })), severalGroups: pick(g, ['highest', 'lowest'] as const) };
}

function cohortRate(g: Gen, cohortIds: readonly string[], outcomeIds: readonly string[], reference: boolean): Rule {
  const tierBps = g(() => fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 3 })).sort((a, b) => a - b);
  const schedules = [
    { mode: 'allOrNothing' as const, threshold: basisPoints(int(g, 0, 10_000)), amount: money(g, 20_000) },
    { mode: 'tiers' as const, tiers: tierBps.map((bp, i) => ({ from: basisPoints(bp), amount: cents((i + 1) * int(g, 0, 500_000)) })) },
  ];
  return {
    kind: 'cohortRate',
    id: 'cohort-rate',
    name: 'Cohort rate',
    outcome: pick(g, outcomeIds),
    cohorts: someOf(g, cohortIds),
    pooling: pick(g, ['perCohort', 'pooled'] as const),
    denominator: { basis: 'enrolled' },
    pending: pick(g, ['exclude', 'countAsNotAchieved'] as const),
    emptyCohort: pick(g, ['nothing', 'maximum'] as const),
    amountBasis: pick(g, ['perCohort', 'perAchiever'] as const),
    schedule: pick(g, schedules),
    ...(reference || !bool(g) ? {} : { baseline: { source: { kind: 'rate' as const, rate: '0.2' }, minimumDifference: basisPoints(int(g, 0, 3000)), scheduleAppliesTo: pick(g, ['rate', 'excessOverBaseline'] as const) } }),
  };
}

function caps(g: Gen, options: ScenarioOptions, cohortIds: readonly string[], trancheIds: readonly string[], payerIds: readonly string[], outcomeIds: readonly string[]): Cap[] {
  const partial = (): boolean => (options.monotone === true ? true : bool(g));
  if (options.reference === true) {
    const list: Cap[] = [];
    if (bool(g)) list.push({ kind: 'participant', id: 'cap-participant', amount: money(g, 4000, 1), partialPayment: bool(g), claimOrder: pick(g, ['achievementDate', 'ruleOrder'] as const) });
    if (bool(g)) list.push({ kind: 'participant', id: 'cap-participant-2', amount: money(g, 4000, 1), partialPayment: bool(g), claimOrder: pick(g, ['achievementDate', 'ruleOrder'] as const) });
    if (bool(g)) list.push({ kind: 'contract', id: 'cap-contract', amount: money(g, 30_000), partialPayment: bool(g) });
    return list;
  }
  if (options.monotone === true) {
    // One cap kind covering a subset of lines plus the contract cap, all paid in part: two
    // overlapping subsets (outcome and cohort, say) can trade budget between lines and lower the total.
    const list: Cap[] = [];
    const one = pick(g, ['none', 'outcome', 'cohort', 'tranche'] as const);
    if (one === 'outcome') list.push({ kind: 'outcome', id: 'cap-outcome', outcome: pick(g, outcomeIds), amount: money(g, 20_000), partialPayment: true });
    if (one === 'cohort') list.push({ kind: 'cohort', id: 'cap-cohort', cohort: pick(g, cohortIds), amount: money(g, 20_000), partialPayment: true });
    if (one === 'tranche') list.push({ kind: 'tranche', id: 'cap-tranche', tranche: pick(g, trancheIds), amount: money(g, 20_000), partialPayment: true });
    if (bool(g)) list.push({ kind: 'contract', id: 'cap-contract', amount: money(g, 40_000), partialPayment: true });
    return list;
  }
  const choices: Cap[] = [
    { kind: 'participant', id: 'cap-participant', amount: money(g, 4000, 1), partialPayment: partial(), claimOrder: pick(g, ['achievementDate', 'ruleOrder'] as const) },
    { kind: 'outcome', id: 'cap-outcome', outcome: pick(g, outcomeIds), amount: money(g, 20_000), partialPayment: partial() },
    { kind: 'outcomeVolume', id: 'cap-volume', rule: 'pay-placement', targetUnits: int(g, 0, 8) },
    { kind: 'cohort', id: 'cap-cohort', cohort: pick(g, cohortIds), amount: money(g, 20_000), partialPayment: partial() },
    { kind: 'tranche', id: 'cap-tranche', tranche: pick(g, trancheIds), amount: money(g, 20_000), partialPayment: partial() },
    { kind: 'payer', id: 'cap-payer', payer: pick(g, payerIds), amount: money(g, 20_000), partialPayment: partial() },
    { kind: 'contract', id: 'cap-contract', amount: money(g, 40_000), partialPayment: partial() },
  ];
  return g(() => fc.subarray(choices));
}

function exitClause(g: Gen, start: CalendarDate, lastDue: CalendarDate, cohortIds: readonly string[], capIds: readonly string[], trancheDue: ReadonlyMap<string, CalendarDate>): NonNullable<ContractInput['exitClauses']>[number] {
  const checkOn = addDays(start, int(g, 0, lastDue - start));
  const conditions = [
    { kind: 'outcomeRateBelow' as const, outcome: 'placement', cohorts: someOf(g, cohortIds), denominator: { basis: 'enrolled' as const }, pending: pick(g, ['exclude', 'countAsNotAchieved'] as const), threshold: basisPoints(int(g, 0, 10_000)) },
    { kind: 'datePassed' as const, date: formatDate(addDays(start, int(g, 0, checkOn - start))) },
    ...capIds.map((cap) => ({ kind: 'capReached' as const, cap })),
  ];
  const payOnExit = pick(g, [{ kind: 'earnedToDate' as const }, { kind: 'nothing' as const }, { kind: 'fixed' as const, amount: money(g, 5000) }, { kind: 'earnedToDatePlusFixed' as const, amount: money(g, 5000) }]);
  const later = [...trancheDue].filter(([, due]) => due > checkOn).map(([id]) => id);
  const effects = [
    { kind: 'terminate' as const, payOnExit },
    { kind: 'completeEarly' as const, payOnExit },
    { kind: 'reducePrices' as const, factor: basisPoints(int(g, 0, 10_000)), rules: ['pay-placement'] },
    ...(later.length > 0 ? [{ kind: 'suspendTranches' as const, tranches: someOf(g, later) }] : []),
  ];
  return { id: 'exit', name: 'Exit', checkOn: formatDate(checkOn), condition: pick(g, conditions), effect: pick(g, effects) };
}

function contract(g: Gen, options: ScenarioOptions): ContractInput {
  const reference = options.reference === true;
  const monotone = options.monotone === true;
  const start = addDays(parseDate('2022-01-01'), int(g, 0, 300));
  const cohorts = Array.from({ length: int(g, 1, 3) }, (_, i) => {
    const from = addDays(start, int(g, 0, 150));
    return { id: `C${i}`, enrolmentStart: formatDate(from), enrolmentEnd: formatDate(addDays(from, int(g, 0, 90))) };
  });
  const cohortIds = cohorts.map((c) => c.id);
  const groupIds = g(() => fc.subarray([...GROUPS]));
  const groups = groupIds.map((id) => ({ id, name: `Group ${id}`, ...(bool(g) ? { priceMultiplier: cents(int(g, 50, 250)) } : {}) }));

  const outcomes: Outcome[] = [
    {
      kind: 'placement',
      id: 'placement',
      name: 'Placement',
      window: { from: pick(g, ['enrolment', 'exit'] as const), days: int(g, 0, 200) },
      contractTypes: bool(g) ? 'any' : ['permanent', 'fixed-term'],
      ...(bool(g) ? { minWeeklyHours: String(int(g, 1, 35)) } : {}),
      ...(!reference && bool(g) ? { minSpellDays: int(g, 1, 60) } : {}),
    },
  ];
  if (!reference) outcomes.push({ kind: 'milestone', id: 'training', name: 'Training', event: 'training-completed', ...(bool(g) ? { within: { from: 'enrolment' as const, days: int(g, 0, 200) } } : {}) });
  const months = g(() => fc.uniqueArray(fc.constantFrom(1, 3, 6, 12), { maxLength: 2 }));
  for (const m of months) {
    const measure = reference
      ? pick(g, [{ mode: 'continuous' as const, allowedGapDays: int(g, 0, 20) }, { mode: 'anniversary' as const }])
      : pick(g, [{ mode: 'continuous' as const, allowedGapDays: int(g, 0, 20) }, { mode: 'anniversary' as const }, { mode: 'cumulative' as const, minDays: m * int(g, 10, 31) }]);
    outcomes.push({ kind: 'retention', id: `retention-${m}m`, name: `Retention ${m} months`, placementOutcome: 'placement', months: m, measure, endBoundary: pick(g, ['inclusive', 'exclusive'] as const) });
  }
  const maxMonths = Math.max(0, ...months);
  const outcomeIds = outcomes.map((o) => o.id);

  const rules: Rule[] = [
    { kind: 'rateCard', id: 'pay-placement', name: 'Placement', outcome: 'placement', price: money(g, 3000), groupPricing: groupPricing(g, groupIds), prerequisites: !reference && bool(g) ? ['training'] : [] },
  ];
  for (const m of months) {
    rules.push({ kind: 'rateCard', id: `pay-retention-${m}m`, name: `Retention ${m}m`, outcome: `retention-${m}m`, price: money(g, 3000), groupPricing: groupPricing(g, groupIds), prerequisites: bool(g) ? ['placement'] : [] });
  }
  if (!reference && bool(g)) rules.push({ kind: 'rateCard', id: 'pay-training', name: 'Training', outcome: 'training', price: money(g, 1000), groupPricing: { mode: 'flat' }, prerequisites: [] });
  let extraDays = 0;
  if (!reference && bool(g)) {
    const periodDays = int(g, 7, 60);
    extraDays = periodDays;
    rules.push({ kind: 'sustainment', id: 'sustainment', name: 'Sustainment', placementOutcome: 'placement', periodDays, maxPayments: int(g, 1, 8), price: money(g, 300), allowedGapDays: int(g, 0, 14), paymentLagDays: int(g, 0, 30), windowDays: int(g, periodDays, 400) });
  }
  if (!monotone && bool(g)) rules.push(cohortRate(g, cohortIds, outcomeIds.filter((id) => id !== 'training'), reference));
  if (!monotone && !reference && bool(g)) {
    rules.push({
      kind: 'bonus', id: 'bonus', name: 'Volume bonus',
      trigger: { kind: 'volume', outcome: pick(g, outcomeIds), afterUnits: int(g, 0, 6), scope: pick(g, ['contract', 'cohort'] as const) },
      payment: bool(g) ? { kind: 'perUnitUplift', amount: money(g, 500) } : { kind: 'fixed', amount: money(g, 5000) },
    });
  }
  if (bool(g)) rules.push({ kind: 'fee', id: 'fee-start', name: 'Attachment fee', charge: { basis: 'perStart', amount: money(g, 400) } });

  const lastCohortStart = Math.max(...cohorts.map((c) => parseDate(c.enrolmentStart)));
  const lastCohortEnd = Math.max(...cohorts.map((c) => parseDate(c.enrolmentEnd)));
  const first = addDays(addMonths(lastCohortStart as CalendarDate, maxMonths), extraDays + int(g, 0, 200));
  const trancheCount = int(g, 1, 4);
  const ruleIds = rules.map((r) => r.id);
  let measured = first;
  const tranches: ContractInput['tranches'] = [];
  for (let i = 0; i < trancheCount; i++) {
    const last = i === trancheCount - 1;
    const due = addDays(measured, int(g, 0, 60));
    tranches.push({
      id: `T${i + 1}`,
      name: `Tranche ${i + 1}`,
      rules: last ? ruleIds : someOf(g, ruleIds),
      cohorts: last ? cohortIds : someOf(g, cohortIds),
      measuredOn: formatDate(measured),
      dueOn: formatDate(due),
    });
    measured = addDays(measured, int(g, 1, 200));
  }
  let lastFee = start;
  if (!reference && rules.some((r) => r.kind === 'fee') && bool(g)) {
    lastFee = addDays(start, int(g, 0, 100));
    rules.push({ kind: 'fee', id: 'fee-schedule', name: 'Delivery fee', charge: { basis: 'schedule', payments: [{ date: formatDate(lastFee), amount: money(g, 5000) }, { date: formatDate(first), amount: money(g, 5000) }] } });
    (tranches[0]?.rules)?.push('fee-schedule');
  }
  const lastDue = Math.max(...tranches.map((t) => parseDate(t.dueOn))) as CalendarDate;
  // the period must contain every dated term, scheduled fee payments included
  const periodEnd = addDays(Math.max(lastDue, lastCohortEnd, lastFee) as CalendarDate, int(g, 0, 100));
  const payerList = payers(g);
  const capList = caps(g, options, cohortIds, tranches.map((t) => t.id), payerList.map((p) => p.id), outcomeIds);
  const exits = options.exits ?? (!monotone && !reference);
  const trancheDue = new Map(tranches.map((t) => [t.id, parseDate(t.dueOn)]));
  const exitClauses = exits && bool(g) ? [exitClause(g, start, lastDue, cohortIds, capList.map((c) => c.id), trancheDue)] : undefined;
  const reinvestment =
    !reference && bool(g)
      ? [{ id: 'reinvest', name: 'Reinvestment', trigger: { kind: 'paymentsAboveThreshold' as const, threshold: money(g, 5000) }, share: basisPoints(int(g, 0, 5000)), destination: { kind: 'external' as const, name: 'Fund' }, cap: money(g, 5000) }]
      : undefined;
  return {
    schemaVersion: '1.0',
    id: 'generated',
    name: 'Generated contract',
    currency: 'EUR',
    rounding: pick(g, ROUNDING),
    period: { start: formatDate(start), end: formatDate(periodEnd) },
    parties: { payers: payerList, provider: { id: 'provider', name: 'Provider' } },
    cohorts,
    ...(groups.length > 0 ? { groups } : {}),
    outcomes,
    rules,
    ...(capList.length > 0 ? { caps: capList } : {}),
    tranches,
    ...(exitClauses === undefined ? {} : { exitClauses }),
    ...(reinvestment === undefined ? {} : { reinvestment }),
  };
}

function record(g: Gen, c: ContractInput, index: number): WireRecord {
  const cohort = pick(g, c.cohorts);
  const enrolled = addDays(parseDate(cohort.enrolmentStart), int(g, 0, parseDate(cohort.enrolmentEnd) - parseDate(cohort.enrolmentStart)));
  const groupIds = (c.groups ?? []).map((group) => group.id);
  const groups = g(() => fc.subarray(groupIds));
  const out: WireRecord = { id: `P${String(index).padStart(3, '0')}`, cohort: cohort.id, enrolledOn: formatDate(enrolled) };
  if (groups.length > 0) out.groups = groups;
  if (bool(g)) out.exitedOn = formatDate(addDays(enrolled, int(g, 0, 150)));
  const spells: NonNullable<WireRecord['spells']> = [];
  let cursor = enrolled as number;
  const count = int(g, 0, 3);
  for (let i = 0; i < count; i++) {
    const startDay = cursor + int(g, 0, 120);
    const open = i === count - 1 && bool(g);
    const length = int(g, 1, 400);
    const spell: NonNullable<WireRecord['spells']>[number] = { start: formatDate(startDay as CalendarDate) };
    if (!open) spell.end = formatDate((startDay + length - 1) as CalendarDate);
    if (bool(g)) spell.hoursPerWeek = pick(g, [10, 20, 24, 35]);
    if (bool(g)) spell.contractType = pick(g, CONTRACT_TYPES);
    spells.push(spell);
    cursor = startDay + length + 1; // the next spell starts at least one day after this one ends
  }
  if (spells.length > 0) out.spells = spells;
  if (bool(g)) out.events = [{ kind: 'training-completed', on: formatDate(addDays(enrolled, int(g, 0, 250))) }];
  return out;
}

/**
 * Scenarios: a valid contract, 0 to `maxRecords` valid records for it, and an as-of date from
 * the contract start to a little after its last tranche.
 *
 * @example
 * fc.assert(fc.property(scenarioArbitrary({ monotone: true }), (s) => settle(s.contract, s.records, { asOf: s.asOf }).ok));
 */
export function scenarioArbitrary(options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  return fc.gen().map((g) => {
    const c = contract(g, options);
    const records = Array.from({ length: int(g, 0, options.maxRecords ?? 14) }, (_, i) => record(g, c, i));
    const lastMeasured = Math.max(...c.tranches.map((t) => parseDate(t.measuredOn)));
    const start = parseDate(c.period.start);
    const asOf = formatDate((start + int(g, 0, lastMeasured - start + 60)) as CalendarDate);
    return { contract: c, records, asOf };
  });
}

/** Day number of a wire date (for tests that move dates). */
export function day(text: string): number {
  return parseDate(text);
}
