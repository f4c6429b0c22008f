/**
 * Exit clauses (src/settlement/exits.ts) checked on hand-built plans and ledgers: an outcome rate
 * at, just below and just above its threshold (pending excluded or counted as not achieved, an
 * empty rate), indicators below for one listed cohort or none (a missing value reported), each
 * kind of cap reached or not (money, yearly payer cap in calendar and fiscal years, outcome
 * volume, share, per-participant by the check date, an amended contract's cap as the version in
 * force writes it, an unknown cap), dates passed, and clauses not checked.
 */
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/calendar/index.js';
import type { Contract } from '../../../src/contract/index.js';
import type { Issue } from '../../../src/errors.js';
import { parseAmount, ZERO, type Amount } from '../../../src/money/index.js';
import { DateCounts } from '../../../src/settlement/date-counts.js';
import { checkExit, uncheckedExit, type CapUse } from '../../../src/settlement/exits.js';
import { emptyLedger, type Ledger } from '../../../src/settlement/ledger.js';
import type { SettlementPlan } from '../../../src/settlement/plan.js';
import type { IndicatorValues } from '../../../src/settlement/rules/index.js';

type ExitClause = NonNullable<Contract['exitClauses']>[number];

const CAPS = [
  { kind: 'contract', id: 'total', amount: '1000.00', partialPayment: true },
  { kind: 'payer', id: 'whole', amount: '800.00', payer: 'region' },
  { kind: 'payer', id: 'yearly', amount: '500.00', payer: 'region', per: { kind: 'calendarYear' } },
  { kind: 'payer', id: 'fiscal', amount: '300.00', payer: 'region', per: { kind: 'fiscalYear', startMonth: 4 } },
  { kind: 'outcomeVolume', id: 'volume', rule: 'pay', targetUnits: 3 },
  { kind: 'share', id: 'share', rule: 'pay', share: '0.5', rounding: 'down' },
  { kind: 'participant', id: 'each', amount: '2000.00', partialPayment: true, claimOrder: 'achievementDate' },
];

/** A plan of two cohorts (A, B), one rate specification (placement over enrolled), rule `pay` at index 1. */
function planOf(changes: Partial<Record<string, unknown>> = {}): SettlementPlan {
  return {
    contract: { caps: CAPS },
    versions: undefined,
    rateSpecs: [{ key: 'placement/enrolled', outcome: 0, basis: 'enrolled', entryOutcome: -1, enrolledBy: Number.MAX_SAFE_INTEGER }],
    cohortIndex: new Map([
      ['A', 0],
      ['B', 1],
    ]),
    ruleIndex: new Map([
      ['other', 0],
      ['pay', 1],
    ]),
    ...changes,
  } as unknown as SettlementPlan;
}

function ledgerOf(): Ledger {
  return emptyLedger({ cohorts: 2, outcomes: 1, rateSpecs: 1, participantCaps: 0, guarantees: 0, rulePrices: [] }, false, ZERO);
}

/** Adds to cohort `cohort`'s rate: `denominator` entering on `day`, `achieved` and `failed` on it. */
function addRate(ledger: Ledger, cohort: number, day: number, denominator: number, achieved: number, failed: number): void {
  const rate = ledger.cohorts[cohort]?.rates[0];
  if (rate === undefined) throw new Error('no rate');
  if (denominator > 0) rate.denominator.add(day, denominator);
  if (achieved > 0) rate.achieved.add(day, achieved);
  if (failed > 0) rate.failed.add(day, failed);
}

const NO_USE: CapUse = { used: new Map(), yearsUsed: new Map(), volumeUsed: new Map(), shareCuts: new Map(), participantCuts: new Map() };

function clause(condition: ExitClause['condition'], checkOn = '2024-06-30'): ExitClause {
  return { id: 'exit-1', checkOn, condition } as unknown as ExitClause;
}

function check(condition: ExitClause['condition'], options: { ledger?: Ledger; plan?: SettlementPlan; use?: Partial<CapUse>; indicators?: IndicatorValues; checkOn?: string } = {}) {
  const problems: Issue[] = [];
  const result = checkExit(options.plan ?? planOf(), options.ledger ?? ledgerOf(), clause(condition, options.checkOn), options.indicators ?? new Map(), { ...NO_USE, ...options.use }, problems);
  return { ...result, problems };
}

const rateBelow = (threshold: string, pending: 'exclude' | 'countAsNotAchieved', cohorts = ['A', 'B']) =>
  ({ kind: 'outcomeRateBelow', outcome: 'placement', cohorts, denominator: { kind: 'enrolled' }, pending, threshold }) as ExitClause['condition'];

