/**
 * More of the settlement document's shape (src/settlement/settlement-schema.ts), for the mutants
 * of the 2026-12-07 run that survived: every value of each enumerated field is read where a
 * settlement writes it, the anchors of the hex, decimal and share patterns, the messages of a
 * decimal and a share, the entries of a budget year's `takenFrom` and `carriedFrom`, and a number
 * of minor units outside the four built when the module loads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type Settlement } from '../../../src/index.js';
import { checkSettlementShape } from '../../../src/settlement/settlement-schema.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));

/** The minimal contract settled with one participant placed and retained: t1 earns 1500.00. */
function settlement(): Settlement {
  const result = settle(minimal, [{ id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] }], { asOf: '2025-06-30' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return JSON.parse(JSON.stringify(result.value)) as Settlement;
}

type Doc = Record<string, unknown> & { tranches: Record<string, unknown>[] };
const doc = (): Doc => settlement() as unknown as Doc;
const issues = (value: unknown, units = 2) => checkSettlementShape(value, units, ['previous', 0]).issues.map((issue) => [issue.code, issue.path.join('.'), issue.message]);
const firstLine = (d: Doc) => (d.tranches[0]?.['lines'] as Record<string, unknown>[])[0] as Record<string, unknown>;

const year = { from: '2025-01-01', to: '2025-12-31' };
const budgetYear = (overflow: string) => ({
  cap: 'c',
  payer: 'region',
  year,
  limit: '100.00',
  usedBefore: '0.00',
  part: '100.00',
  takenFrom: [{ payer: 'agency', amount: '1.00' }],
  carriedFrom: [{ tranche: 't0', year, amount: '2.00' }],
  requested: '100.00',
  paid: '100.00',
  over: '0.00',
  overflow,
  to: null,
  explanation: 'e',
});
const cause = (kind: string) => ({ cause: kind, rule: null, outcome: null, claims: 0, participants: [], trancheAmount: '0.00', amount: '0.00', explanation: 'e' });
const review = (outcome: string) => ({ reviewOn: '2025-06-30', outcome, achieved: null, participants: null, rate: null, level: '0.5', amount: '0.00', explanation: 'e' });
const mpTranche = (action: string) => ({ tranche: 't1', measuredOn: '2025-06-30', review: '2025-06-30', achieved: 1, participants: 1, rate: '1/1', met: true, action, amount: '0.00' });
const minimum = (consequence: string) => ({
  id: 'm',
  name: 'm',
  outcome: 'placement',
  cohorts: null,
  enrolledBy: null,
  level: '0.5',
  consequence,
  reviews: ['met', 'notMet', 'notYetReviewed'].map(review),
  tranches: ['withheld', 'reduced', 'released', 'ended'].map(mpTranche),
  withheld: '0.00',
  released: '0.00',
  outstanding: '0.00',
  reduced: '0.00',
});
const atRisk = (kind: string) => ({ kind, id: 'x', tranche: null, cohort: null, decided: 'd', ifAllAchieved: 'a', ifNoneAchieved: 'n' });

describe('checkSettlementShape: every value settle writes', () => {
  it('each kind of line, status of tranche, overflow of a budget year (with what it took and carried), cause, consequence, review outcome, action and decision at risk', () => {
    for (const kind of ['rateCard', 'sustainment', 'cohortRate', 'bonus', 'fee', 'resultsIndicator', 'exitPayment']) {
      const d = doc();
      firstLine(d)['kind'] = kind;
      expect(issues(d)).toEqual([]);
    }
    for (const status of ['settled', 'scheduled', 'cancelled', 'suspended', 'withdrawn']) {
      const d = doc();
      (d.tranches[0] as Record<string, unknown>)['status'] = status;
      expect(issues(d)).toEqual([]);
    }
    const d = doc();
    (d.tranches[0] as Record<string, unknown>)['budgetYears'] = ['notPaid', 'deferred', 'takenBy'].map(budgetYear);
    d['adjustments'] = [
      { tranche: 't1', payer: 'region', previouslyPaid: '0.00', earned: '0.00', amount: '0.00', reason: 'r', causes: ['withdrawn', 'corrected', 'late', 'amended', 'caps', 'other'].map(cause) },
    ];
    d['minimumPerformance'] = ['withhold', 'priceReduction', 'flag'].map(minimum);
    d['dataQuality'] = { ...(d['dataQuality'] as object), decisionsAtRisk: ['exitClause', 'cohortRate', 'bonus', 'cap', 'hiringGuarantee'].map(atRisk) };
    expect(issues(d)).toEqual([]);
    // and a value of none of them is refused, as a malformed field
    (d['dataQuality'] as { decisionsAtRisk: { kind: string }[] }).decisionsAtRisk[0] = atRisk('');
    expect(issues(d).map((row) => row.slice(0, 2))).toEqual([['PREVIOUS_MALFORMED', 'previous.0.dataQuality.decisionsAtRisk.0.kind']]);
  });

  it('a budget year entry of another shape in takenFrom or carriedFrom is refused', () => {
    const d = doc();
    (d.tranches[0] as Record<string, unknown>)['budgetYears'] = [{ ...budgetYear('takenBy'), takenFrom: [{ payer: 'agency', amount: '1.00', extra: 1 }], carriedFrom: [{ tranche: 't0', year, amount: '2.00', extra: 2 }] }];
    expect(issues(d).map((row) => row[1])).toEqual(['previous.0.tranches.0.budgetYears.0.takenFrom.0.extra', 'previous.0.tranches.0.budgetYears.0.carriedFrom.0.extra']);
  });
});

describe('checkSettlementShape: the patterns are anchored at both ends', () => {
  it('a fingerprint of 64 hex digits with anything before or after it', () => {
    const s = settlement();
    const hex = s.fingerprint.inputs;
    for (const inputs of [`x${hex}`, `${hex}x`]) {
      expect(issues({ ...s, fingerprint: { ...s.fingerprint, inputs } })).toEqual([
        ['PREVIOUS_MALFORMED', 'previous.0.fingerprint.inputs', `previous[0].fingerprint.inputs: the string "${inputs.slice(0, 40)}..." is not 64 lower-case hex digits`],
      ]);
    }
  });

  it('a decimal (a line\'s exact amount): anything before or after it is refused, with its own message', () => {
    for (const exact of ['x1000', '1000x']) {
      const d = doc();
      firstLine(d)['exact'] = exact;
      expect(issues(d)).toEqual([['PREVIOUS_MALFORMED', 'previous.0.tranches.0.lines.0.exact', `previous[0].tranches[0].lines[0].exact: the string "${exact}" is not a decimal`]]);
    }
  });

  it('a share (a payer\'s): a decimal or a fraction n/d, of any number of digits, signed or not; nothing before or after', () => {
    for (const share of ['0.6', '-0.6', '1/3', '-1/3', '10/30', '2/30', '0/7']) {
      const d = doc();
      (d['payers'] as Record<string, unknown>[])[0] = { ...(d['payers'] as object[])[0], share };
      expect(issues(d)).toEqual([]);
    }
    for (const share of ['x0.6', '0.6x', 'x1/3', '1/3x', '1/03', '01/3', '1/0']) {
      const d = doc();
      (d['payers'] as Record<string, unknown>[])[0] = { ...(d['payers'] as object[])[0], share };
      expect(issues(d)).toEqual([['PREVIOUS_MALFORMED', 'previous.0.payers.0.share', `previous[0].payers[0].share: the string "${share}" is not a decimal or a fraction`]]);
    }
  });
});

describe('checkSettlementShape: minor units', () => {
  it('a number of minor units none of the known currencies has (1) is checked all the same', () => {
    const s = settlement();
    const tenths = { earned: '1500.0', previouslyPaid: '0.0', due: '1500.0', reinvested: '0.0', withheld: '0.0' };
    expect(issues({ ...s, totals: tenths }, 1).filter((row) => String(row[1]).startsWith('previous.0.totals'))).toEqual([]);
    expect(issues({ ...s, totals: { ...tenths, due: '1500.00' } }, 1).filter((row) => String(row[1]).startsWith('previous.0.totals'))).toEqual([
      ['PREVIOUS_AMOUNT', 'previous.0.totals.due', 'previous[0].totals.due: the string "1500.00" is not a canonical amount (1 decimals)'],
    ]);
  });
});
