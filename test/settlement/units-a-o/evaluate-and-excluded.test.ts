/**
 * evaluateTallies (src/settlement/evaluate.ts): the exit clauses that fired and the minimum
 * performance levels missed, on hand-worked vectors whose expected settlements say which clause
 * fired and which review was not met; excludedCohortsTally (decisions-at-risk.ts): excluded
 * records counted by the cohort they name, own fields only; and decisionsAtRisk called on the
 * settled run of hand-worked vectors with excluded counts given here (the vectors' arithmetic
 * works the alternatives out).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decisionsAtRisk, excludedCohortsTally, type ExcludedCohorts } from '../../../src/settlement/decisions-at-risk.js';
import { evaluateTallies, type TallyEvaluation } from '../../../src/settlement/evaluate.js';
import { runSchedule } from '../../../src/settlement/schedule.js';
import { tallied } from '../tallied.js';

interface Vector {
  readonly contract: unknown;
  readonly records: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
}

function evaluated(name: string): TallyEvaluation {
  const { plan, ledger, indicators } = settledRun(name);
  return evaluateTallies(plan, ledger, indicators);
}

describe('evaluateTallies: exit clauses fired and levels missed', () => {
  it('the clauses that fired, not those that did not, were skipped or are not yet checked', () => {
    // vector 37: low-rate fires, review is checked after the as-of date
    expect(evaluated('37-exit-suspend-tranche').fired).toEqual(['low-rate']);
    // vector 36: stop fires (date passed), later is skipped (the contract had ended)
    expect(evaluated('36-exit-date-passed-nothing-and-not-yet-checked').fired).toEqual(['stop']);
    // vector 58: mid-review does not fire
    expect(evaluated('58-decision-at-risk-exit-clause').fired).toEqual([]);
  });

  it('a level with any review not met is missed, even when a later review met it; no level, none missed', () => {
    // vector 86: reviews not met, then met
    expect(evaluated('86-minimum-performance-flag-enrolled-by').levelsMissed).toEqual(['mpl']);
    // vector 82: the one review not met
    expect(evaluated('82-minimum-performance-withhold-released').levelsMissed).toEqual(['mpl']);
    expect(evaluated('37-exit-suspend-tranche').levelsMissed).toEqual([]);
  });
});

describe('evaluateTallies: the caps that cut something and the set-asides', () => {
  it('each kind of cap that cut, in contract order; none that did not', () => {
    // vector 23: P1's 6-month claim cut 400 by the per-participant cap
    expect(evaluated('23-cap-participant-partial').capsCut).toEqual(['cap-person']);
    // vector 73: the region's 2024 envelope exceeded by 500 in T2 (not paid)
    expect(evaluated('73-payer-year-cap-not-paid-calendar').capsCut).toEqual(['cap-region-annual']);
    // vector 65: at-most-40 cut P5, P3, P4; at-most-70 paid all five
    expect(evaluated('65-cap-share-of-cohort').capsCut).toEqual(['at-most-40']);
    // vector 26: the volume cap cut P4 and P5
    expect(evaluated('26-cap-outcome-volume').capsCut).toEqual(['cap-volume']);
    // vector 31: the agency pays 500 instead of 800; vector 30: T2 cut by the contract cap
    expect(evaluated('31-cap-payer').capsCut).toEqual(['cap-agency']);
    expect(evaluated('30-cap-contract-across-tranches').capsCut).toEqual(['cap-total']);
    expect(evaluated('37-exit-suspend-tranche').capsCut).toEqual([]);
  });

  it('what each reinvestment set aside over the tranches', () => {
    // vector 40: 100.00 in T1, then 150.00 (capped at 250.00 in all)
    expect(evaluated('40-reinvestment-above-threshold-capped').reinvested.map((amount) => amount.toFixed(2))).toEqual(['250.00']);
    expect(evaluated('37-exit-suspend-tranche').reinvested).toEqual([]);
  });
});

describe('excludedCohortsTally', () => {
  it('counts each excluded record under the cohort it names, else as unknown', () => {
    const tally = excludedCohortsTally(new Set(['2023-A', '2023-B']));
    tally.add({ id: 'P1', cohort: '2023-A', enrolledOn: '2023-02-30' });
    tally.add({ id: 'P2', cohort: '2023-A' });
    tally.add({ id: 'P3', cohort: '2023-B' });
    tally.add({ id: 'P4', cohort: '2023-C' }); // not a cohort of the contract
    tally.add({ id: 'P5', cohort: 7 });
    tally.add({ id: 'P6' });
    tally.add(Object.create({ cohort: '2023-A' }) as unknown); // inherited: not its own field
    tally.add(undefined); // a row that could not be read
    tally.add(null);
    tally.add('2023-A');
    const counts = tally.counts();
    expect([...counts.byCohort]).toEqual([
      ['2023-A', 2],
      ['2023-B', 1],
    ]);
    expect(counts.unknown).toBe(7);
  });

  it('nothing added: nothing counted', () => {
    const counts = excludedCohortsTally(new Set(['A'])).counts();
    expect(counts.byCohort.size).toBe(0);
    expect(counts.unknown).toBe(0);
  });
});

/** A vector's plan, ledger (its valid records, those `keep` keeps) and settled run. */
function settledRun(name: string, keep: (record: unknown, index: number) => boolean = () => true) {
  const read = JSON.parse(readFileSync(`test/vectors/${name}.json`, 'utf8')) as Vector;
  const { plan, ledger, options } = tallied({ ...read, records: read.records.filter(keep), options: { ...read.options, maxExcluded: '100%' } });
  return { plan, ledger, indicators: options.indicators, run: runSchedule(plan, ledger, options.indicators) };
}

