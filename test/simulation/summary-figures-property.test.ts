/**
 * The summary figures against settlement, over generated certain assumptions (probabilities 0 or
 * 1, fixed enrolment days and timings, so every run settles the same records): the cash flow by
 * month and by quarter is the settlement's tranches grouped by the month (quarter) they fall due,
 * per payer (a period only a payment on exit falls in pays nothing when its clause does not fire); a cap binds in every run when the settlement's audit trail shows it cut something
 * (cap cuts, participant cap cuts, lines cut by a share or volume cap), else in none; reinvestment
 * is the settlement's set-asides; the cost per outcome is the settlement's total over its tallies'
 * achievers, rounded half-even (worked out here with integers). The last contract has small caps
 * of every kind so that each binds in some cases and not in others (measured on three runs of 12
 * cases: the volume cap bound in 4, 4 and 5 cases, the contract cap in 2, 3 and 8, the cohort and
 * tranche caps in 1 to 4; the exit clause fired in 0 to 4; both reinvestments set money aside in 6
 * to 8).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, type Amount } from '../../src/money/index.js';
import { settle, type Settlement } from '../../src/settlement/index.js';
import { simulate, summarize, type SimulationSummary } from '../../src/simulation/index.js';
import { runs } from '../runs.js';
import { boundsContract, scenarioRecords, type Json } from './bounds-fixtures.js';

interface ContractJson extends Json {
  cohorts: { id: string; enrolmentStart: string; enrolmentEnd: string }[];
  outcomes: { kind: string; id: string; window?: { days: number }; within?: { days: number } }[];
  groups?: { id: string }[];
  tranches: { measuredOn: string }[];
  exitClauses?: { checkOn: string }[];
  caps?: { kind: string; id: string; rule?: string }[];
  period: { end: string };
}

const read = (path: string): ContractJson => JSON.parse(readFileSync(path, 'utf8')) as ContractJson;

/** Contracts with caps of every kind, reinvestment, exit clauses and payments on exit between them. */
const CONTRACTS: [string, ContractJson][] = [
  ['region-sud', read('examples/region-sud/contract.json')],
  ['uk-rate-card', read('examples/uk-rate-card/contract.json')],
  ['ppp-impact', read('examples/ppp-impact/contract.json')],
  ['buenos-aires', read('examples/contracts/buenos-aires-youth-employment.json')],
  [
    'small caps of every money kind, a volume cap, an exit paying a fixed sum, two reinvestments',
    boundsContract({
      rules: [
        { kind: 'rateCard', id: 'job-fee', name: 'Job', outcome: 'job', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
        { kind: 'fee', id: 'start', name: 'Start', charge: { kind: 'perStart', amount: '100.00' } },
      ],
      caps: [
        { kind: 'outcomeVolume', id: 'vol', rule: 'job-fee', targetUnits: 4 },
        { kind: 'outcome', id: 'job-cap', outcome: 'job', amount: '3500.00', partialPayment: false },
        { kind: 'cohort', id: 'c2-cap', cohort: 'c2', amount: '1500.00', partialPayment: true },
        { kind: 'tranche', id: 't2-cap', tranche: 't2', amount: '2000.00', partialPayment: true },
        { kind: 'payer', id: 'city-cap', payer: 'city', amount: '1300.00', partialPayment: true },
        { kind: 'contract', id: 'all', amount: '3000.00', partialPayment: true },
      ],
      tranches: [
        { id: 't1', name: 'First', rules: ['job-fee', 'start'], cohorts: ['c1'], measuredOn: '2025-06-30', dueOn: '2025-07-31' },
        { id: 't2', name: 'Second', rules: ['job-fee', 'start'], cohorts: ['c1', 'c2'], measuredOn: '2025-12-31', dueOn: '2026-02-15' },
      ],
      exitClauses: [
        { id: 'stop', name: 'Stop at the volume', checkOn: '2025-09-30', condition: { kind: 'capReached', cap: 'vol' }, effect: { kind: 'terminate', payOnExit: { kind: 'earnedToDatePlusFixed', amount: '50.00' } } },
      ],
      reinvestment: [
        { id: 'above', name: 'Above', trigger: { kind: 'paymentsAboveThreshold', threshold: '1500.00' }, share: '0.1', destination: { kind: 'external', name: 'Fund' }, cap: '150.00' },
        { id: 'surplus', name: 'Surplus', trigger: { kind: 'surplusOverTarget', outcome: 'job', targetUnits: 2 }, share: '0.5', destination: { kind: 'cohort', cohort: 'c2' }, cap: '700.00' },
      ],
    }) as ContractJson,
  ],
];

/** The simulation's as-of date: the latest of the contract's end, tranches and exit checks. */
function horizon(contract: ContractJson): string {
  return [contract.period.end, ...contract.tranches.map((t) => t.measuredOn), ...(contract.exitClauses ?? []).map((c) => c.checkOn)].reduce((a, b) => (a > b ? a : b));
}

/** Assumptions under which every draw is certain. */
function certainAssumptions(contract: ContractJson): fc.Arbitrary<Json> {
  const outcomes = Object.fromEntries(
    contract.outcomes
      .filter((outcome) => outcome.kind !== 'cohortIndicator')
      .map((outcome) => {
        const span = outcome.window?.days ?? outcome.within?.days ?? 120;
        const timed = outcome.kind === 'placement' || outcome.kind === 'milestone';
        const probability = fc.constantFrom(0, 1, 1);
        return [outcome.id, timed ? fc.record({ probability, days: fc.integer({ min: 0, max: span }) }) : fc.record({ probability })];
      }),
  );
  const groups = (contract.groups ?? []).map((group) => group.id);
  const indicators = Object.fromEntries(
    contract.outcomes
      .filter((outcome) => outcome.kind === 'cohortIndicator')
      .map((outcome) => [outcome.id, fc.record(Object.fromEntries([...contract.cohorts.map((c) => c.id), '*'].map((key) => [key, fc.constantFrom('0', '0.2', '0.5', '1', '4.5')])))]),
  );
  const cohort = (c: ContractJson['cohorts'][number]): fc.Arbitrary<Json> =>
    fc.record({ size: fc.integer({ min: 0, max: 5 }), day: fc.constantFrom(c.enrolmentStart, c.enrolmentEnd) }).map(({ size, day }) => ({ size, enrolment: { from: day, to: day } }));
  return fc.record({
    schemaVersion: fc.constant('1.0'),
    cohorts: fc.record(Object.fromEntries(contract.cohorts.map((c) => [c.id, cohort(c)]))),
    daysToExit: fc.integer({ min: 0, max: 200 }),
    jobDays: fc.integer({ min: 1, max: 800 }),
    outcomes: fc.record(outcomes),
    mix: fc.subarray(groups).map((set) => [{ groups: set, share: 1 }]),
    indicators: fc.record(indicators),
  });
}

/** Groups amounts by period: per period, the sum of [earned, payer 1, payer 2, ...] as text. */
function settledPeriods(settlement: Settlement, periodOf: (date: string) => string): [string, string[]][] {
  const sums = new Map<string, Amount[]>();
  for (const tranche of settlement.tranches) {
    const period = periodOf(tranche.dueOn);
    const amounts = [tranche.earned, ...tranche.payers.map((payer) => payer.earned)].map((amount) => parseAmount(amount));
    const before = sums.get(period);
    sums.set(period, before === undefined ? amounts : amounts.map((amount, k) => amount.plus(before[k] ?? 'NaN')));
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, amounts]) => [period, amounts.map((amount) => amount.toFixed(2))]);
}

