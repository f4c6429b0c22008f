/**
 * Generated contracts for settlement properties: valid by construction, and built to pay. Every
 * variant of every union in the contract format can be drawn (rule, outcome, retention measure,
 * wage threshold, cap, schedule, denominator, baseline source, bonus trigger and payment, fee
 * basis, group pricing mode, exit condition, effect and pay-on-exit, reinvestment trigger and
 * destination, investor return cap), in currencies with 0, 2 and 3 minor units.
 *
 * Amounts are drawn around a base price so that caps bind often (a participant cap of one to three
 * prices, a contract cap of a few prices); tranches are measured after the cohorts' enrolment so
 * that most participants' outcomes are decided by then; exit clauses are checked between the
 * first and the last measurement, so that something was earned before they fire.
 *
 * `ContractTerms` switches off the terms a property cannot hold under (see the property).
 */
import { addDays, addMonths, formatDate, parseDate, type CalendarDate } from '../../../src/calendar/index.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { amount, currency as drawCurrency, unitsText, type Currency } from './currencies.js';
import { basisPoints, chance, distinctInts, int, pick, someOf, type Gen } from './gen.js';

type Rule = ContractInput['rules'][number];
type Outcome = ContractInput['outcomes'][number];
type Cap = NonNullable<ContractInput['caps']>[number];
type Tranche = ContractInput['tranches'][number];
type ExitClause = NonNullable<ContractInput['exitClauses']>[number];
type Condition = ExitClause['condition'];
type Effect = ExitClause['effect'];
type PayOnExit = Extract<Effect, { kind: 'terminate' }>['payOnExit'];
type Reinvestment = NonNullable<ContractInput['reinvestment']>[number];
type GroupPricing = Extract<Rule, { kind: 'rateCard' }>['groupPricing'];
type Denominator = Extract<Rule, { kind: 'cohortRate' }>['denominator'];
type Schedule = Extract<Rule, { kind: 'cohortRate' }>['schedule'];
/** The cap kinds drawn here; share caps are drawn after the rest of the scenario (later-terms.ts). */
type CapKind = Exclude<Cap['kind'], 'share'>;

/** Which contract terms to generate. */
export interface ContractTerms {
  /** Only terms under which one more achieved outcome never lowers what is earned (see the monotonicity property). */
  readonly monotone?: boolean;
  /** Allow exit clauses (default: unless monotone). */
  readonly exits?: boolean;
  /** Use this currency instead of drawing one. */
  readonly currency?: Currency;
}

/** A generated contract with what the generators of records, indicators and dates need to know. */
export interface GeneratedContract {
  readonly contract: ContractInput;
  readonly currency: Currency;
}

const ROUNDING = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;
const GROUPS = ['rsa', 'ltu', 'youth'] as const;
/** Contract types records use; placements may allow some of them. */
export const CONTRACT_TYPES = ['permanent', 'fixed-term', 'apprenticeship', 'temporary'] as const;
const COHORT_IDS = ['2023-A', '2023-B', '2024-A'] as const;
/** Sector codes and employer ids records use; outcomes may count only some of them (issue #16 item 10). */
export const SECTORS = ['62.01Z', 'F', 'care'] as const;
export const EMPLOYERS = ['member-1', 'member-2', 'acme'] as const;
const MONEY_CAPS: readonly CapKind[] = ['participant', 'outcome', 'outcomeVolume', 'cohort', 'tranche', 'payer', 'contract'];

interface Terms {
  readonly monotone: boolean;
  readonly exits: boolean;
}

/** What has been drawn so far. */
interface Draft {
  readonly g: Gen;
  readonly terms: Terms;
  readonly currency: Currency;
  /** The base price in minor units: prices, caps and thresholds are drawn around it. */
  readonly base: number;
  readonly start: CalendarDate;
  readonly cohorts: { id: string; start: CalendarDate; end: CalendarDate }[];
  readonly groups: readonly string[];
  readonly outcomes: Outcome[];
}

/** Sometimes a description: free text the settlement must never read. */
function described(g: Gen): { description?: string } {
  return chance(g, 25) ? { description: pick(g, ['Paid once per participant.', 'See annex 2, § 4.1 — "as agreed".']) } : {};
}

function money(d: Draft, from: number, to: number): string {
  return unitsText(d.currency, int(d.g, Math.round(d.base * from), Math.round(d.base * to)));
}

function payers(g: Gen): ContractInput['parties']['payers'] {
  const count = int(g, 1, 3);
  // shares in basis points, or thirds written to four places (0.3333 + 0.3333 + 0.3334)
  const cuts = distinctInts(g, count - 1, 1, 9_999);
  const bounds = [0, ...cuts, 10_000];
  const names = ['region', 'agency', 'fund'];
  return Array.from({ length: count }, (_, i) => ({
    id: names[i] ?? `payer-${i}`,
    name: `Payer ${names[i] ?? i}`,
    share: basisPoints((bounds[i + 1] ?? 0) - (bounds[i] ?? 0)),
  }));
}