const excluded = (byCohort: Record<string, number>, unknown = 0): ExcludedCohorts => ({ byCohort: new Map(Object.entries(byCohort)), unknown });

describe('decisionsAtRisk', () => {
  it('an exit clause that would fire with the excluded records counted as not achieved (vector 58)', () => {
    const { plan, ledger, indicators, run } = settledRun('58-decision-at-risk-exit-clause');
    // settled: 4 achieved of 8 = 0.5, not below 0.5. Two excluded of A: all achieved 6/10 = 0.6,
    // not fired; none achieved 4/10 = 0.4 < 0.5: fired
    const flip = [{ kind: 'exitClause', id: 'mid-review', tranche: null, cohort: null, decided: 'notFired', ifAllAchieved: 'notFired', ifNoneAchieved: 'fired' }];
    expect(decisionsAtRisk(plan, ledger, run, indicators, excluded({ A: 2 }))).toEqual(flip);
    // one excluded: 5/9 and 4/9 = 0.444 < 0.5: still at risk; as unknown cohort, the same
    expect(decisionsAtRisk(plan, ledger, run, indicators, excluded({ A: 1 }))).toEqual(flip);
    expect(decisionsAtRisk(plan, ledger, run, indicators, excluded({}, 1))).toEqual(flip);
    // nothing excluded in a cohort of the contract: nothing to compare
    expect(decisionsAtRisk(plan, ledger, run, indicators, excluded({}))).toEqual([]);
    expect(decisionsAtRisk(plan, ledger, run, indicators, excluded({ A: 0, Q: 3 }))).toEqual([]);
    // the settled ledger is left as it was: the same run again, the same decisions
    expect(decisionsAtRisk(plan, ledger, runSchedule(plan, ledger, indicators), indicators, excluded({ A: 2 }))).toEqual(flip);
  });

  it('an unknown cohort counts in every cohort: tier rates and the cap they feed (vector 59)', () => {
    const { plan, ledger, indicators, run } = settledRun('59-decisions-at-risk-unknown-cohort-tiers-cap');
    // A 3/4 tier 0.75 (2000), B 1/2 tier 0.5 (1000); the cap 2500 binds on 3000. One record in
    // each: all achieved A 4/5, B 2/3, unchanged; none A 3/5 tier 0.5, B 1/3 below the first tier,
    // 1000 ≤ 2500: the cap does not bind
    expect(decisionsAtRisk(plan, ledger, run, indicators, excluded({}, 1))).toEqual([
      { kind: 'cohortRate', id: 'rate', tranche: 'T1', cohort: 'A', decided: 'tier from 0.75', ifAllAchieved: 'tier from 0.75', ifNoneAchieved: 'tier from 0.5' },
      { kind: 'cohortRate', id: 'rate', tranche: 'T1', cohort: 'B', decided: 'tier from 0.5', ifAllAchieved: 'tier from 0.5', ifNoneAchieved: 'below the first tier' },
      { kind: 'cap', id: 'budget', tranche: 'T1', cohort: null, decided: 'binds', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
    ]);
    // one in A only: A 3/5 drops to 0.5 (1000) + B 1000 = 2000 ≤ 2500: the cap flips too; B stays
    expect(decisionsAtRisk(plan, ledger, run, indicators, excluded({ A: 1 }))).toEqual([
      { kind: 'cohortRate', id: 'rate', tranche: 'T1', cohort: 'A', decided: 'tier from 0.75', ifAllAchieved: 'tier from 0.75', ifNoneAchieved: 'tier from 0.5' },
      { kind: 'cap', id: 'budget', tranche: 'T1', cohort: null, decided: 'binds', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
    ]);
  });

  it('caps decided over the contract: per-participant and outcome volume; a share cap per tranche; a hiring guarantee', () => {
    // vector 23 without P1: P2 claims 1000 only, under the 2000 cap: does not bind. One more
    // participant of A achieving everything claims 1000 + 600 + 800 = 2400 > 2000: binds
    const participant = settledRun('23-cap-participant-partial', (record) => (record as { id: string }).id !== 'P1');
    expect(decisionsAtRisk(participant.plan, participant.ledger, participant.run, participant.indicators, excluded({ A: 1 }))).toEqual([
      { kind: 'cap', id: 'cap-person', tranche: null, cohort: null, decided: 'does not bind', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
    ]);
    // vector 26 with P1..P3: 3 placed, the target: nothing cut. One more placed: 4 > 3, binds
    const volume = settledRun('26-cap-outcome-volume', (_record, index) => index < 3);
    expect(decisionsAtRisk(volume.plan, volume.ledger, volume.run, volume.indicators, excluded({ A: 1 }))).toEqual([
      { kind: 'cap', id: 'cap-volume', tranche: null, cohort: null, decided: 'does not bind', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
    ]);
    // with all five it binds whichever way the excluded one goes
    const all = settledRun('26-cap-outcome-volume');
    expect(decisionsAtRisk(all.plan, all.ledger, all.run, all.indicators, excluded({ A: 1 }))).toEqual([]);
    // vector 65: at-most-40 cuts P5 in T1 (2 payable of 7); with 8 participants and the new one not
    // placed, 3 payable: T1's three claims all paid, it no longer binds there
    const share = settledRun('65-cap-share-of-cohort');
    expect(decisionsAtRisk(share.plan, share.ledger, share.run, share.indicators, excluded({ A: 1 }))).toEqual([
      { kind: 'cap', id: 'at-most-40', tranche: 'T1', cohort: null, decided: 'binds', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
    ]);
    // vector 54: 2 of 3 positions filled, shortfall; one more qualified and hired: met
    const guarantee = settledRun('54-hiring-guarantee-shortfall');
    expect(decisionsAtRisk(guarantee.plan, guarantee.ledger, guarantee.run, guarantee.indicators, excluded({ A: 1 }))).toEqual([
      { kind: 'hiringGuarantee', id: 'g1', tranche: null, cohort: null, decided: 'shortfall', ifAllAchieved: 'met', ifNoneAchieved: 'shortfall' },
    ]);
  });

  it('a group share: counted in no group first, then in every group (vector 22)', () => {
    const { plan, ledger, indicators, run } = settledRun('22-bonus-group-share');
    // A: 1 rsa of 4 placed = 0.25, triggered; one more achiever in no group 1/5 < 0.25: not triggered
    expect(decisionsAtRisk(plan, ledger, run, indicators, excluded({ A: 1 }))).toEqual([
      { kind: 'bonus', id: 'share', tranche: 'T1', cohort: 'A', decided: 'triggered', ifAllAchieved: 'not triggered', ifNoneAchieved: 'triggered' },
    ]);
    // B: 0 rsa of 3 placed; in no group 0/4, unchanged; in every group 1/4 = 0.25: triggered
    expect(decisionsAtRisk(plan, ledger, run, indicators, excluded({ B: 1 }))).toEqual([
      { kind: 'bonus', id: 'share', tranche: 'T1', cohort: 'B', decided: 'not triggered', ifAllAchieved: 'triggered', ifNoneAchieved: 'not triggered' },
    ]);
  });
});
