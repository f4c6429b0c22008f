/**
 * decisionsAtRisk (src/settlement/decisions-at-risk.ts) where the first unit tests left its
 * mutants alive: a tranche the what-if run cancels and a clause it skips (not compared), the
 * yearly payer caps (which bind through the year's envelope, not through a cut of the tranche),
 * two money caps of which one binds, an outcome-volume cap on a rule that is not the contract's
 * first, and a group share in a contract with other rules. Vectors changed here, every expected
 * decision worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { decisionsAtRisk, type ExcludedCohorts } from '../../../src/settlement/decisions-at-risk.js';
import { runSchedule } from '../../../src/settlement/schedule.js';
import { changedVector, ruleBeforeVolumeCap, withCap, type ContractJson } from './changed-vector.js';

/** decisionsAtRisk on a vector's settled run, its contract changed by `changes`, records as `records` gives them. */
function atRisk(name: string, excluded: ExcludedCohorts, changes?: (contract: ContractJson) => ContractJson, records?: (read: readonly unknown[]) => readonly unknown[]) {
  const { plan, ledger, options } = changedVector(name, changes, records);
  return decisionsAtRisk(plan, ledger, runSchedule(plan, ledger, options.indicators), options.indicators, excluded);
}

const inCohort = (cohort: string, count: number): ExcludedCohorts => ({ byCohort: new Map([[cohort, count]]), unknown: 0 });

describe('decisionsAtRisk: what the what-if run does not decide is not compared', () => {
  it('a tranche the none-achieved run cancels and a clause it skips are not listed (vector 58 with a later tranche cap and clause)', () => {
    // Vector 58: 8 valid records of A, P1..P4 placed in February and March. Here T1 is measured
    // 2024-05-31, P9 (enrolled 2024-03-31, placed 2024-06-20, 81 days: within the 90) is paid in T2
    // (1000.00), which a tranche cap of 400.00 cuts: binds. mid-review (2024-07-15, rate below
    // 0.5): 5 placed of 9 = 0.556, not fired; late (2024-10-15, below 0.1): 5/9, not fired.
    // Two excluded of A: all achieved 7/11 = 0.636, nothing changes; none achieved 5/11 = 0.455 <
    // 0.5: mid-review fires and terminates the contract: T2 is cancelled and late is not checked.
    // Only mid-review is listed: the cap of a cancelled T2 and the unchecked late are not decisions
    // of that run.
    const changes = (contract: ContractJson) => {
      const [review] = contract['exitClauses'] as Record<string, unknown>[];
      const late = { ...review, id: 'late', name: 'late', checkOn: '2024-10-15', condition: { ...(review?.['condition'] as object), threshold: '0.1' } };
      const [t1, t2] = contract['tranches'] as Record<string, unknown>[];
      return {
        ...contract,
        tranches: [{ ...t1, measuredOn: '2024-05-31', dueOn: '2024-05-31' }, t2],
        caps: [{ kind: 'tranche', id: 't2-ceiling', tranche: 'T2', amount: '400.00', partialPayment: true }],
        exitClauses: [review, late],
      };
    };
    const records = (read: readonly unknown[]) => [...read, { id: 'P9', cohort: 'A', enrolledOn: '2024-03-31', spells: [{ start: '2024-06-20' }] }];
    expect(atRisk('58-decision-at-risk-exit-clause', inCohort('A', 2), changes, records)).toEqual([
      { kind: 'exitClause', id: 'mid-review', tranche: null, cohort: null, decided: 'notFired', ifAllAchieved: 'notFired', ifNoneAchieved: 'fired' },
    ]);
  });
});

