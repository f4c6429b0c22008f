/**
 * Lines from participant claims (src/settlement/rules/participant-claims.ts) on hand-made claim
 * buckets: the window of each tranche (after the watermark, up to the measurement date), one line
 * per cohort and unit amount in date order, the outcome-volume cap taking the earliest claims over
 * every cohort, price reductions, per-participant cuts, share caps, versions and the audit text.
 */
import { describe, expect, it } from 'vitest';
import type { ContractVersion, PaymentRule } from '../../../src/contract/index.js';
import { parseAmount } from '../../../src/money/index.js';
import type { ShareCapPlan } from '../../../src/settlement/caps/share-caps.js';
import type { Line } from '../../../src/settlement/lines.js';
import { claimBuckets } from '../../../src/settlement/ledger.js';
import { counted, participantClaimLines, volumeTarget, type ClaimWording } from '../../../src/settlement/rules/participant-claims.js';
import { NO_INPUTS } from '../../../src/settlement/rules/rule-module.js';
import { claim, day, ledgerOf, reduction, ruleTerms, runState, tranche } from './fixtures.js';

const rule = { kind: 'rateCard', id: 'pay' } as unknown as PaymentRule;
const terms = ruleTerms({ rules: [rule] });
const wording: ClaimWording = { outcome: 'placement', what: counted('participant who achieved placement', 'participants who achieved placement'), derivation: undefined };
const d1 = day('2024-01-10');
const d2 = day('2024-02-10');
const d3 = day('2024-03-10');
const brief = (lines: readonly Line[]): string[] =>
  lines.map((l) => `${l.cohort} ${l.claims} × ${l.unit?.toFixed()} = ${l.amount.toFixed(2)} [${l.participants?.join(',') ?? ''}]`);

describe('volumeTarget and counted', () => {
  it('the smallest outcome-volume cap on the rule; none: undefined', () => {
    const contract = {
      caps: [
        { kind: 'outcomeVolume', id: 'v1', rule: 'pay', targetUnits: 120 },
        { kind: 'outcomeVolume', id: 'v2', rule: 'other', targetUnits: 5 },
        { kind: 'contract', id: 'c', amount: '1.00', partialPayment: true },
        { kind: 'outcomeVolume', id: 'v3', rule: 'pay', targetUnits: 80 },
        { kind: 'outcomeVolume', id: 'v4', rule: 'pay', targetUnits: 100 },
      ],
    } as never;
    expect(volumeTarget(contract, 'pay')).toBe(80);
    expect(volumeTarget(contract, 'other')).toBe(5);
    expect(volumeTarget(contract, 'none')).toBeUndefined();
    expect(volumeTarget({} as never, 'pay')).toBeUndefined();
  });
  it('one or many', () => {
    const starts = counted('start', 'starts');
    expect([starts(0), starts(1), starts(2)]).toEqual(['starts', 'start', 'starts']);
  });
});

