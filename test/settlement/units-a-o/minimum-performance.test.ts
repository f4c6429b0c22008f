/**
 * Minimum performance levels (src/settlement/minimum-performance.ts) and their section of the
 * settlement document (level-report.ts) on hand-built levels and ledgers: the rate a level reads,
 * a level met exactly at its share, reviews strictly before a tranche and after the as-of date,
 * withholds (limited to tranches or not) and their release grouped by line, price reductions
 * rounded as the contract rounds, two levels on one line, totals and the words of each review.
 *
 * The ledger: 4 participants enrolled on 2024-01-15; one achieved on 2024-02-01, a second on
 * 2024-05-15. So 1 of 4 (0.25) before 2024-05-15, 2 of 4 (0.5) from it.
 */
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/calendar/index.js';
import type { MinimumPerformance } from '../../../src/contract/index.js';
import { formatMoney, parseAmount, ZERO, type Amount, type RoundingMode } from '../../../src/money/index.js';
import { emptyLedger, type Ledger } from '../../../src/settlement/ledger.js';
import { levelReport } from '../../../src/settlement/level-report.js';
import type { Line } from '../../../src/settlement/lines.js';
import {
  applyLevels,
  levelRateUses,
  levelTotals,
  measureLevel,
  planLevels,
  reviewBefore,
  startLevels,
  type LevelPlan,
  type LevelRun,
} from '../../../src/settlement/minimum-performance.js';
import type { RuleTerms } from '../../../src/settlement/rules/index.js';

const d = (text: string): number => parseDate(text);
const money = (amount: Amount): string => formatMoney(amount, 'EUR');

function ledgerOf(): Ledger {
  const ledger = emptyLedger({ cohorts: 1, outcomes: 1, rateSpecs: 1, participantCaps: 0, guarantees: 0, rulePrices: [] }, false, ZERO);
  const rate = ledger.cohorts[0]?.rates[0];
  if (rate === undefined) throw new Error('no rate');
  rate.denominator.add(d('2024-01-15'), 4);
  rate.achieved.add(d('2024-02-01'));
  rate.achieved.add(d('2024-05-15'));
  return ledger;
}

type Consequence = MinimumPerformance['consequence'];

function levelOf(consequence: Consequence, changes: Partial<LevelPlan> = {}, level = '0.5', id = 'lvl'): LevelPlan {
  const source = { id, name: `Level ${id}`, outcome: 'job', level, reviewOn: ['2024-03-31', '2024-06-30'], consequence } as MinimumPerformance;
  return {
    source,
    spec: 0,
    cohorts: [0],
    level: parseAmount(level),
    reviews: [d('2024-03-31'), d('2024-06-30')],
    rules: new Set(consequence.kind === 'flag' ? [] : [0]),
    tranches: consequence.kind === 'withhold' && consequence.tranches !== undefined ? new Set(consequence.tranches) : undefined,
    share: consequence.kind === 'priceReduction' ? parseAmount(consequence.share) : undefined,
    ...changes,
  };
}

const WITHHOLD: Consequence = { kind: 'withhold', rules: ['pay'] };

function terms(rounding: RoundingMode = 'half-even'): Pick<RuleTerms, 'currency' | 'rounding' | 'ruleIndex'> {
  return {
    currency: 'EUR',
    rounding,
    ruleIndex: new Map([
      ['pay', 0],
      ['other', 1],
    ]),
  };
}

function line(rule: string, paid: string, cohort: string | null = 'A'): Line {
  const amount = parseAmount(paid);
  return { rule, kind: 'rateCard', cohort, outcome: 'job', claims: 1, unit: amount, inputs: { price: paid }, formula: `1 × ${paid}`, exact: amount, amount, paid: amount, participants: undefined };
}

/** A run whose first review (2024-03-31: 1 of 4) was found below. */
function below(plan: LevelPlan): LevelRun[] {
  const runs = startLevels([plan]);
  reviewBefore(runs, ledgerOf(), d('2024-04-01'), d('2024-12-31'));
  return runs;
}

function trancheOf(id: string, measuredOn: string): { id: string; measuredOn: number; withheld: Amount } {
  return { id, measuredOn: d(measuredOn), withheld: ZERO };
}

