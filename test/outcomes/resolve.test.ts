import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/contract/schema.js';
import { OutcomePayError } from '../../src/errors.js';
import { compileOutcomes, REASON_CODES, REASON_TEXT, statusAt } from '../../src/outcomes/index.js';
import { resolveRecord } from '../../src/outcomes/resolve.js';
import { d, placement, record, resolveText } from './helpers.js';

const indicator: Outcome = { kind: 'cohortIndicator', id: 'sat', name: 'Satisfaction', unit: 'score' };
const retention: Outcome = {
  kind: 'retention', id: 'ret', name: 'Retention', placementOutcome: 'placement', months: 6,
  measure: { mode: 'anniversary' }, endBoundary: 'inclusive',
};

describe('resolveParticipant', () => {
  it('aligns resolutions with the contract order, whatever the dependency order', () => {
    // Retention listed before its placement. Placement 2024-01-15, 6-month anniversary 2024-07-15.
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15' }] });
    expect(resolveText([retention, indicator, placement()], rec, '2024-12-31')).toEqual([
      { status: 'achieved', on: '2024-07-15', anchor: '2024-01-15', reason: 'EMPLOYED_ON_END_DATE' },
      { status: 'notApplicable', reason: 'COHORT_LEVEL' },
      { status: 'achieved', on: '2024-01-15', anchor: '2024-01-15', reason: 'SPELL_IN_WINDOW' },
    ]);
  });

  it('reads the status at earlier measurement dates with statusAt', () => {
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15' }] });
    const [ret, sat, pl] = resolveRecord(rec, compileOutcomes([retention, indicator, placement()]), d('2024-12-31'));
    if (ret === undefined || sat === undefined || pl === undefined) throw new Error('missing');
    expect(statusAt(ret, d('2024-07-14'))).toBe('pending');
    expect(statusAt(ret, d('2024-07-15'))).toBe('achieved');
    expect(statusAt(pl, d('2024-01-14'))).toBe('pending');
    expect(statusAt(pl, d('2024-01-15'))).toBe('achieved');
    expect(statusAt(sat, d('2024-01-15'))).toBe('notApplicable');
  });

  it('handles spells listed out of order', () => {
    const rec = record({ enrolledOn: '2024-01-01', spells: [] });
    const unsorted = { ...rec, spells: [{ start: d('2024-03-01') }, { start: d('2024-01-15'), end: d('2024-02-29') }] };
    const o = [placement(), { ...retention, measure: { mode: 'continuous', allowedGapDays: 0 } } as Outcome];
    const [, r] = resolveRecord(unsorted, compileOutcomes(o), d('2024-12-31'));
    expect(r?.status).toBe('achieved');
  });
});

describe('compileOutcomes', () => {
  it('refuses a reference to a missing or non-placement outcome, and duplicate ids', () => {
    const code = (outcomes: readonly Outcome[]): string | undefined => {
      try {
        compileOutcomes(outcomes);
        return undefined;
      } catch (error) {
        return error instanceof OutcomePayError ? error.code : 'other';
      }
    };
    expect(code([retention])).toBe('OUTCOME_PLACEMENT_REFERENCE');
    expect(code([{ ...indicator, id: 'placement' }, retention])).toBe('OUTCOME_PLACEMENT_REFERENCE');
    expect(code([placement(), placement()])).toBe('OUTCOME_ID_DUPLICATE');
    expect(code([placement(), retention])).toBeUndefined();
  });

  it('puts placements first in the evaluation order', () => {
    expect(compileOutcomes([retention, indicator, placement()]).order).toEqual([2, 0, 1]);
  });
});

describe('reason codes', () => {
  it('are documented, each with a text', () => {
    for (const code of REASON_CODES) expect(REASON_TEXT[code].length).toBeGreaterThan(10);
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
  });
});