describe('participantClaimLines', () => {
  it('one line per cohort and unit amount, earliest first (same day: the higher amount first), participants sorted', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d2, '150.00', 'p3');
    claim(ledger, 0, 0, d1, '100.00', 'p2');
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    claim(ledger, 0, 0, d1, '120.00', 'p5');
    claim(ledger, 1, 0, d1, '100.00', 'p4');
    claim(ledger, 0, 1, d1, '999.00', 'other-rule');
    const state = runState();
    const lines = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, state, [0, 1], d2));
    // A: day 1 at 120 (higher first), day 1 at 100 ×2, day 2 at 150; B: 100
    expect(brief(lines)).toEqual(['A 1 × 120 = 120.00 [p5]', 'A 2 × 100 = 200.00 [p1,p2]', 'A 1 × 150 = 150.00 [p3]', 'B 1 × 100 = 100.00 [p4]']);
    expect(lines[1]).toMatchObject({
      rule: 'pay',
      kind: 'rateCard',
      outcome: 'placement',
      inputs: { claims: 2, unit: '100', claimedAfter: 'start', claimedUpTo: '2024-02-10' },
      formula: '2 participants who achieved placement × 100',
    });
    expect(lines[0]?.formula).toBe('1 participant who achieved placement × 120');
    expect(lines[1]?.paid.toFixed(2)).toBe('200.00');
    expect(lines[1]?.exact.toFixed()).toBe('200');
    expect(lines[1]).not.toHaveProperty('version');
    expect(state.watermark).toEqual(new Map([['0|0', d2], ['0|1', d2]]));
  });

  it('a tranche takes the claims after the previous one and on or before its date; without advance the watermark stays', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    claim(ledger, 0, 0, d2, '100.00', 'p2');
    claim(ledger, 0, 0, d2 + 1, '100.00', 'p3');
    claim(ledger, 0, 0, d3 + 1, '100.00', 'p4');
    const state = runState();
    // a look at d2 without advancing: p1, p2
    expect(brief(participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, state, [0], d2, { advance: false })))).toEqual(['A 2 × 100 = 200.00 [p1,p2]']);
    expect(state.watermark.size).toBe(0);
    expect(brief(participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, state, [0], d2)))).toEqual(['A 2 × 100 = 200.00 [p1,p2]']);
    // next at d3: after d2 (p2 on d2 not again), p3 on d2 + 1; p4 after d3 not yet
    const next = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, state, [0], d3));
    expect(brief(next)).toEqual(['A 1 × 100 = 100.00 [p3]']);
    expect(next[0]?.inputs).toEqual({ claims: 1, unit: '100', claimedAfter: '2024-02-10', claimedUpTo: '2024-03-10' });
    // nothing left at d3: no line
    expect(participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, state, [0], d3))).toEqual([]);
  });

  it('rounds the line: unit × claims by the contract rounding; a cohort past the contract shows null', () => {
    const ledger = ledgerOf(3);
    claim(ledger, 2, 0, d1, '0.005', 'a');
    claim(ledger, 2, 0, d1, '0.005', 'b');
    claim(ledger, 2, 0, d1, '0.005', 'c');
    // 3 × 0.005 = 0.015 → half-even 0.02; down: 0.01
    const [line] = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState(), [2], d1));
    expect(line?.cohort).toBeNull();
    expect(line?.exact.toFixed()).toBe('0.015');
    expect(line?.amount.toFixed(2)).toBe('0.02');
    const down = participantClaimLines(ruleTerms({ rules: [rule], rounding: 'down' }), rule, 0, wording, undefined, tranche(ledger, runState(), [2], d1));
    expect(down[0]?.amount.toFixed(2)).toBe('0.01');
    // a cohort the ledger does not have: nothing
    expect(participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState(), [5], d1))).toEqual([]);
  });

  it('skips a bucket left with no claim (a cleared ledger)', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    for (const bucket of claimBuckets(ledger.cohorts[0] as never)) bucket.count = 0;
    expect(participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d1))).toEqual([]);
  });

  it('without audit text: no inputs, empty formula, the same amounts', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    const [line] = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState({ explain: false, reductions: [reduction('r', 0, '0.5', [0])] }), [0], d1));
    expect(line?.inputs).toBe(NO_INPUTS);
    expect(line?.formula).toBe('');
    expect(line?.amount.toFixed(2)).toBe('50.00');
  });
});

