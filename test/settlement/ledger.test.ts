import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, ZERO, type Amount } from '../../src/money/index.js';
import { addClaim, claimBuckets, emptyLedger, mergeLedger, type Ledger } from '../../src/settlement/ledger.js';
import { runs } from '../runs.js';

/*
 * Claims at a rule's own prices are counted by date and moved into buckets when read; any other
 * amount goes to its bucket at once. Either way, a bucket holds the claims of one rule, date and
 * amount (by value), whatever the order they were added in, and shards merge.
 */

const PRICES = [[parseAmount('1500'), parseAmount('1650')], [parseAmount('800')]];

function ledger(keepParticipants: boolean): Ledger {
  return emptyLedger({ cohorts: 1, outcomes: 0, rateSpecs: 0, participantCaps: 0, guarantees: 0, rulePrices: PRICES }, keepParticipants, ZERO);
}

/** The buckets of cohort 0 as sorted text: `rule@date:amount x count [participants]`. */
function bucketsText(of: Ledger): string[] {
  const cohort = of.cohorts[0];
  if (cohort === undefined) return [];
  return [...claimBuckets(cohort)].map((b) => `${b.rule}@${b.date}:${b.amount.toFixed()}x${b.count}[${[...(b.participants ?? [])].sort().join(',')}]`).sort();
}

interface ClaimInput {
  readonly rule: number;
  readonly date: number;
  readonly amount: Amount;
  readonly id: string;
}

function add(into: Ledger, claims: readonly ClaimInput[], keepParticipants: boolean): void {
  const cohort = into.cohorts[0];
  if (cohort === undefined) throw new Error('no cohort');
  for (const claim of claims) addClaim(cohort, claim.rule, claim.date, claim.amount, claim.id, keepParticipants);
}

describe('claim buckets', () => {
  it('count claims at a price by date, and put any other amount in its own bucket', () => {
    const [p1500, p1650] = PRICES[0] ?? [];
    const claims: ClaimInput[] = [
      { rule: 0, date: 100, amount: p1500 ?? ZERO, id: 'a' }, // the price object itself
      { rule: 0, date: 100, amount: parseAmount('1500.00'), id: 'b' }, // equal to the price, another object: same bucket
      { rule: 0, date: 100, amount: p1650 ?? ZERO, id: 'c' }, // the second price: its own bucket
      { rule: 0, date: 101, amount: p1500 ?? ZERO, id: 'd' }, // the next day: its own bucket
      { rule: 0, date: 100, amount: parseAmount('700'), id: 'e' }, // cut by a cap: not a price
      { rule: 0, date: 100, amount: parseAmount('700.0'), id: 'f' }, // the same cut amount: same bucket
      { rule: 1, date: 100, amount: parseAmount('1500'), id: 'g' }, // rule 1 has no such price
    ];
    const counted = ledger(false);
    add(counted, claims, false);
    // 1500 on day 100: a and b; 1650: c; 1500 on day 101: d; 700: e and f; rule 1's 1500: g
    expect(bucketsText(counted)).toEqual(['0@100:1500x2[]', '0@100:1650x1[]', '0@100:700x2[]', '0@101:1500x1[]', '1@100:1500x1[]']);
    const kept = ledger(true);
    add(kept, claims, true);
    expect(bucketsText(kept)).toEqual(['0@100:1500x2[a,b]', '0@100:1650x1[c]', '0@100:700x2[e,f]', '0@101:1500x1[d]', '1@100:1500x1[g]']);
  });

  it('keep their identity when claims are added after a read', () => {
    const price = PRICES[0]?.[0] ?? ZERO;
    const counted = ledger(false);
    const cohort = counted.cohorts[0];
    if (cohort === undefined) throw new Error('no cohort');
    addClaim(cohort, 0, 100, price, 'a', false);
    const [first] = [...claimBuckets(cohort)];
    addClaim(cohort, 0, 100, price, 'b', false);
    const again = [...claimBuckets(cohort)];
    expect(again).toHaveLength(1);
    expect(again[0]).toBe(first);
    expect(first?.count).toBe(2);
  });

  it('hold the same claims whether counted or kept one by one, in any order, and when shards merge', () => {
    const amount = fc.oneof(
      fc.constantFrom(...PRICES.flat()), // a price object
      fc.constantFrom('1500.00', '1650.0', '800', '700', '650.50').map((text) => parseAmount(text)), // another object
    );
    const claim = fc.record({ rule: fc.integer({ min: 0, max: 2 }), date: fc.integer({ min: -50, max: 50 }), amount, id: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 40 }), fc.nat(), (claims, cut) => {
        const stripped = (lines: string[]) => lines.map((line) => line.replace(/\[.*\]$/, '[]'));
        const kept = ledger(true);
        add(kept, claims, true);
        const expected = stripped(bucketsText(kept));
        const counted = ledger(false);
        add(counted, [...claims].reverse(), false);
        expect(bucketsText(counted)).toEqual(expected);
        const left = ledger(false);
        const right = ledger(false);
        const at = claims.length === 0 ? 0 : cut % (claims.length + 1);
        add(left, claims.slice(0, at), false);
        add(right, claims.slice(at), false);
        mergeLedger(left, right);
        expect(bucketsText(left)).toEqual(expected);
        const merged = left.cohorts[0];
        const total = merged === undefined ? 0 : [...claimBuckets(merged)].reduce((sum, b) => sum + b.count, 0);
        expect(total).toBe(claims.length); // no claim lost or counted twice
      }),
      { numRuns: runs(400) },
    );
  });
});