function cohorts(g: Gen, start: CalendarDate): Draft['cohorts'] {
  const count = int(g, 1, 3);
  return COHORT_IDS.slice(0, count).map((id) => {
    const from = addDays(start, int(g, 0, 150));
    return { id, start: from, end: addDays(from, int(g, 0, 90)) };
  });
}

function placement(d: Draft): Outcome {
  const { g } = d;
  const types = chance(g, 50) ? 'any' : someOf(g, CONTRACT_TYPES.slice(0, 3));
  return {
    kind: 'placement',
    id: 'placement',
    name: 'Job after the programme',
    ...described(g),
    window: { from: chance(g, 60) ? 'enrolment' : 'exit', days: int(g, 30, 200) },
    contractTypes: types,
    ...(chance(g, 40) ? { minWeeklyHours: pick(g, ['16', '17.5', '24', '30']) } : {}),
    ...(chance(g, 30) ? { minSpellDays: int(g, 1, 60) } : {}),
    ...restrictions(d, 30, 20),
  };
}

/**
 * Sometimes a `jobs` restriction (sectors, employers or both; `jobsChance` %) and a `participants`
 * restriction to some of the contract's groups (`groupsChance` %, when it has groups).
 */
function restrictions(d: Draft, jobsChance: number, groupsChance: number): { jobs?: { sectors?: string[]; employers?: string[] }; participants?: { groups: string[] } } {
  const { g } = d;
  const out: { jobs?: { sectors?: string[]; employers?: string[] }; participants?: { groups: string[] } } = {};
  if (jobsChance > 0 && chance(g, jobsChance)) {
    const which = int(g, 1, 3);
    out.jobs = {
      ...(which !== 2 ? { sectors: someOf(g, SECTORS.slice(0, 2)) } : {}),
      ...(which !== 1 ? { employers: someOf(g, EMPLOYERS.slice(0, 2)) } : {}),
    };
  }
  if (d.groups.length > 0 && chance(g, groupsChance)) out.participants = { groups: someOf(g, d.groups) };
  return out;
}

/** Weeks and days of about the length of 0, 1, 3, 6 and 12 months (13 and 26 weeks: the UK Work Programme's job outcomes). */
const WEEKS_OF_MONTHS: Readonly<Record<number, number>> = { 0: 0, 1: 4, 3: 13, 6: 26, 12: 52 };
const DAYS_OF_MONTHS: Readonly<Record<number, number>> = { 0: 0, 1: 30, 3: 91, 6: 182, 12: 365 };

/** A duration of about `months` months: in months (half the time), weeks or days. */
function duration(g: Gen, months: number): { months: number } | { weeks: number } | { days: number } {
  const unit = int(g, 1, 4);
  if (unit <= 2) return { months };
  return unit === 3 ? { weeks: WEEKS_OF_MONTHS[months] ?? months * 4 } : { days: DAYS_OF_MONTHS[months] ?? months * 30 };
}

/** The date a duration stated as in the contract (months, weeks or days) ends, counted from `start`. */
export function afterDuration(start: CalendarDate, o: { readonly months?: number | undefined; readonly weeks?: number | undefined; readonly days?: number | undefined }): CalendarDate {
  return o.months !== undefined ? addMonths(start, o.months) : addDays(start, o.weeks !== undefined ? o.weeks * 7 : (o.days ?? 0));
}