describe('the outcome-volume cap', () => {
  it('pays the earliest claims over every cohort of the tranche, and counts what it cut', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d2, '100.00', 'a1');
    claim(ledger, 0, 0, d2, '100.00', 'a2');
    claim(ledger, 1, 0, d1, '100.00', 'b1');
    claim(ledger, 1, 0, d1, '100.00', 'b2');
    const state = runState();
    // target 3: B's two on d1 first, then one of A's two on d2; one cut
    const lines = participantClaimLines(terms, rule, 0, wording, 3, tranche(ledger, state, [0, 1], d2));
    expect(lines.map((l) => `${l.cohort} ${l.claims} ${l.amount.toFixed(2)} ${String(l.inputs['cutByVolumeCap'])}`)).toEqual(['A 1 100.00 1', 'B 2 200.00 undefined']);
    expect(lines[0]?.formula).toBe('1 participant who achieved placement × 100');
    expect(state.volumeUsed.get(0)).toBe(3);
    expect(state.volumeCuts.get(0)).toBe(1);
    // a later tranche: the cap is used up, every claim cut, the line says so
    claim(ledger, 0, 0, d3, '100.00', 'a3');
    const later = participantClaimLines(terms, rule, 0, wording, 3, tranche(ledger, state, [0, 1], d3));
    expect(later.map((l) => `${l.cohort} ${l.claims} ${l.amount.toFixed(2)} ${String(l.inputs['cutByVolumeCap'])}`)).toEqual(['A 0 0.00 1']);
    expect(state.volumeUsed.get(0)).toBe(3);
    expect(state.volumeCuts.get(0)).toBe(2);
  });
  it('on the same day the larger amount first, then the cohort order; nothing cut: no count', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '150.00', 'a');
    claim(ledger, 1, 0, d1, '200.00', 'b');
    const state = runState();
    const lines = participantClaimLines(terms, rule, 0, wording, 1, tranche(ledger, state, [0, 1], d1));
    expect(lines.map((l) => `${l.cohort} ${l.claims}`)).toEqual(['A 0', 'B 1']);
    const tie = ledgerOf();
    claim(tie, 1, 0, d1, '200.00', 'b');
    claim(tie, 0, 0, d1, '200.00', 'a');
    expect(participantClaimLines(terms, rule, 0, wording, 1, tranche(tie, runState(), [1, 0], d1)).map((l) => `${l.cohort} ${l.claims}`)).toEqual(['B 0', 'A 1']);
    const roomy = runState();
    participantClaimLines(terms, rule, 0, wording, 5, tranche(tie, roomy, [0, 1], d1));
    expect(roomy.volumeUsed.get(0)).toBe(2);
    expect(roomy.volumeCuts.has(0)).toBe(false);
  });
  it('counts what earlier tranches used', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'a');
    claim(ledger, 0, 0, d1, '100.00', 'b');
    const state = runState();
    state.volumeUsed.set(0, 4);
    state.volumeCuts.set(0, 7);
    // target 5, 4 used: one of two paid; cuts 7 + 1
    expect(participantClaimLines(terms, rule, 0, wording, 5, tranche(ledger, state, [0], d1)).map((l) => l.claims)).toEqual([1]);
    expect(state.volumeUsed.get(0)).toBe(5);
    expect(state.volumeCuts.get(0)).toBe(8);
  });
});

