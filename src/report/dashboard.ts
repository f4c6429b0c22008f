/**
 * The programme's dashboard, computed from a settlement, its contract and (for wages) its
 * records: each outcome's rate per cohort and group, the cohort indicators (satisfaction), the
 * wages observed, and each priority group's share of the enrolments against its minimum. Every
 * figure is exact: counts are integers, rates and shares exact fractions rounded once, amounts
 * decimals rounded to the currency's minor unit.
 *
 * @module
 */
import { parseDate } from '../calendar/index.js';
import type { Contract } from '../contract/index.js';
import {
  compareRatios,
  minorUnits,
  parseAmount,
  ratioOf,
  ratioOfInteger,
  ratioOver,
  ratioMinus,
  ratioTimes,
  roundRatio,
  sumAmounts,
  type Amount,
  type Ratio,
} from '../money/index.js';
import { validateRawRecords, type OutcomeRecord, type RawRecords } from '../records/index.js';
import { recordContext, type Settlement, type SettlementTally } from '../settlement/index.js';

/** The outcome kinds the dashboard shows, in its order (cohort indicators have their own table). */
export const DASHBOARD_KINDS = ['placement', 'retention', 'wageProgression', 'earningsThreshold', 'quarterAfterExit', 'milestone'] as const;

/** A kind of outcome the dashboard shows. */
export type DashboardKind = (typeof DASHBOARD_KINDS)[number];

/** One row of an outcome's table: a cohort (or all of them) and a group (or everyone). */
export interface OutcomeRow {
  readonly outcome: string;
  readonly kind: DashboardKind;
  /** The cohort id, or null for all cohorts together. */
  readonly cohort: string | null;
  /** The group id, or null for everyone. */
  readonly group: string | null;
  readonly enrolled: number;
  readonly achieved: number;
  readonly failed: number;
  readonly pending: number;
  /** achieved / enrolled in per cent, rounded half-even to one decimal; null when nobody is enrolled. */
  readonly rate: string | null;
}

/** A percentage of `part` in `whole`, half-even to one decimal, or null for an empty whole. */
export function percentOf(part: number, whole: number): string | null {
  if (whole === 0) return null;
  return roundRatio(ratioTimes(ratioOver(ratioOfInteger(part), ratioOfInteger(whole)), ratioOfInteger(100)), 1, 'half-even').toFixed(1);
}

const tallyKey = (cohort: string, group: string | null, outcome: string): string => JSON.stringify([cohort, group, outcome]);

function talliesByKey(settlement: Settlement): Map<string, SettlementTally> {
  return new Map(settlement.tallies.map((tally) => [tallyKey(tally.cohort, tally.group, tally.outcome), tally]));
}

/**
 * The rows of every outcome the dashboard shows (contract order of the kinds above, then of the
 * outcomes): for each, every cohort then all cohorts together, each for everyone then each group.
 *
 * @example
 * outcomeRows(contract, settlement).find((row) => row.outcome === 'placement' && row.cohort === null && row.group === null)?.rate; // '40.8'
 */
export function outcomeRows(contract: Contract, settlement: Settlement): OutcomeRow[] {
  const tallies = talliesByKey(settlement);
  const groups: (string | null)[] = [null, ...(contract.groups ?? []).map((group) => group.id)];
  const rows: OutcomeRow[] = [];
  for (const kind of DASHBOARD_KINDS) {
    for (const outcome of contract.outcomes) {
      if (outcome.kind !== kind) continue;
      for (const cohort of [...contract.cohorts.map((entry) => entry.id), null]) {
        for (const group of groups) {
          const counted = (cohort === null ? contract.cohorts.map((entry) => entry.id) : [cohort]).map((id) => tallies.get(tallyKey(id, group, outcome.id)));
          const sum = (field: 'enrolled' | 'achieved' | 'failed' | 'pending'): number => counted.reduce((total, tally) => total + (tally?.[field] ?? 0), 0);
          const enrolled = sum('enrolled');
          rows.push({ outcome: outcome.id, kind, cohort, group, enrolled, achieved: sum('achieved'), failed: sum('failed'), pending: sum('pending'), rate: percentOf(sum('achieved'), enrolled) });
        }
      }
    }
  }
  return rows;
}

/** A cohort indicator's value for a cohort, as given with the settlement, or null. */
export interface IndicatorRow {
  readonly indicator: string;
  readonly cohort: string;
  readonly value: string | null;
}

/**
 * The values of the contract's cohort indicators (employer and learner satisfaction, comparison
 * rates), per cohort, from the indicator values given with the settlement (own properties only).
 *
 * @example
 * indicatorRows(contract, { 'employer-satisfaction': { '2023-A': '3.9' } });
 */
export function indicatorRows(contract: Contract, indicators: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const outcome of contract.outcomes) {
    if (outcome.kind !== 'cohortIndicator') continue;
    const values = indicators !== undefined && Object.hasOwn(indicators, outcome.id) ? indicators[outcome.id] : undefined;
    for (const cohort of contract.cohorts) {
      const value = values !== undefined && Object.hasOwn(values, cohort.id) ? values[cohort.id] : undefined;
      rows.push({ indicator: outcome.id, cohort: cohort.id, value: typeof value === 'string' ? value : null });
    }
  }
  return rows;
}

