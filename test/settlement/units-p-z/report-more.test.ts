/**
 * The settlement document (src/settlement/report.ts), what report.test.ts leaves: the fields a line
 * and a cap cut have only when they apply (read on the document as settle returns it, before any
 * JSON round trip drops an undefined field), the rounding text, the tallies without a cohort
 * indicator, a guarantee over two cohorts, a change to a tranche settled on its own measurement
 * date, one payer adjusted and not the other, and an amended price. On the minimal contract: each
 * participant placed on 2024-02-01 and still working earns placement 1000.00 and retention 500.00
 * in t1 (measured 2025-06-30), split 0.6 / 0.4. Every figure is worked out in a comment.
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
const placed = (id: string, spell: Record<string, string> = { start: '2024-02-01' }) => ({ id, cohort: '2024-A', enrolledOn: '2024-01-02', spells: [spell] });
const enrolled = (id: string) => ({ id, cohort: '2024-A', enrolledOn: '2024-01-02' });

/** The settlement as settle returns it (no JSON round trip). */
function raw(contract: unknown, records: unknown[], options: SettleOptions): Settlement {
  const result = settle(contract, records, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return result.value;
}
const json = (s: Settlement): Settlement => JSON.parse(JSON.stringify(s)) as Settlement;

describe('buildSettlement: fields present only when they apply', () => {
  it('a line: its rounding in words; no version, participants or participant versions unless it has them', () => {
    const s = raw(minimal, [placed('P1')], { asOf: '2025-06-30' });
    const line = s.tranches[0]?.lines[0];
    expect(line?.rounding).toBe('half-even to EUR minor units');
    expect(line === undefined ? [] : ['version', 'participants', 'participantVersions'].filter((key) => Object.hasOwn(line, key))).toEqual([]);
    // no minimum performance levels in the contract: no such field
    expect(Object.hasOwn(s, 'minimumPerformance')).toBe(false);
    const detailed = raw(minimal, [placed('P1')], { asOf: '2025-06-30', detail: 'participants' });
    expect(detailed.tranches[0]?.lines.map((l) => l.participants)).toEqual([['P1'], ['P1']]);
  });

  it('a participant cap’s cut: its claims, and its participants when listed; a tranche cap’s cut has neither', () => {
    const capped = applyPatch(minimal, [{ op: 'add', path: '/caps', value: [{ kind: 'participant', id: 'cap-p', amount: '1200.00', partialPayment: false, claimOrder: 'ruleOrder' }] }]);
    // P1: placement 1000.00 fits, retention 500.00 would pass 1200.00 (without partial payment): the cut is the
    // retention claim's, 500.00 asked with 1000.00 used before, all of it cut; 1 claim
    const listed = raw(capped, [placed('P1')], { asOf: '2025-06-30', detail: 'participants' });
    expect(listed.tranches[0]?.capCuts).toEqual([
      { cap: 'cap-p', kind: 'participant', limit: '1200.00', usedBefore: '1000.00', requested: '500.00', cut: '500.00', claims: 1, participants: ['P1'] },
    ]);
    const unlisted = raw(capped, [placed('P1')], { asOf: '2025-06-30' }).tranches[0]?.capCuts[0];
    expect(unlisted === undefined ? undefined : Object.hasOwn(unlisted, 'participants')).toBe(false);
    expect(unlisted).toMatchObject({ claims: 1, cut: '500.00' });
    const trancheCap = applyPatch(minimal, [{ op: 'add', path: '/caps', value: [{ kind: 'tranche', id: 'cap-t', tranche: 't1', amount: '1200.00', partialPayment: true }] }]);
    // 1500.00 asked, 1200.00 allowed: 300.00 cut, no claims counted
    expect(raw(trancheCap, [placed('P1')], { asOf: '2025-06-30' }).tranches[0]?.capCuts).toEqual([
      { cap: 'cap-t', kind: 'tranche', limit: '1200.00', usedBefore: '0.00', requested: '1500.00', cut: '300.00' },
    ]);
  });

  it('no tally for a cohort indicator (not counted per participant)', () => {
    const indicator = applyPatch(minimal, [{ op: 'add', path: '/outcomes/-', value: { kind: 'cohortIndicator', id: 'satisfaction', name: 'Employer satisfaction', unit: 'score' } }]);
    const s = raw(indicator, [placed('P1')], { asOf: '2025-06-30' });
    expect(s.tallies.map((t) => t.outcome)).toEqual(['placement', 'retention-6m', 'training']);
  });
});

describe('guaranteeReports: a guarantee over two cohorts', () => {
  // cohort 2024-B enrols until 2025-12-31: on 2025-06-30 it is still open, 2024-A (until 2024-06-30) is not
  const twoCohorts = (cohorts: string[]) => applyPatch(minimal, [
    { op: 'add', path: '/cohorts/-', value: { id: '2024-B', enrolmentStart: '2024-07-01', enrolmentEnd: '2025-12-31' } },
    { op: 'add', path: '/hiringGuarantees', value: [{ id: 'g1', employer: 'Acme', cohorts, positions: 3, qualifyingOutcome: 'training', placementOutcome: 'placement', withinDays: 60 }] },
  ] as PatchOp[]);
  function status(cohorts: string[]): string | undefined {
    const parsed = parseContract(twoCohorts(cohorts));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 2)));
    const plan = buildPlan(parsed.value, parseDate('2025-06-30'), false);
    // no one hired, no one undecided: open while a cohort of the guarantee still enrols, else a shortfall
    return guaranteeReports(plan, emptyLedgerOf(plan, false), (amount: Amount) => formatMoney(amount, 'EUR'))[0]?.status;
  }
  it('open while any of its cohorts still enrols, the cohort found by its id', () => {
    expect(status(['2024-A', '2024-B'])).toBe('open');
    expect(status(['2024-B'])).toBe('open');
    expect(status(['2024-A'])).toBe('shortfall');
  });
});