describe('price reductions, participant cuts and derivations', () => {
  it('a claim dated after a clause fired is reduced, rounded, and its line names the clause and the base price', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.01', 'early');
    claim(ledger, 0, 0, d2, '100.01', 'late');
    const state = runState({ reductions: [reduction('low-placement', d1, '0.9', [0]), reduction('other', 0, '0.1', [1])] });
    const lines = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, state, [0], d2));
    // d1 is not after the clause's day: 100.01; d2: 100.01 × 0.9 = 90.009 → 90.01
    expect(brief(lines)).toEqual(['A 1 × 100.01 = 100.01 [early]', 'A 1 × 90.01 = 90.01 [late]']);
    expect(lines[0]?.inputs).not.toHaveProperty('reducedBy');
    expect(lines[1]?.inputs).toEqual({ claims: 1, unit: '90.01', claimedAfter: 'start', claimedUpTo: '2024-02-10', basePrice: '100.01', reducedBy: 'low-placement' });
    // two clauses: 100.01 × 0.9 × 0.5 = 45.0045 → 45.00, both named in order
    const both = runState({ reductions: [reduction('first', 0, '0.9', [0]), reduction('second', 0, '0.5', [0])] });
    const [line] = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, both, [0], d1));
    expect(line?.unit?.toFixed(2)).toBe('45.00');
    expect(line?.inputs['reducedBy']).toBe('first,second');
  });

  it('claims a per-participant cap cut share the line of their amount, which counts each cut group', () => {
    // one line per amount, cut or not (a money cap without partial payment takes whole claims
    // from a line: vector 100); p2 and p3 were listed at 150, cut by different caps: two groups
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    claim(ledger, 0, 0, d1, '100.00', 'p2', undefined, { caps: ['cap-a', 'cap-b'], listed: parseAmount('150.00') });
    claim(ledger, 0, 0, d1, '100.00', 'p3', undefined, { caps: ['cap-a'], listed: parseAmount('150.00') });
    const lines = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d1));
    expect(brief(lines)).toEqual(['A 3 × 100 = 300.00 [p1,p2,p3]']);
    expect(lines[0]?.inputs).toEqual({
      claims: 3,
      unit: '100',
      claimedAfter: 'start',
      claimedUpTo: '2024-01-10',
      listUnit: '150,150',
      participantCaps: 'cap-a+cap-b,cap-a',
      cutClaims: '1,1',
    });
    expect(lines[0]?.formula).toBe(
      '3 participants who achieved placement × 100 (1 of 3 at 150 cut to 100 by participant cap cap-a, cap-b; 1 of 3 at 150 cut to 100 by participant cap cap-a)',
    );
  });

  it('a line whose every claim one cut made names its list price and caps alone', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'p1', undefined, { caps: ['cap-a'], listed: parseAmount('150.00') });
    claim(ledger, 0, 0, d1, '100.00', 'p2', undefined, { caps: ['cap-a'], listed: parseAmount('150.00') });
    const lines = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d1));
    expect(brief(lines)).toEqual(['A 2 × 100 = 200.00 [p1,p2]']);
    expect(lines[0]?.inputs).toEqual({ claims: 2, unit: '100', claimedAfter: 'start', claimedUpTo: '2024-01-10', listUnit: '150', participantCaps: 'cap-a' });
    expect(lines[0]?.formula).toBe('2 participants who achieved placement × 100 (150 cut to 100 by participant cap cap-a)');
  });

  it('caps whose ids would run together still make two cut groups', () => {
    // caps ['a', 'bc'] and ['ab', 'c'] cut the same listed amount to the same unit: one line, two groups
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'p1', undefined, { caps: ['a', 'bc'], listed: parseAmount('150.00') });
    claim(ledger, 0, 0, d1, '100.00', 'p2', undefined, { caps: ['ab', 'c'], listed: parseAmount('150.00') });
    const lines = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d1));
    expect(lines.map((l) => [l.inputs['participantCaps'], l.inputs['cutClaims']])).toEqual([['a+bc,ab+c', '1,1']]);
  });

  it('a derived unit shows its derivation, from the listed amount when a cap cut it', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '140.00', 'p1');
    claim(ledger, 0, 0, d1, '100.00', 'p2', undefined, { caps: ['cap'], listed: parseAmount('140.00') });
    claim(ledger, 0, 0, d1, '90.00', 'p3');
    const seen: string[] = [];
    const derived: ClaimWording = {
      ...wording,
      derivation: (amount) => {
        seen.push(amount.toFixed());
        return amount.equals(140) ? { inputs: { multiplier: '1.4' }, text: '100 × 1.4' } : undefined;
      },
    };
    const lines = participantClaimLines(terms, rule, 0, derived, undefined, tranche(ledger, runState(), [0], d1));
    expect(lines.map((l) => l.formula)).toEqual([
      '1 participant who achieved placement × 140 (100 × 1.4)',
      '1 participant who achieved placement × 100 (100 × 1.4; 140 cut to 100 by participant cap cap)',
      '1 participant who achieved placement × 90',
    ]);
    expect(lines[0]?.inputs['multiplier']).toBe('1.4');
    expect(lines[2]?.inputs).not.toHaveProperty('multiplier');
    expect(seen).toEqual(['140', '140', '90']);
  });
});

