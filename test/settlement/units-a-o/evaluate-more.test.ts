/**
 * evaluateTallies (src/settlement/evaluate.ts) where the first unit tests left its mutants alive:
 * a yearly payer cap never exceeded, a per-participant cap that cut a claim no settled tranche has
 * taken yet, outcome-volume caps that cut nothing or sit on a second rule, two reinvestments of
 * which one sets nothing aside, and a minimum performance level that every review met. Vectors
 * changed here, every expected figure worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { evaluateTallies, type TallyEvaluation } from '../../../src/settlement/evaluate.js';
import { changedVector, ruleBeforeVolumeCap, withCap, type ContractJson } from './changed-vector.js';

function evaluated(name: string, changes?: (contract: ContractJson) => ContractJson, records?: (read: readonly unknown[]) => readonly unknown[]): TallyEvaluation {
  const { plan, ledger, options } = changedVector(name, changes, records);
  return evaluateTallies(plan, ledger, options.indicators);
}

describe('evaluateTallies: the caps that cut something', () => {
  it('a yearly payer cap never exceeded is not listed beside one that is (vector 73 with a state cap)', () => {
    // vector 73: the region's 2024 envelope exceeded by 500 in T2. The state's half: 2024 1000 +
    // 500 = 1500, 2025 500, each under an envelope of 5000.00: its year entries exceed nothing
    const stateCap = { kind: 'payer', id: 'cap-state', payer: 'state', amount: '5000.00', partialPayment: true, per: { kind: 'calendarYear' }, overflow: 'notPaid' };
    expect(evaluated('73-payer-year-cap-not-paid-calendar', (contract) => withCap(contract, stateCap)).capsCut).toEqual(['cap-region-annual']);
  });

  it('a per-participant cap that cut a claim is listed though no settled tranche took it yet (vector 23, T1 after the as-of date)', () => {
    // vector 23 with T1 measured 2025-03-31, after the as-of date 2024-12-31: T1 is scheduled, no
    // tranche settles. P1's claims 1000 (placed 2024-02-01) + 600 (3 months) + 800 (6 months) = 2400
    // > 2000: the 6-month claim is cut to 400 when P1 is counted
    const later = (contract: ContractJson): ContractJson => {
      const [t1] = contract['tranches'] as Record<string, unknown>[];
      return { ...contract, tranches: [{ ...t1, measuredOn: '2025-03-31', dueOn: '2025-03-31' }] };
    };
    const evaluation = evaluated('23-cap-participant-partial', later);
    expect(evaluation.tranches.map((tranche) => tranche.status)).toEqual(['scheduled']);
    expect(evaluation.capsCut).toEqual(['cap-person']);
  });

  it('an outcome-volume cap that cut nothing is not listed; one on the second rule that cut is (vector 26)', () => {
    // P1..P3: 3 placed, the target 3: nothing cut
    expect(evaluated('26-cap-outcome-volume', undefined, (read) => read.slice(0, 3)).capsCut).toEqual([]);
    // all five, a rule added before the capped one: P4 and P5 cut, as in vector 26
    expect(evaluated('26-cap-outcome-volume', ruleBeforeVolumeCap).capsCut).toEqual(['cap-volume']);
  });
});

describe('evaluateTallies: set-asides and levels', () => {
  it('each reinvestment its own set-aside, in contract order, nothing where nothing was set aside (vector 40 with a second fund first)', () => {
    // vector 40: fund sets aside 100.00 in T1 and 150.00 in T2 (250.00, its cap). Added first:
    // `other`, triggered only above 100000.00 of payments (6000.00 are paid; its cap 1000.00): 0.00
    const other = { id: 'other', name: 'Other fund', trigger: { kind: 'paymentsAboveThreshold', threshold: '100000.00' }, share: '0.1', destination: { kind: 'external', name: 'Other fund' }, cap: '1000.00' };
    const twoFunds = (contract: ContractJson): ContractJson => ({ ...contract, reinvestment: [other, ...(contract['reinvestment'] as unknown[])] });
    expect(evaluated('40-reinvestment-above-threshold-capped', twoFunds).reinvested.map((amount) => amount.toFixed(2))).toEqual(['0.00', '250.00']);
  });

  it('a level every review met is not missed (vector 82 with a level of 0.1)', () => {
    // vector 82: at the review (2024-06-30) 2 of 10 placed = 0.2 < 0.3: mpl not met; the level
    // added, 0.1 on the same outcome and date: 0.2 ≥ 0.1, met
    const easy = { id: 'easy', name: 'easy', outcome: 'job', level: '0.1', reviewOn: ['2024-06-30'], consequence: { kind: 'withhold', rules: ['pay-job'] } };
    const twoLevels = (contract: ContractJson): ContractJson => ({ ...contract, minimumPerformance: [...(contract['minimumPerformance'] as unknown[]), easy] });
    expect(evaluated('82-minimum-performance-withhold-released', twoLevels).levelsMissed).toEqual(['mpl']);
  });
});