/** The caps the settlement's audit trail shows cutting something, in contract order. */
function capsCutBySettlement(contract: ContractJson, settlement: Settlement): string[] {
  const cut = new Set<string>();
  for (const tranche of settlement.tranches) {
    for (const capCut of tranche.capCuts) cut.add(capCut.cap);
    for (const line of tranche.lines) {
      if (Number(line.inputs['cutByShareCap'] ?? 0) > 0) cut.add(String(line.inputs['shareCap']));
      if (Number(line.inputs['cutByVolumeCap'] ?? 0) > 0) for (const cap of contract.caps ?? []) if (cap.kind === 'outcomeVolume' && cap.rule === line.rule) cut.add(cap.id);
    }
  }
  for (const cap of settlement.participantCaps) if (cap.claimsCut > 0) cut.add(cap.cap);
  return (contract.caps ?? []).map((cap) => cap.id).filter((id) => cut.has(id));
}

/** `cents / n` in minor units, rounded half-even, as text (n > 0). */
function halfEvenOver(amount: string, n: number): string {
  const cents = BigInt(amount.replace('.', ''));
  const big = BigInt(n);
  let quotient = cents / big;
  const twice = (cents % big) * 2n;
  if (twice > big || (twice === big && quotient % 2n === 1n)) quotient += 1n;
  const text = quotient.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

const month = (date: string): string => date.slice(0, 7);
const quarter = (date: string): string => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
const means = (summary: SimulationSummary, which: 'months' | 'quarters'): [string, string[]][] =>
  summary.cashFlow[which].map((period) => [period.period, [period.total.mean, ...period.payers.map((payer) => payer.mean)]]);

describe.each(CONTRACTS)('summary figures of %s under certain assumptions', (_, contract) => {
  it('equal the settlement of the same records: cash flow, caps binding, reinvestment, cost per outcome', () => {
    fc.assert(
      fc.property(certainAssumptions(contract), fc.integer({ min: 0, max: 0xffff_ffff }), (assumptions, seed) => {
        const simulated = simulate(contract, assumptions, { runs: 2, seed });
        if (!simulated.ok) throw new Error(JSON.stringify(simulated.issues));
        const summary = summarize(simulated.value);
        fc.pre(summary.total.min === summary.total.max); // certain assumptions: both runs the same
        const records = scenarioRecords(contract, assumptions);
        const indicators = (assumptions['indicators'] ?? {}) as Record<string, Record<string, string>>;
        const settled = settle(contract, records, { asOf: horizon(contract), indicators, allowEmpty: true });
        if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
        const settlement = settled.value;
        expect(summary.total.mean).toBe(settlement.totals.earned);
        for (const [which, periodOf] of [['months', month], ['quarters', quarter]] as const) {
          const expected = settledPeriods(settlement, periodOf);
          // a payment on exit is a tranche of the settlement only when its clause fires: elsewhere its period pays nothing
          const shown = means(summary, which).filter(([period, amounts]) => expected.some(([settled]) => settled === period) || amounts.some((amount) => amount !== '0.00'));
          expect(shown).toEqual(expected);
        }
        const bound = capsCutBySettlement(contract, settlement);
        expect(summary.caps.map((cap) => [cap.cap, cap.bound])).toEqual((contract.caps ?? []).map((cap) => [cap.id, bound.includes(cap.id) ? 2 : 0]));
        const setAside = (id: string): string =>
          settlement.tranches
            .flatMap((tranche) => tranche.reinvestment.filter((part) => part.reinvestment === id).map((part) => parseAmount(part.amount)))
            .reduce((sum, amount) => sum.plus(amount), parseAmount('0'))
            .toFixed(2);
        expect(summary.reinvestment.map((r) => [r.reinvestment, r.mean, r.sd])).toEqual(summary.reinvestment.map((r) => [r.reinvestment, setAside(r.reinvestment), '0.00']));
        // every outcome participants achieve; cohort indicators have no achievers and no cost
        expect(summary.costPerOutcome.map((cost) => cost.outcome)).toEqual(contract.outcomes.filter((outcome) => outcome.kind !== 'cohortIndicator').map((outcome) => outcome.id));
        for (const cost of summary.costPerOutcome) {
          const achievers = settlement.tallies.filter((tally) => tally.group === null && tally.outcome === cost.outcome).reduce((sum, tally) => sum + tally.achieved, 0);
          expect([cost.outcome, cost.runsWith, cost.runsWithout, cost.cost?.mean ?? null]).toEqual([cost.outcome, achievers > 0 ? 2 : 0, achievers > 0 ? 0 : 2, achievers > 0 ? halfEvenOver(settlement.totals.earned, achievers) : null]);
        }
      }),
      { numRuns: runs(12) },
    );
  }, 120_000);
});
