/**
 * Sustainment (src/settlement/rules/sustainment.ts): the claim dates of the periods in work after
 * a placement (the union of spells within the window, gaps up to the allowed length, the lag, the
 * most payments, never before the placement was achieved, never after the as-of date), the
 * rule's claims, lines and bounds. Day offsets from the placement worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentRule } from '../../../src/contract/index.js';
import type { Resolution } from '../../../src/outcomes/index.js';
import type { EmploymentSpell, OutcomeRecord } from '../../../src/records/index.js';
import type { Claim } from '../../../src/settlement/rules/rule-module.js';
import { sustainment, sustainmentClaimDates } from '../../../src/settlement/rules/sustainment.js';
import { boundTerms, claim, day, ledgerOf, paidCohort, ruleTerms, runState, tranche } from './fixtures.js';

type Rule = Extract<PaymentRule, { kind: 'sustainment' }>;
const rule = (extra: Partial<Record<string, number | string>> = {}): Rule =>
  ({ kind: 'sustainment', id: 'sustain', name: 'S', placementOutcome: 'placement', periodDays: 28, maxPayments: 3, price: '120.00', allowedGapDays: 7, paymentLagDays: 14, windowDays: 728, ...extra }) as unknown as Rule;
const P = day('2024-01-01');
const spell = (start: number, end?: number): EmploymentSpell => (end === undefined ? { start } : { start, end }) as unknown as EmploymentSpell;
/** Claim dates as offsets from the placement day. */
const offsets = (r: Rule, spells: EmploymentSpell[], asOf: number, achievedOn?: number): number[] =>
  sustainmentClaimDates(r, spells, P as never, asOf as never, (achievedOn ?? P) as never).map((d) => d - P);

describe('sustainmentClaimDates', () => {
  it('in work since the placement: a claim per full period plus the lag, at most maxPayments', () => {
    // period 1 completes on day 27 (28th day), claim 27 + 14 = 41; period 2: 55 → 69; period 3: 83 → 97; then no more
    expect(offsets(rule(), [spell(P)], P + 1000)).toEqual([41, 69, 97]);
    expect(offsets(rule({ maxPayments: 2 }), [spell(P)], P + 1000)).toEqual([41, 69]);
    expect(offsets(rule({ paymentLagDays: 0 }), [spell(P)], P + 1000)).toEqual([27, 55, 83]);
  });
  it('only claims dated on or before the as-of date', () => {
    expect(offsets(rule(), [spell(P)], P + 41)).toEqual([41]);
    expect(offsets(rule(), [spell(P)], P + 40)).toEqual([]);
    expect(offsets(rule(), [spell(P)], P + 68)).toEqual([41]);
    // an open spell runs to the as-of date: as of day 26 the first period is not complete
    expect(offsets(rule({ paymentLagDays: 0 }), [spell(P)], P + 26)).toEqual([]);
    expect(offsets(rule({ paymentLagDays: 0 }), [spell(P)], P + 27)).toEqual([27]);
  });
  it('a spell with an end counts its days only', () => {
    // days 0..27: 28 days, one period; 0..26: 27 days, none
    expect(offsets(rule(), [spell(P, P + 27)], P + 1000)).toEqual([41]);
    expect(offsets(rule(), [spell(P, P + 26)], P + 1000)).toEqual([]);
  });
  it('counts from the placement: days before it and spells ending before it do not count', () => {
    // spell from day −100: counting starts at 0
    expect(offsets(rule(), [spell(P - 100)], P + 1000)).toEqual([41, 69, 97]);
    // a spell ending on day −1 is ignored; one ending on day 0 counts that day
    expect(offsets(rule({ periodDays: 1, maxPayments: 5, paymentLagDays: 0 }), [spell(P - 10, P - 1)], P + 1000)).toEqual([]);
    expect(offsets(rule({ periodDays: 1, maxPayments: 5, paymentLagDays: 0 }), [spell(P - 10, P)], P + 1000)).toEqual([0]);
  });
  it('overlapping and nested spells count their union once, in start order', () => {
    // 0..20 and 10..40: 41 days, one period (day 27); a nested 5..15 adds nothing
    expect(offsets(rule(), [spell(P + 10, P + 40), spell(P + 5, P + 15), spell(P, P + 20)], P + 1000)).toEqual([41]);
    // 0..13 and 14..27 touch: 28 days, day 27
    expect(offsets(rule(), [spell(P + 14, P + 27), spell(P, P + 13)], P + 1000)).toEqual([41]);
  });
  it('a gap up to the allowed days continues the count; a longer one ends it', () => {
    // 0..9 (10 days), gap of 7 (10..16), then from 17: 18 more days reach 28 on day 34 → claim 48
    expect(offsets(rule(), [spell(P, P + 9), spell(P + 17)], P + 1000)).toEqual([48, 76, 104]);
    // gap of 8 (10..17): the count ends
    expect(offsets(rule(), [spell(P, P + 9), spell(P + 18)], P + 1000)).toEqual([]);
    // a late start after the placement is a gap too: start on day 8 is a gap of 8
    expect(offsets(rule(), [spell(P + 7)], P + 1000)).toEqual([48, 76, 104]);
    expect(offsets(rule(), [spell(P + 8)], P + 1000)).toEqual([]);
  });
  it('within the window only', () => {
    // window 30 days (0..29): one period; 27 days (0..26): none
    expect(offsets(rule({ windowDays: 30 }), [spell(P)], P + 1000)).toEqual([41]);
    expect(offsets(rule({ windowDays: 28 }), [spell(P)], P + 1000)).toEqual([41]);
    expect(offsets(rule({ windowDays: 27 }), [spell(P)], P + 1000)).toEqual([]);
    // a spell starting on the window's last day counts that day; one starting after it does not
    const daily = rule({ windowDays: 3, periodDays: 1, maxPayments: 9, paymentLagDays: 0, allowedGapDays: 5 });
    expect(offsets(daily, [spell(P, P), spell(P + 2, P + 9)], P + 1000)).toEqual([0, 2]);
    expect(offsets(daily, [spell(P, P), spell(P + 3, P + 9)], P + 1000)).toEqual([0]);
  });
  it('never before the placement was achieved', () => {
    // achieved on day 50: the first claim (41) waits until 50; the others are later anyway
    expect(offsets(rule(), [spell(P)], P + 1000, P + 50)).toEqual([50, 69, 97]);
    // achieved after the as-of date: nothing yet
    expect(offsets(rule(), [spell(P)], P + 60, P + 61)).toEqual([]);
  });
  it('the default achievement day is the placement day', () => {
    expect(sustainmentClaimDates(rule(), [spell(P)], P as never, (P + 41) as never).map((d) => d - P)).toEqual([41]);
  });
});