describe('levelRateUses and planLevels', () => {
  const contract = {
    cohorts: [{ id: 'A' }, { id: 'B' }],
    minimumPerformance: [
      { id: 'w', name: 'w', outcome: 'job', level: '0.15', reviewOn: ['2024-06-30', '2024-03-31'], consequence: { kind: 'withhold', rules: ['pay', 'other'], tranches: ['T2'] } },
      { id: 'p', name: 'p', outcome: 'job', cohorts: ['B'], enrolledBy: '2024-02-29', level: '0.2', reviewOn: ['2024-06-30'], consequence: { kind: 'priceReduction', share: '0.1', rules: ['other'] } },
      { id: 'f', name: 'f', outcome: 'job', level: '0.3', reviewOn: ['2024-06-30'], consequence: { kind: 'flag' } },
      { id: 'x', name: 'x', outcome: 'job', level: '0.3', reviewOn: ['2024-06-30'], consequence: { kind: 'withhold', rules: ['gone'] } },
    ],
  };

  it('each level reads its outcome over the participants enrolled (by enrolledBy)', () => {
    expect(levelRateUses(contract as never)).toEqual([
      { outcome: 'job', denominator: { kind: 'enrolled' }, enrolledBy: undefined },
      { outcome: 'job', denominator: { kind: 'enrolled' }, enrolledBy: '2024-02-29' },
      { outcome: 'job', denominator: { kind: 'enrolled' }, enrolledBy: undefined },
      { outcome: 'job', denominator: { kind: 'enrolled' }, enrolledBy: undefined },
    ]);
    expect(levelRateUses({ cohorts: [] } as never)).toEqual([]);
  });

  it('plans each level: its rate specification, cohorts, level, review days, rules, tranches and share', () => {
    const rateSpecs = [
      { key: 'other/enrolled', outcome: 1, basis: 'enrolled', entryOutcome: -1, enrolledBy: Number.MAX_SAFE_INTEGER },
      { key: 'job/enrolled', outcome: 0, basis: 'enrolled', entryOutcome: -1, enrolledBy: Number.MAX_SAFE_INTEGER },
      { key: 'job/enrolled@2024-02-29', outcome: 0, basis: 'enrolled', entryOutcome: -1, enrolledBy: d('2024-02-29') },
    ];
    const plans = planLevels({
      contract,
      rateSpecs,
      cohortIndex: new Map([
        ['A', 0],
        ['B', 1],
      ]),
      ruleIndex: new Map([
        ['pay', 0],
        ['other', 1],
      ]),
    } as unknown as RuleTerms);
    const shown = plans.map((plan) => ({
      id: plan.source.id,
      spec: plan.spec,
      cohorts: plan.cohorts,
      level: plan.level.toFixed(),
      reviews: plan.reviews,
      rules: [...plan.rules],
      tranches: plan.tranches === undefined ? undefined : [...plan.tranches],
      share: plan.share?.toFixed(),
    }));
    expect(shown).toEqual([
      { id: 'w', spec: 1, cohorts: [0, 1], level: '0.15', reviews: [d('2024-06-30'), d('2024-03-31')], rules: [0, 1], tranches: ['T2'], share: undefined },
      { id: 'p', spec: 2, cohorts: [1], level: '0.2', reviews: [d('2024-06-30')], rules: [1], tranches: undefined, share: '0.1' },
      { id: 'f', spec: 1, cohorts: [0, 1], level: '0.3', reviews: [d('2024-06-30')], rules: [], tranches: undefined, share: undefined },
      { id: 'x', spec: 1, cohorts: [0, 1], level: '0.3', reviews: [d('2024-06-30')], rules: [-1], tranches: undefined, share: undefined },
    ]);
    expect(plans[0]?.source).toBe(contract.minimumPerformance[0]);
    expect(planLevels({ contract: { cohorts: [] }, rateSpecs: [], cohortIndex: new Map(), ruleIndex: new Map() } as unknown as RuleTerms)).toEqual([]);
  });

  it('a listed cohort the contract does not index is −1', () => {
    const plans = planLevels({
      contract: { cohorts: [{ id: 'A' }], minimumPerformance: [{ id: 'z', name: 'z', outcome: 'job', cohorts: ['Q'], level: '1', reviewOn: ['2024-06-30'], consequence: { kind: 'flag' } }] },
      rateSpecs: [],
      cohortIndex: new Map([['A', 0]]),
      ruleIndex: new Map(),
    } as unknown as RuleTerms);
    expect(plans[0]?.cohorts).toEqual([-1]);
    expect(plans[0]?.spec).toBe(-1);
  });
});