function outcomes(d: Draft): void {
  const { g } = d;
  d.outcomes.push(placement(d));
  if (chance(g, 70)) {
    d.outcomes.push({
      kind: 'milestone',
      id: 'training',
      name: 'Training completed',
      ...described(g),
      event: 'training-completed',
      ...(chance(g, 50) ? { within: { from: pick(g, ['enrolment', 'exit'] as const), days: int(g, 60, 300) } } : {}),
      ...restrictions(d, 0, 15),
    });
  }
  const months = [...new Set([1, 3, 6, 12].filter(() => chance(g, 25)).slice(0, 2))];
  // each duration stated in months, or in weeks or days of about the same length (issue #16 item 5)
  for (const m of months) {
    const measures = [
      { kind: 'continuous' as const, allowedGapDays: int(g, 0, 30) },
      { kind: 'anniversary' as const },
      { kind: 'cumulative' as const, minDays: Math.max(1, Math.round(m * int(g, 10, 31))) },
    ];
    d.outcomes.push({
      kind: 'retention',
      id: `retention-${m}m`,
      name: `In work ${m} months after placement`,
      ...described(g),
      placementOutcome: 'placement',
      ...duration(g, m),
      measure: pick(g, measures),
      endBoundary: pick(g, ['inclusive', 'exclusive'] as const),
      ...restrictions(d, 20, 15),
    });
  }
  if (chance(g, 55)) {
    d.outcomes.push({
      kind: 'wageProgression',
      id: 'wage',
      name: 'Wage progression',
      ...described(g),
      placementOutcome: 'placement',
      ...duration(g, pick(g, [0, 1, 3, 6])),
      baseline: pick(g, ['preProgramme', 'placement'] as const),
      threshold: chance(g, 50) ? { kind: 'percent', percent: pick(g, ['5', '10', '12.5', '0']) } : { kind: 'amount', amount: amount(g, d.currency, 0, 200) },
      ...restrictions(d, 0, 15),
    });
  }
  if (chance(g, 60)) {
    d.outcomes.push({ kind: 'cohortIndicator', id: 'indicator', name: 'Comparison group rate', ...described(g), unit: chance(g, 50) ? 'rate' : pick(g, ['score', 'count', 'amount'] as const) });
  }
}

/** Outcomes a participant can achieve (every kind but cohort indicators). */
function participantOutcomes(d: Draft): string[] {
  return d.outcomes.filter((o) => o.kind !== 'cohortIndicator').map((o) => o.id);
}

function has(d: Draft, id: string): boolean {
  return d.outcomes.some((o) => o.id === id);
}

function groupPricing(d: Draft): GroupPricing {
  const { g } = d;
  if (d.groups.length === 0) return { kind: 'flat' };
  const kind = pick(g, ['flat', 'prices', 'multipliers'] as const);
  if (kind === 'flat') return { kind };
  if (kind === 'multipliers') return { kind, rounding: pick(g, ROUNDING), severalGroups: pick(g, ['highest', 'lowest'] as const) };
  return { kind, prices: someOf(g, d.groups).map((group) => ({ group, price: money(d, 0.2, 2) })), severalGroups: pick(g, ['highest', 'lowest'] as const) };
}

function rateCard(d: Draft, id: string, outcome: string, prerequisites: string[]): Rule {
  return { kind: 'rateCard', id, name: `Pay ${outcome}`, ...described(d.g), outcome, price: money(d, 0.3, 1.5), groupPricing: groupPricing(d), prerequisites };
}

function denominator(d: Draft): Denominator {
  const choices: Denominator[] = [{ kind: 'enrolled' }, { kind: 'placed', outcome: 'placement' }];
  if (has(d, 'training')) choices.push({ kind: 'completed', outcome: 'training' });
  return pick(d.g, choices);
}

function schedule(d: Draft): Schedule {
  const { g } = d;
  const tierBps = distinctInts(g, int(g, 1, 3), 0, 9_000);
  const choices: Schedule[] = [
    { kind: 'allOrNothing', threshold: basisPoints(int(g, 0, 9_000)), amount: money(d, 1, 10) },
    { kind: 'tiers', tiers: tierBps.map((bp, i) => ({ from: basisPoints(bp), amount: money(d, i + 0.5, 3 * (i + 1)) })) },
  ];
  const floor = int(g, 0, 6_000);
  const target = int(g, floor, 10_000);
  const atFloor = int(g, 0, d.base * 5);
  const atTarget = int(g, atFloor, d.base * 10);
  choices.push({
    kind: 'linear',
    floor: basisPoints(floor),
    target: basisPoints(target),
    amountAtFloor: unitsText(d.currency, atFloor),
    amountAtTarget: unitsText(d.currency, atTarget),
    ceiling: unitsText(d.currency, int(g, atTarget, d.base * 12)),
  });
  return pick(g, choices);
}

function cohortRate(d: Draft): Rule {
  const { g } = d;
  const source = has(d, 'indicator') && chance(g, 60) ? { kind: 'indicator' as const, indicator: 'indicator' } : { kind: 'rate' as const, rate: basisPoints(int(g, 0, 5_000)) };
  return {
    kind: 'cohortRate',
    id: 'cohort-rate',
    name: 'Cohort rate',
    ...described(g),
    outcome: pick(g, participantOutcomes(d)),
    cohorts: someOf(g, d.cohorts.map((c) => c.id)),
    pooling: pick(g, ['perCohort', 'pooled'] as const),
    denominator: denominator(d),
    pending: pick(g, ['exclude', 'countAsNotAchieved'] as const),
    emptyCohort: pick(g, ['nothing', 'maximum'] as const),
    amountBasis: pick(g, ['perCohort', 'perAchiever'] as const),
    schedule: schedule(d),
    ...(!chance(g, 50)
      ? {}
      : { baseline: { source, minimumDifference: basisPoints(int(g, 0, 2_000)), scheduleAppliesTo: pick(g, ['rate', 'excessOverBaseline'] as const) } }),
  };
}

