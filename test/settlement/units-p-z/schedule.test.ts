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
