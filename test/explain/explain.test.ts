/**
 * explainParticipant and `outcome-pay explain` on a contract worked by hand: a participant paid in
 * two tranches whose second claim a per-participant cap cut, one whose retention failed on a gap
 * in spells, one whose record is invalid, an unknown id, and a tranche cap that cuts a line as a
 * whole. Every expected figure and date below is worked out in the comments, not read from the
 * engine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type SettleOptions } from '../../src/index.js';
import { explainParticipant } from '../../src/explain.js';
import { run } from '../../src/cli/dispatch.js';
import { fakeIo } from '../cli/helpers.js';

/*
 * The contract: cohort A enrols 2024-01-01 to 2024-03-31. placement = a spell starting within 90
 * days of enrolment; ret3 = employed continuously (no gap over 14 days) for 3 months from the
 * placement date, end inclusive (so T1 cannot pay it and pays pay-pl alone). pay-pl pays 1000.00 per placement, pay-r3 600.00 per ret3. A
 * participant is paid at most 1200.00 (partial payment, claims in achievement order). T1 is
 * measured on 2024-03-31 (due 2024-04-30), T2 on 2024-06-30 (due 2024-07-31). As of 2024-06-30.
 */
const contract = {
  schemaVersion: '2.0',
  id: 'explain-demo',
  name: 'Explain demo',
  currency: 'EUR',
  rounding: 'half-even',
  period: { start: '2024-01-01', end: '2026-12-31' },
  parties: { payers: [{ id: 'region', name: 'Region', share: '1' }], provider: { id: 'provider', name: 'Provider' } },
  cohorts: [{ id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' }],
  outcomes: [
    { kind: 'placement', id: 'placement', name: 'Job within 90 days', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' },
    {
      kind: 'retention',
      id: 'ret3',
      name: 'Three months in work',
      placementOutcome: 'placement',
      months: 3,
      measure: { kind: 'continuous', allowedGapDays: 14 },
      endBoundary: 'inclusive',
    },
  ],
  rules: [
    { kind: 'rateCard', id: 'pay-pl', name: 'Placement', outcome: 'placement', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
    { kind: 'rateCard', id: 'pay-r3', name: 'Retention', outcome: 'ret3', price: '600.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
  ],
  caps: [{ kind: 'participant', id: 'cap-person', amount: '1200.00', partialPayment: true, claimOrder: 'achievementDate' }],
  tranches: [
    { id: 'T1', name: 'First quarter', rules: ['pay-pl'], cohorts: ['A'], measuredOn: '2024-03-31', dueOn: '2024-04-30' },
    { id: 'T2', name: 'Second quarter', rules: ['pay-pl', 'pay-r3'], cohorts: ['A'], measuredOn: '2024-06-30', dueOn: '2024-07-31' },
  ],
};

const records = [
  // P1: placed 2024-02-01 (in [01-15, 01-15 + 90 = 04-14]), in work since: ret3 over 02-01 .. 05-01
  { id: 'P1', cohort: 'A', enrolledOn: '2024-01-15', spells: [{ start: '2024-02-01' }] },
  // P2: placed 2024-02-05, out of work 03-11 .. 03-31 (21 days > 14): ret3 fails on the 15th day of the gap, 03-25
  { id: 'P2', cohort: 'A', enrolledOn: '2024-01-15', spells: [{ start: '2024-02-05', end: '2024-03-10' }, { start: '2024-04-01' }] },
  // P9: enrolled on a date that does not exist: invalid, excluded
  { id: 'P9', cohort: 'A', enrolledOn: '2024-02-30' },
];

const options: SettleOptions = { asOf: '2024-06-30', maxExcluded: '1' };

function explained(id: string, terms: unknown = contract, opts: SettleOptions = options) {
  const result = explainParticipant(terms, records, id, opts);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('explainParticipant, worked by hand', () => {
  it('P1: placement paid by T1, the ret3 claim cut by the participant cap and paid by T2', () => {
    const e = explained('P1');
    expect(e.status).toBe('settled');
    expect(e.dataQuality).toEqual({ recordsRead: 3, recordsSettled: 2, recordsExcluded: 1 });
    expect(e.outcomes.map((o) => [o.outcome, o.status, o.on, o.anchor, o.reason])).toEqual([
      ['placement', 'achieved', '2024-02-01', '2024-02-01', 'SPELL_IN_WINDOW'],
      // 2024-02-01 + 3 months = 2024-05-01, end inclusive: decided on the period's last day
      ['ret3', 'achieved', '2024-05-01', '2024-02-01', 'CONTINUOUSLY_EMPLOYED'],
    ]);
    expect(e.outcomes[0]?.period).toEqual({ from: '2024-01-15', to: '2024-04-14' });
    expect(e.outcomes[1]?.period).toEqual({ from: '2024-02-01', to: '2024-05-01' });
    expect(e.outcomes[1]?.gaps).toEqual([]);
    // claims in achievement order: 1000.00 (1000 of the 1200 left 200), then 600.00 crosses the cap: 200.00 paid, 400.00 cut
    const [placement, retention] = e.claims;
    expect(e.claims).toHaveLength(2);
    expect(placement).toMatchObject({ rule: 'pay-pl', outcome: 'placement', date: '2024-02-01', claimed: '1000.00', participantCuts: [], amount: '1000.00', fate: 'paid', paid: '1000.00' });
    // T1 takes claims up to 03-31: P1's and P2's placements, 2 × 1000 = 2000.00
    expect(placement?.tranche).toMatchObject({ tranche: 'T1', status: 'settled', dueOn: '2024-04-30', line: 1, lineClaims: 2, lineEarned: '2000.00', linePaid: '2000.00', capCuts: [] });
    expect(retention).toMatchObject({
      rule: 'pay-r3',
      outcome: 'ret3',
      date: '2024-05-01',
      claimed: '600.00',
      participantCuts: [{ cap: 'cap-person', limit: '1200.00', before: '600.00', cut: '400.00', after: '200.00' }],
      amount: '200.00',
      fate: 'paid',
      paid: '200.00',
    });
    // T2 takes claims after 03-31 up to 06-30: P1's ret3 alone, 1 × 200 = 200.00
    expect(retention?.tranche).toMatchObject({ tranche: 'T2', measuredOn: '2024-06-30', line: 1, lineClaims: 1, lineEarned: '200.00', linePaid: '200.00' });
    // 1000 + 600 = 1600 claimed, 400 cut, 1000 + 200 = 1200 paid: the cap
    expect(e.totals).toEqual({ claimed: '1600.00', participantCapCuts: '400.00', paid: '1200.00', claimsNotAttributed: 0 });
  });

  it('P2: retention failed on the 15th day of a 21-day gap; only the placement is claimed', () => {
    const e = explained('P2');
    const ret3 = e.outcomes[1];
    expect(ret3).toMatchObject({ status: 'failed', on: '2024-03-25', anchor: '2024-02-05', reason: 'GAP_TOO_LONG' });
    // 2024-02-05 + 3 months = 2024-05-05; 03-11 .. 03-31 is 21 days, 31 − 11 + 1
    expect(ret3?.period).toEqual({ from: '2024-02-05', to: '2024-05-05' });
    expect(ret3?.gaps).toEqual([{ from: '2024-03-11', to: '2024-03-31', days: 21 }]);
    expect(ret3?.spells.map((s) => [s.start, s.end])).toEqual([
      ['2024-02-05', '2024-03-10'],
      ['2024-04-01', null],
    ]);
    expect(ret3?.terms).toBe('employed continuously, no gap longer than 14 days, over 3 months from the placement date (end inclusive)');
    expect(e.claims.map((c) => [c.rule, c.date, c.amount, c.fate, c.tranche?.tranche])).toEqual([['pay-pl', '2024-02-05', '1000.00', 'paid', 'T1']]);
    expect(e.totals).toEqual({ claimed: '1000.00', participantCapCuts: '0.00', paid: '1000.00', claimsNotAttributed: 0 });
  });

  it('P9: an excluded record is explained with its problems', () => {
    const e = explained('P9');
    expect(e.status).toBe('excluded');
    expect(e.record).toBeNull();
    expect(e.claims).toEqual([]);
    expect(e.issues.map((issue) => issue.code)).toEqual(['DATE_IMPOSSIBLE']);
  });

  it('an id no record has is PARTICIPANT_UNKNOWN, compared exactly', () => {
    const result = explainParticipant(contract, records, 'p1', options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { code: 'PARTICIPANT_UNKNOWN', path: ['participant'], message: 'no record has the participant id "p1" (3 records read); ids are compared exactly, case and spaces included' },
    ]);
  });

  it('bad settlement inputs are the settlement\'s issues; a participant that is not a string is a misuse', () => {
    const result = explainParticipant(contract, records, 'P1', { asOf: '2024-13-01' });
    expect(result.ok).toBe(false);
    expect(() => explainParticipant(contract, records, 42 as unknown as string, options)).toThrow(/ARGUMENT_INVALID|participant/);
  });

  it('as of 2024-06-15, T2 (measured 06-30) is still to come: P1\'s ret3 claim awaits it, paid 0.00 so far', () => {
    const e = explained('P1', contract, { ...options, asOf: '2024-06-15' });
    const retention = e.claims[1];
    expect(retention).toMatchObject({ date: '2024-05-01', amount: '200.00', fate: 'awaitingTranche', paid: '0.00' });
    expect(retention?.tranche).toMatchObject({ tranche: 'T2', status: 'scheduled', dueOn: '2024-07-31', line: null, linePaid: null });
    // 1000.00 paid by T1; the 200.00 is not paid yet
    expect(e.totals).toEqual({ claimed: '1600.00', participantCapCuts: '400.00', paid: '1000.00', claimsNotAttributed: 0 });
  });

  it('as of 2024-03-31: P1\'s ret3 is pending (its period ends 05-01); as of 2024-01-10 P1 is not enrolled yet', () => {
    const e = explained('P1', contract, { ...options, asOf: '2024-03-31' });
    expect(e.outcomes[1]).toMatchObject({ status: 'pending', on: null, anchor: '2024-02-01', reason: 'PERIOD_RUNNING', period: { from: '2024-02-01', to: '2024-05-01' }, gaps: [] });
    expect(e.claims.map((c) => [c.rule, c.fate, c.tranche?.tranche])).toEqual([['pay-pl', 'paid', 'T1']]);
    // P1 enrolled 2024-01-15, after 2024-01-10
    const early = explained('P1', contract, { ...options, asOf: '2024-01-10' });
    expect(early.status).toBe('notYetEnrolled');
    expect(early.outcomes).toEqual([]);
    expect(early.record?.enrolledOn).toBe('2024-01-15');
  });

  it('a tranche cap that cuts a line as a whole: the claim has no amount of its own, the cut is named', () => {
    // cap-t2 allows 150.00 in T2: the line asks 200.00 (P1's capped ret3 claim), 50.00 is cut
    const capped = { ...contract, caps: [...contract.caps, { kind: 'tranche', id: 'cap-t2', tranche: 'T2', amount: '150.00', partialPayment: true }] };
    const e = explained('P1', capped);
    const retention = e.claims[1];
    expect(retention).toMatchObject({ amount: '200.00', fate: 'cutInLine', paid: null });
    expect(retention?.tranche).toMatchObject({
      tranche: 'T2',
      lineEarned: '200.00',
      linePaid: '150.00',
      capCuts: [{ cap: 'cap-t2', kind: 'tranche', limit: '150.00', usedBefore: '0.00', requested: '200.00', cut: '50.00' }],
    });
    // the placement (1000.00) is still known; the ret3 claim is not counted
    expect(e.totals).toEqual({ claimed: '1600.00', participantCapCuts: '400.00', paid: '1000.00', claimsNotAttributed: 1 });
  });
});

describe('outcome-pay explain', () => {
  const files = { 'contract.json': JSON.stringify(contract), 'records.json': JSON.stringify(records) };
  const argv = ['explain', '--contract', 'contract.json', '--records', 'records.json', '--as-of', '2024-06-30', '--max-excluded', '1'];

  it('prints P1 as text (exit 3: P9 was excluded)', async () => {
    const io = fakeIo(files);
    const code = await run([...argv, '--participant', 'P1', '--format', 'text'], io);
    expect(io.stderrText()).toBe('');
    expect(code).toBe(3);
    const text = io.stdoutText();
    const expected = [
      'Participant P1 — Explain demo (explain-demo), as of 2024-06-30, amounts in EUR',
      'WARNING: 1 of 3 records was excluded as invalid from this settlement (exit status 3); cohort figures may change with it.',
      '',
      'Record: cohort A, no group; enrolled 2024-01-15, no exit recorded',
      'Spells:',
      '  2024-02-01 to ongoing',
      '',
      'Outcomes:',
      '  placement (placement): achieved on 2024-02-01 — a qualifying employment spell started in the window [SPELL_IN_WINDOW]',
      '    terms: an employment spell starting within 90 days of enrolment',
      '    period examined: 2024-01-15 to 2024-04-14',
      '    spells: 2024-02-01 to ongoing',
      '  ret3 (retention): achieved on 2024-05-01 — employed over the whole period, every gap within the allowed gap [CONTINUOUSLY_EMPLOYED]',
      '    terms: employed continuously, no gap longer than 14 days, over 3 months from the placement date (end inclusive)',
      '    counted from the placement on 2024-02-01',
      '    period examined: 2024-02-01 to 2024-05-01',
      '    spells: 2024-02-01 to ongoing',
      '    gaps: none',
      '',
      'Claims:',
      '  2024-02-01 rule pay-pl (rateCard) for placement: claimed 1000.00',
      '    paid 1000.00',
      '    tranche T1 "First quarter" (settled, measured on 2024-03-31, due on 2024-04-30)',
      '    line 1: 2 participants who achieved placement × 1000; earned 2000.00, paid 2000.00',
      '  2024-05-01 rule pay-r3 (rateCard) for ret3: claimed 600.00',
      '    participant cap cap-person (limit 1200.00): 600.00 before, 400.00 cut, 200.00 after',
      '    paid 200.00',
      '    tranche T2 "Second quarter" (settled, measured on 2024-06-30, due on 2024-07-31)',
      // the line names the cap that cut its claim: 600 listed, 1000 of the 1200 used before, 200 left
      '    line 1: 1 participant who achieved ret3 × 200 (600 cut to 200 by participant cap cap-person); earned 200.00, paid 200.00',
      '',
      'Total: claimed 1600.00, cut by participant caps 400.00, paid 1200.00',
    ];
    expect(text.split('\n').slice(0, expected.length)).toEqual(expected);
    expect(text).toMatch(/^Fingerprints: contract [0-9a-f]{64}, records [0-9a-f]{64}\n$/m);
  });

  it('prints JSON by default, with the warning on stderr', async () => {
    const io = fakeIo(files);
    const code = await run([...argv, '--participant', 'P2'], io);
    expect(code).toBe(3);
    const parsed = JSON.parse(io.stdoutText()) as { format: string; participant: string; claims: unknown[] };
    expect(parsed.format).toBe('outcome-pay/participant-explanation');
    expect(parsed.participant).toBe('P2');
    expect(parsed.claims).toHaveLength(1);
    expect(io.stderrText()).toBe('outcome-pay: warning: 1 of 3 records was excluded as invalid from the settlement explained; exit status 3\n');
  });

  it('an unknown participant: exit 1, the code on stderr, nothing on stdout', async () => {
    const io = fakeIo(files);
    const code = await run([...argv, '--participant', 'P404'], io);
    expect(code).toBe(1);
    expect(io.stdoutText()).toBe('');
    expect(io.stderrText()).toBe('PARTICIPANT_UNKNOWN at participant: no record has the participant id "P404" (3 records read); ids are compared exactly, case and spaces included\nexplain: nothing to explain\n');
  });

  it('without --participant: a usage error (exit 2)', async () => {
    const io = fakeIo(files);
    expect(await run(argv, io)).toBe(2);
    expect(io.stderrText()).toContain("required option '--participant <id>' not specified");
  });
});

describe('explainParticipant: restatements by cause (vectors 88-89)', () => {
  const vector = (name: string): { contract: unknown; records: unknown[]; options: Record<string, unknown> } =>
    JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as { contract: unknown; records: unknown[]; options: Record<string, unknown> };
  const first = vector('88-restatement-causes-t1.json');
  const second = vector('89-restatement-causes-withdrawn-corrected-late.json');
  const paid = settle(first.contract, first.records, first.options as unknown as SettleOptions);
  if (!paid.ok) throw new Error('vector 88 did not settle');
  const options = { ...second.options, previous: [JSON.parse(JSON.stringify(paid.value)) as unknown] } as unknown as SettleOptions;

  it('lists the cause lines naming the participant: P2 corrected (-1000.00 in T1), P5 late (+3000.00 for P4, P5, P6)', () => {
    const p2 = explainParticipant(second.contract, second.records, 'P2', options);
    const p5 = explainParticipant(second.contract, second.records, 'P5', options);
    if (!p2.ok || !p5.ok) throw new Error('not explained');
    expect(p2.value.restatements?.map((r) => [r.tranche, r.cause, r.rule, r.trancheAmount])).toEqual([['T1', 'corrected', 'pay-pl', '-1000.00']]);
    expect(p5.value.restatements?.map((r) => [r.tranche, r.cause, r.rule, r.trancheAmount])).toEqual([['T1', 'late', 'pay-pl', '3000.00']]);
  });

  it('has no restatements for a participant nothing moved for (P3)', () => {
    const p3 = explainParticipant(second.contract, second.records, 'P3', options);
    if (!p3.ok) throw new Error('not explained');
    expect('restatements' in p3.value).toBe(false);
  });
});

describe('explainParticipant: quarters after exit (vector 98)', () => {
  const v = JSON.parse(readFileSync(new URL('../vectors/98-quarters-after-exit-wioa.json', import.meta.url), 'utf8')) as { contract: unknown; records: unknown[]; options: Record<string, unknown> };
  const options = v.options as unknown as SettleOptions;

  it('shows the quarter, the day its data is due and what each observation counted (P2: 6500.00 from three months)', () => {
    const p2 = explainParticipant(v.contract, v.records, 'P2', options);
    if (!p2.ok) throw new Error('not explained');
    const q2 = p2.value.outcomes.find((o) => o.outcome === 'employed-q2');
    // exit 2023-06-30: the 2nd quarter after April-June 2023 is October-December 2023, due 3 months after: 2024-03-31
    expect([q2?.status, q2?.on, q2?.reason, q2?.period]).toEqual(['achieved', '2024-03-31', 'EMPLOYED_IN_QUARTER', { from: '2023-10-01', to: '2023-12-31' }]);
    expect(q2?.terms).toContain('calendar quarter 2 after the exit quarter');
    expect(q2?.terms).toContain('2024-03-31');
    expect(q2?.earnings?.map((e) => [e.to, e.counted, e.total])).toEqual([
      ['2023-10-31', '2000.00', '2000.00'],
      ['2023-11-30', '2000.00', '4000.00'],
      ['2023-12-31', '2500.00', '6500.00'],
      ['2024-09-30', 'not counted (ends outside the quarter)', '6500.00'],
    ]);
    const q4 = p2.value.outcomes.find((o) => o.outcome === 'employed-q4');
    // the 4th quarter after is April-June 2024, due 2024-09-30: nothing ends in it
    expect([q4?.status, q4?.on, q4?.reason]).toEqual(['failed', '2024-09-30', 'NOT_EMPLOYED_IN_QUARTER']);
    expect(q4?.spells).toEqual([]);
  });

  it('a participant whose quarter is not due yet (P4) and one without an exit (P5) are pending', () => {
    const p4 = explainParticipant(v.contract, v.records, 'P4', options);
    const p5 = explainParticipant(v.contract, v.records, 'P5', options);
    if (!p4.ok || !p5.ok) throw new Error('not explained');
    const q4 = p4.value.outcomes.find((o) => o.outcome === 'employed-q2');
    expect([q4?.status, q4?.reason, q4?.period]).toEqual(['pending', 'AWAITING_QUARTER_DATA', { from: '2025-04-01', to: '2025-06-30' }]);
    const q5 = p5.value.outcomes.find((o) => o.outcome === 'employed-q2');
    expect([q5?.status, q5?.reason, q5?.period]).toEqual(['pending', 'AWAITING_EXIT', null]);
  });
});