describe('measureLevel', () => {
  it('achieved of enrolled by the date; met at exactly the level, not one participant short', () => {
    const ledger = ledgerOf();
    expect(measureLevel(levelOf(WITHHOLD), ledger, d('2024-05-14'))).toEqual({ achieved: 1, participants: 4, rate: '0.25', met: false });
    expect(measureLevel(levelOf(WITHHOLD), ledger, d('2024-05-15'))).toEqual({ achieved: 2, participants: 4, rate: '0.5', met: true });
    // 2 of 4 against 0.51: 2 < 2.04
    expect(measureLevel(levelOf(WITHHOLD, {}, '0.51'), ledger, d('2024-05-15')).met).toBe(false);
    // 1 of 4 against 0.25: 1 ≥ 1
    expect(measureLevel(levelOf(WITHHOLD, {}, '0.25'), ledger, d('2024-02-01')).met).toBe(true);
  });

  it('nobody to measure is met', () => {
    expect(measureLevel(levelOf(WITHHOLD), ledgerOf(), d('2024-01-14'))).toEqual({ achieved: 0, participants: 0, rate: 'n/a', met: true });
  });

  it('only the level cohorts the ledger holds count; pending counts as not achieved', () => {
    const ledger = ledgerOf();
    expect(measureLevel(levelOf(WITHHOLD, { cohorts: [0, 7, -1] }), ledger, d('2024-12-31')).participants).toBe(4);
    expect(measureLevel(levelOf(WITHHOLD, { cohorts: [] }), ledger, d('2024-12-31')).participants).toBe(0);
    expect(measureLevel(levelOf(WITHHOLD, { spec: 3 }), ledger, d('2024-12-31')).participants).toBe(0);
  });
});

describe('reviewBefore', () => {
  it('decides the reviews strictly before the day, in order; one after the as-of date is not yet reviewed', () => {
    const runs = startLevels([levelOf(WITHHOLD)]);
    const run = runs[0] as LevelRun;
    expect(run).toEqual({ plan: levelOf(WITHHOLD), reviews: [], actions: [], below: null, held: [], next: 0 });
    const ledger = ledgerOf();
    reviewBefore(runs, ledger, d('2024-03-31'), d('2024-12-31')); // a tranche on the review day comes first
    expect(run.next).toBe(0);
    reviewBefore(runs, ledger, d('2024-04-01'), d('2024-12-31'));
    expect(run.next).toBe(1);
    expect(run.reviews).toEqual([{ reviewOn: d('2024-03-31'), outcome: 'notMet', achieved: 1, participants: 4, rate: '0.25', met: false, amount: ZERO }]);
    expect(run.below).toBe(run.reviews[0]);
    // the second review, after the as-of date
    reviewBefore(runs, ledger, d('2025-01-01'), d('2024-06-29'));
    expect(run.next).toBe(2);
    expect(run.reviews[1]).toEqual({ reviewOn: d('2024-06-30'), outcome: 'notYetReviewed', amount: ZERO });
    expect(run.below).toBe(run.reviews[0]);
    reviewBefore(runs, ledger, d('2030-01-01'), d('2030-01-01'));
    expect(run.reviews).toHaveLength(2);
  });

  it('a review on the as-of date is decided; one that finds the level met leaves the consequence in force', () => {
    const runs = below(levelOf(WITHHOLD));
    const run = runs[0] as LevelRun;
    const first = run.below;
    reviewBefore(runs, ledgerOf(), d('2024-07-01'), d('2024-06-30'));
    expect(run.reviews[1]).toEqual({ reviewOn: d('2024-06-30'), outcome: 'met', achieved: 2, participants: 4, rate: '0.5', met: true, amount: ZERO });
    expect(run.below).toBe(first);
  });

  it('several reviews at once; a flag never puts a level below', () => {
    const runs = startLevels([levelOf({ kind: 'flag' }, {}, '0.9'), levelOf(WITHHOLD, {}, '0.9')]);
    reviewBefore(runs, ledgerOf(), d('2024-12-31'), d('2024-12-31'));
    expect(runs[0]?.reviews.map((r) => r.outcome)).toEqual(['notMet', 'notMet']);
    expect(runs[0]?.below).toBeNull();
    // 2 of 4 < 0.9 on both dates: the later review is the one in force
    expect(runs[1]?.below).toBe(runs[1]?.reviews[1]);
  });
});

