/**
 * The settlement document (src/settlement/report.ts): the hiring guarantees' statuses from the
 * ledger's counts, and, on small settlements of the minimal contract (each participant placed on
 * 2024-02-01 and still working: placement 1000.00 and retention 500.00, t1 measured 2025-06-30),
 * the payers' shares and exact split, the lines' funders, the adjustments with their reasons and
 * causes, a payer an amendment removed, and the participant caps. Every figure is worked out in a
 * comment.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/calendar/index.js';
import { parseContract, settle, type Settlement, type SettleOptions } from '../../../src/index.js';
import { formatMoney, type Amount } from '../../../src/money/index.js';
import { buildPlan, emptyLedgerOf } from '../../../src/settlement/plan.js';
import { guaranteeReports } from '../../../src/settlement/report.js';
import { applyPatch, type PatchOp } from '../../contract/json-patch.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const placed = (id: string, groups: string[] = []) => ({ id, cohort: '2024-A', enrolledOn: '2024-01-02', groups, spells: [{ start: '2024-02-01' }] });

function settled(contract: unknown, records: unknown[], options: SettleOptions): Settlement {
  const result = settle(contract, records, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return JSON.parse(JSON.stringify(result.value)) as Settlement;
}

describe('guaranteeReports', () => {
  const guarantee = (extra: Record<string, unknown> = {}) => ({
    id: 'g1', employer: 'Acme', cohorts: ['2024-A'], positions: 3, qualifyingOutcome: 'training', placementOutcome: 'placement', withinDays: 60, ...extra,
  });
  function report(asOf: string, hired: number, undecided: number, extra: Record<string, unknown> = { shortfallAmountPerPosition: '2000.00' }) {
    const parsed = parseContract(applyPatch(minimal, [{ op: 'add', path: '/hiringGuarantees', value: [guarantee(extra)] }]));
    if (!parsed.ok) throw new Error('contract');
    const plan = buildPlan(parsed.value, parseDate(asOf), false);
    const ledger = emptyLedgerOf(plan, false);
    const counts = ledger.guarantees[0];
    if (counts === undefined) throw new Error('guarantee counts');
    counts.qualified.add(parseDate('2024-03-01'), 4);
    counts.hired.add(parseDate('2024-04-01'), hired);
    counts.hired.add(parseDate('2026-01-01'), 1); // after every as-of date below: never counted
    counts.undecided = undecided;
    return guaranteeReports(plan, ledger, (amount: Amount) => formatMoney(amount, 'EUR'));
  }

  it('met when the hired fill the positions', () => {
    expect(report('2025-06-30', 3, 1)).toEqual([
      { guarantee: 'g1', employer: 'Acme', positions: 3, qualified: 4, hired: 3, undecided: 1, status: 'met', shortfallPositions: 0, shortfallAmount: null },
    ]);
    // more hired than positions: still no shortfall
    expect(report('2025-06-30', 5, 0)[0]).toMatchObject({ status: 'met', shortfallPositions: 0 });
  });

  it('open while someone is undecided or the cohort still enrols', () => {
    expect(report('2025-06-30', 1, 1)[0]).toMatchObject({ status: 'open', shortfallPositions: 2, shortfallAmount: null });
    // enrolment ends 2024-06-30: open on 2024-06-29, not on the day itself
    expect(report('2024-06-29', 1, 0)[0]).toMatchObject({ status: 'open', shortfallPositions: 2 });
    expect(report('2024-06-30', 1, 0)[0]).toMatchObject({ status: 'shortfall', shortfallPositions: 2 });
  });

  it('a shortfall costs the amount per position missing, when the guarantee names one', () => {
    // 3 − 1 = 2 positions × 2000.00 = 4000.00
    expect(report('2025-06-30', 1, 0)[0]).toMatchObject({ status: 'shortfall', hired: 1, shortfallPositions: 2, shortfallAmount: '4000.00' });
    expect(report('2025-06-30', 1, 0, {})[0]).toMatchObject({ status: 'shortfall', shortfallPositions: 2, shortfallAmount: null });
  });
});

describe('buildSettlement: payers', () => {
  it('weights: each share as a fraction of the weights, the exact split before rounding', () => {
    const weighted = applyPatch(minimal, [{ op: 'replace', path: '/parties/payers', value: [{ id: 'region', name: 'Region', weight: '2' }, { id: 'agency', name: 'Agency', weight: '1' }] }]);
    const s = settled(weighted, [placed('P1')], { asOf: '2025-06-30' });
    // 1500.00 × 2/3 = 1000, × 1/3 = 500
    expect(s.payers.map((p) => [p.payer, p.share, p.earned])).toEqual([['region', '2/3', '1000.00'], ['agency', '1/3', '500.00']]);
    const t1 = s.tranches[0];
    expect(t1?.payerSplit).toEqual([{ payer: 'region', exact: '1000', part: '1000.00' }, { payer: 'agency', exact: '500', part: '500.00' }]);
    // the same split for every line: the lines do not list their funders
    expect(t1?.lines.map((line) => line.payers)).toEqual([undefined, undefined]);
  });

  it('a top-up on one outcome: each line lists its funders and their fractions', () => {
    const topUp = applyPatch(minimal, [{ op: 'replace', path: '/parties/payers', value: [
      { id: 'region', name: 'Region', share: '1' },
      { id: 'fund', name: 'Fund', topUp: '0.2', funds: { outcomes: ['retention-6m'] } },
    ] }]);
    const s = settled(topUp, [placed('P1')], { asOf: '2025-06-30' });
    const t1 = s.tranches[0];
    // placement: the region alone (the fund's 0 is not listed); retention: the fund 0.2 first, the region the rest 0.8
    expect(t1?.lines.map((line) => [line.rule, line.payers])).toEqual([
      ['pay-placement', [{ payer: 'region', fraction: '1' }]],
      ['pay-retention', [{ payer: 'region', fraction: '0.8' }, { payer: 'fund', fraction: '0.2' }]],
    ]);
    // region 1000 + 0.8 × 500 = 1400, fund 0.2 × 500 = 100
    expect(t1?.payerSplit).toEqual([{ payer: 'region', exact: '1400', part: '1400.00' }, { payer: 'fund', exact: '100', part: '100.00' }]);
    expect(s.payers.map((p) => [p.payer, p.share, p.earned])).toEqual([['region', '1', '1400.00'], ['fund', '0.2', '100.00']]);
  });

  it('plain decimal shares: no exact split', () => {
    const s = settled(minimal, [placed('P1')], { asOf: '2025-06-30' });
    expect(s.tranches[0]?.payerSplit).toBeUndefined();
    expect(s.payers.map((p) => [p.payer, p.share, p.earned])).toEqual([['region', '0.6', '900.00'], ['agency', '0.4', '600.00']]);
  });
});

describe('buildSettlement: adjustments', () => {
  // both placed and retained: t1 earns 2 × 1500.00 = 3000.00, region 0.6 → 1800.00, agency 0.4 → 1200.00
  const first = (contract: unknown = minimal) => settled(contract, [placed('P1'), placed('P2')], { asOf: '2025-06-30', detail: 'participants' });

  it('a record withdrawn: each payer’s adjustment, its reason, and the causes split in proportion', () => {
    const s1 = first();
    const s2 = settled(minimal, [placed('P1')], { asOf: '2025-07-31', detail: 'participants', previous: [s1] });
    // t1 now 1500.00: region 900.00 (1800.00 paid, −900.00), agency 600.00 (1200.00 paid, −600.00)
    // causes: P2's placement −1000.00 and retention −500.00, withdrawn (its record is gone); split by the
    // payers' adjustments −900 : −600 = 3 : 2: −600.00 / −400.00, then the rest −300.00 / −200.00
    const cause = (rule: string, outcome: string, trancheAmount: string, amount: string) => ({
      cause: 'withdrawn', rule, outcome, claims: 1, participants: ['P2'], trancheAmount, amount,
      explanation: `1 claim of rule "${rule}" (P2) paid before, whose record is no longer among the records: ${trancheAmount}`,
    });
    expect(s2.adjustments).toEqual([
      {
        tranche: 't1', payer: 'region', previouslyPaid: '1800.00', earned: '900.00', amount: '-900.00',
        reason: 'earned amount moved from 1800.00 to 900.00 with the data as of this settlement',
        causes: [cause('pay-placement', 'placement', '-1000.00', '-600.00'), cause('pay-retention', 'retention-6m', '-500.00', '-300.00')],
      },
      {
        tranche: 't1', payer: 'agency', previouslyPaid: '1200.00', earned: '600.00', amount: '-600.00',
        reason: 'earned amount moved from 1200.00 to 600.00 with the data as of this settlement',
        causes: [cause('pay-placement', 'placement', '-1000.00', '-400.00'), cause('pay-retention', 'retention-6m', '-500.00', '-200.00')],
      },
    ]);
    expect(s2.totals).toMatchObject({ earned: '1500.00', previouslyPaid: '3000.00', due: '-1500.00' });
  });

  it('nothing moved: no adjustment', () => {
    const s1 = first();
    const s2 = settled(minimal, [placed('P1'), placed('P2')], { asOf: '2025-07-31', detail: 'participants', previous: [s1] });
    expect(s2.adjustments).toEqual([]);
    expect(s2.totals).toMatchObject({ earned: '3000.00', previouslyPaid: '3000.00', due: '0.00' });
  });

  it('a payer an amendment removed: listed with no share, what it paid returned, its reason', () => {
    const s1 = first();
    const amended = applyPatch(minimal, [
      { op: 'replace', path: '/name', value: 'Minimal valid contract (amendment 1)' },
      { op: 'replace', path: '/parties/payers', value: [{ id: 'region', name: 'Region', share: '1' }] },
    ] as PatchOp[]);
    const s2 = settled(amended, [placed('P1'), placed('P2')], { asOf: '2025-07-31', detail: 'participants', previous: [s1], amendedFrom: [s1.fingerprint.contract] });
    // t1 still 3000.00, all the region's now: region 3000.00 (1800.00 paid, +1200.00), agency 0.00 (1200.00 paid, −1200.00)
    expect(s2.payers).toEqual([
      { payer: 'region', share: '1', earned: '3000.00', previouslyPaid: '1800.00', due: '1200.00' },
      { payer: 'agency', share: null, earned: '0.00', previouslyPaid: '1200.00', due: '-1200.00' },
    ]);
    // the tranche as a whole did not move: one line with no rule at 0.00 carries each payer's part
    const other = (amount: string) => ({
      cause: 'other', rule: null, outcome: null, claims: 0, participants: [], trancheAmount: '0.00', amount,
      explanation: 'not put down to a line (payer caps, yearly commitments, withholding, or a payer the amendment removed): 0.00',
    });
    expect(s2.adjustments).toEqual([
      {
        tranche: 't1', payer: 'region', previouslyPaid: '1800.00', earned: '3000.00', amount: '1200.00',
        reason: 'earned amount moved from 1800.00 to 3000.00 with the data and the contract as amended as of this settlement',
        causes: [other('1200.00')],
      },
      {
        tranche: 't1', payer: 'agency', previouslyPaid: '1200.00', earned: '0.00', amount: '-1200.00',
        reason: 'payer "agency" is not a payer of the contract as amended: what it paid is returned to it, and the contract\'s payers now pay the tranche',
        causes: [other('-1200.00')],
      },
    ]);
  });
});

describe('buildSettlement: participant caps and tallies', () => {
  const capped = applyPatch(minimal, [{ op: 'add', path: '/caps', value: [{ kind: 'participant', id: 'cap-p', amount: '1200.00', partialPayment: false, claimOrder: 'ruleOrder' }] }]);

  it('what each participant cap cut, and whom, when participants are listed', () => {
    // each: placement 1000.00 fits (200.00 left), retention 500.00 does not: 2 claims cut, 1000.00
    const s = settled(capped, [placed('P2'), placed('P1')], { asOf: '2025-06-30', detail: 'participants' });
    expect(s.participantCaps).toEqual([{ cap: 'cap-p', limit: '1200.00', claimsCut: 2, amountCut: '1000.00', participants: ['P1', 'P2'] }]);
    const totals = settled(capped, [placed('P2'), placed('P1')], { asOf: '2025-06-30' });
    expect(totals.participantCaps).toEqual([{ cap: 'cap-p', limit: '1200.00', claimsCut: 2, amountCut: '1000.00' }]);
  });

  it('a tally per cohort, then per group in name order, for each outcome', () => {
    const grouped = applyPatch(minimal, [{ op: 'replace', path: '/groups', value: [{ id: 'youth', name: 'Young' }, { id: 'adult', name: 'Adult' }] }]);
    const s = settled(grouped, [placed('P1', ['youth']), placed('P2', ['adult']), { id: 'P3', cohort: '2024-A', enrolledOn: '2024-01-02' }], { asOf: '2025-06-30' });
    // cohort: 3 enrolled, P1 and P2 placed and retained, P3 never placed (its window closed: failed), no training event
    const rows = s.tallies.map((t) => [t.group, t.outcome, t.enrolled, t.achieved, t.failed, t.pending]);
    expect(rows.filter((row) => row[0] === null)).toEqual([
      [null, 'placement', 3, 2, 1, 0],
      [null, 'retention-6m', 3, 2, 1, 0],
      [null, 'training', 3, 0, 0, 3],
    ]);
    expect(rows.filter((row) => row[0] !== null).map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      ['adult', 'placement', 1, 1], ['adult', 'retention-6m', 1, 1], ['adult', 'training', 1, 0],
      ['youth', 'placement', 1, 1], ['youth', 'retention-6m', 1, 1], ['youth', 'training', 1, 0],
    ]);
  });
});
