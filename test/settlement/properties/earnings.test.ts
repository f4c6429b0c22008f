/**
 * Earnings threshold outcomes and earnings ladders (docs/mechanics/earnings-threshold.md,
 * earnings-ladder.md), on generated scenarios:
 * Each on a fixed seed, so that what it measures is the same on every run, and on scenarios drawn
 * with what it needs (an earnings outcome, a ladder) rather than refusing the others.
 * - more earnings never earn less: raising the amount of one earnings observation keeps every
 *   earnings outcome achieved, on the same day or earlier, and never lowers what is earned under
 *   monotone terms (see monotonicity.test.ts);
 * - the order of the observations does not matter: the records with their earnings listed in
 *   reverse settle to the same settlement (earnings thresholds and quarters after exit alike);
 * - the threshold is the rate-table arithmetic: one observation of exactly hours × weeks × the rate
 *   in force (the last rate from on or before the day `rateOn` names), rounded to the increment
 *   with the mode (worked out here with the reference's decimals and date-fns), achieves the outcome
 *   on its day; one minor unit less does not;
 * - the steps of a ladder are reached in order: a step of a larger amount (same window and rule
 *   across the start) is never achieved before a smaller one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, resolveParticipant, type ContractInput } from '../../../src/index.js';
import { runs } from '../../runs.js';
import { scenarioArbitrary, type WireRecord } from '../arbitraries/index.js';
import { refDay } from '../reference/dates.js';
import { D, roundMinor } from '../reference/decimal.js';
import { settleOk } from '../settle-helper.js';
import { moneyOf, parsedContract, raisedEarnings, validatedRecords } from './helpers.js';

type Outcome = ContractInput['outcomes'][number];
type EarningsOutcome = Extract<Outcome, { kind: 'earningsThreshold' }>;

/** The indexes of the contract's earnings outcomes. */
function earningsIndexes(contract: ContractInput): number[] {
  return contract.outcomes.flatMap((o, i) => (o.kind === 'earningsThreshold' ? [i] : []));
}

/** A decimal text plus `units` minor units of a currency with `places` decimals. */
function plusUnits(text: string, units: number, places: number): string {
  return new D(text).plus(new D(units).div(new D(10).pow(places))).toFixed(places);
}