const placed = (anchor: number | undefined, on: number, status = 'achieved'): Resolution => ({ status, on, anchor, reason: 'X' }) as unknown as Resolution;
const record = (spells: EmploymentSpell[]): OutcomeRecord => ({ id: 'p', cohort: 'A', groups: [], enrolledOn: P, spells, wages: [], events: [] }) as unknown as OutcomeRecord;

describe('the sustainment rule', () => {
  const terms = ruleTerms({ rules: [rule()], asOf: '2024-03-01' }); // as of day 60
  it('claims each period of a placed participant, as of the settlement date', () => {
    const parts = sustainment.prepare(rule(), 0, terms);
    expect(parts.prices.map((p) => p.toFixed(2))).toEqual(['120.00']);
    expect(parts.scheduled).toEqual([]);
    const claims: Claim[] = [];
    parts.claims?.(record([spell(P)]), [placed(P, P)], claims);
    // as of day 60: only the claim of day 41
    expect(claims.map((c) => `${c.rule} ${c.date - P} ${c.amount.toFixed(2)}`)).toEqual(['0 41 120.00']);
    // achieved later (day 45): dated then
    const later: Claim[] = [];
    parts.claims?.(record([spell(P)]), [placed(P, P + 45)], later);
    expect(later.map((c) => c.date - P)).toEqual([45]);
  });
  it('no claim without an achieved placement with an anchor', () => {
    const parts = sustainment.prepare(rule(), 0, terms);
    const claims: Claim[] = [];
    parts.claims?.(record([spell(P)]), [placed(undefined, P)], claims);
    parts.claims?.(record([spell(P)]), [placed(P, P, 'failed')], claims);
    parts.claims?.(record([spell(P)]), [], claims);
    expect(claims).toEqual([]);
    // an outcome the contract does not list
    sustainment.prepare(rule({ placementOutcome: 'nowhere' }), 0, terms).claims?.(record([spell(P)]), [placed(P, P)], claims);
    expect(claims).toEqual([]);
  });
  it('a participant not seen claims every payment when placed, none otherwise', () => {
    const parts = sustainment.prepare(rule(), 0, terms);
    expect(parts.unseenClaims(true, 0).map((p) => p.toFixed(2))).toEqual(['120.00', '120.00', '120.00']);
    expect(parts.unseenClaims(false, 0)).toEqual([]);
  });
  it('its lines: sustainment periods under its outcome-volume cap', () => {
    const capped = ruleTerms({ rules: [rule()], caps: [{ kind: 'outcomeVolume', id: 'v', rule: 'sustain', targetUnits: 2 }] });
    const ledger = ledgerOf();
    for (const id of ['a', 'b', 'c']) claim(ledger, 0, 0, P + 41, '120.00', id);
    const lines = sustainment.prepare(rule(), 0, capped).lines(tranche(ledger, runState(), [0], P + 60));
    expect(lines.map((l) => `${l.outcome} ${l.claims} ${l.amount.toFixed(2)} ${l.formula}`)).toEqual(['placement 2 240.00 2 sustainment periods × 120']);
    expect(lines[0]?.inputs['cutByVolumeCap']).toBe(1);
    const one = ledgerOf();
    claim(one, 0, 0, P + 41, '120.00', 'a');
    expect(sustainment.prepare(rule(), 0, capped).lines(tranche(one, runState(), [0], P + 60))[0]?.formula).toBe('1 sustainment period × 120');
  });
  it('bounds: every participant paid every period, at the raised price', () => {
    const cells = (factor?: string) =>
      sustainment.bounds(rule(), boundTerms({ paidCohorts: [paidCohort('A', 4)], ...(factor === undefined ? {} : { factor }) })).map((c) => `${c.cohort} ${c.outcome} ${c.most.toFixed(2)} ${c.least.toFixed(2)} ${c.claims?.largest.toFixed(2)}`);
    // 4 × 3 × 120 = 1440
    expect(cells()).toEqual(['A placement 1440.00 0.00 120.00']);
    // 120 × 1.0001 = 120.012 → up 120.02; × 3 × 4 = 1440.24
    expect(cells('1.0001')).toEqual(['A placement 1440.24 0.00 120.02']);
  });
  it('pays for its placement outcome, reads no rate', () => {
    expect(sustainment.paysFor(rule())).toEqual(['placement']);
    expect(sustainment.rateUses(rule())).toEqual([]);
  });
});
