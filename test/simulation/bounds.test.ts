/**
 * contractBounds: hand-worked vectors (a rate card under a contract cap, per-participant caps, a
 * cohort rate with a fee, phased and monthly fees, a volume bonus over two tranches, a share cap), each checked against the arithmetic
 * in its comment; the scenario of the most, when it reaches the bound, settled as records by
 * `settle` pays exactly the bound.
 */
import { describe, expect, it } from 'vitest';
import { contractBounds, type ContractBounds } from '../../src/simulation/bounds.js';
import { boundsContract, scenarioRecords, type Json } from './bounds-fixtures.js';
import { settle } from '../../src/settlement/index.js';

function boundsOf(contract: unknown, assumptions?: unknown): ContractBounds {
  const result = contractBounds(contract, assumptions);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const payers = (figures: ContractBounds['most']): string[][] => figures.payers.map((payer) => [payer.payer, payer.amount, String(payer.reached)]);

/** Settles the records of the most's scenario by hand (`settle`, not `simulate`) and returns the totals. */
function settledScenario(contract: Json, bounds: ContractBounds): { total: string; payers: string[] } {
  const records = scenarioRecords(contract, bounds.most.scenario.assumptions);
  const settled = settle(contract, records, { asOf: '2029-12-31' });
  if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
  return { total: settled.value.totals.earned, payers: settled.value.tranches.length === 0 ? [] : bounds.most.payers.map((payer) => settled.value.tranches.reduce((sum, tranche) => sum + Number(tranche.payers.find((p) => p.payer === payer.payer)?.earned ?? 0) * 100, 0).toFixed(0)) };
}

describe('contractBounds', () => {
  it('a rate card with a group price under a contract cap: the cap sets the most', () => {
    // c1 10 participants, c2 5: 15 × the highest price 1500.00 (youth) = 22500.00 from the rules;
    // the contract cap 20000.00 is lower. Payers 0.6 / 0.4 of 20000.00 in one tranche: 12000.00 and
    // 8000.00 exactly (a share of a whole cent amount with no remainder).
    const contract = boundsContract({
      rules: [{ kind: 'rateCard', id: 'job-fee', name: 'Job', outcome: 'job', price: '1000.00', groupPricing: { kind: 'prices', prices: [{ group: 'youth', price: '1500.00' }], severalGroups: 'highest' }, prerequisites: [] }],
      caps: [{ kind: 'contract', id: 'total', amount: '20000.00', partialPayment: true }],
    });
    const bounds = boundsOf(contract);
    expect([bounds.most.total, bounds.most.limitedBy, bounds.most.reached]).toEqual(['20000.00', ['contract cap'], true]);
    expect(payers(bounds.most)).toEqual([['state', '12000.00', 'true'], ['city', '8000.00', 'true']]);
    expect(bounds.most.scenario.assumptions.mix).toEqual([{ groups: ['youth'], share: 1 }]);
    // least: nobody placed, nothing paid; the cap makes nothing certain anyway
    expect([bounds.least.total, bounds.least.reached]).toEqual(['0.00', true]);
    const settled = settledScenario(contract, bounds);
    expect(settled.total).toBe('20000.00');
    expect(settled.payers).toEqual(['1200000', '800000']);
  });

  it('per-participant caps: each participant at most the cap over every rule', () => {
    // per participant: job 1000.00 + 12 sustainment periods × 100.00 = 2200.00, capped at 1800.00;
    // 15 participants × 1800.00 = 27000.00 (the rules alone: 15 × 2200.00 = 33000.00).
    // Payers: 0.6 × 27000.00 = 16200.00, 0.4 × 27000.00 = 10800.00.
    const contract = boundsContract({
      rules: [
        { kind: 'rateCard', id: 'job-fee', name: 'Job', outcome: 'job', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
        { kind: 'sustainment', id: 'in-work', name: 'In work', placementOutcome: 'job', periodDays: 28, maxPayments: 12, price: '100.00', allowedGapDays: 0, paymentLagDays: 0, windowDays: 400 },
      ],
      caps: [{ kind: 'participant', id: 'per-person', amount: '1800.00', partialPayment: true, claimOrder: 'achievementDate' }],
    });
    const bounds = boundsOf(contract);
    expect([bounds.most.total, bounds.most.limitedBy, bounds.most.reached]).toEqual(['27000.00', ['participant caps'], true]);
    expect(payers(bounds.most)).toEqual([['state', '16200.00', 'true'], ['city', '10800.00', 'true']]);
    // c2 enrols 2025-04-01: 12 periods of 28 days end 2026-03-03, before the tranche (2026-12-31)
    expect(settledScenario(contract, bounds).total).toBe('27000.00');
  });

  it('a share cap: per cohort at most the payable count, rounded as the cap says, each at the largest price', () => {
    // share 0.45 rounded to the nearest (a half up): c1 0.45 × 10 = 4.5 → 5 claims, c2 0.45 × 5 =
    // 2.25 → 2 claims; at the highest price 1500.00 (youth): 7 × 1500.00 = 10500.00 (the rule
    // alone: 15 × 1500.00 = 22500.00). Payers 0.6 × 10500.00 = 6300.00, 0.4 × 10500.00 = 4200.00.
    const contract = boundsContract({
      rules: [{ kind: 'rateCard', id: 'job-fee', name: 'Job', outcome: 'job', price: '1000.00', groupPricing: { kind: 'prices', prices: [{ group: 'youth', price: '1500.00' }], severalGroups: 'highest' }, prerequisites: [] }],
      caps: [{ kind: 'share', id: 'at-most-45', rule: 'job-fee', share: '0.45', rounding: 'nearest' }],
    });
    const bounds = boundsOf(contract);
    expect([bounds.most.total, bounds.most.limitedBy, bounds.most.reached]).toEqual(['10500.00', ['share caps'], true]);
    expect(payers(bounds.most)).toEqual([['state', '6300.00', 'true'], ['city', '4200.00', 'true']]);
    // the scenario (everyone placed, all youth) settled by settle pays the bound: the cap cuts 5 of c1's 10 and 3 of c2's 5
    const settled = settledScenario(contract, bounds);
    expect(settled.total).toBe('10500.00');
    expect(settled.payers).toEqual(['630000', '420000']);
  });

  it('a cohort rate (tiers per cohort, a per-achiever threshold on the pool) and a fee per start', () => {
    // tiers per cohort: the highest tier 25000.00 for c1 and for c2 = 50000.00;
    // pooled per achiever: 300.00 × 15 achievers = 4500.00; fee 50.00 × 15 starts = 750.00.
    // Most 50000.00 + 4500.00 + 750.00 = 55250.00.
    // Least (no cap, no exit clause): the fee, 750.00 (the tiers pay nothing at rate 0, the
    // per-achiever rate nothing without achievers); payers 450.00 and 300.00.
    const contract = boundsContract({
      rules: [
        {
          kind: 'cohortRate', id: 'rate-tiers', name: 'Tiers', outcome: 'job', cohorts: ['c1', 'c2'], pooling: 'perCohort', denominator: { kind: 'enrolled' }, pending: 'countAsNotAchieved',
          emptyCohort: 'nothing', amountBasis: 'perCohort', schedule: { kind: 'tiers', tiers: [{ from: '0.5', amount: '10000.00' }, { from: '0.8', amount: '25000.00' }] },
        },
        {
          kind: 'cohortRate', id: 'rate-pool', name: 'Pool', outcome: 'job', cohorts: ['c1', 'c2'], pooling: 'pooled', denominator: { kind: 'enrolled' }, pending: 'countAsNotAchieved',
          emptyCohort: 'nothing', amountBasis: 'perAchiever', schedule: { kind: 'allOrNothing', threshold: '0.6', amount: '300.00' },
        },
        { kind: 'fee', id: 'start-fee', name: 'Start', charge: { kind: 'perStart', amount: '50.00' } },
      ],
    });
    const bounds = boundsOf(contract);
    expect([bounds.most.total, bounds.most.limitedBy, bounds.most.reached]).toEqual(['55250.00', ['rules'], true]);
    expect([bounds.least.total, bounds.least.reached]).toEqual(['750.00', true]);
    expect(payers(bounds.least)).toEqual([['state', '450.00', 'true'], ['city', '300.00', 'true']]);
    expect(settledScenario(contract, bounds).total).toBe('55250.00');
  });

  it('a start fee phased down by enrolment date and a delivery fee in monthly instalments, some after the last tranche', () => {
    // Phased start fee: 60.00 before 2025-03-01, 40.00 from then, 0.00 from 2025-05-01.
    // c1 enrols 01-01 to 03-31: 60.00 and 40.00 in force, most 10 × 60.00 = 600.00, least 10 × 40.00 = 400.00;
    // c2 enrols 04-01 to 06-30: 40.00 and 0.00 in force, most 5 × 40.00 = 200.00, least 5 × 0.00 = 0.00.
    // Delivery fee: 0.3 × 10000.10 = 3000.03 in 30 instalments from 2025-01-31: 300003 cents / 30 =
    // 10000 rem 3, instalments 1-3 100.01, the others 100.00; the tranche (2026-12-31) takes the 24
    // dated up to 2026-12-31: 3 × 100.01 + 21 × 100.00 = 2400.03 (the 6 of 2027 are never paid).
    // Most 600.00 + 200.00 + 2400.03 = 3200.03, reached by the scenario that enrols everyone on the
    // first day of its cohort (60.00 in c1, 40.00 in c2). Least (no cap, no exit clause): 400.00 +
    // 0.00 + 2400.03 = 2800.03, not reached by that scenario (it enrols on the first day too).
    const contract = boundsContract({
      rules: [
        { kind: 'fee', id: 'start', name: 'Start', charge: { kind: 'perStart', amount: '60.00', phases: [{ from: '2025-03-01', amount: '40.00' }, { from: '2025-05-01', amount: '0.00' }] } },
        { kind: 'fee', id: 'delivery', name: 'Delivery', charge: { kind: 'shareOfValue', share: '0.3', contractValue: '10000.10', months: 30, firstOn: '2025-01-31' } },
      ],
    });
    const bounds = boundsOf(contract);
    expect([bounds.most.total, bounds.most.limitedBy, bounds.most.reached]).toEqual(['3200.03', ['rules'], true]);
    expect([bounds.least.total, bounds.least.reached]).toEqual(['2800.03', false]);
    expect(bounds.least.scenario.total).toBe('3200.03');
    expect(settledScenario(contract, bounds).total).toBe('3200.03');
  });

  it('a volume bonus paid over two tranches is counted once; a payer bound allows a cent per further tranche', () => {
    // rate card 15 × 1000.00 = 15000.00; bonus 200.00 per placement beyond 10: (15 − 10) × 200.00
    // = 1000.00, paid through the ratchet whichever tranche pays it: most 16000.00.
    // Payers over 2 tranches: 0.6 × 16000.00 = 9600.00 and 0.4 × 16000.00 = 6400.00, each + 0.01
    // (a part of a tranche may be rounded up by one cent); 9600.01 + 6400.01 > 16000.00, so the
    // total stays 16000.00. The scenario pays 9600.00 and 6400.00: the total is reached, the payer
    // bounds by a cent not.
    const contract = boundsContract({
      rules: [
        { kind: 'rateCard', id: 'job-fee', name: 'Job', outcome: 'job', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
        { kind: 'bonus', id: 'accelerator', name: 'Beyond 10', trigger: { kind: 'volume', outcome: 'job', afterUnits: 10, scope: 'contract' }, payment: { kind: 'perUnitUplift', amount: '200.00' } },
      ],
      tranches: [
        { id: 't1', name: 'First', rules: ['job-fee', 'accelerator'], cohorts: ['c1', 'c2'], measuredOn: '2025-12-31', dueOn: '2026-01-31' },
        { id: 't2', name: 'Second', rules: ['job-fee', 'accelerator'], cohorts: ['c1', 'c2'], measuredOn: '2026-12-31', dueOn: '2027-01-31' },
      ],
    });
    const bounds = boundsOf(contract);
    expect([bounds.most.total, bounds.most.reached]).toEqual(['16000.00', true]);
    expect(payers(bounds.most)).toEqual([['state', '9600.01', 'false'], ['city', '6400.01', 'false']]);
    expect(bounds.most.scenario.tranches).toEqual([{ tranche: 't1', amount: '16000.00' }, { tranche: 't2', amount: '0.00' }]);
    expect(settledScenario(contract, bounds).total).toBe('16000.00');
  });

  it('payers funding different outcomes: each at most the cells it funds, not its fraction of everything', () => {
    // 15 participants (10 + 5). The state funds the job (1000.00), the city a third of the
    // retention (600.00) and the state the other two thirds (weights 2 : 1 on that line only).
    // Rules: 15 × (1000.00 + 600.00) = 24000.00.
    // State: the job in full, 15 × 1000.00 = 15000.00, and 2/3 of 15 × 600.00 = 6000.00: 21000.00,
    // plus a cent for the split's rounding? No: one tranche, so no slack. City: 1/3 × 9000.00 =
    // 3000.00, under its commitment of 5000.00. Its fraction of everything would have allowed
    // 1/3 × 24000.00 = 8000.00, held to 5000.00 by its cap; the state's largest fraction (1)
    // would have allowed 24000.00.
    const contract = boundsContract({
      parties: {
        payers: [
          { id: 'state', name: 'State', weight: '2' },
          { id: 'city', name: 'City', weight: '1', funds: { outcomes: ['kept'] } },
        ],
        provider: { id: 'provider', name: 'Provider' },
      },
      outcomes: [
        { kind: 'placement', id: 'job', name: 'Job', window: { from: 'enrolment', days: 180 }, contractTypes: 'any' },
        { kind: 'retention', id: 'kept', name: 'Kept', placementOutcome: 'job', months: 6, measure: { kind: 'continuous', allowedGapDays: 0 }, endBoundary: 'inclusive' },
      ],
      rules: [
        { kind: 'rateCard', id: 'job-fee', name: 'Job', outcome: 'job', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
        { kind: 'rateCard', id: 'kept-fee', name: 'Kept', outcome: 'kept', price: '600.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
      ],
      caps: [{ kind: 'payer', id: 'city-commitment', payer: 'city', amount: '5000.00', partialPayment: true }],
    });
    const bounds = boundsOf(contract);
    expect(bounds.most.total).toBe('24000.00');
    expect(payers(bounds.most)).toEqual([['state', '21000.00', 'true'], ['city', '3000.00', 'true']]);
    expect(settledScenario(contract, bounds)).toEqual({ total: '24000.00', payers: ['2100000', '300000'] });
  });

  it('cohort sizes come from the assumptions when given; a cohort without a size is a coded problem', () => {
    const contract = boundsContract({
      rules: [{ kind: 'rateCard', id: 'job-fee', name: 'Job', outcome: 'job', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] }],
    });
    // 3 + 5 participants × 1000.00 = 8000.00
    const assumptions = { schemaVersion: '1.0', daysToExit: 0, cohorts: { c1: { size: 3 } }, outcomes: { job: { probability: 0.5 } } };
    expect(boundsOf(contract, assumptions).most.total).toBe('8000.00');
    const sizeless = { ...contract, cohorts: (contract['cohorts'] as Json[]).map((cohort) => ({ ...cohort, targetSize: undefined })) };
    const result = contractBounds(JSON.parse(JSON.stringify(sizeless)));
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path.join('/')])).toEqual([
      ['ASSUMPTIONS_COHORT_SIZE', 'assumptions/cohorts/c1/size'],
      ['ASSUMPTIONS_COHORT_SIZE', 'assumptions/cohorts/c2/size'],
    ]);
  });
});
