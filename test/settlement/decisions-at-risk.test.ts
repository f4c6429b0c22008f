/**
 * dataQuality.decisionsAtRisk for each kind of decision made on counts (bonus triggers, group
 * shares, per-participant caps, hiring guarantees, empty cohorts), with the excluded records
 * counted all as achieved and all as not (share, per-participant and outcome-volume caps among them); absent when no record was excluded; the same from
 * settle and settleStream. Every expectation is worked out in the comments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type Settlement, type SettleOptions } from '../../src/index.js';
import { settleStream } from '../../src/streaming.js';

interface Vector {
  readonly contract: Record<string, unknown>;
  readonly records: readonly Record<string, unknown>[];
}

function vector(name: string): Vector {
  return JSON.parse(readFileSync(`test/vectors/${name}.json`, 'utf8')) as Vector;
}

function settled(contract: unknown, records: readonly unknown[], options: Partial<SettleOptions> = {}): Settlement {
  const result = settle(contract, records, { asOf: '2024-12-31', maxExcluded: '100%', ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** An excluded record of cohort `cohort`: its enrolment date is not YYYY-MM-DD. */
function invalid(id: string, cohort: string): Record<string, unknown> {
  return { id, cohort, enrolledOn: '15/01/2024' };
}

describe('decisionsAtRisk', () => {
  it('is absent when no record is excluded (the document of clean data is unchanged), empty when nothing could flip', () => {
    const { contract, records } = vector('21-bonus-volume-contract-and-cohort');
    expect('decisionsAtRisk' in settled(contract, records).dataQuality).toBe(false);
    // 6 records, A 3 placed; uplift and fixed bonuses both after 2 units. One excluded in B:
    // contract 5 (+1 → 6 or 5) stays beyond 2 (triggered); A 3 > 2 triggered, untouched; B 2 (+1 → 3 > 2) flips.
    const withB = settled(contract, [...records, invalid('X1', 'B')]).dataQuality.decisionsAtRisk;
    expect(withB).toEqual([{ kind: 'bonus', id: 'fixed', tranche: 'T1', cohort: 'B', decided: 'not triggered', ifAllAchieved: 'triggered', ifNoneAchieved: 'not triggered' }]);
    // One excluded in A instead: A is already triggered (3 > 2; 4 or 3 stay > 2), B untouched: nothing at risk.
    expect(settled(contract, [...records, invalid('X1', 'A')]).dataQuality.decisionsAtRisk).toEqual([]);
  });

  it('a group share: counted as achieved outside the group, the share falls below the minimum', () => {
    const { contract, records } = vector('22-bonus-group-share');
    // A: 4 placements, 1 rsa: 1/4 = 0.25 ≥ 0.25, triggered. One more achiever of A in no group:
    // 1/5 = 0.2 < 0.25, not triggered; in rsa: 2/5, triggered; counted as not achieved: unchanged.
    // B: 0/3 placements rsa, not triggered; with one rsa achiever 1/4 = 0.25: triggered (B is not
    // touched here: the excluded record names A).
    const atRisk = settled(contract, [...records, invalid('X1', 'A')]).dataQuality.decisionsAtRisk;
    expect(atRisk).toEqual([{ kind: 'bonus', id: 'share', tranche: 'T1', cohort: 'A', decided: 'triggered', ifAllAchieved: 'not triggered', ifNoneAchieved: 'triggered' }]);
  });

  it('a hiring guarantee in shortfall would be met with one more participant hired', () => {
    const { contract, records } = vector('54-hiring-guarantee-shortfall');
    // Qualified 3, hired 2 of 3 positions: shortfall (final). One excluded participant of A counted
    // as achieving everything is qualified and hired: 3 of 3, met; counted as failing: unchanged.
    const atRisk = settled(contract, [...records, invalid('X1', 'A')]).dataQuality.decisionsAtRisk;
    expect(atRisk).toEqual([{ kind: 'hiringGuarantee', id: 'g1', tranche: null, cohort: null, decided: 'shortfall', ifAllAchieved: 'met', ifNoneAchieved: 'shortfall' }]);
  });

  it('a share cap that cut a claim would cut none with one more participant who achieves nothing', () => {
    const { contract, records } = vector('65-cap-share-of-cohort');
    // Settled: 7 participants in A. at-most-40: 0.4 × 7 = 2.8, down → 2 payable; T1 (measured
    // 2024-02-07) takes P1, P2, P5 → pays 2, cuts 1: binds; T2 takes P3, P4 with 0 left: binds.
    // at-most-70: 0.7 × 7 = 4.9, nearest → 5; T1 3 + T2 2 = 5: never binds.
    // One excluded record of A, counted from the cohort's start (8 participants):
    // - all achieved: at-most-40 0.4 × 8 = 3.2 → 3; T1 takes it and P1, P2, P5 = 4 → cuts 1: binds;
    //   T2 cuts 2: binds. at-most-70 0.7 × 8 = 5.6 → 6; 4 + 2 = 6: does not bind. Nothing changes.
    // - none achieved: at-most-40 → 3; T1 takes P1, P2, P5 = 3 → cuts none: does NOT bind (flips);
    //   T2 P3, P4 with 0 left: binds. at-most-70 → 6; 3 + 2 = 5: does not bind.
    const atRisk = settled(contract, [...records, invalid('X1', 'A')]).dataQuality.decisionsAtRisk;
    expect(atRisk).toEqual([{ kind: 'cap', id: 'at-most-40', tranche: 'T1', cohort: null, decided: 'binds', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' }]);
  });

  it('a per-participant cap that cut nothing would cut the claims of a participant achieving both outcomes', () => {
    const { contract, records } = vector('21-bonus-volume-contract-and-cohort');
    // Placement 1000.00 and a per-start fee 300.00 under a participant cap of 1200.00: a placed
    // participant claims 300 + 1000 = 1300 > 1200 and is cut. Nobody settled is placed (no spells):
    // the cap binds for no one. Counted as achieving, the excluded participant is cut: binds.
    const capped = {
      ...contract,
      rules: [
        { kind: 'rateCard', id: 'pay-pl', name: 'pay-pl', outcome: 'placement', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
        { kind: 'fee', id: 'start', name: 'start', charge: { kind: 'perStart', amount: '300.00' } },
      ],
      caps: [{ kind: 'participant', id: 'per-person', amount: '1200.00', partialPayment: true, claimOrder: 'ruleOrder' }],
      tranches: [{ id: 'T1', name: 'T1', rules: ['pay-pl', 'start'], cohorts: ['A', 'B'], measuredOn: '2024-06-30', dueOn: '2024-06-30' }],
    };
    const unplaced = records.map((record) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'spells')));
    const atRisk = settled(capped, [...unplaced, invalid('X1', 'A')]).dataQuality.decisionsAtRisk;
    expect(atRisk).toEqual([{ kind: 'cap', id: 'per-person', tranche: null, cohort: null, decided: 'does not bind', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' }]);
  });

  it('an outcome-volume cap that paid every achiever would cut one more', () => {
    const { contract, records } = vector('26-cap-outcome-volume');
    // The placement rate card pays at most 3 units over the contract. Settled with P1, P2, P3 only
    // (placed 2024-02-01, 02-05, 02-05): 3 achievers ≤ 3, nothing cut: does not bind. One excluded
    // record of A counted as placed: 4 > 3, one cut: binds; counted as not placed: 3, unchanged.
    const atRisk = settled(contract, [...records.slice(0, 3), invalid('X1', 'A')]).dataQuality.decisionsAtRisk;
    expect(atRisk).toEqual([{ kind: 'cap', id: 'cap-volume', tranche: null, cohort: null, decided: 'does not bind', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' }]);
    // With all five settled (5 > 3: binds) one more either way still binds: nothing at risk.
    expect(settled(contract, [...records, invalid('X1', 'A')]).dataQuality.decisionsAtRisk).toEqual([]);
  });

  it('an empty cohort: every record of B excluded, its rate would no longer be empty', () => {
    const { contract, records } = vector('11-cohort-rate-tiers');
    const twoCohorts = {
      ...contract,
      cohorts: [...(contract['cohorts'] as object[]), { id: 'B', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' }],
      rules: (contract['rules'] as Record<string, unknown>[]).map((rule) => ({ ...rule, cohorts: ['A', 'B'] })),
      tranches: (contract['tranches'] as Record<string, unknown>[]).map((tranche) => ({ ...tranche, cohorts: ['A', 'B'] })),
    };
    // B has no settled record: empty denominator, 'nothing'. Its one excluded record counted as
    // placed: 1/1 = 1 ≥ 0.8, the top tier; counted as not placed: 0/1 below the first tier 0.4.
    const atRisk = settled(twoCohorts, [...records, invalid('X1', 'B')]).dataQuality.decisionsAtRisk ?? [];
    const forB = atRisk.filter((decision) => decision.cohort === 'B');
    expect(forB.length).toBeGreaterThan(0);
    for (const decision of forB) {
      expect(decision).toMatchObject({ kind: 'cohortRate', id: 'rate', decided: 'empty cohort', ifAllAchieved: 'tier from 0.8', ifNoneAchieved: 'below the first tier' });
    }
  });

  it('settle and settleStream (listing or delivering the issues) give the same decisions, byte for byte', async () => {
    const { contract, records } = vector('22-bonus-group-share');
    const input = [...records, invalid('X1', 'A'), { id: 'X2', cohort: 'nope', enrolledOn: '2024-01-15' }, 42];
    const options: SettleOptions = { asOf: '2024-12-31', maxExcluded: '100%' };
    const whole = settle(contract, input, options);
    const rows = async function* rows(): AsyncGenerator {
      await Promise.resolve();
      yield* input;
    };
    const streamed = await settleStream(contract, rows, options);
    const delivered = await settleStream(contract, rows, options, { onIssue: () => undefined });
    expect(whole.ok && streamed.ok && delivered.ok).toBe(true);
    if (!whole.ok || !streamed.ok || !delivered.ok) return;
    expect(JSON.stringify(streamed.value)).toBe(JSON.stringify(whole.value));
    expect(JSON.stringify(delivered.value.dataQuality.decisionsAtRisk)).toBe(JSON.stringify(whole.value.dataQuality.decisionsAtRisk));
    expect(whole.value.dataQuality.decisionsAtRisk?.length).toBeGreaterThan(0);
  });
});
