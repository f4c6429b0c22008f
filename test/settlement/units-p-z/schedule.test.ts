/**
 * The settlement schedule (src/settlement/schedule.ts) on the minimal contract split in two
 * tranches — t1 (measured 2024-06-30) pays placements at 1000.00, t2 (measured 2025-06-30) pays
 * retention at 500.00 — with an exit clause that fires on a date (`datePassed`) checked on
 * 2024-09-30: each effect (terminate or complete early with each payment on exit, suspend,
 * reduce prices), a clause checked after the as-of date, one skipped after the end, and the
 * statuses of the tranches. P1 is placed on 2024-02-01 (retention on 2024-08-01), P2 on
 * 2024-05-01 (retention on 2024-11-01): t1 earns 2 × 1000.00 = 2000.00.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type Settlement } from '../../../src/index.js';
import { applyPatch } from '../../contract/json-patch.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const records = [
  { id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] },
  { id: 'P2', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-05-01' }] },
];
const tranches = [
  { id: 't1', name: 'Placements', rules: ['pay-placement'], cohorts: ['2024-A'], measuredOn: '2024-06-30', dueOn: '2024-07-31' },
  { id: 't2', name: 'Retention', rules: ['pay-retention'], cohorts: ['2024-A'], measuredOn: '2025-06-30', dueOn: '2025-07-31' },
];

function clause(id: string, effect: unknown, date = '2024-09-30') {
  return { id, name: `Clause ${id}`, checkOn: '2024-09-30', condition: { kind: 'datePassed', date }, effect };
}

function settled(clauses: unknown[], asOf = '2025-12-31'): Settlement {
  const contract = applyPatch(minimal, [
    { op: 'replace', path: '/tranches', value: tranches },
    ...(clauses.length === 0 ? [] : [{ op: 'add' as const, path: '/exitClauses', value: clauses }]),
  ]);
  const result = settle(contract, records, { asOf });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return result.value;
}

const rows = (s: Settlement) => s.tranches.map((t) => [t.id, t.status, t.byClause, t.measuredOn, t.earned, t.withheld]);
const exits = (s: Settlement) => s.exits.map((e) => [e.clause, e.checkOn, e.outcome, e.explanation]);

describe('the schedule without exit', () => {
  it('each tranche settled by its measurement date', () => {
    // t2: both retained (2024-08-01 and 2024-11-01): 2 × 500.00 = 1000.00
    expect(rows(settled([]))).toEqual([
      ['t1', 'settled', null, '2024-06-30', '2000.00', '0.00'],
      ['t2', 'settled', null, '2025-06-30', '1000.00', '0.00'],
    ]);
  });

  it('a tranche measured after the as-of date is scheduled, earning nothing yet', () => {
    expect(rows(settled([], '2025-06-29'))).toEqual([
      ['t1', 'settled', null, '2024-06-30', '2000.00', '0.00'],
      ['t2', 'scheduled', null, '2025-06-30', '0.00', '0.00'],
    ]);
  });
});

describe('terminate and complete early', () => {
  it('paying nothing: the later tranches are cancelled by the clause', () => {
    const s = settled([clause('stop', { kind: 'terminate', payOnExit: { kind: 'nothing' } })]);
    expect(rows(s)).toEqual([
      ['t1', 'settled', null, '2024-06-30', '2000.00', '0.00'],
      ['t2', 'cancelled', 'stop', '2025-06-30', '0.00', '0.00'],
    ]);
    expect(exits(s)).toEqual([['stop', '2024-09-30', 'fired', '2024-09-30 is on or after 2024-09-30']]);
  });

  it('paying what was earned to date: an exit tranche on the check date with the later tranches’ rules', () => {
    const s = settled([clause('stop', { kind: 'terminate', payOnExit: { kind: 'earnedToDate' } })]);
    // by 2024-09-30 only P1 is retained (2024-08-01): 500.00
    expect(rows(s)).toEqual([
      ['t1', 'settled', null, '2024-06-30', '2000.00', '0.00'],
      ['exit:stop', 'settled', 'stop', '2024-09-30', '500.00', '0.00'],
      ['t2', 'cancelled', 'stop', '2025-06-30', '0.00', '0.00'],
    ]);
    const exit = s.tranches[1];
    expect([exit?.name, exit?.dueOn]).toEqual(['Payment on exit (Clause stop)', '2024-09-30']);
    expect(exit?.lines.map((line) => [line.rule, line.claims, line.paid])).toEqual([['pay-retention', 1, '500.00']]);
  });

  it('paying a fixed amount: one line of its own, nothing for the outcomes', () => {
    const s = settled([clause('stop', { kind: 'completeEarly', payOnExit: { kind: 'fixed', amount: '250.00' } })]);
    const exit = s.tranches[1];
    expect([exit?.id, exit?.earned]).toEqual(['exit:stop', '250.00']);
    expect(exit?.lines.map((line) => [line.rule, line.kind, line.cohort, line.outcome, line.claims, line.unit, line.inputs, line.formula, line.paid])).toEqual([
      ['exit:stop', 'exitPayment', null, null, null, null, { clause: 'stop' }, 'fixed payment on exit under clause stop', '250.00'],
    ]);
  });

  it('paying what was earned to date plus a fixed amount: 500.00 + 250.00 = 750.00', () => {
    const s = settled([clause('stop', { kind: 'terminate', payOnExit: { kind: 'earnedToDatePlusFixed', amount: '250.00' } })]);
    expect(s.tranches[1]?.lines.map((line) => [line.rule, line.paid])).toEqual([['pay-retention', '500.00'], ['exit:stop', '250.00']]);
    expect(s.tranches[1]?.earned).toBe('750.00');
  });

  it('a clause that has not fired changes nothing', () => {
    const s = settled([clause('stop', { kind: 'terminate', payOnExit: { kind: 'nothing' } }, '2024-10-01')]);
    expect(rows(s).map((row) => row[1])).toEqual(['settled', 'settled']);
    expect(exits(s)).toEqual([['stop', '2024-09-30', 'notFired', '2024-09-30 is before 2024-10-01']]);
  });

  it('a later tranche cancelled by a clause that fired is cancelled even when measured after the as-of date', () => {
    const s = settled([clause('stop', { kind: 'terminate', payOnExit: { kind: 'nothing' } })], '2024-12-31');
    expect(rows(s).map((row) => [row[0], row[1]])).toEqual([['t1', 'settled'], ['t2', 'cancelled']]);
  });

  it('after the end, the next clause is skipped; a clause checked after the as-of date is not yet checked', () => {
    const both = settled([
      clause('stop', { kind: 'terminate', payOnExit: { kind: 'nothing' } }),
      clause('again', { kind: 'terminate', payOnExit: { kind: 'nothing' } }),
    ]);
    expect(exits(both).map((row) => [row[0], row[2], row[3]])).toEqual([
      ['stop', 'fired', '2024-09-30 is on or after 2024-09-30'],
      ['again', 'skipped', 'the contract had already ended'],
    ]);
    const early = settled([clause('stop', { kind: 'terminate', payOnExit: { kind: 'nothing' } })], '2024-09-29');
    expect(exits(early)).toEqual([['stop', '2024-09-30', 'notYetChecked', 'checked on 2024-09-30, after the as-of date']]);
    expect(rows(early).map((row) => [row[0], row[1], row[2]])).toEqual([['t1', 'settled', null], ['t2', 'scheduled', null]]);
  });
});

describe('suspend and reduce', () => {
  it('a suspended tranche withholds what it earned', () => {
    const s = settled([clause('hold', { kind: 'suspendTranches', tranches: ['t2'] })]);
    // t2 would pay 1000.00: withheld, nothing earned
    expect(rows(s)).toEqual([
      ['t1', 'settled', null, '2024-06-30', '2000.00', '0.00'],
      ['t2', 'suspended', 'hold', '2025-06-30', '0.00', '1000.00'],
    ]);
    expect(s.tranches[1]?.lines.map((line) => [line.rule, line.earned, line.paid])).toEqual([['pay-retention', '1000.00', '0.00']]);
    expect(s.totals.withheld).toBe('1000.00');
  });

  it('reduced prices apply to outcomes achieved after the check date only', () => {
    const s = settled([clause('cut', { kind: 'reducePrices', factor: '0.5', rules: ['pay-retention'] })]);
    // P1 retained 2024-08-01 (before): 500.00; P2 retained 2024-11-01 (after): 0.5 × 500.00 = 250.00
    expect(rows(s).map((row) => [row[0], row[1], row[4]])).toEqual([['t1', 'settled', '2000.00'], ['t2', 'settled', '750.00']]);
  });
});

describe('the order of the checks (2026-12-07 survivors)', () => {
  const stop = { kind: 'terminate', payOnExit: { kind: 'nothing' } };

  it('clauses are checked by their check date, not in the order the contract lists them', () => {
    // 'late' is listed first but checked on 2024-12-31; 'early' fires on 2024-09-30 and ends the
    // contract, so 'late' is skipped and t2 is cancelled by 'early'
    const s = settled([{ ...clause('late', stop), checkOn: '2024-12-31' }, clause('early', stop)]);
    expect(exits(s).map((row) => [row[0], row[1], row[2]])).toEqual([
      ['early', '2024-09-30', 'fired'],
      ['late', '2024-12-31', 'skipped'],
    ]);
    expect(rows(s).map((row) => [row[0], row[1], row[2]])).toEqual([['t1', 'settled', null], ['t2', 'cancelled', 'early']]);
  });

  it('a clause checked on the as-of date itself is checked', () => {
    const s = settled([clause('stop', stop)], '2024-09-30');
    expect(exits(s)).toEqual([['stop', '2024-09-30', 'fired', '2024-09-30 is on or after 2024-09-30']]);
  });

  it('a tranche measured on a clause’s check date is settled before the clause ends the contract', () => {
    // t1 is measured on 2024-06-30, the check date: it pays 2 × 1000.00 = 2000.00; only t2 is cancelled
    const s = settled([{ ...clause('stop', stop, '2024-06-30'), checkOn: '2024-06-30' }]);
    expect(rows(s)).toEqual([
      ['t1', 'settled', null, '2024-06-30', '2000.00', '0.00'],
      ['t2', 'cancelled', 'stop', '2025-06-30', '0.00', '0.00'],
    ]);
  });

  it('paying what was earned to date: the later tranches’ rules in the contract’s order, each once', () => {
    // one tranche listing retention before placement, cancelled on 2024-09-30: the exit tranche
    // pays placement (index 0) then retention (index 1): P1 and P2 placed (2 × 1000.00), P1
    // retained by then (1 × 500.00)
    const contract = applyPatch(minimal, [
      { op: 'replace', path: '/tranches', value: [{ id: 't1', name: 'All', rules: ['pay-retention', 'pay-placement'], cohorts: ['2024-A'], measuredOn: '2025-06-30', dueOn: '2025-07-31' }] },
      { op: 'add', path: '/exitClauses', value: [clause('stop', { kind: 'terminate', payOnExit: { kind: 'earnedToDate' } })] },
    ]);
    const result = settle(contract, records, { asOf: '2025-12-31' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
    expect(result.value.tranches[0]?.lines.map((line) => [line.rule, line.claims, line.paid])).toEqual([
      ['pay-placement', 2, '2000.00'],
      ['pay-retention', 1, '500.00'],
    ]);
    expect(result.value.tranches[0]?.earned).toBe('2500.00');
  });

  it('paying what was earned to date: the rules of every later tranche, in the contract’s order, each once', () => {
    // t2 pays retention and t3 placement then retention again: the exit tranche on 2024-09-30
    // pays placement (index 0) once, then retention (index 1) once. Placements up to t1's
    // measurement (2024-06-30) were paid by t1; P3, enrolled 2024-06-01, is placed 2024-08-01
    // (within 180 days): 1 × 1000.00; P1 retained 2024-08-01: 1 × 500.00; 1000.00 + 500.00 = 1500.00
    const three = [
      tranches[0],
      { ...tranches[1], id: 't2' },
      { id: 't3', name: 'Both', rules: ['pay-placement', 'pay-retention'], cohorts: ['2024-A'], measuredOn: '2025-12-31', dueOn: '2026-01-31' },
    ];
    const contract = applyPatch(minimal, [
      { op: 'replace', path: '/tranches', value: three },
      { op: 'add', path: '/exitClauses', value: [clause('stop', { kind: 'terminate', payOnExit: { kind: 'earnedToDate' } })] },
    ]);
    const withP3 = [...records, { id: 'P3', cohort: '2024-A', enrolledOn: '2024-06-01', spells: [{ start: '2024-08-01' }] }];
    const result = settle(contract, withP3, { asOf: '2025-12-31' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
    const exit = result.value.tranches.find((t) => t.id === 'exit:stop');
    expect(exit?.lines.map((line) => [line.rule, line.claims, line.paid])).toEqual([
      ['pay-placement', 1, '1000.00'],
      ['pay-retention', 1, '500.00'],
    ]);
    expect(exit?.earned).toBe('1500.00');
  });

  it('paying what was earned to date pays none of the rules of a tranche settled before the clause; their later claims are unscheduled', () => {
    // P3, enrolled 2024-06-01, is placed on 2024-08-01, after t1 (placements) was measured on
    // 2024-06-30; the exit tranche pays t2's rule only: P1 retained 2024-08-01, 1 × 500.00; P3's
    // placement is paid by no tranche
    const withP3 = [...records, { id: 'P3', cohort: '2024-A', enrolledOn: '2024-06-01', spells: [{ start: '2024-08-01' }] }];
    const contract = applyPatch(minimal, [
      { op: 'replace', path: '/tranches', value: tranches },
      { op: 'add', path: '/exitClauses', value: [clause('stop', { kind: 'terminate', payOnExit: { kind: 'earnedToDate' } })] },
    ]);
    const result = settle(contract, withP3, { asOf: '2025-12-31' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
    const exit = result.value.tranches.find((t) => t.id === 'exit:stop');
    expect(exit?.lines.map((line) => [line.rule, line.claims, line.paid])).toEqual([['pay-retention', 1, '500.00']]);
    expect(result.value.unscheduled.map((u) => [u.rule, u.cohort, u.claims, u.amount, u.from, u.to, u.reason])).toEqual([
      ['pay-placement', '2024-A', 1, '1000.00', '2024-08-01', '2024-08-01', 'the contract ended under exit clause stop on 2024-09-30'],
      // the retentions after the exit: P2 on 2024-11-01, P3 on 2025-02-01: 2 × 500.00
      ['pay-retention', '2024-A', 2, '1000.00', '2024-11-01', '2025-02-01', 'the contract ended under exit clause stop on 2024-09-30'],
    ]);
  });

  it('a tranche cancelled by the end awaits no claim, though measured after the as-of date', () => {
    // t2 (retention and placement, measured 2025-06-30) is cancelled on 2024-09-30; as of
    // 2025-01-31 nothing will pay P3's placement (2024-08-01, 1 × 1000.00) nor the retentions of
    // P1 (2024-08-01) and P2 (2024-11-01): 2 × 500.00 = 1000.00
    const withP3 = [...records, { id: 'P3', cohort: '2024-A', enrolledOn: '2024-06-01', spells: [{ start: '2024-08-01' }] }];
    const contract = applyPatch(minimal, [
      { op: 'replace', path: '/tranches', value: [tranches[0], { ...tranches[1], rules: ['pay-retention', 'pay-placement'] }] },
      { op: 'add', path: '/exitClauses', value: [clause('stop', { kind: 'terminate', payOnExit: { kind: 'nothing' } })] },
    ]);
    const result = settle(contract, withP3, { asOf: '2025-01-31' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
    expect(result.value.tranches.map((t) => [t.id, t.status])).toEqual([['t1', 'settled'], ['t2', 'cancelled']]);
    const ended = 'the contract ended under exit clause stop on 2024-09-30';
    expect(result.value.unscheduled.map((u) => [u.rule, u.claims, u.amount, u.from, u.to, u.reason])).toEqual([
      ['pay-placement', 1, '1000.00', '2024-08-01', '2024-08-01', ended],
      ['pay-retention', 2, '1000.00', '2024-08-01', '2024-11-01', ended],
    ]);
  });

  it('a tranche pays its rules in the contract’s order, whatever order it lists them in; without budget-year caps it has no budgetYears', () => {
    // t1 lists retention before placement: placement (index 0) P1 and P2, 2 × 1000.00, then retention (index 1) P1 and P2, 2 × 500.00
    const contract = applyPatch(minimal, [
      { op: 'replace', path: '/tranches', value: [{ id: 't1', name: 'All', rules: ['pay-retention', 'pay-placement'], cohorts: ['2024-A'], measuredOn: '2025-06-30', dueOn: '2025-07-31' }] },
    ]);
    const result = settle(contract, records, { asOf: '2025-12-31' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
    const t1 = result.value.tranches[0];
    expect(t1?.lines.map((line) => [line.rule, line.claims, line.paid])).toEqual([
      ['pay-placement', 2, '2000.00'],
      ['pay-retention', 2, '1000.00'],
    ]);
    expect(t1 !== undefined && 'budgetYears' in t1).toBe(false);
  });
});