describe('earnings threshold outcomes', () => {
  it('more earnings never earn less: each earnings outcome achieved as early or earlier, and no less earned (monotone terms)', () => {
    let raisedAchievement = 0;
    let raisedEarned = 0;
    let checked = 0;
    fc.assert(
      fc.property(scenarioArbitrary({ monotone: true, earnings: 'always' }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 400_000 }), (scenario, who, which, extra) => {
        const indexes = earningsIndexes(scenario.contract);
        const withEarnings = scenario.records.flatMap((r, i) => ((r.earnings ?? []).length > 0 ? [i] : []));
        fc.pre(indexes.length > 0 && withEarnings.length > 0);
        const at = withEarnings[who % withEarnings.length] as number;
        const record = scenario.records[at] as WireRecord;
        const list = record.earnings ?? [];
        const k = which % list.length;
        const more: WireRecord = { ...record, earnings: list.map((e, j) => (j === k ? { ...e, amount: plusUnits(e.amount, extra, scenario.currency.places) } : e)) };
        const { achievedMore, earnedMore } = raisedEarnings(scenario, at, more, indexes);
        raisedAchievement += achievedMore;
        if (earnedMore) raisedEarned += 1;
        checked += 1;
      }),
      { numRuns: runs(200), seed: 42 },
    );
    // the generator reaches the case: raised earnings achieve an outcome, and pay more (seed 42: 13
    // outcomes, 6 of 200 scenarios). Every contract has an earnings outcome (earnings: 'always'): 203
    // scenarios drawn for the 200 cases (3 without records with earnings), where the general
    // generator drew 268 (15 outcomes, 6 of 200)
    expect(raisedAchievement).toBeGreaterThan(5);
    expect(raisedEarned / checked).toBeGreaterThan(0.02);
  });

  it('the order of the observations does not matter', () => {
    let reordered = 0;
    let paying = 0;
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const readsEarnings = scenario.contract.outcomes.some((o) => o.kind === 'earningsThreshold' || o.kind === 'quarterAfterExit');
        fc.pre(readsEarnings && scenario.records.some((r) => (r.earnings ?? []).length > 1));
        const reversed = scenario.records.map((r) => (r.earnings === undefined ? r : { ...r, earnings: [...r.earnings].reverse() }));
        const a = settleOk(scenario);
        const b = settleOk({ ...scenario, records: reversed });
        expect(b.totals).toEqual(a.totals);
        expect(b.tranches).toEqual(a.tranches);
        reordered += 1;
        if (moneyOf(scenario).of(a.totals.earned) > 0n) paying += 1;
      }),
      { numRuns: runs(80), seed: 42 },
    );
    expect(reordered).toBeGreaterThan(20);
    expect(paying / reordered).toBeGreaterThan(0.5);
  });

  it('the threshold is hours × weeks × the rate in force, rounded as the contract says: reached at exactly it, not one minor unit below', () => {
    let minimumWage = 0;
    fc.assert(
      fc.property(scenarioArbitrary({ earnings: 'always' }), fc.nat(), (scenario, who) => {
        const index = earningsIndexes(scenario.contract)[0];
        fc.pre(index !== undefined);
        const o = scenario.contract.outcomes[index] as EarningsOutcome;
        const asOf = refDay(scenario.asOf);
        const candidates = scenario.records.filter((r) => {
          const anchor = o.window.from === 'enrolment' ? r.enrolledOn : r.exitedOn;
          const inGroups = o.participants === undefined || (r.groups ?? []).some((g) => o.participants?.groups.includes(g));
          return anchor !== undefined && refDay(anchor) <= asOf && inGroups;
        });
        fc.pre(candidates.length > 0);
        const record = candidates[who % candidates.length] as WireRecord;
        const anchorText = (o.window.from === 'enrolment' ? record.enrolledOn : record.exitedOn) as string;
        const anchor = refDay(anchorText);
        const t = o.threshold;
        let threshold: string;
        if (t.kind === 'amount') threshold = t.amount;
        else {
          const day = t.rateOn === 'windowStart' ? anchor : anchor + o.window.days;
          const rate = t.rates.filter((r) => refDay(r.from) <= day).at(-1);
          fc.pre(rate !== undefined);
          threshold = roundMinor(new D(t.hours).times(t.weeks).times(rate.hourly).div(t.increment), 0, t.rounding).times(t.increment).toFixed();
          minimumWage += 1;
        }
        const places = scenario.currency.places;
        const contract = parsedContract(scenario.contract);
        const at = (amount: string) => {
          const [parsedRecord] = validatedRecords(scenario, [{ ...record, earnings: [{ from: anchorText, to: anchorText, amount }] }]);
          if (parsedRecord === undefined) expect.fail('the record did not validate');
          return resolveParticipant(parsedRecord, contract, parseDate(scenario.asOf))[index];
        };
        const reached = at(new D(threshold).toFixed());
        expect(reached?.status, `${threshold} on ${anchorText}`).toBe('achieved');
        expect(reached?.on).toBe(parseDate(anchorText));
        if (new D(threshold).greaterThan(0)) {
          const short = at(plusUnits(threshold, -1, Math.max(places, new D(threshold).decimalPlaces())));
          expect(short?.status, `${threshold} less one unit`).not.toBe('achieved');
        }
      }),
      { numRuns: runs(150), seed: 42 },
    );
    // seed 42: 117 of the 150 cases on a minimum wage; every contract has an earnings outcome
    // (earnings: 'always'): 152 scenarios drawn for the 150 cases, where the general generator drew 219
    expect(minimumWage).toBeGreaterThan(20);
  });

  it('the steps of a ladder are reached in order', () => {
    let both = 0;
    fc.assert(
      fc.property(scenarioArbitrary({ earnings: 'ladder' }), (scenario) => {
        const low = scenario.contract.outcomes.findIndex((o) => o.id === 'earnings');
        const high = scenario.contract.outcomes.findIndex((o) => o.id === 'earnings-step-2');
        const lowOutcome = scenario.contract.outcomes[low];
        const highOutcome = scenario.contract.outcomes[high];
        fc.pre(lowOutcome?.kind === 'earningsThreshold' && highOutcome?.kind === 'earningsThreshold');
        fc.pre(lowOutcome.threshold.kind === 'amount' && highOutcome.threshold.kind === 'amount' && lowOutcome.participants === undefined);
        fc.pre(new D(lowOutcome.threshold.amount).lessThanOrEqualTo(highOutcome.threshold.amount));
        const contract = parsedContract(scenario.contract);
        for (const record of validatedRecords(scenario)) {
          const resolved = resolveParticipant(record, contract, parseDate(scenario.asOf));
          const second = resolved[high];
          if (second?.status !== 'achieved') continue;
          const first = resolved[low];
          expect(first?.status, record.id).toBe('achieved');
          expect(first?.on ?? Infinity).toBeLessThanOrEqual(second.on);
          both += 1;
        }
      }),
      // every contract a ladder of both steps, amounts in order, the first for every participant
      // (earnings: 'ladder'; the preconditions above stay as guards): seed 42, 100 scenarios drawn
      // for the 100 cases, where the general generator, with such a contract about one scenario in
      // 20, drew 2,082 (nine tenths of the time spent drawing scenarios the preconditions refused);
      // the second step is reached 106 times (the general generator: 103), far above the 5 asked;
      // FC_RUNS raises the count
      { numRuns: runs(100), seed: 42 },
    );
    expect(both).toBeGreaterThan(5);
  });
});