describe('decisionsAtRisk: money caps', () => {
  it("yearly payer caps bind where the year's envelope is exceeded, each by its own entries (vector 73, deferred, with a state cap)", () => {
    // Vector 73: 1000.00 a placement, region and state half each; the region's 2024 envelope
    // 1000.00, its excess here deferred (to its first tranche due in a later budget year, where it
    // counts in that year's envelope) instead of not paid: no cut of the tranche, only the year's
    // entry says it binds. Added: the state's, 1600.00 a calendar year, not paid above.
    // Settled: T1 (2024-06-30) P1, P2: region 1000 (= the envelope, not over), state 1000;
    // T2 (2024-11-30) P3: region 1000 + 500 > 1000, over 500, deferred to T3: binds; state 1500 ≤
    // 1600; T3 (2025-06-30) P4: region 500 + 500 deferred = 1000 ≤ 2025's 1000; state 500.
    // One excluded of A, all achieved (placed from the cohort's start, paid in T1): T1 region
    // 1500 > 1000: binds (flips), 500 deferred; state 1500 ≤ 1600; T2 region over 500: binds;
    // state 1500 + 500 = 2000 > 1600: binds (flips); T3 region 500 + 500 + 500 = 1500 > 1000:
    // binds (flips; no later tranche: lapses). None achieved: as settled.
    const changes = (contract: ContractJson) => ({
      ...contract,
      caps: [
        ...(contract['caps'] as Record<string, unknown>[]).map((cap) => ({ ...cap, overflow: 'deferred' })),
        { kind: 'payer', id: 'cap-state-annual', payer: 'state', amount: '1600.00', partialPayment: true, per: { kind: 'calendarYear' }, overflow: 'notPaid' },
      ],
    });
    expect(atRisk('73-payer-year-cap-not-paid-calendar', inCohort('A', 1), changes)).toEqual([
      { kind: 'cap', id: 'cap-region-annual', tranche: 'T1', cohort: null, decided: 'does not bind', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
      { kind: 'cap', id: 'cap-state-annual', tranche: 'T2', cohort: null, decided: 'does not bind', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
      { kind: 'cap', id: 'cap-region-annual', tranche: 'T3', cohort: null, decided: 'does not bind', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
    ]);
  });

  it('a money cap binds where it cut the tranche, not where another cap did (vector 59 with a tranche ceiling)', () => {
    // Vector 59 (worked in evaluate-and-excluded.test.ts): the contract cap 2500.00 binds on
    // 3000.00 in T1; with one record of A counted as not achieved, 2000.00: it does not. Added: a
    // ceiling of 10000.00 on T1, which 3000.00 never reaches: never listed.
    const changes = (contract: ContractJson) => withCap(contract, { kind: 'tranche', id: 't1-ceiling', tranche: 'T1', amount: '10000.00', partialPayment: true });
    expect(atRisk('59-decisions-at-risk-unknown-cohort-tiers-cap', inCohort('A', 1), changes)).toEqual([
      { kind: 'cohortRate', id: 'rate', tranche: 'T1', cohort: 'A', decided: 'tier from 0.75', ifAllAchieved: 'tier from 0.75', ifNoneAchieved: 'tier from 0.5' },
      { kind: 'cap', id: 'budget', tranche: 'T1', cohort: null, decided: 'binds', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
    ]);
  });

  it("an outcome-volume cap on the contract's second rule (vector 26 with P1..P3 and a rule before it)", () => {
    // 3 placed, the target 3: nothing cut; one more placed: 4 > 3, binds. The rule added first
    // pays 1.00 a placement in T1 and has no cap.
    expect(atRisk('26-cap-outcome-volume', inCohort('A', 1), ruleBeforeVolumeCap, (read) => read.slice(0, 3))).toEqual([
      { kind: 'cap', id: 'cap-volume', tranche: null, cohort: null, decided: 'does not bind', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
    ]);
  });
});

describe('decisionsAtRisk: group shares among other rules', () => {
  it('the run in every group is made when any rule is a group share (vector 22 with a rate card)', () => {
    // Vector 22, B: 0 rsa of 3 placed; one more achiever in no group 0/4, unchanged; in every
    // group 1/4 = 0.25 ≥ 0.25: triggered. The rate card added (100.00 a placement) decides nothing.
    const changes = (contract: ContractJson) => {
      const [t1] = contract['tranches'] as Record<string, unknown>[];
      const pay = { kind: 'rateCard', id: 'pay', name: 'pay', outcome: 'placement', price: '100.00', groupPricing: { kind: 'flat' }, prerequisites: [] };
      return { ...contract, rules: [...(contract['rules'] as unknown[]), pay], tranches: [{ ...t1, rules: ['share', 'pay'] }] };
    };
    expect(atRisk('22-bonus-group-share', inCohort('B', 1), changes)).toEqual([
      { kind: 'bonus', id: 'share', tranche: 'T1', cohort: 'B', decided: 'not triggered', ifAllAchieved: 'triggered', ifNoneAchieved: 'not triggered' },
    ]);
  });
});
