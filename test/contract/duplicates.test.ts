import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/contract/index.js';
import { applyPatch, type PatchOp } from './json-patch.js';

const root = join(import.meta.dirname, '..', '..');
const minimal: unknown = JSON.parse(readFileSync(join(root, 'test/corpus/contracts/bases/minimal.json'), 'utf8'));

/** The minimal contract grown so that it holds every kind of list of ids the contract language has. */
const everyList: PatchOp[] = [
  { op: 'add', path: '/cohorts/-', value: { id: '2024-B', enrolmentStart: '2024-07-01', enrolmentEnd: '2024-12-31' } },
  { op: 'add', path: '/groups/-', value: { id: 'rsa', name: 'RSA' } },
  { op: 'replace', path: '/outcomes/0/contractTypes', value: ['permanent', 'fixed-term'] },
  {
    op: 'replace',
    path: '/rules/1/groupPricing',
    value: { kind: 'prices', prices: [{ group: 'youth', price: '600.00' }, { group: 'rsa', price: '700.00' }], severalGroups: 'highest' },
  },
  { op: 'replace', path: '/rules/1/prerequisites', value: ['placement', 'training'] },
  {
    op: 'add',
    path: '/rules/-',
    value: {
      kind: 'cohortRate', id: 'rate', name: 'Placement rate', outcome: 'placement', cohorts: ['2024-A', '2024-B'], pooling: 'pooled',
      denominator: { kind: 'enrolled' }, pending: 'exclude', emptyCohort: 'nothing', amountBasis: 'perCohort',
      schedule: { kind: 'allOrNothing', threshold: '0.5', amount: '1000.00' },
    },
  },
  { op: 'replace', path: '/tranches/0/rules', value: ['pay-placement', 'pay-retention', 'rate'] },
  { op: 'replace', path: '/tranches/0/cohorts', value: ['2024-A', '2024-B'] },
  { op: 'add', path: '/tranches/0/outcomes', value: ['placement', 'retention-6m'] },
  {
    op: 'add',
    path: '/tranches/-',
    value: { id: 't2', name: 'Tranche 2', rules: ['pay-placement'], cohorts: ['2024-A'], measuredOn: '2026-06-30', dueOn: '2026-07-31' },
  },
  {
    op: 'add',
    path: '/exitClauses',
    value: [
      {
        id: 'low-rate', name: 'Low rate', checkOn: '2025-06-30',
        condition: { kind: 'outcomeRateBelow', outcome: 'placement', cohorts: ['2024-A', '2024-B'], denominator: { kind: 'enrolled' }, pending: 'exclude', threshold: '0.2' },
        effect: { kind: 'reducePrices', factor: '0.9', rules: ['pay-placement', 'pay-retention'] },
      },
      {
        id: 'suspend', name: 'Suspend', checkOn: '2025-06-30',
        condition: { kind: 'datePassed', date: '2025-06-30' },
        effect: { kind: 'suspendTranches', tranches: ['t2'] },
      },
    ],
  },
  {
    op: 'add',
    path: '/hiringGuarantees',
    value: [{ id: 'hire', employer: 'Employer', cohorts: ['2024-A', '2024-B'], positions: 5, qualifyingOutcome: 'training', placementOutcome: 'placement', withinDays: 60 }],
  },
];

/** Every list of ids: its JSON pointer, the id already in it at index 0, and the key naming it (lists of objects). */
const lists: readonly { pointer: string; id: string; key?: string }[] = [
  { pointer: '/outcomes/0/contractTypes', id: 'permanent' },
  { pointer: '/rules/1/prerequisites', id: 'placement' },
  { pointer: '/rules/1/groupPricing/prices', id: 'youth', key: 'group' },
  { pointer: '/rules/2/cohorts', id: '2024-A' },
  { pointer: '/tranches/0/rules', id: 'pay-placement' },
  { pointer: '/tranches/0/cohorts', id: '2024-A' },
  { pointer: '/tranches/0/outcomes', id: 'placement' },
  { pointer: '/exitClauses/0/condition/cohorts', id: '2024-A' },
  { pointer: '/exitClauses/0/effect/rules', id: 'pay-placement' },
  { pointer: '/exitClauses/1/effect/tranches', id: 't2' },
  { pointer: '/hiringGuarantees/0/cohorts', id: '2024-A' },
];

const issuesOf = (ops: readonly PatchOp[]) => {
  const result = parseContract(applyPatch(minimal, ops));
  return result.ok ? [] : result.issues.map((i) => ({ code: i.code, path: i.path }));
};

describe('an id listed twice in one list is refused (DUPLICATE_REFERENCE)', () => {
  it('the contract holding every kind of list is valid as written (the same id in different lists is fine)', () => {
    expect(issuesOf(everyList)).toEqual([]);
  });

  it.each(lists)('$pointer', ({ pointer, id, key }) => {
    const again = key === undefined ? id : { [key]: id, price: '650.00' };
    const path = pointer.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const length = (path.reduce<unknown>((at, segment) => (at as Record<string | number, unknown>)[segment], applyPatch(minimal, everyList)) as unknown[]).length;
    const found = issuesOf([...everyList, { op: 'add', path: `${pointer}/-`, value: again }]);
    // the second entry is named, nothing else is wrong
    expect(found).toEqual([{ code: 'DUPLICATE_REFERENCE', path: [...path, length, ...(key === undefined ? [] : [key])] }]);
  });

  it('names where the id was listed first', () => {
    const result = parseContract(applyPatch(minimal, [...everyList, { op: 'add', path: '/rules/1/prerequisites/-', value: 'training' }]));
    expect(result.ok ? '' : result.issues[0]?.message).toContain('already listed at rules[1].prerequisites[1]');
  });
});