describe('share caps', () => {
  const plan: ShareCapPlan = { id: 'half', share: parseAmount('0.5'), written: '0.5', rounding: 'down' };
  const enrolled = (ledger: ReturnType<typeof ledgerOf>, cohort: number, count: number) => ledger.cohorts[cohort]?.tally.enrolled.add(d1, count);

  it('keeps the payable share of the cohort, names who was cut, and says how in the line', () => {
    const ledger = ledgerOf();
    enrolled(ledger, 0, 4);
    claim(ledger, 0, 0, d1, '100.00', 'p3');
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    claim(ledger, 0, 0, d1, '100.00', 'p2');
    const state = runState();
    // 4 × 0.5 = 2 payable: p1, p2 kept (ids in order), p3 cut
    const lines = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, state, [0], d1), [plan]);
    expect(brief(lines)).toEqual(['A 2 × 100 = 200.00 [p1,p2]']);
    expect(lines[0]?.inputs).toEqual({
      claims: 2,
      unit: '100',
      claimedAfter: 'start',
      claimedUpTo: '2024-01-10',
      shareCap: 'half',
      share: '0.5',
      shareRounding: 'down',
      cohortParticipants: 4,
      payable: 2,
      paidBefore: 0,
      achieved: 3,
      cutByShareCap: 1,
      cutParticipants: 'p3',
    });
    expect(lines[0]?.formula).toBe(
      '2 participants who achieved placement × 100 (share cap half: 0.5 × 4 participants rounded down = 2 payable, 0 paid before, 3 achieved in this tranche, 1 of this line cut)',
    );
  });

  it('a line the share cap did not cut says so without cut counts', () => {
    const ledger = ledgerOf();
    enrolled(ledger, 0, 10);
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    const [line] = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d1), [plan]);
    expect(line?.inputs).not.toHaveProperty('cutByShareCap');
    expect(line?.inputs).not.toHaveProperty('cutParticipants');
    expect(line?.inputs['payable']).toBe(5);
    expect(line?.formula).toContain('0 of this line cut');
  });

  it('the volume cap takes from the claims the share cap kept', () => {
    const ledger = ledgerOf();
    enrolled(ledger, 0, 4);
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    claim(ledger, 0, 0, d1, '100.00', 'p2');
    claim(ledger, 0, 0, d1, '100.00', 'p3');
    const state = runState();
    // share keeps 2 of 3, the volume cap (1) keeps 1 of those 2: volume cut 1, share cut 1
    const [line] = participantClaimLines(terms, rule, 0, wording, 1, tranche(ledger, state, [0], d1), [plan]);
    expect(line?.claims).toBe(1);
    expect(line?.inputs['cutByVolumeCap']).toBe(1);
    expect(line?.inputs['cutByShareCap']).toBe(1);
    expect(state.volumeCuts.get(0)).toBe(1);
  });

  it('a line whose claims the share cap cut entirely is still written, with its cut; the cut ids sorted over buckets', () => {
    const ledger = ledgerOf();
    enrolled(ledger, 0, 2);
    // 2 × 0.5 = 1 payable. Day 1: 150 (p2) first, kept; 100 (p1, p5) cut; day 2: 100 (p3) cut, on the 100 line
    claim(ledger, 0, 0, d1, '100.00', 'p5');
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    claim(ledger, 0, 0, d1, '150.00', 'p2');
    claim(ledger, 0, 0, d2, '100.00', 'p3');
    const lines = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d2), [plan]);
    expect(brief(lines)).toEqual(['A 1 × 150 = 150.00 [p2]', 'A 0 × 100 = 0.00 []']);
    expect(lines[1]?.inputs['cutByShareCap']).toBe(3);
    // cut on day 1: p1, p5 (sorted by the share cap); on day 2: p3; the line lists them sorted
    expect(lines[1]?.inputs['cutParticipants']).toBe('p1,p3,p5');
    expect(lines[1]?.inputs).not.toHaveProperty('cutByVolumeCap');
  });

  it('counts only without participant ids', () => {
    const ledger = ledgerOf();
    enrolled(ledger, 0, 2);
    const bucketLedger = ledger.cohorts[0];
    bucketLedger?.claims.set(1, [{ rule: 0, date: d1, amount: parseAmount('100.00'), count: 3, participants: undefined, version: undefined, cut: undefined }]);
    // 2 × 0.5 = 1 kept of 3
    const [line] = participantClaimLines(terms, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d1), [plan]);
    expect(line?.claims).toBe(1);
    expect(line?.participants).toBeUndefined();
    expect(line?.inputs['cutByShareCap']).toBe(2);
    expect(line?.inputs).not.toHaveProperty('cutParticipants');
  });
});

