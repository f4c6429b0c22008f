/**
 * More of the settlement schedule (src/settlement/schedule.ts), on small contracts built from the
 * minimal base (placement 1000.00, retention 500.00, payers Region 0.6 and Agency 0.4): two cohorts
 * listed out of order by a tranche and by the later tranches an exit pays, a tranche's `outcomes`
 * with a fee (a rule paying for no outcome), and the claims a skipped rule leaves unscheduled.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type Settlement, type SettleOptions } from '../../../src/index.js';
import { applyPatch } from '../../contract/json-patch.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const cohortB = { id: '2024-B', enrolmentStart: '2024-07-01', enrolmentEnd: '2024-12-31' };
const attach = { kind: 'fee', id: 'attach', name: 'Attachment fee', charge: { kind: 'perStart', amount: '400.00' } };
// P1 (cohort 2024-A) placed 2024-02-01, retained from 2024-08-01; P2 (cohort 2024-B) placed 2024-08-01
const records = [
  { id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] },
  { id: 'P2', cohort: '2024-B', enrolledOn: '2024-07-02', spells: [{ start: '2024-08-01' }] },
];

/** The settlement of a contract, or the test fails with the first issues. */
function settlementOf(contract: unknown, of: readonly unknown[], options: SettleOptions): Settlement {
  const result = settle(contract, of, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return result.value;
}

function settled(patch: unknown[], asOf = '2025-12-31'): Settlement {
  const contract = applyPatch(minimal, [{ op: 'add', path: '/cohorts/-', value: cohortB }, ...(patch as Parameters<typeof applyPatch>[1])]);
  return settlementOf(contract, records, { asOf });
}

const lines = (s: Settlement, id: string) => s.tranches.find((t) => t.id === id)?.lines.map((line) => [line.rule, line.cohort, line.claims, line.paid]);

describe('cohorts listed out of order', () => {
  it('a tranche pays its cohorts in the contract’s order, whatever order it lists them in', () => {
    const s = settled([
      { op: 'remove', path: '/rules/1' },
      { op: 'replace', path: '/tranches', value: [{ id: 't1', name: 'Both', rules: ['pay-placement'], cohorts: ['2024-B', '2024-A'], measuredOn: '2024-12-31', dueOn: '2025-01-31' }] },
    ]);
    // one placement in each cohort: 1 × 1000.00 = 1000.00 each, 2024-A (listed first by the contract) first
    expect(lines(s, 't1')).toEqual([
      ['pay-placement', '2024-A', 1, '1000.00'],
      ['pay-placement', '2024-B', 1, '1000.00'],
    ]);
    // 1000.00 + 1000.00 = 2000.00
    expect(s.tranches[0]?.earned).toBe('2000.00');
  });

  it('an exit paying what was earned to date pays the later tranches’ cohorts in the contract’s order', () => {
    const s = settled([
      { op: 'remove', path: '/rules/1' },
      {
        op: 'replace',
        path: '/tranches',
        value: [
          { id: 't2', name: 'B', rules: ['pay-placement'], cohorts: ['2024-B'], measuredOn: '2025-03-31', dueOn: '2025-04-30' },
          { id: 't3', name: 'A', rules: ['pay-placement'], cohorts: ['2024-A'], measuredOn: '2025-06-30', dueOn: '2025-07-31' },
        ],
      },
      {
        op: 'add',
        path: '/exitClauses',
        value: [{ id: 'stop', name: 'Stop', checkOn: '2024-09-30', condition: { kind: 'datePassed', date: '2024-09-30' }, effect: { kind: 'terminate', payOnExit: { kind: 'earnedToDate' } } }],
      },
    ]);
    // by 2024-09-30: P1 placed 2024-02-01 (2024-A), P2 placed 2024-08-01 (2024-B): 1 × 1000.00 each
    expect(lines(s, 'exit:stop')).toEqual([
      ['pay-placement', '2024-A', 1, '1000.00'],
      ['pay-placement', '2024-B', 1, '1000.00'],
    ]);
    expect(s.tranches.map((t) => [t.id, t.status, t.earned])).toEqual([
      ['exit:stop', 'settled', '2000.00'],
      ['t2', 'cancelled', '0.00'],
      ['t3', 'cancelled', '0.00'],
    ]);
  });
});

describe('a tranche’s outcomes', () => {
  it('a fee, paying for no outcome, is paid by a tranche restricted to some outcomes', () => {
    const s = settled([
      { op: 'add', path: '/rules/-', value: attach },
      { op: 'replace', path: '/tranches', value: [{ id: 't1', name: 'Placements', rules: ['pay-placement', 'pay-retention', 'attach'], cohorts: ['2024-A', '2024-B'], outcomes: ['placement'], measuredOn: '2024-12-31', dueOn: '2025-01-31' }] },
    ]);
    // placements: 1 × 1000.00 per cohort; retention skipped (not in outcomes); the fee: 1 start × 400.00 per cohort
    expect(lines(s, 't1')).toEqual([
      ['pay-placement', '2024-A', 1, '1000.00'],
      ['pay-placement', '2024-B', 1, '1000.00'],
      ['attach', '2024-A', 1, '400.00'],
      ['attach', '2024-B', 1, '400.00'],
    ]);
    // 2 × 1000.00 + 2 × 400.00 = 2800.00
    expect(s.tranches[0]?.earned).toBe('2800.00');
  });
});

describe('claims of a rule a tranche’s outcomes skip', () => {
  const skipping = [
    { op: 'replace', path: '/tranches', value: [{ id: 't1', name: 'Retention', rules: ['pay-placement', 'pay-retention'], cohorts: ['2024-A', '2024-B'], outcomes: ['retention-6m'], measuredOn: '2025-06-30', dueOn: '2025-07-31' }] },
  ];
  const skippedPlacements = [
    ['pay-placement', '2024-A', 1, '1000.00', '2024-02-01', '2024-02-01'],
    ['pay-placement', '2024-B', 1, '1000.00', '2024-08-01', '2024-08-01'],
  ];
  const unscheduled = (s: Settlement) => s.unscheduled.map((u) => [u.rule, u.cohort, u.claims, u.amount, u.from, u.to]);

  it('are unscheduled when the tranche is settled after the as-of date', () => {
    const s = settled(skipping);
    // t1 (2025-06-30) pays P1's retention (6 months from 2024-02-01: 2024-08-01) and P2's (from
    // 2024-08-01: 2025-02-01), 1 × 500.00 each; the placements are skipped
    expect(lines(s, 't1')).toEqual([
      ['pay-retention', '2024-A', 1, '500.00'],
      ['pay-retention', '2024-B', 1, '500.00'],
    ]);
    // P1's placement on 2024-02-01 and P2's on 2024-08-01, 1 × 1000.00 each, are paid by no tranche
    expect(unscheduled(s)).toEqual(skippedPlacements);
  });

  it('are unscheduled when the tranche is measured on the as-of date itself', () => {
    const s = settled(skipping, '2025-06-30');
    // 2 × 500.00 = 1000.00
    expect(s.tranches.map((t) => [t.id, t.status, t.earned])).toEqual([['t1', 'settled', '1000.00']]);
    expect(unscheduled(s)).toEqual(skippedPlacements);
  });
});

describe('an amended contract’s lines that no claim dates', () => {
  // an amendment in force from 2024-07-01 raises the placement to 1100.00; a delivery fee of 500.00
  // falls on 2024-03-15 (t1, measured 2024-06-30) and on 2024-09-15 (t2, measured 2024-12-31)
  const delivery = { kind: 'fee', id: 'delivery', name: 'Delivery fee', charge: { kind: 'schedule', payments: [{ date: '2024-03-15', amount: '500.00' }, { date: '2024-09-15', amount: '500.00' }] } };
  const amended = [
    { op: 'remove', path: '/rules/1' },
    { op: 'add', path: '/rules/-', value: delivery },
    {
      op: 'replace',
      path: '/tranches',
      value: [
        { id: 't1', name: 'First half', rules: ['pay-placement', 'delivery'], cohorts: ['2024-A'], measuredOn: '2024-06-30', dueOn: '2024-07-31' },
        { id: 't2', name: 'Second half', rules: ['pay-placement', 'delivery'], cohorts: ['2024-A', '2024-B'], measuredOn: '2024-12-31', dueOn: '2025-01-31' },
      ],
    },
    { op: 'add', path: '/amendments', value: { pricedBy: 'achievement', versions: [{ id: 'am-1', name: 'Amendment 1', effectiveFrom: '2024-07-01', changes: { rules: [{ rule: 'pay-placement', price: '1100.00' }] } }] } },
  ];
  const versioned = (s: Settlement, id: string) => s.tranches.find((t) => t.id === id)?.lines.map((line) => [line.rule, line.cohort, line.earned, line.paid, line.version]);

  it('carry the version in force on the measurement date', () => {
    const s = settled(amended);
    // t1: P1 placed 2024-02-01, before the amendment: 1000.00 (base); the fee of 2024-03-15 in base's time
    expect(versioned(s, 't1')).toEqual([
      ['pay-placement', '2024-A', '1000.00', '1000.00', 'base'],
      ['delivery', null, '500.00', '500.00', 'base'],
    ]);
    // t2: P2 placed 2024-08-01, under the amendment: 1100.00 (am-1); the fee line takes am-1, in force on 2024-12-31
    expect(versioned(s, 't2')).toEqual([
      ['pay-placement', '2024-B', '1100.00', '1100.00', 'am-1'],
      ['delivery', null, '500.00', '500.00', 'am-1'],
    ]);
    // 1000.00 + 500.00 = 1500.00; 1100.00 + 500.00 = 1600.00
    expect(s.tranches.map((t) => [t.id, t.earned])).toEqual([
      ['t1', '1500.00'],
      ['t2', '1600.00'],
    ]);
  });

  it('carry it in a suspended tranche too', () => {
    const s = settled([
      ...amended,
      { op: 'add', path: '/exitClauses', value: [{ id: 'hold', name: 'Hold', checkOn: '2024-09-30', condition: { kind: 'datePassed', date: '2024-09-30' }, effect: { kind: 'suspendTranches', tranches: ['t2'] } }] },
    ]);
    // t2 is suspended: earned as above, paid nothing, the fee line still named am-1
    expect(versioned(s, 't2')).toEqual([
      ['pay-placement', '2024-B', '1100.00', '0.00', 'am-1'],
      ['delivery', null, '500.00', '0.00', 'am-1'],
    ]);
    // withheld: 1100.00 + 500.00 = 1600.00
    expect(s.tranches.map((t) => [t.id, t.status, t.earned, t.withheld])).toEqual([
      ['t1', 'settled', '1500.00', '0.00'],
      ['t2', 'suspended', '0.00', '1600.00'],
    ]);
  });
});

describe('a per-participant cap over two tranches', () => {
  // cap 1200.00 per participant, partial payment, claims in achievement order; P3 placed 2024-02-01
  // (retained 2024-08-01), P1 placed 2024-03-01 (retained 2024-09-01), both in cohort 2024-A
  const capped = applyPatch(minimal, [
    { op: 'add', path: '/caps', value: [{ kind: 'participant', id: 'cap-person', amount: '1200.00', partialPayment: true, claimOrder: 'achievementDate' }] },
    {
      op: 'replace',
      path: '/tranches',
      value: [
        { id: 't1', name: 'Placements', rules: ['pay-placement'], cohorts: ['2024-A'], measuredOn: '2024-06-30', dueOn: '2024-07-31' },
        { id: 't2', name: 'Retention', rules: ['pay-retention'], cohorts: ['2024-A'], measuredOn: '2025-06-30', dueOn: '2025-07-31' },
      ],
    },
  ]);
  const people = [
    { id: 'P3', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] },
    { id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-03-01' }] },
  ];

  it('each tranche names the cut of the claims it took only, its participants in id order', () => {
    const s = settlementOf(capped, people, { asOf: '2025-12-31', detail: 'participants' });
    // t1: 2 placements × 1000.00 = 2000.00, each under 1200.00: no cut
    // t2: each retention 500.00 after 1000.00 used: 1200.00 − 1000.00 = 200.00 paid, 300.00 cut;
    //     2 × 200.00 = 400.00 paid; usedBefore 2 × 1000.00 = 2000.00, requested 2 × 500.00 = 1000.00, cut 2 × 300.00 = 600.00
    expect(s.tranches.map((t) => [t.id, t.earned, t.capCuts])).toEqual([
      ['t1', '2000.00', []],
      ['t2', '400.00', [{ cap: 'cap-person', kind: 'participant', limit: '1200.00', usedBefore: '2000.00', requested: '1000.00', cut: '600.00', claims: 2, participants: ['P1', 'P3'] }]],
    ]);
  });

  it('a rule in both tranches: each takes the claims dated after the last one’s measurement, up to its own', () => {
    // cap 900.00 per participant: each placement of 1000.00 pays 900.00 and is cut by 100.00
    const shared = applyPatch(minimal, [
      { op: 'remove', path: '/rules/1' },
      { op: 'add', path: '/caps', value: [{ kind: 'participant', id: 'cap-person', amount: '900.00', partialPayment: true, claimOrder: 'achievementDate' }] },
      {
        op: 'replace',
        path: '/tranches',
        value: [
          { id: 't1', name: 'Q1', rules: ['pay-placement'], cohorts: ['2024-A'], measuredOn: '2024-03-31', dueOn: '2024-04-30' },
          { id: 't2', name: 'Q2', rules: ['pay-placement'], cohorts: ['2024-A'], measuredOn: '2024-06-30', dueOn: '2024-07-31' },
        ],
      },
    ]);
    // P3 placed 2024-02-01 and P1 on t1's measurement day 2024-03-31 (t1); P4 on t2's, 2024-06-30 (t2)
    const placed = [
      { id: 'P3', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] },
      { id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-03-31' }] },
      { id: 'P4', cohort: '2024-A', enrolledOn: '2024-03-01', spells: [{ start: '2024-06-30' }] },
    ];
    const settlement = settlementOf(shared, placed, { asOf: '2024-12-31', detail: 'participants' });
    // t1: 2 × 900.00 = 1800.00; requested 2 × 1000.00 = 2000.00, cut 2 × 100.00 = 200.00
    // t2: 1 × 900.00; requested 1000.00, cut 100.00 (none of t1's claims again)
    expect(settlement.tranches.map((t) => [t.id, t.earned, t.capCuts])).toEqual([
      ['t1', '1800.00', [{ cap: 'cap-person', kind: 'participant', limit: '900.00', usedBefore: '0.00', requested: '2000.00', cut: '200.00', claims: 2, participants: ['P1', 'P3'] }]],
      ['t2', '900.00', [{ cap: 'cap-person', kind: 'participant', limit: '900.00', usedBefore: '0.00', requested: '1000.00', cut: '100.00', claims: 1, participants: ['P4'] }]],
    ]);
  });

  it('an exit clause on the cap fires on the cuts known by its check date', () => {
    const withClause = applyPatch(capped, [
      { op: 'add', path: '/exitClauses', value: [{ id: 'cap-hit', name: 'Cap reached', checkOn: '2024-12-31', condition: { kind: 'capReached', cap: 'cap-person' }, effect: { kind: 'terminate', payOnExit: { kind: 'nothing' } } }] },
    ]);
    const settlement = settlementOf(withClause, people, { asOf: '2025-12-31' });
    // by 2024-12-31 both retentions (2024-08-01 and 2024-09-01) were cut (1000.00 used + 500.00 > 1200.00): 2 claims cut
    expect(settlement.exits.map((e) => [e.clause, e.outcome, e.figures])).toEqual([['cap-hit', 'fired', { cap: 'cap-person', claimsCut: 2 }]]);
    // t1: 2 × 1000.00 = 2000.00; t2 is cancelled by the clause
    expect(settlement.tranches.map((t) => [t.id, t.status, t.earned])).toEqual([
      ['t1', 'settled', '2000.00'],
      ['t2', 'cancelled', '0.00'],
    ]);
  });
});

describe('a share cap that cuts in the first of two tranches only', () => {
  it('binds in that tranche alone: the second is no decision at risk', () => {
    // at most half the cohort's participants paid a placement, rounded up; the rule in t1 (Q1) and t2 (Q2)
    const halved = applyPatch(minimal, [
      { op: 'remove', path: '/rules/1' },
      { op: 'add', path: '/caps', value: [{ kind: 'share', id: 'half', rule: 'pay-placement', share: '0.5', rounding: 'up' }] },
      {
        op: 'replace',
        path: '/tranches',
        value: [
          { id: 't1', name: 'Q1', rules: ['pay-placement'], cohorts: ['2024-A'], measuredOn: '2024-03-31', dueOn: '2024-04-30' },
          { id: 't2', name: 'Q2', rules: ['pay-placement'], cohorts: ['2024-A'], measuredOn: '2024-06-30', dueOn: '2024-07-31' },
        ],
      },
    ]);
    // P1-P4 placed in Q1, P5 and P6 never; X names an unknown cohort: excluded (1 of 7 records, under 20 %)
    const recs = [
      { id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] },
      { id: 'P2', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-15' }] },
      { id: 'P3', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-03-01' }] },
      { id: 'P4', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-03-15' }] },
      { id: 'P5', cohort: '2024-A', enrolledOn: '2024-01-02' },
      { id: 'P6', cohort: '2024-A', enrolledOn: '2024-01-02' },
      { id: 'X', cohort: 'Z', enrolledOn: '2024-04-01', spells: [{ start: '2024-05-01' }] },
    ];
    const settlement = settlementOf(halved, recs, { asOf: '2024-12-31', maxExcluded: '20%' });
    // t1: 6 participants × 0.5 = 3 payable, 4 achieved: 3 × 1000.00 = 3000.00, 1 cut; t2: nothing achieved
    expect(settlement.tranches.map((t) => [t.id, t.earned])).toEqual([
      ['t1', '3000.00'],
      ['t2', '0.00'],
    ]);
    // with X counted in the cohort: 7 × 0.5 = 3.5, up: 4 payable; achieved (5 in t1) the cap still binds,
    // not achieved (4) it does not. t2 cuts nothing in any of the three runs: not at risk
    expect(settlement.dataQuality.decisionsAtRisk).toEqual([
      { kind: 'cap', id: 'half', tranche: 't1', cohort: null, decided: 'binds', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' },
    ]);
  });
});