describe('checkExit: outcomeRateBelow', () => {
  const day = parseDate('2024-03-01');
  const ledger = (): Ledger => {
    const l = ledgerOf();
    // A: 6 in the denominator, 2 achieved, 1 failed (3 pending); B: 4 in, 2 achieved, 1 failed (1 pending)
    addRate(l, 0, day, 6, 2, 1);
    addRate(l, 1, day, 4, 2, 1);
    return l;
  };

  it('pending excluded: 4 achieved of 6 decided (A and B summed) = 0.666667; fires below, not at or above', () => {
    const at = check(rateBelow('0.666666666666666666666666666667', 'exclude'), { ledger: ledger() });
    // 4 / 6 < 0.666…667 (the threshold is above two thirds): fires
    expect(at.outcome).toBe('fired');
    expect(at.figures).toEqual({ achieved: 4, failed: 2, pending: 4, rateDenominator: 6, rate: '0.666667', threshold: '0.666666666666666666666666666667' });
    expect(at.explanation).toBe('placement rate 0.666667 < threshold 0.666666666666666666666666666667 on 2024-06-30');
    // 4 ≥ 6 × 0.666666666666666666666666666666 (just below two thirds): not fired
    const above = check(rateBelow('0.666666666666666666666666666666', 'exclude'), { ledger: ledger() });
    expect(above.outcome).toBe('notFired');
    expect(above.explanation).toBe('placement rate 0.666667 ≥ threshold 0.666666666666666666666666666666 on 2024-06-30');
    const exactly = check(rateBelow('0.4', 'countAsNotAchieved'), { ledger: ledger() });
    // pending counted: 4 of 10 = 0.4, equal to the threshold: not below
    expect(exactly.outcome).toBe('notFired');
    expect(exactly.figures).toEqual({ achieved: 4, failed: 2, pending: 4, rateDenominator: 10, rate: '0.4', threshold: '0.4' });
    expect(check(rateBelow('0.41', 'countAsNotAchieved'), { ledger: ledger() }).outcome).toBe('fired');
  });

  it('only the listed cohorts count, and only what is known by the check date', () => {
    // cohort A alone, pending counted: 2 of 6 = 0.333333
    const a = check(rateBelow('0.34', 'countAsNotAchieved', ['A']), { ledger: ledger() });
    expect(a.outcome).toBe('fired');
    expect(a.figures['rateDenominator']).toBe(6);
    expect(a.figures['rate']).toBe('0.333333');
    // the check date before anyone entered: an empty rate
    const early = check(rateBelow('0.5', 'exclude'), { ledger: ledger(), checkOn: '2024-02-29' });
    expect(early.outcome).toBe('notFired');
    // on the day itself the counts are known
    expect(check(rateBelow('0.5', 'exclude'), { ledger: ledger(), checkOn: '2024-03-01' }).figures['rateDenominator']).toBe(6);
  });

  it('an empty rate never fires', () => {
    const empty = check(rateBelow('0.5', 'exclude'), { ledger: ledgerOf() });
    expect(empty.outcome).toBe('notFired');
    expect(empty.figures).toEqual({ achieved: 0, failed: 0, pending: 0, rateDenominator: 0, rate: 'n/a', threshold: '0.5' });
    expect(empty.explanation).toBe('no participant in the denominator of placement on 2024-06-30: an empty rate never fires');
    // pending only, excluded: the denominator is still empty
    const l = ledgerOf();
    addRate(l, 0, day, 3, 0, 0);
    expect(check(rateBelow('0.5', 'exclude'), { ledger: l }).outcome).toBe('notFired');
    // counted as not achieved: 0 of 3 fires
    expect(check(rateBelow('0.5', 'countAsNotAchieved'), { ledger: l }).outcome).toBe('fired');
  });

  it('a cohort the ledger does not hold adds nothing', () => {
    const l = ledgerOf();
    addRate(l, 0, day, 2, 1, 1);
    const plan = planOf({ cohortIndex: new Map([['A', 0]]) });
    const result = check(rateBelow('0.5', 'exclude', ['A', 'Z']), { ledger: l, plan });
    expect(result.figures['rateDenominator']).toBe(2);
    expect(result.outcome).toBe('notFired'); // 1 of 2 = 0.5, not below
  });
});

