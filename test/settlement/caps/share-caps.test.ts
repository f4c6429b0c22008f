/**
 * Share caps (src/settlement/caps/share-caps.ts) on hand-made cohorts and claim buckets: the
 * payable count under each rounding, the binding cap, the earliest claims first (same day: the
 * higher price first; participant ids name who was cut), claims paid by earlier tranches, and the
 * counts kept in the run state. Expected figures are worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/contract/index.js';
import { parseAmount } from '../../../src/money/index.js';
import { allotShares, payableCount, shareCapsOf, type ShareCapPlan } from '../../../src/settlement/caps/share-caps.js';
import { DateCounts } from '../../../src/settlement/date-counts.js';
import type { ClaimBucket, Ledger } from '../../../src/settlement/ledger.js';
import type { RunState } from '../../../src/settlement/rules/rule-module.js';

const plan = (share: string, rounding: 'down' | 'up' | 'nearest', id = 'cap'): ShareCapPlan => ({ id, share: parseAmount(share), written: share, rounding });

describe('payableCount', () => {
  it('rounds share × participants down, up or to the nearest', () => {
    // 0.4 × 12 = 4.8
    expect(payableCount(plan('0.4', 'down'), 12)).toBe(4);
    expect(payableCount(plan('0.4', 'up'), 12)).toBe(5);
    expect(payableCount(plan('0.4', 'nearest'), 12)).toBe(5);
    // 0.3 × 11 = 3.3
    expect(payableCount(plan('0.3', 'nearest'), 11)).toBe(3);
    expect(payableCount(plan('0.3', 'up'), 11)).toBe(4);
  });
  it('nearest rounds a half up', () => {
    // 0.5 × 5 = 2.5
    expect(payableCount(plan('0.5', 'nearest'), 5)).toBe(3);
    expect(payableCount(plan('0.5', 'down'), 5)).toBe(2);
  });
  it('a whole product is kept in every mode, exactly (no float error)', () => {
    // 0.3 × 10 = 3 exactly (as a float 0.3 × 10 is 3.0000000000000004, up would give 4)
    expect(payableCount(plan('0.3', 'up'), 10)).toBe(3);
    expect(payableCount(plan('0.3', 'down'), 10)).toBe(3);
    // 0.7 × 10 = 7 (float 7.000000000000001)
    expect(payableCount(plan('0.7', 'up'), 10)).toBe(7);
    expect(payableCount(plan('1', 'down'), 0)).toBe(0);
  });
});

describe('shareCapsOf', () => {
  it('the share caps of one rule, in contract order', () => {
    const contract = {
      caps: [
        { kind: 'share', id: 'a', rule: 'pay-placement', share: '0.40', rounding: 'down' },
        { kind: 'share', id: 'b', rule: 'pay-other', share: '0.1', rounding: 'up' },
        { kind: 'outcomeVolume', id: 'vol', rule: 'pay-placement', targetUnits: 3 },
        { kind: 'share', id: 'c', rule: 'pay-placement', share: '0.25', rounding: 'nearest' },
      ],
    } as unknown as Contract;
    expect(shareCapsOf(contract, 'pay-placement').map((c) => `${c.id} ${c.share.toFixed()} ${c.written} ${c.rounding}`)).toEqual(['a 0.4 0.40 down', 'c 0.25 0.25 nearest']);
    expect(shareCapsOf({} as Contract, 'pay-placement')).toEqual([]);
  });
});

/** A ledger whose cohorts enrolled the given days (one participant per entry). */
function ledgerOf(enrolments: readonly (readonly number[])[]): Ledger {
  return {
    cohorts: enrolments.map((days) => {
      const enrolled = new DateCounts();
      for (const day of days) enrolled.add(day);
      return { tally: { enrolled } };
    }),
  } as unknown as Ledger;
}
const runState = (): RunState => ({ shareUsed: new Map(), shareCuts: new Map() }) as unknown as RunState;
const bucket = (date: number, amount: string, count: number, participants?: string[]): ClaimBucket => ({
  rule: 0,
  date,
  amount: parseAmount(amount),
  count,
  participants,
  version: undefined,
  cut: undefined,
});
const days = (n: number, day = 1): number[] => Array.from({ length: n }, () => day);