describe('applyLevels: withhold', () => {
  it('takes the paid amount of the listed rules lines while below, and releases it, grouped by line, once met', () => {
    const runs = below(levelOf(WITHHOLD));
    const run = runs[0] as LevelRun;
    const ledger = ledgerOf();
    // T2 on 2024-04-30: 1 of 4, below
    const t2 = trancheOf('T2', '2024-04-30');
    const lines2 = [line('pay', '1000.00'), line('other', '500.00'), line('pay', '0.00'), line('pay', '200.00', 'B'), line('unknown', '7.00')];
    expect(applyLevels(runs, ledger, t2, lines2, terms(), true)).toEqual([]);
    expect(lines2.map((l) => l.paid.toFixed(2))).toEqual(['0.00', '500.00', '0.00', '0.00', '7.00']);
    expect(lines2[0]?.inputs).toEqual({ price: '1000.00', minimumPerformance: 'lvl', minimumPerformanceWithheld: '1000.00' });
    expect(lines2[0]?.formula).toBe('1 × 1000.00 (1000.00 withheld: minimum performance level lvl below 0.5, 1 of 4)');
    expect(lines2[0]?.amount.toFixed(2)).toBe('1000.00'); // earned stays
    expect(lines2[1]?.inputs).toEqual({ price: '500.00' });
    expect(lines2[2]?.inputs).toEqual({ price: '0.00' }); // nothing paid: nothing taken, no note
    expect(t2.withheld.toFixed(2)).toBe('1200.00');
    expect(run.below?.amount.toFixed(2)).toBe('1200.00');
    expect(run.actions).toEqual([
      { achieved: 1, participants: 4, rate: '0.25', met: false, tranche: 'T2', measuredOn: d('2024-04-30'), review: d('2024-03-31'), action: 'withheld', amount: parseAmount('1200') },
    ]);
    expect(run.actions[0]?.amount.toFixed(2)).toBe('1200.00');
    // T2b on 2024-05-10: still below
    const t2b = trancheOf('T2b', '2024-05-10');
    applyLevels(runs, ledger, t2b, [line('pay', '300.00')], terms(), true);
    expect(run.held.map((h) => `${h.tranche.id} ${h.line.cohort ?? ''} ${h.amount.toFixed(2)}`)).toEqual(['T2 A 1000.00', 'T2 B 200.00', 'T2b A 300.00']);
    expect(run.below?.amount.toFixed(2)).toBe('1500.00');
    // T3 on 2024-05-31: 2 of 4, met: release lines, the withheld amounts of T2 and T2b given back
    const t3 = trancheOf('T3', '2024-05-31');
    const lines3 = [line('pay', '100.00')];
    const released = applyLevels(runs, ledger, t3, lines3, terms(), true);
    expect(lines3[0]?.paid.toFixed(2)).toBe('100.00');
    expect(released).toEqual([
      {
        rule: 'pay',
        kind: 'rateCard',
        cohort: 'A',
        outcome: 'job',
        claims: null,
        unit: null,
        inputs: { minimumPerformance: 'lvl', released: '1300.00', withheldIn: 'T2,T2b', achieved: 2, participants: 4, level: '0.5' },
        formula: 'release of 1300.00 withheld in T2, T2b under minimum performance level lvl: 2 of 4 participants (0.5) ≥ 0.5 on 2024-05-31',
        exact: parseAmount('1300'),
        amount: parseAmount('1300'),
        paid: parseAmount('1300'),
        participants: undefined,
      },
      {
        rule: 'pay',
        kind: 'rateCard',
        cohort: 'B',
        outcome: 'job',
        claims: null,
        unit: null,
        inputs: { minimumPerformance: 'lvl', released: '200.00', withheldIn: 'T2', achieved: 2, participants: 4, level: '0.5' },
        formula: 'release of 200.00 withheld in T2 under minimum performance level lvl: 2 of 4 participants (0.5) ≥ 0.5 on 2024-05-31',
        exact: parseAmount('200'),
        amount: parseAmount('200'),
        paid: parseAmount('200'),
        participants: undefined,
      },
    ]);
    expect(released[0]?.paid.toFixed(2)).toBe('1300.00');
    expect(t2.withheld.toFixed(2)).toBe('0.00');
    expect(t2b.withheld.toFixed(2)).toBe('0.00');
    expect(run.held).toEqual([]);
    expect(run.below).toBeNull();
    expect(run.actions[2]).toEqual({ achieved: 2, participants: 4, rate: '0.5', met: true, tranche: 'T3', measuredOn: d('2024-05-31'), review: d('2024-03-31'), action: 'released', amount: parseAmount('1500') });
    expect(run.actions[2]?.amount.toFixed(2)).toBe('1500.00');
    // nothing in force after: a later tranche is left alone
    const lines4 = [line('pay', '50.00')];
    expect(applyLevels(runs, ledger, trancheOf('T4', '2024-06-15'), lines4, terms(), true)).toEqual([]);
    expect(run.actions).toHaveLength(3);
    expect(lines4[0]?.paid.toFixed(2)).toBe('50.00');
    expect(levelTotals(run)).toEqual({ withheld: parseAmount('1500'), released: parseAmount('1500'), outstanding: ZERO, reduced: ZERO });
  });

  it('a release with no line of no cohort and no outcome groups them apart from lines that have them', () => {
    const runs = below(levelOf(WITHHOLD));
    const ledger = ledgerOf();
    const fee = { ...line('pay', '40.00', null), outcome: null };
    applyLevels(runs, ledger, trancheOf('T2', '2024-04-30'), [fee, line('pay', '60.00', 'A')], terms(), true);
    const released = applyLevels(runs, ledger, trancheOf('T3', '2024-05-31'), [], terms(), true);
    expect(released.map((l) => `${l.cohort ?? '-'} ${l.outcome ?? '-'} ${l.paid.toFixed(2)}`)).toEqual(['- - 40.00', 'A job 60.00']);
  });

  it('a withhold limited to tranches takes nothing from the others (an action of 0.00)', () => {
    const runs = below(levelOf({ kind: 'withhold', rules: ['pay'], tranches: ['T9'] }));
    const lines = [line('pay', '1000.00')];
    const tranche = trancheOf('T2', '2024-04-30');
    applyLevels(runs, ledgerOf(), tranche, lines, terms(), true);
    expect(lines[0]?.paid.toFixed(2)).toBe('1000.00');
    expect(runs[0]?.actions.map((a) => `${a.tranche} ${a.action} ${a.amount.toFixed(2)}`)).toEqual(['T2 withheld 0.00']);
    expect(tranche.withheld.toFixed(2)).toBe('0.00');
    const t9 = [line('pay', '10.00')];
    applyLevels(runs, ledgerOf(), trancheOf('T9', '2024-04-30'), t9, terms(), true);
    expect(t9[0]?.paid.toFixed(2)).toBe('0.00');
  });

  it('without explanations: the inputs and formula of a line stay, release lines carry none', () => {
    const runs = below(levelOf(WITHHOLD));
    const lines = [line('pay', '1000.00')];
    const inputs = lines[0]?.inputs;
    applyLevels(runs, ledgerOf(), trancheOf('T2', '2024-04-30'), lines, terms(), false);
    expect(lines[0]?.paid.toFixed(2)).toBe('0.00');
    expect(lines[0]?.inputs).toBe(inputs);
    expect(lines[0]?.formula).toBe('1 × 1000.00');
    const released = applyLevels(runs, ledgerOf(), trancheOf('T3', '2024-05-31'), [], terms(), false);
    expect(released.map((l) => [l.inputs, l.formula, l.paid.toFixed(2)])).toEqual([[{}, '', '1000.00']]);
  });
});