describe('checkExit: indicatorBelow', () => {
  const condition = { kind: 'indicatorBelow', indicator: 'comparison', cohorts: ['A', 'B'], threshold: '0.4' } as ExitClause['condition'];
  const values = (a: string | undefined, b: string | undefined): IndicatorValues => {
    const byCohort = new Map<string, Amount>();
    if (a !== undefined) byCohort.set('A', parseAmount(a));
    if (b !== undefined) byCohort.set('B', parseAmount(b));
    return new Map([['comparison', byCohort]]);
  };

  it('fires when one listed cohort is below; at the threshold is not below', () => {
    const fired = check(condition, { indicators: values('0.45', '0.39') });
    expect(fired.outcome).toBe('fired');
    expect(fired.figures).toEqual({ threshold: '0.4', A: '0.45', B: '0.39' });
    expect(fired.explanation).toBe('indicator comparison below 0.4 for at least one listed cohort');
    expect(fired.problems).toEqual([]);
    const at = check(condition, { indicators: values('0.4', '0.40') });
    expect(at.outcome).toBe('notFired');
    expect(at.explanation).toBe('indicator comparison not below 0.4 for every listed cohort');
    expect(check(condition, { indicators: values('0.39', '0.5') }).outcome).toBe('fired');
  });

  it('a missing value is a problem named by clause, indicator and cohort; the others still decide', () => {
    const result = check(condition, { indicators: values(undefined, '0.3') });
    expect(result.outcome).toBe('fired');
    expect(result.figures).toEqual({ threshold: '0.4', B: '0.3' });
    expect(result.problems).toEqual([
      { code: 'INDICATOR_MISSING', message: 'exit clause exit-1 needs the value of indicator "comparison" for cohort "A"', path: ['options', 'indicators', 'comparison', 'A'] },
    ]);
    const none = check(condition, { indicators: new Map() });
    expect(none.outcome).toBe('notFired');
    expect(none.problems.map((p) => p.path.join('.'))).toEqual(['options.indicators.comparison.A', 'options.indicators.comparison.B']);
  });
});

describe('checkExit: capReached', () => {
  const reached = (cap: string, use: Partial<CapUse>, options: { plan?: SettlementPlan; checkOn?: string } = {}) => check({ kind: 'capReached', cap }, { use, ...options });

  it('a money cap: used at or above its amount', () => {
    const at = reached('total', { used: new Map([['total', parseAmount('1000')]]) });
    expect(at.outcome).toBe('fired');
    expect(at.figures).toEqual({ cap: 'total', used: '1000', limit: '1000.00' });
    expect(at.explanation).toBe('cap total reached by 2024-06-30');
    const below = reached('total', { used: new Map([['total', parseAmount('999.99')]]) });
    expect(below.outcome).toBe('notFired');
    expect(below.explanation).toBe('cap total not reached by 2024-06-30');
    const none = reached('total', {});
    expect(none.outcome).toBe('notFired');
    expect(none.figures).toEqual({ cap: 'total', used: '0', limit: '1000.00' });
  });

  it('a payer cap over the whole contract: its use in all, as a money cap', () => {
    const at = reached('whole', { used: new Map([['whole', parseAmount('800.00')]]) });
    expect(at.outcome).toBe('fired');
    expect(at.figures).toEqual({ cap: 'whole', used: '800', limit: '800.00' });
    expect(reached('whole', { used: new Map([['whole', parseAmount('799.99')]]) }).outcome).toBe('notFired');
  });

  it('a yearly payer cap: what the budget year of the check date used', () => {
    const year2024 = { from: parseDate('2024-01-01'), to: parseDate('2024-12-31') };
    const key = (cap: string, from: number): string => `${cap}\u0000${from}`;
    const full = reached('yearly', { yearsUsed: new Map([[key('yearly', year2024.from), parseAmount('500')]]) });
    expect(full.outcome).toBe('fired');
    expect(full.figures).toEqual({ cap: 'yearly', budgetYear: '2024-01-01/2024-12-31', used: '500', limit: '500.00' });
    expect(reached('yearly', { yearsUsed: new Map([[key('yearly', year2024.from), parseAmount('499.99')]]) }).outcome).toBe('notFired');
    // another year's use does not count
    expect(reached('yearly', { yearsUsed: new Map([[key('yearly', parseDate('2023-01-01')), parseAmount('900')]]) }).outcome).toBe('notFired');
    // fiscal year from April: 2024-06-30 is in 2024-04-01 … 2025-03-31; 2024-03-31 in the year before
    const fiscal = reached('fiscal', { yearsUsed: new Map([[key('fiscal', parseDate('2024-04-01')), parseAmount('300')]]) });
    expect(fiscal.outcome).toBe('fired');
    expect(fiscal.figures['budgetYear']).toBe('2024-04-01/2025-03-31');
    const march = reached('fiscal', {}, { checkOn: '2024-03-31' });
    expect(march.figures).toEqual({ cap: 'fiscal', budgetYear: '2023-04-01/2024-03-31', used: '0', limit: '300.00' });
    expect(march.outcome).toBe('notFired');
  });

  it('an outcome-volume cap: claims paid under its rule at or above the target', () => {
    const at = reached('volume', { volumeUsed: new Map([[1, 3]]) });
    expect(at.outcome).toBe('fired');
    expect(at.figures).toEqual({ cap: 'volume', unitsPaid: 3, targetUnits: 3 });
    expect(reached('volume', { volumeUsed: new Map([[1, 2]]) }).outcome).toBe('notFired');
    expect(reached('volume', { volumeUsed: new Map([[0, 9]]) }).figures).toEqual({ cap: 'volume', unitsPaid: 0, targetUnits: 3 });
    // a rule the plan does not index reads the use kept under index −1 (none in a real run)
    const plan = planOf({ ruleIndex: new Map() });
    expect(reached('volume', { volumeUsed: new Map([[-1, 5]]) }, { plan }).figures['unitsPaid']).toBe(5);
  });

  it('a share cap: once it has cut a claim', () => {
    const cut = reached('share', { shareCuts: new Map([['share', 1]]) });
    expect(cut.outcome).toBe('fired');
    expect(cut.figures).toEqual({ cap: 'share', claimsCut: 1 });
    expect(reached('share', { shareCuts: new Map([['share', 0]]) }).outcome).toBe('notFired');
    expect(reached('share', {}).figures).toEqual({ cap: 'share', claimsCut: 0 });
  });

  it('a per-participant cap: cuts known by the check date only', () => {
    const dates = new DateCounts();
    dates.add(parseDate('2024-06-30'), 2);
    dates.add(parseDate('2024-07-01'), 5);
    const on = reached('each', { participantCuts: new Map([['each', dates]]) });
    expect(on.outcome).toBe('fired');
    expect(on.figures).toEqual({ cap: 'each', claimsCut: 2 });
    const before = reached('each', { participantCuts: new Map([['each', dates]]) }, { checkOn: '2024-06-29' });
    expect(before.outcome).toBe('notFired');
    expect(before.figures).toEqual({ cap: 'each', claimsCut: 0 });
    expect(reached('each', {}).figures).toEqual({ cap: 'each', claimsCut: 0 });
  });

  it('an unknown cap is never reached', () => {
    const unknown = reached('nowhere', { used: new Map([['nowhere', parseAmount('1')]]) });
    expect(unknown.outcome).toBe('notFired');
    expect(unknown.figures).toEqual({ cap: 'nowhere' });
    expect(reached('total', {}, { plan: planOf({ contract: {} }) }).figures).toEqual({ cap: 'total' });
  });

  it("an amended contract: the cap as the version in force on the check date writes it", () => {
    const versions = [
      { id: 'base', from: parseDate('2024-01-01'), terms: { caps: [{ kind: 'contract', id: 'total', amount: '1000.00' }] } },
      { id: 'raise', from: parseDate('2024-06-30'), terms: { caps: [{ kind: 'contract', id: 'total', amount: '2000.00' }] } },
    ];
    const plan = planOf({ versions, contract: { caps: [] } });
    const used = new Map([['total', parseAmount('1500')]]);
    // on 2024-06-30 the amendment is in force: 1500 < 2000
    const after = reached('total', { used }, { plan });
    expect(after.outcome).toBe('notFired');
    expect(after.figures['limit']).toBe('2000.00');
    // the day before, the base: 1500 ≥ 1000
    const before = reached('total', { used }, { plan, checkOn: '2024-06-29' });
    expect(before.outcome).toBe('fired');
    expect(before.figures['limit']).toBe('1000.00');
  });
});