function bonus(d: Draft): Rule {
  const { g } = d;
  const outcome = pick(g, participantOutcomes(d));
  const scope = pick(g, ['contract', 'cohort'] as const);
  if (d.groups.length > 0 && chance(g, 55)) {
    return {
      kind: 'bonus',
      id: 'bonus',
      name: 'Equity bonus',
      ...described(g),
      trigger: { kind: 'groupShare', group: pick(g, d.groups), outcome, minimumShare: basisPoints(int(g, 0, 6_000)), scope },
      payment: { kind: 'fixed', amount: money(d, 0.5, 5) },
    };
  }
  return {
    kind: 'bonus',
    id: 'bonus',
    name: 'Volume bonus',
    ...described(g),
    trigger: { kind: 'volume', outcome, afterUnits: int(g, 0, 5), scope },
    payment: chance(g, 50) ? { kind: 'perUnitUplift', amount: money(d, 0.05, 0.5) } : { kind: 'fixed', amount: money(d, 0.5, 5) },
  };
}

function rules(d: Draft): Rule[] {
  const { g, terms } = d;
  const list: Rule[] = [];
  const prerequisitesOf = (): string[] => (has(d, 'training') && chance(g, 30) ? ['training'] : []);
  if (chance(g, 90)) list.push(rateCard(d, 'pay-placement', 'placement', prerequisitesOf()));
  for (const o of d.outcomes) {
    if (o.kind === 'retention' && chance(g, 75)) list.push(rateCard(d, `pay-${o.id}`, o.id, chance(g, 50) ? ['placement'] : []));
    if (o.kind === 'wageProgression' && chance(g, 80)) list.push(rateCard(d, 'pay-wage', o.id, chance(g, 30) ? ['placement'] : []));
    if (o.kind === 'milestone' && chance(g, 35)) list.push(rateCard(d, 'pay-training', o.id, []));
  }
  if (chance(g, 35)) {
    const periodDays = int(g, 7, 60);
    list.push({
      kind: 'sustainment',
      id: 'sustainment',
      name: 'Sustainment',
      ...described(g),
      placementOutcome: 'placement',
      periodDays,
      maxPayments: int(g, 1, 8),
      price: money(d, 0.05, 0.3),
      allowedGapDays: int(g, 0, 14),
      paymentLagDays: int(g, 0, 30),
      windowDays: int(g, periodDays, 400),
    });
  }
  if (!terms.monotone && chance(g, 45)) list.push(cohortRate(d));
  if (!terms.monotone && chance(g, 45)) list.push(bonus(d));
  if (chance(g, 40)) list.push({ kind: 'fee', id: 'fee-start', name: 'Attachment fee', ...described(g), charge: startFee(d) });
  if (list.length === 0) list.push(rateCard(d, 'pay-placement', 'placement', []));
  return list;
}

/**
 * A fee per start: one amount, or half the time phased down by enrolment date (1 to 3 phases
 * starting inside the enrolment windows, each amount at most the one before, the last 0 in 2 of 5).
 */
function startFee(d: Draft): Extract<Rule, { kind: 'fee' }>['charge'] {
  const { g } = d;
  let last = int(g, Math.round(d.base * 0.05), Math.round(d.base * 0.4));
  const amount = unitsText(d.currency, last);
  if (chance(g, 50)) return { kind: 'perStart', amount };
  // inside the enrolment windows (or the day after the first start): always before the first measurement, inside the period
  const lastEnd = Math.max(...d.cohorts.map((c) => c.end));
  const phases = distinctInts(g, int(g, 1, 3), 1, Math.max(1, lastEnd - d.start))
    .sort((a, b) => a - b)
    .map((offset, j, all) => {
      last = j === all.length - 1 && chance(g, 40) ? 0 : int(g, 0, last);
      return { from: formatDate(addDays(d.start, offset)), amount: unitsText(d.currency, last) };
    });
  return { kind: 'perStart', amount, phases };
}

/**
 * A delivery fee as a share of a stated contract value, in 1 to 30 monthly instalments from a day
 * between the contract's start and the first measurement, none after the last measurement (half the
 * time up to it); a
 * suspended tranche withholds or defers them (or the contract does not say: withheld).
 */
