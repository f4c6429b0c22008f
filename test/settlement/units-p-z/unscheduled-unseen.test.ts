/**
 * Claims no tranche will pay (src/settlement/unscheduled.ts) and the what-if ledgers of the
 * excluded records (src/settlement/unseen-records.ts), on the plan and ledger of the minimal
 * contract (rules pay-placement 1000.00 and pay-retention 500.00, cohort 2024-A enrolling from
 * 2024-01-01, outcomes placement, retention-6m, training), with a participant cap, a hiring
 * guarantee and an exit clause's rate added where a test needs them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDate, type CalendarDate } from '../../../src/calendar/index.js';
import { parseContract } from '../../../src/index.js';
import { parseAmount } from '../../../src/money/index.js';
import { addClaims, claimBuckets, type Ledger } from '../../../src/settlement/ledger.js';
import { buildPlan, emptyLedgerOf, type SettlementPlan } from '../../../src/settlement/plan.js';
import { findUnscheduled } from '../../../src/settlement/unscheduled.js';
import { ledgerWithUnseen } from '../../../src/settlement/unseen-records.js';
import { applyPatch, type PatchOp } from '../../contract/json-patch.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const day = (text: string): CalendarDate => parseDate(text);

function planOf(ops: PatchOp[] = [], asOf = '2025-12-31'): SettlementPlan {
  const parsed = parseContract(applyPatch(minimal, ops));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 2)));
  return buildPlan(parsed.value, day(asOf), false);
}

function cohort(ledger: Ledger) {
  const found = ledger.cohorts[0];
  if (found === undefined) throw new Error('cohort 0');
  return found;
}

const rows = (found: ReturnType<typeof findUnscheduled>) => found.map((c) => [c.rule, c.cohort, c.claims, c.amount.toFixed(2), c.from, c.to, c.reason]);

describe('findUnscheduled', () => {
  function ledger(plan: SettlementPlan): Ledger {
    const l = emptyLedgerOf(plan, false);
    // pay-retention (rule 1): 1 claim on 2025-07-10; pay-placement (rule 0): 2 on 2025-06-30, 1 on 2025-07-01, 2 on 2025-08-15
    addClaims(cohort(l), 1, day('2025-07-10'), parseAmount('500.00'), 1);
    addClaims(cohort(l), 0, day('2025-06-30'), parseAmount('1000.00'), 2);
    addClaims(cohort(l), 0, day('2025-07-01'), parseAmount('1000.00'), 1);
    addClaims(cohort(l), 0, day('2025-08-15'), parseAmount('1000.00'), 2);
    return l;
  }
  const watermark = new Map([['0|0', day('2025-06-30')], ['1|0', day('2025-06-30')]]);

  it('claims after the last tranche that paid them, by rule then cohort, with their span and total', () => {
    const plan = planOf();
    // rule 0: 2025-06-30 is on the watermark (paid); 1 + 2 claims after it, 1000 + 2000 = 3000.00, 2025-07-01 to 2025-08-15
    // rule 1: 1 claim, 500.00, on 2025-07-10
    expect(rows(findUnscheduled(plan, ledger(plan), watermark, [], null))).toEqual([
      ['pay-placement', '2024-A', 3, '3000.00', '2025-07-01', '2025-08-15', 'no tranche pays rule pay-placement for cohort 2024-A on or after 2025-07-01'],
      ['pay-retention', '2024-A', 1, '500.00', '2025-07-10', '2025-07-10', 'no tranche pays rule pay-retention for cohort 2024-A on or after 2025-07-10'],
    ]);
  });

  it('without a watermark every claim is unscheduled', () => {
    const plan = planOf();
    expect(rows(findUnscheduled(plan, ledger(plan), new Map(), [], null)).map((row) => row.slice(0, 5))).toEqual([
      ['pay-placement', '2024-A', 5, '5000.00', '2025-06-30'],
      ['pay-retention', '2024-A', 1, '500.00', '2025-07-10'],
    ]);
  });

  it('claims a tranche still to be measured will pay are awaited: on its measurement day, for its rules and cohorts', () => {
    const plan = planOf();
    const l = ledger(plan);
    // measured 2025-08-15 for rule 0 and cohort 0: every claim of rule 0 up to that day is awaited
    expect(rows(findUnscheduled(plan, l, watermark, [{ rules: [0], cohorts: [0], measuredOn: day('2025-08-15') }], null)).map((row) => row[0])).toEqual(['pay-retention']);
    // a day earlier: the claims of 2025-08-15 are not
    expect(rows(findUnscheduled(plan, l, watermark, [{ rules: [0], cohorts: [0], measuredOn: day('2025-08-14') }], null)).map((row) => row.slice(0, 5))).toEqual([
      ['pay-placement', '2024-A', 2, '2000.00', '2025-08-15'],
      ['pay-retention', '2024-A', 1, '500.00', '2025-07-10'],
    ]);
    // another rule's tranche, or another cohort's, awaits none of them
    expect(findUnscheduled(plan, l, watermark, [{ rules: [1], cohorts: [0], measuredOn: day('2026-01-01') }], null).map((c) => c.rule)).toEqual(['pay-placement']);
    expect(findUnscheduled(plan, l, watermark, [{ rules: [0, 1], cohorts: [1], measuredOn: day('2026-01-01') }], null).map((c) => c.rule)).toEqual(['pay-placement', 'pay-retention']);
  });

  it('a contract ended under an exit clause says so', () => {
    const plan = planOf();
    expect(rows(findUnscheduled(plan, ledger(plan), watermark, [], { clause: 'low-rate', on: day('2025-07-05') })).map((row) => row[6])).toEqual([
      'the contract ended under exit clause low-rate on 2025-07-05',
      'the contract ended under exit clause low-rate on 2025-07-05',
    ]);
  });

  it('scheduled fees after the last tranche that paid them and up to the as-of date', () => {
    const fee = (date: string, amount: string) => ({ date, day: day(date), amount: parseAmount(amount), written: amount, label: undefined });
    const plan = {
      asOf: day('2025-12-31'),
      contract: { cohorts: [], rules: [] },
      rules: [
        { rule: { id: 'fee' }, index: 3, scheduled: [fee('2025-03-31', '10.00'), fee('2025-06-30', '20.00'), fee('2025-09-30', '30.00'), fee('2025-12-31', '40.00'), fee('2026-03-31', '50.00')] },
        { rule: { id: 'none' }, index: 4, scheduled: [] },
      ],
    } as unknown as SettlementPlan;
    const ledger = { cohorts: [] } as unknown as Ledger;
    // paid up to 2025-06-30 (watermark '3|*'); 2026-03-31 is after the as-of date: 30 + 40 = 70.00
    expect(rows(findUnscheduled(plan, ledger, new Map([['3|*', day('2025-06-30')]]), [], null))).toEqual([
      ['fee', null, 2, '70.00', '2025-09-30', '2025-12-31', 'no tranche pays fee fee on or after 2025-09-30'],
    ]);
    // a tranche measured on 2025-09-30 for the fee's rule awaits the first
    expect(rows(findUnscheduled(plan, ledger, new Map([['3|*', day('2025-06-30')]]), [{ rules: [3], cohorts: [], measuredOn: day('2025-09-30') }], null))).toEqual([
      ['fee', null, 1, '40.00', '2025-12-31', '2025-12-31', 'no tranche pays fee fee on or after 2025-12-31'],
    ]);
    // ended by a clause; no watermark: every fee up to the as-of date, 10 + 20 + 30 + 40 = 100.00
    expect(rows(findUnscheduled(plan, ledger, new Map(), [], { clause: 'c', on: day('2025-01-15') }))).toEqual([
      ['fee', null, 4, '100.00', '2025-03-31', '2025-12-31', 'the contract ended under exit clause c on 2025-01-15'],
    ]);
  });
});

describe('ledgerWithUnseen', () => {
  const extras: PatchOp[] = [
    { op: 'add', path: '/caps', value: [{ kind: 'participant', id: 'cap-p', amount: '1200.00', partialPayment: false, claimOrder: 'ruleOrder' }] },
    { op: 'add', path: '/hiringGuarantees', value: [
      { id: 'g1', employer: 'Acme', cohorts: ['2024-A'], positions: 3, qualifyingOutcome: 'training', placementOutcome: 'placement', withinDays: 60 },
    ] },
    { op: 'add', path: '/exitClauses', value: [{
      id: 'low-rate', name: 'low-rate', checkOn: '2024-05-15',
      condition: { kind: 'outcomeRateBelow', outcome: 'placement', cohorts: ['2024-A'], denominator: { kind: 'enrolled' }, pending: 'exclude', threshold: '0.5' },
      effect: { kind: 'terminate', payOnExit: { kind: 'earnedToDate' } },
    }] },
  ];
  const start = day('2024-01-01');
  const buckets = (ledger: Ledger) => [...claimBuckets(cohort(ledger))].map((b) => [b.rule, b.date, b.amount.toFixed(2), b.count]);

  it('all achieved: enrolled on the first enrolment day, every outcome and rate achieved, claims under the participant cap, hired', () => {
    const plan = planOf(extras);
    const settled = emptyLedgerOf(plan, false);
    const ledger = ledgerWithUnseen(plan, settled, [3], 'allAchieved');
    expect(ledger.participants).toBe(3);
    expect(settled.participants).toBe(0); // a copy: the settled ledger is unchanged
    const c = cohort(ledger);
    expect(c.tally.enrolled.upTo(start)).toBe(3);
    expect(c.tally.enrolled.upTo(start - 1)).toBe(0);
    expect(c.tally.outcomes.map((o) => [o.achieved.upTo(start), o.failed.upTo(start)])).toEqual([[3, 0], [3, 0], [3, 0]]);
    expect(c.rates.map((r) => [r.denominator.upTo(start), r.achieved.upTo(start), r.failed.upTo(start)])).toEqual([[3, 3, 0]]);
    // per participant: placement 1000.00 fits the cap of 1200.00 (200.00 left); retention 500.00 does not, no partial
    // payment: cut, 3 claims of 500.00 = 1500.00
    expect(buckets(ledger)).toEqual([[0, start, '1000.00', 3]]);
    expect([ledger.participantCaps[0]?.claims, ledger.participantCaps[0]?.amount.toFixed(2)]).toEqual([3, '1500.00']);
    expect([ledger.guarantees[0]?.qualified.upTo(start), ledger.guarantees[0]?.hired.upTo(start)]).toEqual([3, 3]);
    expect([...c.groups.keys()]).toEqual([]);
  });

  it('with partial payment, the claim crossing the cap is paid up to it', () => {
    const partial = extras.map((op) => (op.path === '/caps' ? { ...op, value: [{ kind: 'participant', id: 'cap-p', amount: '1200.00', partialPayment: true, claimOrder: 'ruleOrder' }] } : op));
    const plan = planOf(partial);
    const ledger = ledgerWithUnseen(plan, emptyLedgerOf(plan, false), [2], 'allAchieved');
    // retention: 200.00 paid of 500.00, 300.00 cut each: 2 claims, 600.00
    expect(buckets(ledger)).toEqual([[0, start, '1000.00', 2], [1, start, '200.00', 2]]);
    expect([ledger.participantCaps[0]?.claims, ledger.participantCaps[0]?.amount.toFixed(2)]).toEqual([2, '600.00']);
  });

  it('all achieved in groups: also in every group of the contract', () => {
    const plan = planOf(extras);
    const c = cohort(ledgerWithUnseen(plan, emptyLedgerOf(plan, false), [2], 'allAchievedInGroups'));
    expect([...c.groups.keys()]).toEqual(['youth']);
    const youth = c.groups.get('youth');
    expect([youth?.enrolled.upTo(start), youth?.outcomes.map((o) => o.achieved.upTo(start))]).toEqual([2, [2, 2, 2]]);
  });

  it('none achieved: every outcome and rate failed, no claim, no hire', () => {
    const plan = planOf(extras);
    const ledger = ledgerWithUnseen(plan, emptyLedgerOf(plan, false), [4], 'noneAchieved');
    const c = cohort(ledger);
    expect(ledger.participants).toBe(4);
    expect(c.tally.outcomes.map((o) => [o.achieved.upTo(start), o.failed.upTo(start)])).toEqual([[0, 4], [0, 4], [0, 4]]);
    expect(c.rates.map((r) => [r.denominator.upTo(start), r.achieved.upTo(start), r.failed.upTo(start)])).toEqual([[4, 0, 4]]);
    expect(buckets(ledger)).toEqual([]);
    expect(ledger.participantCaps[0]?.claims).toBe(0);
    expect(ledger.guarantees[0]?.hired.upTo(start)).toBe(0);
  });

  it('no one excluded, or a cohort enrolling after the as-of date: nothing added', () => {
    const plan = planOf(extras);
    expect(ledgerWithUnseen(plan, emptyLedgerOf(plan, false), [0], 'allAchieved').participants).toBe(0);
    const early = planOf(extras, '2023-12-31');
    const ledger = ledgerWithUnseen(early, emptyLedgerOf(early, false), [5], 'allAchieved');
    expect(ledger.participants).toBe(0);
    expect(cohort(ledger).tally.enrolled.upTo(start)).toBe(0);
    // on the first enrolment day itself they count
    const onDay = planOf(extras, '2024-01-01');
    expect(ledgerWithUnseen(onDay, emptyLedgerOf(onDay, false), [5], 'allAchieved').participants).toBe(5);
  });

  it('a rate of participants enrolled by a date before the first enrolment day does not count them', () => {
    const levels: PatchOp[] = [
      { op: 'add', path: '/exitClauses', value: [] },
    ];
    const plan = planOf(levels);
    // no rate specification: nothing to count in; then a plan whose only rate counts those enrolled by 2023-12-31
    const limited = { ...planOf(extras), rateSpecs: [{ key: 'placement/enrolled@2023-12-31', outcome: 0, basis: 'enrolled', entryOutcome: -1, enrolledBy: day('2023-12-31') }] } as SettlementPlan;
    const c = cohort(ledgerWithUnseen(limited, emptyLedgerOf(planOf(extras), false), [3], 'allAchieved'));
    expect(c.rates.map((r) => r.denominator.upTo(start))).toEqual([0]);
    expect(cohort(ledgerWithUnseen(plan, emptyLedgerOf(plan, false), [3], 'allAchieved')).rates).toEqual([]);
  });

  it('a rate of participants enrolled by the first enrolment day itself counts them (2026-12-07 survivor)', () => {
    const limited = { ...planOf(extras), rateSpecs: [{ key: 'placement/enrolled@2024-01-01', outcome: 0, basis: 'enrolled', entryOutcome: -1, enrolledBy: start }] } as SettlementPlan;
    const c = cohort(ledgerWithUnseen(limited, emptyLedgerOf(planOf(extras), false), [3], 'allAchieved'));
    expect(c.rates.map((r) => [r.denominator.upTo(start), r.achieved.upTo(start)])).toEqual([[3, 3]]);
  });

  it('a cohort with no one excluded gets nothing, not even an empty group tally (2026-12-07 survivor)', () => {
    const plan = planOf(extras);
    const c = cohort(ledgerWithUnseen(plan, emptyLedgerOf(plan, false), [0], 'allAchievedInGroups'));
    expect([...c.groups.keys()]).toEqual([]);
  });

  it('a hiring guarantee counts the unseen of its own cohorts only (2026-12-07 survivor)', () => {
    const second: PatchOp[] = [...extras, { op: 'add', path: '/cohorts/-', value: { id: '2024-B', enrolmentStart: '2024-07-01', enrolmentEnd: '2024-12-31' } }];
    const plan = planOf(second);
    // g1 guarantees cohort 2024-A only: 2 unseen of 2024-B are neither qualified nor hired for it
    const ledger = ledgerWithUnseen(plan, emptyLedgerOf(plan, false), [0, 2], 'allAchieved');
    const b = day('2024-07-01');
    expect(ledger.participants).toBe(2);
    expect([ledger.guarantees[0]?.qualified.upTo(b), ledger.guarantees[0]?.hired.upTo(b)]).toEqual([0, 0]);
  });
});