describe('checkExit: datePassed', () => {
  it('fires on or after the date, not before', () => {
    const on = check({ kind: 'datePassed', date: '2024-06-30' });
    expect(on.outcome).toBe('fired');
    expect(on.figures).toEqual({ date: '2024-06-30' });
    expect(on.explanation).toBe('2024-06-30 is on or after 2024-06-30');
    const before = check({ kind: 'datePassed', date: '2024-07-01' });
    expect(before.outcome).toBe('notFired');
    expect(before.explanation).toBe('2024-06-30 is before 2024-07-01');
    expect(check({ kind: 'datePassed', date: '2024-06-29' }).outcome).toBe('fired');
  });

  it('every check names its clause and check date', () => {
    const result = check({ kind: 'datePassed', date: '2024-01-01' });
    expect(result.clause).toBe('exit-1');
    expect(result.checkOn).toBe(parseDate('2024-06-30'));
  });
});

describe('uncheckedExit', () => {
  it('not yet checked: after the as-of date', () => {
    expect(uncheckedExit(clause({ kind: 'datePassed', date: '2024-01-01' }, '2025-03-31'), 'notYetChecked')).toEqual({
      clause: 'exit-1',
      checkOn: parseDate('2025-03-31'),
      outcome: 'notYetChecked',
      figures: {},
      explanation: 'checked on 2025-03-31, after the as-of date',
    });
  });

  it('skipped: the contract had already ended', () => {
    expect(uncheckedExit(clause({ kind: 'datePassed', date: '2024-01-01' }), 'skipped')).toEqual({
      clause: 'exit-1',
      checkOn: parseDate('2024-06-30'),
      outcome: 'skipped',
      figures: {},
      explanation: 'the contract had already ended',
    });
  });
});