function shareOfValueFee(d: Draft, trancheList: Tranche[]): Rule {
  const { g } = d;
  const measured = trancheList.map((t) => parseDate(t.measuredOn));
  const first = Math.min(...measured) as CalendarDate;
  const last = Math.max(...measured) as CalendarDate;
  const firstOn = addDays(d.start, int(g, 0, Math.max(0, first - d.start)));
  let room = 1;
  while (room < 30 && addMonths(firstOn, room) <= last) room += 1;
  const whenSuspended = pick(g, [undefined, undefined, 'withheld', 'deferred'] as const);
  const fee: Rule = {
    kind: 'fee',
    id: 'fee-share',
    name: 'Delivery fee (share of the contract value)',
    charge: {
      kind: 'shareOfValue',
      share: chance(g, 50) ? '0.3' : basisPoints(int(g, 1, 10_000)),
      contractValue: money(d, 2, 40),
      // half the time to the last measurement, so that a later tranche (suspended, say) still has some to take
      months: chance(g, 50) ? room : int(g, 1, room),
      firstOn: formatDate(firstOn),
      ...(whenSuspended === undefined ? {} : { whenSuspended }),
    },
  };
  for (const tranche of trancheList) if (chance(g, 60) || tranche === trancheList[0]) tranche.rules.push('fee-share');
  return fee;
}

/** The earliest date after an enrolment on `start` an outcome can be achieved (retention and wage progression count from placement). */
function outcomeReady(d: Draft, id: string, start: CalendarDate): CalendarDate {
  const o = d.outcomes.find((x) => x.id === id);
  return o?.kind === 'retention' || o?.kind === 'wageProgression' ? afterDuration(start, o) : start;
}

/** The earliest date a cohort enrolling from `start` can achieve what `rule` pays for (the contract's TRANCHE_BEFORE_OUTCOME rule). */
function readyOn(d: Draft, rule: Rule, start: CalendarDate): CalendarDate {
  switch (rule.kind) {
    case 'rateCard':
      return Math.max(...[rule.outcome, ...rule.prerequisites].map((id) => outcomeReady(d, id, start))) as CalendarDate;
    case 'sustainment':
      return addDays(start, rule.periodDays);
    case 'cohortRate':
      return outcomeReady(d, rule.outcome, start);
    case 'bonus':
      return outcomeReady(d, rule.trigger.outcome, start);
    case 'fee':
      return start;
    default: {
      const never: never = rule;
      return never;
    }
  }
}

function outcomesPaid(rule: Rule): string[] {
  if (rule.kind === 'rateCard' || rule.kind === 'cohortRate') return [rule.outcome];
  if (rule.kind === 'sustainment') return [rule.placementOutcome];
  if (rule.kind === 'bonus') return [rule.trigger.outcome];
  return [];
}

function tranches(d: Draft, ruleList: readonly Rule[]): Tranche[] {
  const { g } = d;
  const lastEnd = Math.max(...d.cohorts.map((c) => c.end)) as CalendarDate;
  const cohortIds = d.cohorts.map((c) => c.id);
  const startOf = new Map(d.cohorts.map((c) => [c.id, c.start]));
  const count = int(g, 1, 4);
  const measured: CalendarDate[] = [];
  let at = addDays(lastEnd, int(g, 60, 200));
  for (let i = 0; i < count; i++) {
    measured.push(at);
    at = addDays(at, int(g, 45, 240));
  }
  const ready = (rule: Rule, listed: readonly string[]): CalendarDate =>
    Math.max(...listed.map((id) => readyOn(d, rule, startOf.get(id) ?? d.start))) as CalendarDate;
  const list: Tranche[] = [];
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const listed = last ? cohortIds : someOf(g, cohortIds);
    let measuredOn = measured[i] as CalendarDate;
    const needAll = Math.max(...ruleList.map((rule) => ready(rule, listed))) as CalendarDate;
    if (last && measuredOn < needAll) measuredOn = addDays(needAll, int(g, 0, 60));
    let allowed = ruleList.filter((rule) => ready(rule, listed) <= measuredOn);
    if (allowed.length === 0) {
      const soonest = [...ruleList].sort((a, b) => ready(a, listed) - ready(b, listed))[0] as Rule;
      measuredOn = ready(soonest, listed);
      allowed = [soonest];
    }
    // an earlier tranche lists each rule it may pay with probability 3/4 (at least one)
    const kept = allowed.filter(() => chance(g, 75));
    const ruleIds = (last ? allowed : kept.length > 0 ? kept : [pick(g, allowed)]).map((rule) => rule.id);
    const paid = [...new Set(ruleList.filter((rule) => ruleIds.includes(rule.id)).flatMap(outcomesPaid))];
    const filter = !last && paid.length > 0 && chance(g, 10) ? someOf(g, paid) : undefined;
    list.push({
      id: `T${i + 1}`,
      name: `Tranche ${i + 1}`,
      rules: ruleIds,
      cohorts: listed,
      ...(filter === undefined ? {} : { outcomes: filter }),
      measuredOn: formatDate(measuredOn),
      dueOn: formatDate(addDays(measuredOn, int(g, 0, 60))),
    });
  }
  // the engine settles by measurement date whatever the contract order: list them out of order sometimes
  return chance(g, 20) ? [...list].reverse() : list;
}