describe('applyLevels: price reduction', () => {
  const reduction = (share: string, id = 'lvl'): LevelPlan => levelOf({ kind: 'priceReduction', share, rules: ['pay'] }, {}, '0.5', id);

  it('takes the share off, the line rounded as the contract rounds; the level met ends it with nothing to release', () => {
    const runs = below(reduction('0.5'));
    const run = runs[0] as LevelRun;
    // 0.05 × (1 − 0.5) = 0.025: half-even 0.02 (cut 0.03); 100.00 × 0.5 = 50.00 off
    // 0.01 × (1 − 0.5) = 0.005: half-even 0.00 (cut 0.01)
    const lines = [line('pay', '0.05'), line('pay', '100.00'), line('pay', '0.01'), line('other', '100.00')];
    const tranche = trancheOf('T2', '2024-04-30');
    expect(applyLevels(runs, ledgerOf(), tranche, lines, terms(), true)).toEqual([]);
    expect(lines.map((l) => l.paid.toFixed(2))).toEqual(['0.02', '50.00', '0.00', '100.00']);
    expect(lines[0]?.inputs).toEqual({ price: '0.05', minimumPerformance: 'lvl', minimumPerformanceReduction: '0.5', minimumPerformanceCut: '0.03' });
    expect(lines[0]?.formula).toBe('1 × 0.05 (0.03 off: minimum performance level lvl below 0.5, 1 of 4)');
    expect(tranche.withheld.toFixed(2)).toBe('0.00'); // a reduction withholds nothing
    expect(run.held).toEqual([]);
    expect(run.below?.amount.toFixed(2)).toBe('50.04'); // 0.03 + 50.00 + 0.01
    expect(run.actions.map((a) => `${a.action} ${a.amount.toFixed(2)}`)).toEqual(['reduced 50.04']);
    // met on 2024-05-31: ended, no release
    expect(applyLevels(runs, ledgerOf(), trancheOf('T3', '2024-05-31'), [], terms(), true)).toEqual([]);
    expect(run.actions.map((a) => `${a.action} ${a.amount.toFixed(2)}`)).toEqual(['reduced 50.04', 'ended 0.00']);
    expect(run.below).toBeNull();
    expect(levelTotals(run)).toEqual({ withheld: ZERO, released: ZERO, outstanding: ZERO, reduced: parseAmount('50.04') });
  });

  it('half-up rounds the line the other way; a cut that rounds to nothing leaves the line alone', () => {
    const runs = below(reduction('0.5'));
    // 0.025 half-up: 0.03, cut 0.02
    const lines = [line('pay', '0.05')];
    applyLevels(runs, ledgerOf(), trancheOf('T2', '2024-04-30'), lines, terms('half-up'), true);
    expect(lines[0]?.paid.toFixed(2)).toBe('0.03');
    const small = below(reduction('0.1'));
    // 0.01 × 0.9 = 0.009: 0.01, cut 0.00
    const untouched = [line('pay', '0.01')];
    applyLevels(small, ledgerOf(), trancheOf('T2', '2024-04-30'), untouched, terms(), true);
    expect(untouched[0]?.paid.toFixed(2)).toBe('0.01');
    expect(untouched[0]?.inputs).toEqual({ price: '0.01' });
    expect(small[0]?.actions.map((a) => `${a.action} ${a.amount.toFixed(2)}`)).toEqual(['reduced 0.00']);
  });

  it('two levels on one line: both ids and shares listed, the cuts added up', () => {
    const runs = [...below(reduction('0.1', 'a')), ...below(reduction('0.2', 'b'))];
    const lines = [line('pay', '100.00')];
    applyLevels(runs, ledgerOf(), trancheOf('T2', '2024-04-30'), lines, terms(), true);
    // a: 100 − round(90) = 10 off; b: 90 − round(72) = 18 off
    expect(lines[0]?.paid.toFixed(2)).toBe('72.00');
    expect(lines[0]?.inputs).toEqual({ price: '100.00', minimumPerformance: 'a, b', minimumPerformanceReduction: '0.1, 0.2', minimumPerformanceCut: '28.00' });
    expect(lines[0]?.formula).toBe('1 × 100.00 (10.00 off: minimum performance level a below 0.5, 1 of 4) (18.00 off: minimum performance level b below 0.5, 1 of 4)');
  });

  it('a withhold then a reduction on one line: the withhold takes it all, the reduction finds nothing', () => {
    const runs = [...below(levelOf(WITHHOLD, {}, '0.5', 'w')), ...below(reduction('0.5', 'r'))];
    const lines = [line('pay', '80.00')];
    applyLevels(runs, ledgerOf(), trancheOf('T2', '2024-04-30'), lines, terms(), true);
    expect(lines[0]?.inputs).toEqual({ price: '80.00', minimumPerformance: 'w', minimumPerformanceWithheld: '80.00' });
    // two withholds on one line: the second finds nothing either; two on two lines add up per line
    const both = [...below(levelOf({ kind: 'withhold', rules: ['pay'] }, {}, '0.5', 'w1')), ...below(levelOf({ kind: 'withhold', rules: ['other'] }, { rules: new Set([0, 1]) }, '0.5', 'w2'))];
    const two = [line('pay', '10.00'), line('other', '5.00')];
    applyLevels(both, ledgerOf(), trancheOf('T2', '2024-04-30'), two, terms(), true);
    expect(two.map((l) => l.inputs['minimumPerformance'])).toEqual(['w1', 'w2']);
  });
});