describe('allotShares', () => {
  it('keeps the earliest claims up to the payable count, the higher price first on the same day', () => {
    // 10 participants × 0.4 = 4 payable. By date, the same day's higher price first:
    // day 5 at 300 ×2 (keep 2), day 5 at 200 ×2 (keep 2), day 7 at 500 ×3 (keep 0, cut 3)
    const ledger = ledgerOf([days(10)]);
    const state = runState();
    const late = bucket(7, '500.00', 3, ['p9', 'p7', 'p8']);
    const low = bucket(5, '200.00', 2, ['p4', 'p3']);
    const high = bucket(5, '300.00', 2, ['p2', 'p1']);
    const allotment = allotShares(ledger, state, 0, [plan('0.4', 'down')], [{ cohort: 0, window: { after: -Infinity, upTo: 10 } }], () => [late, low, high]);
    expect(allotment.kept.get(high)).toBe(2);
    expect(allotment.kept.get(low)).toBe(2);
    expect(allotment.kept.get(late)).toBe(0);
    // cut: all of the late bucket, ids sorted
    expect(allotment.cutParticipants.get(late)).toEqual(['p7', 'p8', 'p9']);
    expect(allotment.cutParticipants.has(low)).toBe(false);
    expect(state.shareUsed.get('0|0')).toBe(4);
    expect(state.shareCuts.get('cap')).toBe(3);
    const cohort = allotment.cohorts.get(0);
    expect(cohort && { cap: cohort.cap.id, participants: cohort.participants, payable: cohort.payable, paidBefore: cohort.paidBefore, achieved: cohort.achieved }).toEqual({
      cap: 'cap',
      participants: 10,
      payable: 4,
      paidBefore: 0,
      achieved: 7,
    });
  });

  it('cuts a bucket in part: the first participant ids in order are kept, the others named as cut', () => {
    // 10 × 0.3 = 3 payable: day 2 ×1 kept; day 3 ×4 keeps 2, cuts 2 (ids sorted: a, b kept; c, d cut)
    const ledger = ledgerOf([days(10)]);
    const state = runState();
    const first = bucket(2, '100.00', 1, ['z']);
    const second = bucket(3, '100.00', 4, ['d', 'b', 'a', 'c']);
    const allotment = allotShares(ledger, state, 2, [plan('0.3', 'down')], [{ cohort: 0, window: { after: -Infinity, upTo: 10 } }], () => [second, first]);
    expect(allotment.kept.get(first)).toBe(1);
    expect(allotment.kept.get(second)).toBe(2);
    expect(allotment.cutParticipants.get(second)).toEqual(['c', 'd']);
    expect(state.shareUsed.get('2|0')).toBe(3);
    expect(state.shareCuts.get('cap')).toBe(2);
  });

  it('without participant detail, counts only', () => {
    const allotment = allotShares(ledgerOf([days(4)]), runState(), 0, [plan('0.5', 'down')], [{ cohort: 0, window: { after: -Infinity, upTo: 10 } }], () => [bucket(1, '1.00', 3)]);
    // 4 × 0.5 = 2 kept of 3
    expect([...allotment.kept.values()]).toEqual([2]);
    expect(allotment.cutParticipants.size).toBe(0);
  });

  it('counts claims paid by earlier tranches, and cuts accumulate per cap', () => {
    // 10 × 0.5 = 5 payable. Tranche 1: 3 claims, all kept (used 3). Tranche 2: 4 claims, 2 kept, 2 cut.
    // Tranche 3: 1 claim, 0 kept (used 5 = payable), cuts now 3.
    const ledger = ledgerOf([days(10)]);
    const state = runState();
    const caps = [plan('0.5', 'down')];
    const window = { cohort: 0, window: { after: -Infinity, upTo: 10 } };
    const t1 = bucket(1, '1.00', 3);
    expect(allotShares(ledger, state, 0, caps, [window], () => [t1]).kept.get(t1)).toBe(3);
    expect(state.shareCuts.has('cap')).toBe(false);
    const t2 = bucket(2, '1.00', 4);
    const a2 = allotShares(ledger, state, 0, caps, [window], () => [t2]);
    expect(a2.kept.get(t2)).toBe(2);
    expect(a2.cohorts.get(0)?.paidBefore).toBe(3);
    expect(a2.cohorts.get(0)?.achieved).toBe(4);
    expect(state.shareCuts.get('cap')).toBe(2);
    const t3 = bucket(3, '1.00', 1);
    expect(allotShares(ledger, state, 0, caps, [window], () => [t3]).kept.get(t3)).toBe(0);
    expect(state.shareUsed.get('0|0')).toBe(5);
    expect(state.shareCuts.get('cap')).toBe(3);
  });

  it('never keeps a negative count when earlier tranches used more than is payable now', () => {
    const state = runState();
    state.shareUsed.set('0|0', 6);
    const b = bucket(1, '1.00', 2);
    const allotment = allotShares(ledgerOf([days(10)]), state, 0, [plan('0.5', 'down')], [{ cohort: 0, window: { after: -Infinity, upTo: 10 } }], () => [b]);
    // payable 5, used 6: keep max(0, min(2, −1)) = 0, both cut
    expect(allotment.kept.get(b)).toBe(0);
    expect(state.shareUsed.get('0|0')).toBe(6);
    expect(state.shareCuts.get('cap')).toBe(2);
  });

  it('counts the participants enrolled by the measurement date only', () => {
    // 5 enrolled on day 1, 5 on day 20; window up to day 10: 5 participants, 0.4 × 5 = 2
    const allotment = allotShares(ledgerOf([[...days(5, 1), ...days(5, 20)]]), runState(), 0, [plan('0.4', 'down')], [{ cohort: 0, window: { after: -Infinity, upTo: 10 } }], () => [bucket(1, '1.00', 4)]);
    expect(allotment.cohorts.get(0)?.participants).toBe(5);
    expect(allotment.cohorts.get(0)?.payable).toBe(2);
  });

  it('a cohort the ledger does not know has no participants: nothing payable', () => {
    const b = bucket(1, '1.00', 1);
    const allotment = allotShares(ledgerOf([]), runState(), 0, [plan('0.5', 'up')], [{ cohort: 3, window: { after: -Infinity, upTo: 10 } }], () => [b]);
    expect(allotment.cohorts.get(3)?.participants).toBe(0);
    expect(allotment.kept.get(b)).toBe(0);
  });

  it('the binding cap allows the fewest claims; on a tie the first in contract order binds', () => {
    // 10 participants: a 0.5 down = 5, b 0.3 up = 3, c 0.25 nearest = 2.5 → 3 (ties b: b stays)
    const ledger = ledgerOf([days(10)]);
    const state = runState();
    const b1 = bucket(1, '1.00', 6);
    const allotment = allotShares(ledger, state, 0, [plan('0.5', 'down', 'a'), plan('0.3', 'up', 'b'), plan('0.25', 'nearest', 'c')], [{ cohort: 0, window: { after: -Infinity, upTo: 10 } }], () => [b1]);
    expect(allotment.cohorts.get(0)?.cap.id).toBe('b');
    expect(allotment.cohorts.get(0)?.payable).toBe(3);
    expect(allotment.kept.get(b1)).toBe(3);
    expect([...state.shareCuts.entries()]).toEqual([['b', 3]]);
    // the first cap binding when it is the strictest: a 0.1 down = 1, b 0.3 = 3
    const again = allotShares(ledger, runState(), 0, [plan('0.1', 'down', 'a'), plan('0.3', 'down', 'b')], [{ cohort: 0, window: { after: -Infinity, upTo: 10 } }], () => [bucket(1, '1.00', 6)]);
    expect(again.cohorts.get(0)?.cap.id).toBe('a');
    expect(again.cohorts.get(0)?.payable).toBe(1);
  });

  it('allots each cohort of the tranche on its own', () => {
    // cohort 0: 4 × 0.5 = 2; cohort 1: 2 × 0.5 = 1
    const ledger = ledgerOf([days(4), days(2)]);
    const state = runState();
    const b0 = bucket(1, '1.00', 3);
    const b1 = bucket(1, '1.00', 3);
    const allotment = allotShares(
      ledger,
      state,
      1,
      [plan('0.5', 'down')],
      [
        { cohort: 0, window: { after: -Infinity, upTo: 10 } },
        { cohort: 1, window: { after: -Infinity, upTo: 10 } },
      ],
      (cohort) => (cohort === 0 ? [b0] : [b1]),
    );
    expect([allotment.kept.get(b0), allotment.kept.get(b1)]).toEqual([2, 1]);
    expect([state.shareUsed.get('1|0'), state.shareUsed.get('1|1')]).toEqual([2, 1]);
    // 1 + 2 cut
    expect(state.shareCuts.get('cap')).toBe(3);
  });
});