function scheduledFee(d: Draft, trancheList: Tranche[]): Rule | undefined {
  const { g } = d;
  const measured = trancheList.map((t) => parseDate(t.measuredOn));
  const first = Math.min(...measured) as CalendarDate;
  const last = Math.max(...measured) as CalendarDate;
  // the third never after the last measurement (with one tranche, the period may end on it)
  const dates = [addDays(d.start, int(g, 0, 60)), addDays(first, -int(g, 0, 20)), addDays(first, last > first ? int(g, 1, last - first) : 0)];
  const chosen = [...new Set(someOf(g, dates).map((day) => formatDate(day)))].sort();
  const fee: Rule = { kind: 'fee', id: 'fee-schedule', name: 'Delivery fee', charge: { kind: 'schedule', payments: chosen.map((date) => ({ date, amount: money(d, 0.2, 3) })) } };
  for (const tranche of trancheList) if (chance(g, 60) || tranche === trancheList[0]) tranche.rules.push('fee-schedule');
  return fee;
}

function capKinds(d: Draft): CapKind[] {
  const { g, terms } = d;
  if (terms.monotone) {
    // One cap covering a subset of lines plus the contract cap, all paid in part: two overlapping
    // subsets (outcome and cohort, say) can trade budget between lines and lower the total.
    const one = pick(g, ['none', 'outcome', 'cohort', 'tranche'] as const);
    return [...(one === 'none' ? [] : [one]), ...(chance(g, 50) ? ['contract' as const] : [])];
  }
  return MONEY_CAPS.filter(() => chance(g, 28));
}

function caps(d: Draft, ruleList: readonly Rule[], trancheList: readonly Tranche[], payerIds: readonly string[]): Cap[] {
  const { g, terms } = d;
  const partial = (): boolean => (terms.monotone ? true : chance(g, 50));
  const paidOutcomes = [...new Set(ruleList.flatMap(outcomesPaid))];
  const rateCards = ruleList.filter((r) => r.kind === 'rateCard').map((r) => r.id);
  const out: Cap[] = [];
  for (const [k, kind] of capKinds(d).entries()) {
    const id = `cap-${kind}${k > 0 && out.some((c) => c.kind === kind) ? `-${k}` : ''}`;
    switch (kind) {
      case 'participant':
        out.push({ kind, id, amount: money(d, 0.8, 3), partialPayment: partial(), claimOrder: pick(g, ['achievementDate', 'ruleOrder'] as const) });
        break;
      case 'outcome':
        if (paidOutcomes.length > 0) out.push({ kind, id, outcome: pick(g, paidOutcomes), amount: money(d, 2, 8), partialPayment: partial() });
        break;
      case 'outcomeVolume':
        if (rateCards.length > 0) out.push({ kind, id, rule: pick(g, rateCards), targetUnits: chance(g, 5) ? 0 : int(g, 1, 8) });
        break;
      case 'cohort':
        out.push({ kind, id, cohort: pick(g, d.cohorts.map((c) => c.id)), amount: money(d, 2, 10), partialPayment: partial() });
        break;
      case 'tranche':
        out.push({ kind, id, tranche: pick(g, trancheList.map((t) => t.id)), amount: money(d, 2, 8), partialPayment: partial() });
        break;
      case 'payer':
        out.push({ kind, id, payer: pick(g, payerIds), amount: money(d, 1, 8), partialPayment: partial() });
        break;
      case 'contract':
        out.push({ kind, id, amount: money(d, 2, 16), partialPayment: partial() });
        break;
      default: {
        const never: never = kind;
        throw new Error(`cap kind ${String(never)}`);
      }
    }
  }
  return out;
}

function payOnExit(d: Draft): PayOnExit {
  return pick(d.g, [
    { kind: 'earnedToDate' as const },
    { kind: 'earnedToDatePlusFixed' as const, amount: money(d, 0, 3) },
    { kind: 'fixed' as const, amount: money(d, 0, 5) },
    { kind: 'nothing' as const },
  ]);
}