describe('versions of an amended contract', () => {
  const versions = [
    { id: 'base', from: day('2020-01-01'), terms: {} },
    { id: 'v2', from: d2, terms: {} },
  ] as unknown as ContractVersion[];
  const amended = ruleTerms({ rules: [rule], versions });

  it('a line names the latest version that priced its claims, and each participant\'s when they differ', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'p2');
    claim(ledger, 0, 0, d2, '100.00', 'p1');
    const [line] = participantClaimLines(amended, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d2));
    // p2 on d1: base; p1 on d2: v2. Sorted participants p1, p2 → v2, base
    expect(line?.version).toBe('v2');
    expect(line?.participants).toEqual(['p1', 'p2']);
    expect(line?.participantVersions).toEqual(['v2', 'base']);
  });
  it('one version for every claim: the line names it alone', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'p2');
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    const [line] = participantClaimLines(amended, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d1));
    expect(line?.version).toBe('base');
    expect(line).not.toHaveProperty('participantVersions');
  });
  it('a claim that names its version is priced by it, whatever its date', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d3, '100.00', 'p1', 0);
    claim(ledger, 0, 0, d1, '100.00', 'p2', 1);
    const [line] = participantClaimLines(amended, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d3));
    // p2 (d1) names v2, p1 (d3) names base: latest is v2; p1 base, p2 v2
    expect(line?.version).toBe('v2');
    expect(line?.participantVersions).toEqual(['base', 'v2']);
  });
  it('a participant with claims priced by two versions on one line keeps them in date order', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d2, '100.00', 'p1');
    claim(ledger, 0, 0, d1, '100.00', 'p1');
    claim(ledger, 0, 0, d3, '100.00', 'p0');
    const [line] = participantClaimLines(amended, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d3));
    // sorted ids p0, p1, p1: p0 on d3 (v2); p1 on d1 (base) then d2 (v2)
    expect(line?.participants).toEqual(['p0', 'p1', 'p1']);
    expect(line?.participantVersions).toEqual(['v2', 'base', 'v2']);
  });
  it('each participant\'s version follows the sorted participants, whatever order their claims came in', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, d1, '100.00', 'pa');
    claim(ledger, 0, 0, d2, '100.00', 'pc');
    claim(ledger, 0, 0, d3, '100.00', 'pb');
    claim(ledger, 0, 0, d3, '100.00', 'pd');
    const [line] = participantClaimLines(amended, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d3));
    // pa on d1 (base); pc on d2, pb and pd on d3 (v2); sorted pa, pb, pc, pd
    expect(line?.participants).toEqual(['pa', 'pb', 'pc', 'pd']);
    expect(line?.participantVersions).toEqual(['base', 'v2', 'v2', 'v2']);
    const reversed = ledgerOf();
    claim(reversed, 0, 0, d1, '100.00', 'pd');
    claim(reversed, 0, 0, d2, '100.00', 'pc');
    claim(reversed, 0, 0, d3, '100.00', 'pa');
    // pd base, pc and pa v2: sorted pa, pc, pd → v2, v2, base
    expect(participantClaimLines(amended, rule, 0, wording, undefined, tranche(reversed, runState(), [0], d3))[0]?.participantVersions).toEqual(['v2', 'v2', 'base']);
  });
  it('without participant ids, the version alone', () => {
    const ledger = ledgerOf();
    ledger.cohorts[0]?.claims.set(1, [{ rule: 0, date: d2, amount: parseAmount('100.00'), count: 2, participants: undefined, version: undefined, cut: undefined }]);
    ledger.cohorts[0]?.claims.set(2, [{ rule: 0, date: d1, amount: parseAmount('100.00'), count: 1, participants: undefined, version: undefined, cut: undefined }]);
    const [line] = participantClaimLines(amended, rule, 0, wording, undefined, tranche(ledger, runState(), [0], d2));
    expect(line?.claims).toBe(3);
    expect(line?.version).toBe('v2');
    expect(line).not.toHaveProperty('participantVersions');
    expect(line?.participants).toBeUndefined();
  });
});