describe('levelReport', () => {
  it('the level, its reviews in words and figures, its tranche actions and totals', () => {
    const runs = below(levelOf(WITHHOLD));
    const run = runs[0] as LevelRun;
    const ledger = ledgerOf();
    applyLevels(runs, ledger, trancheOf('T2', '2024-04-30'), [line('pay', '1000.00')], terms(), true);
    reviewBefore(runs, ledger, d('2024-07-01'), d('2024-06-30')); // met on 2024-06-30
    applyLevels(runs, ledger, trancheOf('T3', '2024-09-30'), [], terms(), true);
    const report = levelReport(run, money);
    expect(report).toEqual({
      id: 'lvl',
      name: 'Level lvl',
      outcome: 'job',
      cohorts: null,
      enrolledBy: null,
      level: '0.5',
      consequence: 'withhold',
      reviews: [
        {
          reviewOn: '2024-03-31',
          outcome: 'notMet',
          achieved: 1,
          participants: 4,
          rate: '0.25',
          level: '0.5',
          amount: '1000.00',
          explanation: '1 of 4 participants achieved job (0.25) < level 0.5 on 2024-03-31: not met; 1000.00 of pay withheld in the tranches measured after it until a tranche\'s measurement date finds the level met',
        },
        { reviewOn: '2024-06-30', outcome: 'met', achieved: 2, participants: 4, rate: '0.5', level: '0.5', amount: '0.00', explanation: '2 of 4 participants achieved job (0.5) ≥ level 0.5 on 2024-06-30: met' },
      ],
      tranches: [
        { tranche: 'T2', measuredOn: '2024-04-30', review: '2024-03-31', achieved: 1, participants: 4, rate: '0.25', met: false, action: 'withheld', amount: '1000.00' },
        { tranche: 'T3', measuredOn: '2024-09-30', review: '2024-03-31', achieved: 2, participants: 4, rate: '0.5', met: true, action: 'released', amount: '1000.00' },
      ],
      withheld: '1000.00',
      released: '1000.00',
      outstanding: '0.00',
      reduced: '0.00',
    });
  });

  it('cohorts and enrolment date listed; a review not yet made, one with nobody to measure; flag and price reduction words', () => {
    const flag = levelOf({ kind: 'flag' });
    const source = { ...flag.source, cohorts: ['A'], enrolledBy: '2024-01-31', reviewOn: ['2024-01-10', '2024-03-31', '2025-06-30'] } as MinimumPerformance;
    const runs = startLevels([{ ...flag, source, reviews: [d('2024-01-10'), d('2024-03-31'), d('2025-06-30')] }]);
    reviewBefore(runs, ledgerOf(), d('2026-01-01'), d('2024-12-31'));
    const report = levelReport(runs[0] as LevelRun, money);
    expect(report.cohorts).toEqual(['A']);
    expect(report.cohorts).not.toBe(source.cohorts);
    expect(report.enrolledBy).toBe('2024-01-31');
    expect(report.consequence).toBe('flag');
    expect(report.reviews.map((r) => r.explanation)).toEqual([
      'no participant to measure: met ≥ level 0.5 on 2024-01-10: met',
      '1 of 4 participants achieved job (0.25) < level 0.5 on 2024-03-31: not met, flagged (no payment effect)',
      'reviewed on 2025-06-30, after the as-of date',
    ]);
    expect(report.reviews[2]).toEqual({ reviewOn: '2025-06-30', outcome: 'notYetReviewed', achieved: null, participants: null, rate: null, level: '0.5', amount: '0.00', explanation: 'reviewed on 2025-06-30, after the as-of date' });
    expect(report.tranches).toEqual([]);

    const cut = below(levelOf({ kind: 'priceReduction', share: '0.25', rules: ['pay', 'other'] }));
    applyLevels(cut, ledgerOf(), trancheOf('T2', '2024-04-30'), [line('pay', '100.00')], terms(), true);
    const reduced = levelReport(cut[0] as LevelRun, money);
    expect(reduced.reviews[0]?.explanation).toBe("1 of 4 participants achieved job (0.25) < level 0.5 on 2024-03-31: not met; 0.25 off pay, other (25.00) in the tranches measured after it until a tranche's measurement date finds the level met");
    expect(reduced.reduced).toBe('25.00');
    expect(reduced.withheld).toBe('0.00');
  });

  it('an outstanding withholding', () => {
    const runs = below(levelOf(WITHHOLD));
    applyLevels(runs, ledgerOf(), trancheOf('T2', '2024-04-30'), [line('pay', '12.34')], terms(), true);
    const report = levelReport(runs[0] as LevelRun, money);
    expect([report.withheld, report.released, report.outstanding]).toEqual(['12.34', '0.00', '12.34']);
  });
});


