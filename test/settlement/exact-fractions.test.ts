/**
 * The computations that divide are exact: a linear cohort-rate schedule at a rate of 1/3, and the
 * share of a capped line's payment that lies beyond a reinvestment's target units, are fractions
 * rounded once. A 60-digit quotient (0.333…3 × 0.03 = 0.00999…9) rounded down lost the cent owed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/index.js';
import { applyPatch } from '../contract/json-patch.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
// three participants enrolled 2024-01-02; P1 placed on 2024-02-01, the others never
const records = ['P1', 'P2', 'P3'].map((id) => ({ id, cohort: '2024-A', enrolledOn: '2024-01-02', ...(id === 'P1' ? { spells: [{ start: '2024-02-01' }] } : {}) }));

function settled(ops: Parameters<typeof applyPatch>[1], placed = records) {
  const result = settle(applyPatch(minimal, ops), placed, { asOf: '2025-06-30' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('exact fractions', () => {
  it('a linear schedule at rate 1/3 pays exactly 1/3 of 0.03, rounded down: 0.01', () => {
    // 0 at rate 0, 0.03 at rate 1: at 1/3, 0.03 / 3 = 0.01 exactly
    const value = settled([
      { op: 'replace', path: '/rounding', value: 'down' },
      { op: 'replace', path: '/rules', value: [{
        kind: 'cohortRate', id: 'rate', name: 'Rate', outcome: 'placement', cohorts: ['2024-A'], pooling: 'perCohort', denominator: { kind: 'enrolled' },
        pending: 'exclude', emptyCohort: 'nothing', amountBasis: 'perCohort',
        schedule: { kind: 'linear', floor: '0', target: '1', amountAtFloor: '0', amountAtTarget: '0.03', ceiling: '1' },
      }] },
      { op: 'replace', path: '/tranches/0/rules', value: ['rate'] },
    ]);
    expect(value.totals.earned).toBe('0.01');
  });

  it('the surplus of a capped line is its payment shared among its claims, exactly', () => {
    // three placements at 0.05, a contract cap of 0.10 (paid in part): the line pays 0.10 for 3
    // claims. Beyond the target of 2 units: 1 claim, 0.10 / 3; a share of 0.3 of it is 0.01 exactly.
    const all = records.map((r) => ({ ...r, spells: [{ start: '2024-02-01' }] }));
    const value = settled([
      { op: 'replace', path: '/rounding', value: 'down' },
      { op: 'replace', path: '/rules/0/price', value: '0.05' },
      { op: 'replace', path: '/tranches/0/rules', value: ['pay-placement', 'pay-retention'] },
      { op: 'add', path: '/caps', value: [{ kind: 'contract', id: 'cap', amount: '0.10', partialPayment: true }] },
      { op: 'add', path: '/reinvestment', value: [{ id: 'reinvest', name: 'Reinvest', trigger: { kind: 'surplusOverTarget', outcome: 'placement', targetUnits: 2 }, share: '0.3', destination: { kind: 'external', name: 'Fund' }, cap: '1000.00' }] },
    ], all);
    expect(value.totals.earned).toBe('0.10');
    expect(value.totals.reinvested).toBe('0.01');
  });
});