describe('buildSettlement: adjustments', () => {
  it('a tranche settled on its measurement date at 0.00 then earned: an adjustment for each payer', () => {
    // the previous settlement, as of t1's own measurement date 2025-06-30, had no one placed: t1 0.00
    const s1 = json(raw(minimal, [enrolled('P1')], { asOf: '2025-06-30', detail: 'participants' }));
    expect(s1.tranches[0]?.earned).toBe('0.00');
    // P1's placement reported since: t1 1500.00, region 900.00, agency 600.00, each a change to a settled tranche.
    // Causes: placement 1000.00 and retention 500.00, both late; split 900 : 600 = 3 : 2: placement 600.00 / 400.00,
    // retention the rest 300.00 / 200.00
    const s2 = raw(minimal, [placed('P1')], { asOf: '2025-07-31', detail: 'participants', previous: [s1] });
    expect(s2.adjustments.map((a) => [a.payer, a.previouslyPaid, a.amount, a.reason, (a.causes ?? []).map((c) => [c.cause, c.rule, c.trancheAmount, c.amount])])).toEqual([
      ['region', '0.00', '900.00', 'earned amount moved from 0.00 to 900.00 with the data as of this settlement', [['late', 'pay-placement', '1000.00', '600.00'], ['late', 'pay-retention', '500.00', '300.00']]],
      ['agency', '0.00', '600.00', 'earned amount moved from 0.00 to 600.00 with the data as of this settlement', [['late', 'pay-placement', '1000.00', '400.00'], ['late', 'pay-retention', '500.00', '200.00']]],
    ]);
  });

  it('only the payer whose part moved is adjusted', () => {
    // the region pays everything but 0.2 of retention, which the fund tops up. P2 placed but its job ended on
    // 2024-03-01: placement only (1000.00, all the region's). P2's record withdrawn: the region −1000.00, the fund
    // (0.2 × P1's retention 500.00 = 100.00 before and after) unchanged: no adjustment for it
    const topUp = applyPatch(minimal, [{ op: 'replace', path: '/parties/payers', value: [
      { id: 'region', name: 'Region', share: '1' },
      { id: 'fund', name: 'Fund', topUp: '0.2', funds: { outcomes: ['retention-6m'] } },
    ] }]);
    const s1 = json(raw(topUp, [placed('P1'), placed('P2', { start: '2024-02-01', end: '2024-03-01' })], { asOf: '2025-06-30', detail: 'participants' }));
    // region 1000 + 1000 + 0.8 × 500 = 2400.00, fund 100.00
    expect(s1.tranches[0]?.payers.map((p) => p.earned)).toEqual(['2400.00', '100.00']);
    const s2 = raw(topUp, [placed('P1')], { asOf: '2025-07-31', detail: 'participants', previous: [s1] });
    expect(s2.adjustments.map((a) => [a.payer, a.amount, (a.causes ?? []).map((c) => [c.cause, c.participants, c.amount])])).toEqual([['region', '-1000.00', [['withdrawn', ['P2'], '-1000.00']]]]);
  });

  it('a price amended: the claim priced anew is an amended cause, changed by the amended contract', () => {
    const s1 = json(raw(minimal, [placed('P1')], { asOf: '2025-06-30', detail: 'participants' }));
    const amended = applyPatch(minimal, [
      { op: 'replace', path: '/name', value: 'Minimal valid contract (amendment 1)' },
      { op: 'replace', path: '/rules/0/price', value: '1200.00' },
    ] as PatchOp[]);
    // placement 1000.00 → 1200.00: +200.00, region 0.6 → +120.00, agency 0.4 → +80.00
    const s2 = raw(amended, [placed('P1')], { asOf: '2025-07-31', detail: 'participants', previous: [s1], amendedFrom: [s1.fingerprint.contract] });
    expect(s2.adjustments.map((a) => [a.payer, a.amount, (a.causes ?? []).map((c) => [c.cause, c.rule, c.participants, c.amount, c.explanation])])).toEqual([
      ['region', '120.00', [['amended', 'pay-placement', ['P1'], '120.00', '1 claim of rule "pay-placement" (P1) changed by the amended contract: 200.00']]],
      ['agency', '80.00', [['amended', 'pay-placement', ['P1'], '80.00', '1 claim of rule "pay-placement" (P1) changed by the amended contract: 200.00']]],
    ]);
  });

  it('a tranche the amended contract no longer has: withdrawn, each payer’s payment returned, its reason', () => {
    // before: t1 pays placement 1000.00, t2 retention 500.00 (region 300.00, agency 200.00); the amendment puts both
    // rules back in t1 and removes t2: t2 earns nothing now, each payer's payment comes back
    const two = applyPatch(minimal, [
      { op: 'replace', path: '/tranches/0/rules', value: ['pay-placement'] },
      { op: 'add', path: '/tranches/-', value: { id: 't2', name: 'Tranche 2', rules: ['pay-retention'], cohorts: ['2024-A'], measuredOn: '2025-06-30', dueOn: '2025-07-31' } },
    ] as PatchOp[]);
    const s1 = json(raw(two, [placed('P1')], { asOf: '2025-06-30', detail: 'participants' }));
    const amended = applyPatch(minimal, [{ op: 'replace', path: '/name', value: 'Minimal valid contract (amendment 1)' }] as PatchOp[]);
    const s2 = raw(amended, [placed('P1')], { asOf: '2025-07-31', detail: 'participants', previous: [s1], amendedFrom: [s1.fingerprint.contract] });
    const t2 = s2.tranches.find((t) => t.id === 't2');
    expect([t2?.status, t2?.earned, t2?.previouslyPaid, t2?.due]).toEqual(['withdrawn', '0.00', '500.00', '-500.00']);
    expect(s2.adjustments.filter((a) => a.tranche === 't2').map((a) => [a.payer, a.amount, a.reason])).toEqual([
      ['region', '-300.00', 'the tranche is no longer earned with the data and the contract as amended as of this settlement'],
      ['agency', '-200.00', 'the tranche is no longer earned with the data and the contract as amended as of this settlement'],
    ]);
  });

  it('a payer whose part of a cause line is 0.00 does not list it', () => {
    // placement 0.01, retention 1000.00: P1 placed and retained earns 1000.01 in t1, region 0.6 → 600.006, agency
    // 0.4 → 400.004: floors 600.00 / 400.00, the cent to the larger remainder, the region: 600.01 / 400.00
    const cheap = applyPatch(minimal, [
      { op: 'replace', path: '/rules/0/price', value: '0.01' },
      { op: 'replace', path: '/rules/1/price', value: '1000.00' },
    ] as PatchOp[]);
    const s1 = json(raw(cheap, [placed('P1'), enrolled('P2')], { asOf: '2025-06-30', detail: 'participants' }));
    expect(s1.tranches[0]?.payers.map((p) => p.earned)).toEqual(['600.01', '400.00']);
    // P1 withdrawn (all paid recovered, allowed): region −600.01, agency −400.00; causes: placement −0.01, then retention −1000.00.
    // −1 cent over −60001 / −40000 (sum −100001): floors −1 / −1 (remainders 40000 / 60001), 1 cent back to the
    // larger remainder, the agency: −0.01 / 0.00. The last cause takes the rest: −600.00 / −400.00
    const s2 = raw(cheap, [enrolled('P2')], { asOf: '2025-07-31', detail: 'participants', previous: [s1], allowFullRecovery: true });
    expect(s2.adjustments.map((a) => [a.payer, a.amount, (a.causes ?? []).map((c) => [c.cause, c.rule, c.trancheAmount, c.amount])])).toEqual([
      ['region', '-600.01', [['withdrawn', 'pay-placement', '-0.01', '-0.01'], ['withdrawn', 'pay-retention', '-1000.00', '-600.00']]],
      ['agency', '-400.00', [['withdrawn', 'pay-retention', '-1000.00', '-400.00']]],
    ]);
  });

  it('a payer an amendment removed, paid nothing before and absent from a later tranche, is not listed', () => {
    // s1 (the minimal contract, region 0.6 and agency 0.4): P1 not placed yet, t1 0.00 for both payers
    const s1 = json(raw(minimal, [enrolled('P1')], { asOf: '2025-06-30', detail: 'participants' }));
    // the amendment: the region pays alone; retention moves to a new tranche t3, which no settlement with the agency listed
    const amended = applyPatch(minimal, [
      { op: 'replace', path: '/name', value: 'Minimal valid contract (amendment 1)' },
      { op: 'replace', path: '/parties/payers', value: [{ id: 'region', name: 'Region', share: '1' }] },
      { op: 'replace', path: '/tranches/0/rules', value: ['pay-placement'] },
      { op: 'add', path: '/tranches/-', value: { id: 't3', name: 'Tranche 3', rules: ['pay-retention'], cohorts: ['2024-A'], measuredOn: '2025-12-31', dueOn: '2026-01-31' } },
    ] as PatchOp[]);
    const options = { detail: 'participants' as const, amendedFrom: [s1.fingerprint.contract] };
    const s2 = json(raw(amended, [placed('P1')], { ...options, asOf: '2025-12-31', previous: [s1] }));
    expect(s2.tranches.map((t) => [t.id, t.payers.map((p) => p.payer)])).toEqual([['t1', ['region']], ['t3', ['region']]]);
    // the agency holds nothing: 0.00 in t1, nothing in t3; only the region is a payer of s3
    const s3 = raw(amended, [placed('P1')], { ...options, asOf: '2026-01-31', previous: [s1, s2] });
    expect(s3.payers.map((p) => [p.payer, p.earned, p.previouslyPaid, p.due])).toEqual([['region', '1500.00', '1500.00', '0.00']]);
  });

  it('a tranche an amendment measures later than every previous settlement: a new payer’s first payment is no adjustment', () => {
    // s1 (minimal, as of 2025-06-30): P1 and P2 placed and retained, t1 3000.00: region 1800.00, agency 1200.00
    const s1 = json(raw(minimal, [placed('P1'), placed('P2')], { asOf: '2025-06-30', detail: 'participants' }));
    // the amendment measures t1 on 2025-09-30 (after s1's as-of date) and adds a payer: region 0.5, agency 0.3, fund 0.2
    const amended = applyPatch(minimal, [
      { op: 'replace', path: '/name', value: 'Minimal valid contract (amendment 1)' },
      { op: 'replace', path: '/tranches/0/measuredOn', value: '2025-09-30' },
      { op: 'replace', path: '/tranches/0/dueOn', value: '2025-10-31' },
      { op: 'replace', path: '/parties/payers', value: [
        { id: 'region', name: 'Region', share: '0.5' }, { id: 'agency', name: 'Agency', share: '0.3' }, { id: 'fund', name: 'Fund', share: '0.2' },
      ] },
    ] as PatchOp[]);
    // P2 withdrawn: t1 1500.00: region 750.00 (1800.00 paid: −1050.00), agency 450.00 (1200.00 paid: −750.00),
    // fund 300.00 (nothing paid: a first payment, not an adjustment, and no weight in the split of the causes).
    // Causes: P2's placement −1000.00, then retention −500.00. −100000 cents over −105000 / −75000 / 0 (sum −180000):
    // region −58333.3 → −58334 (remainder 120000/180000), agency −41666.7 → −41667 (remainder 60000/180000): −100001,
    // the cent back to the region: −583.33 / −416.67; the last cause takes the rest: −1050.00 + 583.33 = −466.67,
    // −750.00 + 416.67 = −333.33
    const s2 = raw(amended, [placed('P1')], { asOf: '2025-10-31', detail: 'participants', previous: [s1], amendedFrom: [s1.fingerprint.contract] });
    expect(s2.adjustments.map((a) => [a.payer, a.previouslyPaid, a.earned, a.amount, (a.causes ?? []).map((c) => [c.cause, c.rule, c.trancheAmount, c.amount])])).toEqual([
      ['region', '1800.00', '750.00', '-1050.00', [['withdrawn', 'pay-placement', '-1000.00', '-583.33'], ['withdrawn', 'pay-retention', '-500.00', '-466.67']]],
      ['agency', '1200.00', '450.00', '-750.00', [['withdrawn', 'pay-placement', '-1000.00', '-416.67'], ['withdrawn', 'pay-retention', '-500.00', '-333.33']]],
    ]);
  });

  it('claims an amendment moves between two settled tranches are put down to the amendment, not to late or corrected records', () => {
    // v1: t1 pays placement, t2 retention, both measured on 2025-06-30; P1 placed on 2024-02-01 and still working:
    // t1 1000.00 (region 600.00, agency 400.00), t2 500.00 (300.00 / 200.00)
    const v1 = applyPatch(minimal, [
      { op: 'replace', path: '/tranches/0/rules', value: ['pay-placement'] },
      { op: 'add', path: '/tranches/-', value: { id: 't2', name: 'Tranche 2', rules: ['pay-retention'], cohorts: ['2024-A'], measuredOn: '2025-06-30', dueOn: '2025-07-31' } },
    ] as PatchOp[]);
    const s1 = json(raw(v1, [placed('P1')], { asOf: '2025-06-30', detail: 'participants' }));
    // the amendment swaps them: t1 pays retention, t2 placement; the same record, nothing late or corrected
    const v2 = applyPatch(v1, [
      { op: 'replace', path: '/name', value: 'Minimal valid contract (amendment 1)' },
      { op: 'replace', path: '/tranches/0/rules', value: ['pay-retention'] },
      { op: 'replace', path: '/tranches/1/rules', value: ['pay-placement'] },
    ] as PatchOp[]);
    const s2 = raw(v2, [placed('P1')], { asOf: '2025-07-31', detail: 'participants', previous: [s1], amendedFrom: [s1.fingerprint.contract] });
    // t1 1000.00 → 500.00: region −300.00, agency −200.00. Causes in order of first appearance (the previous lines
    // first): placement −1000.00 split 300 : 200 = 3 : 2, −600.00 / −400.00; retention +500.00 takes the rest,
    // −300.00 + 600.00 = +300.00 and −200.00 + 400.00 = +200.00.
    // t2 500.00 → 1000.00: region +300.00, agency +200.00; retention −500.00 → −300.00 / −200.00, placement +1000.00
    // the rest, 300.00 + 300.00 = 600.00 and 200.00 + 200.00 = 400.00.
    const causes = (a: Settlement['adjustments'][number]) => (a.causes ?? []).map((c) => [c.cause, c.rule, c.trancheAmount, c.amount]);
    expect(s2.adjustments.map((a) => [a.tranche, a.payer, a.amount, causes(a)])).toEqual([
      ['t1', 'region', '-300.00', [['amended', 'pay-placement', '-1000.00', '-600.00'], ['amended', 'pay-retention', '500.00', '300.00']]],
      ['t1', 'agency', '-200.00', [['amended', 'pay-placement', '-1000.00', '-400.00'], ['amended', 'pay-retention', '500.00', '200.00']]],
      ['t2', 'region', '300.00', [['amended', 'pay-retention', '-500.00', '-300.00'], ['amended', 'pay-placement', '1000.00', '600.00']]],
      ['t2', 'agency', '200.00', [['amended', 'pay-retention', '-500.00', '-200.00'], ['amended', 'pay-placement', '1000.00', '400.00']]],
    ]);
  });

  it('a late record under an amendment that moved nothing is late, and a corrected amount after a settlement made with the amended contract is corrected', () => {
    // the minimal contract, with the placement priced 1500.00 for the group youth (1000.00 otherwise)
    const v1 = applyPatch(minimal, [
      { op: 'replace', path: '/rules/0/groupPricing', value: { kind: 'prices', prices: [{ group: 'youth', price: '1500.00' }], severalGroups: 'highest' } },
    ] as PatchOp[]);
    // s1: P1 placed and still working: t1 1500.00 (placement 1000.00, retention 500.00)
    const s1 = json(raw(v1, [placed('P1')], { asOf: '2025-06-30', detail: 'participants' }));
    // amendment 1 only moves t1's due date: no claim moves. s2 adds P2, reported late: +1500.00, late, not amended
    const v2 = applyPatch(v1, [
      { op: 'replace', path: '/name', value: 'Minimal valid contract (amendment 1)' },
      { op: 'replace', path: '/tranches/0/dueOn', value: '2025-08-31' },
    ] as PatchOp[]);
    const options = { detail: 'participants' as const, amendedFrom: [s1.fingerprint.contract] };
    const s2 = json(raw(v2, [placed('P1'), placed('P2')], { ...options, asOf: '2025-07-31', previous: [s1] }));
    // region +900.00 (0.6 × 1500.00): placement 1000.00 × 900/1500 = 600.00, retention the rest 300.00; agency 400.00 / 200.00
    expect(s2.adjustments.map((a) => [a.payer, a.amount, (a.causes ?? []).map((c) => [c.cause, c.rule, c.participants, c.amount])])).toEqual([
      ['region', '900.00', [['late', 'pay-placement', ['P2'], '600.00'], ['late', 'pay-retention', ['P2'], '300.00']]],
      ['agency', '600.00', [['late', 'pay-placement', ['P2'], '400.00'], ['late', 'pay-retention', ['P2'], '200.00']]],
    ]);
    // s3 with the same amended contract: P2's record corrected into the group youth, its placement 1000.00 → 1500.00:
    // +500.00, corrected (the contract has not changed since s2, whose lines the causes compare with): +300.00 / +200.00
    const s3 = raw(v2, [placed('P1'), { ...placed('P2'), groups: ['youth'] }], { ...options, asOf: '2025-08-31', previous: [s1, s2] });
    expect(s3.adjustments.map((a) => [a.payer, a.amount, (a.causes ?? []).map((c) => [c.cause, c.rule, c.participants, c.amount])])).toEqual([
      ['region', '300.00', [['corrected', 'pay-placement', ['P2'], '300.00']]],
      ['agency', '200.00', [['corrected', 'pay-placement', ['P2'], '200.00']]],
    ]);
  });
});