describe('applyLevels where mutants survived the tests above', () => {
  it('lines of one rule and cohort for two outcomes are released as two lines', () => {
    const runs = below(levelOf(WITHHOLD));
    const ledger = ledgerOf();
    // T2 on 2024-04-30: 1 of 4, below: both lines of `pay` withheld (1000.00 for job, 400.00 for job-26w)
    const t2 = trancheOf('T2', '2024-04-30');
    applyLevels(runs, ledger, t2, [line('pay', '1000.00'), { ...line('pay', '400.00'), outcome: 'job-26w' }], terms(), false);
    expect(t2.withheld.toFixed(2)).toBe('1400.00');
    // T3 on 2024-05-31: 2 of 4, met: each line given back on its own
    const released = applyLevels(runs, ledger, trancheOf('T3', '2024-05-31'), [], terms(), false);
    expect(released.map((l) => `${l.rule} ${l.cohort ?? ''} ${l.outcome ?? ''} ${l.paid.toFixed(2)}`)).toEqual(['pay A job 1000.00', 'pay A job-26w 400.00']);
  });

  it('a reduction then a withhold on one line: both ids listed, the withhold takes what the reduction left', () => {
    const reduction = levelOf({ kind: 'priceReduction', share: '0.5', rules: ['pay'] }, {}, '0.5', 'r');
    const runs = [...below(reduction), ...below(levelOf(WITHHOLD, {}, '0.5', 'w'))];
    const lines = [line('pay', '80.00')];
    applyLevels(runs, ledgerOf(), trancheOf('T2', '2024-04-30'), lines, terms(), true);
    // r: 80 − round(40) = 40 off; w: withholds the 40.00 left
    expect(lines[0]?.paid.toFixed(2)).toBe('0.00');
    expect(lines[0]?.inputs).toEqual({ price: '80.00', minimumPerformance: 'r, w', minimumPerformanceReduction: '0.5', minimumPerformanceCut: '40.00', minimumPerformanceWithheld: '40.00' });
  });
});

describe('levelReport where mutants survived the tests above', () => {
  it('a withhold of two rules names both in its words', () => {
    const runs = below(levelOf({ kind: 'withhold', rules: ['pay', 'other'] }, { rules: new Set([0, 1]) }));
    const ledger = ledgerOf();
    // T2 on 2024-04-30, below since the review of 2024-03-31 (1 of 4): 1000.00 + 500.00 withheld
    applyLevels(runs, ledger, trancheOf('T2', '2024-04-30'), [line('pay', '1000.00'), line('other', '500.00')], terms(), false);
    const review = levelReport(runs[0] as LevelRun, money).reviews[0];
    expect(review?.explanation).toBe(
      "1 of 4 participants achieved job (0.25) < level 0.5 on 2024-03-31: not met; 1500.00 of pay, other withheld in the tranches measured after it until a tranche's measurement date finds the level met",
    );
  });
});