/** A group's share of a cohort's enrolments (or of all cohorts'), against its minimum. */
export interface EquityRow {
  readonly group: string;
  /** The cohort id, or null for all cohorts together. */
  readonly cohort: string | null;
  readonly inGroup: number;
  readonly enrolled: number;
  /** inGroup / enrolled in per cent, half-even to one decimal; null when nobody is enrolled. */
  readonly share: string | null;
  /** The group's minimum share in per cent, exact; null when the contract sets none. */
  readonly minimum: string | null;
  /** Whether the share (exact) is at least the minimum; null without a minimum or enrolment. */
  readonly met: boolean | null;
}

/**
 * Each group's share of the enrolments per cohort and over all cohorts, from the settlement's
 * tallies (the enrolled of the group's tally and of the whole cohort's, which are the same for
 * every outcome), against the group's `minimumShare`.
 *
 * @example
 * equityRows(contract, settlement).filter((row) => row.group === 'rsa');
 */
export function equityRows(contract: Contract, settlement: Settlement): EquityRow[] {
  const enrolledOf = new Map<string, number>();
  for (const tally of settlement.tallies) enrolledOf.set(JSON.stringify([tally.cohort, tally.group]), tally.enrolled);
  const enrolled = (cohort: string, group: string | null): number => enrolledOf.get(JSON.stringify([cohort, group])) ?? 0;
  const rows: EquityRow[] = [];
  for (const group of contract.groups ?? []) {
    const minimum: Ratio | null = group.minimumShare === undefined ? null : ratioOf(parseAmount(group.minimumShare));
    for (const cohort of [...contract.cohorts.map((entry) => entry.id), null]) {
      const ids = cohort === null ? contract.cohorts.map((entry) => entry.id) : [cohort];
      const inGroup = ids.reduce((total, id) => total + enrolled(id, group.id), 0);
      const all = ids.reduce((total, id) => total + enrolled(id, null), 0);
      const met = minimum === null || all === 0 ? null : compareRatios(ratioOver(ratioOfInteger(inGroup), ratioOfInteger(all)), minimum) >= 0;
      rows.push({
        group: group.id,
        cohort,
        inGroup,
        enrolled: all,
        share: percentOf(inGroup, all),
        minimum: minimum === null ? null : parseAmount(group.minimumShare ?? '0').times(100).toFixed(),
        met,
      });
    }
  }
  return rows;
}

/** The wages of the participants of a cohort (or all) and a group (or everyone) who have both. */
export interface WageRow {
  /** The cohort id, or null for all cohorts together. */
  readonly cohort: string | null;
  /** The group id, or null for everyone. */
  readonly group: string | null;
  /** Participants with a baseline wage and a wage observed on or before the as-of date. */
  readonly participants: number;
  /** Their mean baseline wage, half-even to the currency's minor unit. */
  readonly baseline: string;
  /** The mean of their last observed wage, half-even to the minor unit. */
  readonly latest: string;
  /** (sum of latest / sum of baselines − 1) in per cent, half-even to one decimal; null when the baselines sum to 0. */
  readonly change: string | null;
}

/** A participant's baseline wage and last wage observed on or before the date, if it has both. */
function wagePair(record: OutcomeRecord, asOf: number): { baseline: Amount; latest: Amount } | undefined {
  if (record.baselineWage === undefined) return undefined;
  let latest: Amount | undefined;
  for (const wage of record.wages) if (wage.on <= asOf) latest = wage.monthlyWage;
  return latest === undefined ? undefined : { baseline: record.baselineWage, latest };
}

/**
 * The wages observed (wage progression in money), per cohort and over all cohorts, each for
 * everyone then each group: the records are validated as a lenient settlement validates them (the
 * invalid ones left out) and the participants with a baseline wage and a wage observed on or
 * before the as-of date counted.
 *
 * @example
 * wageRows(contract, records, '2025-06-30').find((row) => row.cohort === null && row.group === null);
 */
export function wageRows(contract: Contract, records: unknown, asOf: string): WageRow[] {
  const validated = validateRawRecords(records as RawRecords, recordContext(contract), { mode: 'lenient' });
  const valid = validated.ok ? validated.value.records : [];
  const day = parseDate(asOf);
  const pairs = valid.flatMap((record) => {
    const pair = wagePair(record, day);
    return pair === undefined ? [] : [{ record, ...pair }];
  });
  const units = minorUnits(contract.currency);
  const mean = (amounts: readonly Amount[]): string => roundRatio(ratioOver(ratioOf(sumAmounts(amounts)), ratioOfInteger(amounts.length)), units, 'half-even').toFixed(units);
  const rows: WageRow[] = [];
  for (const cohort of [...contract.cohorts.map((entry) => entry.id), null]) {
    for (const group of [null, ...(contract.groups ?? []).map((entry) => entry.id)]) {
      const chosen = pairs.filter(({ record }) => (cohort === null || record.cohort === cohort) && (group === null || record.groups.includes(group)));
      if (chosen.length === 0) continue;
      const baselines = chosen.map((pair) => pair.baseline);
      const latest = chosen.map((pair) => pair.latest);
      const baseSum = sumAmounts(baselines);
      const change = baseSum.isZero()
        ? null
        : roundRatio(ratioTimes(ratioMinus(ratioOver(ratioOf(sumAmounts(latest)), ratioOf(baseSum)), ratioOfInteger(1)), ratioOfInteger(100)), 1, 'half-even').toFixed(1);
      rows.push({ cohort, group, participants: chosen.length, baseline: mean(baselines), latest: mean(latest), change });
    }
  }
  return rows;
}