function exitClause(d: Draft, index: number, ruleList: readonly Rule[], trancheList: readonly Tranche[], capList: readonly Cap[], periodEnd: CalendarDate): ExitClause {
  const { g } = d;
  const measured = trancheList.map((t) => parseDate(t.measuredOn)).sort((a, b) => a - b);
  const first = measured[0] as CalendarDate;
  const last = measured.at(-1) as CalendarDate;
  // mostly between the first and the last measurement (something earned before, something after)
  const checkOn = chance(g, 92) ? addDays(first, int(g, 0, last - first)) : addDays(d.start, int(g, 0, Math.min(periodEnd, last) - d.start));
  const cohortIds = d.cohorts.map((c) => c.id);
  const conditions: Condition[] = [
    {
      kind: 'outcomeRateBelow',
      outcome: chance(g, 60) ? 'placement' : pick(g, participantOutcomes(d)),
      cohorts: someOf(g, cohortIds),
      denominator: denominator(d),
      pending: pick(g, ['exclude', 'countAsNotAchieved'] as const),
      threshold: basisPoints(int(g, 1_000, 9_500)),
    },
    { kind: 'datePassed', date: formatDate(addDays(checkOn, int(g, -200, 60))) },
  ];
  if (has(d, 'indicator')) {
    const unit = d.outcomes.find((o) => o.id === 'indicator');
    conditions.push({ kind: 'indicatorBelow', indicator: 'indicator', cohorts: someOf(g, cohortIds), threshold: unit?.kind === 'cohortIndicator' && unit.unit === 'rate' ? basisPoints(int(g, 0, 10_000)) : String(int(g, 0, 100)) });
  }
  if (capList.length > 0) conditions.push({ kind: 'capReached', cap: pick(g, capList.map((c) => c.id)) });
  const effects: Effect[] = [
    { kind: 'terminate', payOnExit: payOnExit(d) },
    { kind: 'completeEarly', payOnExit: payOnExit(d) },
  ];
  const reducible = ruleList.filter((r) => r.kind === 'rateCard' || r.kind === 'sustainment').map((r) => r.id);
  if (reducible.length > 0) effects.push({ kind: 'reducePrices', factor: basisPoints(int(g, 0, 10_000)), rules: someOf(g, reducible) });
  const later = trancheList.filter((t) => parseDate(t.dueOn) > checkOn).map((t) => t.id);
  if (later.length > 0) effects.push({ kind: 'suspendTranches', tranches: someOf(g, later) });
  // a rate condition and the two effects that pay on exit twice as likely as the others: each has
  // variants of its own (denominators, pay-on-exit kinds) that must each be reached often enough
  const condition = chance(g, 35) ? conditions[0] : pick(g, conditions);
  const effect = pick(g, [...effects, ...effects.slice(0, 2)]);
  return { id: `exit-${index + 1}`, name: `Exit clause ${index + 1}`, checkOn: formatDate(checkOn), condition: condition ?? pick(g, conditions), effect };
}

/**
 * With a delivery fee in instalments that says what a suspension does (withheld or deferred), a
 * clause that surely suspends the tranches after the first that take it, as a
 * performance improvement action would: so that the reference agreement meets instalments deferred
 * and withheld (a drawn clause suspends a tranche in about 2 % of the scenarios).
 */
function feeSuspension(ruleList: readonly Rule[], trancheList: readonly Tranche[]): ExitClause | undefined {
  const fee = ruleList.find((rule) => rule.id === 'fee-share');
  if (fee?.kind !== 'fee' || fee.charge.kind !== 'shareOfValue' || fee.charge.whenSuspended === undefined) return undefined;
  const byDate = [...trancheList].sort((a, b) => parseDate(a.measuredOn) - parseDate(b.measuredOn));
  const checkOn = byDate[0]?.measuredOn ?? '';
  const suspended = byDate.slice(1).filter((t) => t.rules.includes('fee-share') && t.dueOn > checkOn).map((t) => t.id);
  if (suspended.length === 0) return undefined;
  return { id: 'exit-fees', name: 'Performance improvement action', checkOn, condition: { kind: 'datePassed', date: checkOn }, effect: { kind: 'suspendTranches', tranches: suspended } };
}

function reinvestment(d: Draft): Reinvestment {
  const { g } = d;
  return {
    id: 'reinvest',
    name: 'Reinvestment',
    trigger: chance(g, 50) ? { kind: 'paymentsAboveThreshold', threshold: money(d, 0, 6) } : { kind: 'surplusOverTarget', outcome: chance(g, 70) ? 'placement' : pick(g, participantOutcomes(d)), targetUnits: int(g, 0, 6) },
    share: basisPoints(int(g, 0, 5_000)),
    destination: chance(g, 50) ? { kind: 'cohort', cohort: pick(g, d.cohorts.map((c) => c.id)) } : { kind: 'external', name: 'Follow-on fund' },
    cap: money(d, 0, 4),
  };
}

/**
 * Draws a valid contract.
 *
 * @example
 * const { contract, currency } = drawContract(g, { monotone: true });
 */
export function drawContract(g: Gen, options: ContractTerms = {}): GeneratedContract {
  const terms: Terms = {
    monotone: options.monotone === true,
    exits: options.exits ?? options.monotone !== true,
  };
  const currency = options.currency ?? drawCurrency(g);
  const start = addDays(parseDate('2022-01-01'), int(g, 0, 400));
  const groupIds = chance(g, 75) ? someOf(g, GROUPS) : [];
  const d: Draft = { g, terms, currency, base: int(g, 300, 2_500) * currency.scale, start, cohorts: cohorts(g, start), groups: groupIds, outcomes: [] };
  outcomes(d);
  const ruleList = rules(d);
  const trancheList = tranches(d, ruleList);
  if (ruleList.some((r) => r.kind === 'fee') && chance(g, 50)) {
    const fee = scheduledFee(d, trancheList);
    if (fee !== undefined) ruleList.push(fee);
  }
  if (chance(g, 30)) ruleList.push(shareOfValueFee(d, trancheList));
  const lastDue = Math.max(...trancheList.map((t) => parseDate(t.dueOn)), ...d.cohorts.map((c) => c.end)) as CalendarDate;
  const periodEnd = addDays(lastDue, int(g, 0, 120));
  const payerList = payers(g);
  const capList = caps(d, ruleList, trancheList, payerList.map((p) => p.id));
  const clauseCount = terms.exits ? pick(g, [0, 0, 1, 1, 2, 2]) : 0;
  const exitClauses = Array.from({ length: clauseCount }, (_, i) => exitClause(d, i, ruleList, trancheList, capList, periodEnd));
  const deferral = terms.exits ? feeSuspension(ruleList, trancheList) : undefined;
  if (deferral !== undefined) exitClauses.push(deferral);
  const reinvest = chance(g, 40) ? [reinvestment(d)] : [];
  const guarantees =
    chance(g, 30)
      ? [{
          id: 'hiring',
          employer: 'Partner employer',
          cohorts: someOf(g, d.cohorts.map((c) => c.id)),
          positions: int(g, 1, 10),
          qualifyingOutcome: pick(g, participantOutcomes(d)),
          placementOutcome: 'placement',
          withinDays: int(g, 30, 200),
          ...(chance(g, 50) ? { shortfallAmountPerPosition: money(d, 0.1, 1) } : {}),
        }]
      : [];
  const investors =
    chance(g, 35)
      ? [{
          id: 'investor',
          name: 'Social investor',
          commitment: money(d, 20, 40),
          ...(chance(g, 20)
            ? {}
            : {
                terms: {
                  principal: money(d, 5, 20),
                  ...(chance(g, 70) ? { returnCap: chance(g, 50) ? { kind: 'irr' as const, rate: basisPoints(int(g, 0, 1_500)) } : { kind: 'multiple' as const, multiple: pick(g, ['1.1', '1.25', '1.5']) } } : {}),
                  ...(chance(g, 40) ? { guarantee: { guarantor: 'Guarantor', amount: money(d, 0, 5) } } : {}),
                },
              }),
        }]
      : [];
  const groups = d.groups.map((id) => ({
    id,
    name: `Group ${id}`,
    ...(chance(g, 70) ? { priceMultiplier: pick(g, ['0.8', '1.1', '1.25', '1.333', '1.4', '2']) } : {}),
    ...(chance(g, 40) ? { minimumShare: basisPoints(int(g, 0, 5_000)) } : {}),
  }));
  const contract: ContractInput = {
    schemaVersion: '2.0',
    id: 'generated',
    name: 'Generated contract',
    ...described(g),
    currency: currency.code,
    rounding: pick(g, ROUNDING),
    period: { start: formatDate(start), end: formatDate(periodEnd) },
    parties: { payers: payerList, provider: { id: 'provider', name: 'Provider' }, ...(investors.length > 0 ? { investors } : {}) },
    cohorts: d.cohorts.map((c) => ({ id: c.id, ...(chance(g, 30) ? { name: `Cohort ${c.id}` } : {}), enrolmentStart: formatDate(c.start), enrolmentEnd: formatDate(c.end), ...(chance(g, 30) ? { targetSize: int(g, 1, 200) } : {}) })),
    ...(groups.length > 0 ? { groups } : {}),
    outcomes: d.outcomes,
    rules: ruleList,
    ...(capList.length > 0 ? { caps: capList } : {}),
    tranches: trancheList,
    ...(exitClauses.length > 0 ? { exitClauses } : {}),
    ...(reinvest.length > 0 ? { reinvestment: reinvest } : {}),
    ...(guarantees.length > 0 ? { hiringGuarantees: guarantees } : {}),
  };
  return { contract, currency };
}
