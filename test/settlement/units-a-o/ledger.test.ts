/**
 * The ledger (src/settlement/ledger.ts) on hand-built ledgers: its empty shape, group tallies,
 * claims at a rule's prices (counted, then moved into buckets that keep their identity) and any
 * other claim (a bucket at once: by version, by per-participant cut, with participant ids), the
 * cut records of per-participant caps, clear, copy and merge.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount, ZERO } from '../../../src/money/index.js';
import type { DateCounts } from '../../../src/settlement/date-counts.js';
import {
  addClaim,
  addClaims,
  addCountedClaims,
  addCutClaim,
  claimBuckets,
  clearLedger,
  copyLedger,
  emptyLedger,
  groupTally,
  mergeLedger,
  type CohortLedger,
  type Ledger,
} from '../../../src/settlement/ledger.js';

const P1500 = parseAmount('1500.00');
const P800 = parseAmount('800');

function ledgerOf(keep: boolean, extra: Partial<{ cohorts: number; outcomes: number; rateSpecs: number; participantCaps: number; guarantees: number }> = {}): Ledger {
  return emptyLedger(
    { cohorts: 1, outcomes: 1, rateSpecs: 1, participantCaps: 1, guarantees: 1, rulePrices: [[P1500, parseAmount('1500'), P800], [], [P800]], ...extra },
    keep,
    ZERO,
  );
}

function cohortOf(ledger: Ledger, index = 0): CohortLedger {
  const cohort = ledger.cohorts[index];
  if (cohort === undefined) throw new Error('no cohort');
  return cohort;
}

/** The buckets of a cohort in the order read: `rule@date amount×count [ids] v<version> cut`. */
function buckets(cohort: CohortLedger): string[] {
  return [...claimBuckets(cohort)].map((b) => {
    const ids = b.participants === undefined ? '' : ` [${b.participants.join(',')}]`;
    const version = b.version === undefined ? '' : ` v${b.version}`;
    const cut = b.cut === undefined ? '' : ` cut ${b.cut.caps.join('+')} from ${b.cut.listed.toFixed(2)}`;
    return `${b.rule}@${b.date} ${b.amount.toFixed(2)}×${b.count}${ids}${version}${cut}`;
  });
}

function days(counts: DateCounts | undefined): string[] {
  const seen: string[] = [];
  counts?.forEach((day, count) => seen.push(`${day}:${count}`));
  return seen;
}

describe('emptyLedger', () => {
  it('has the contract shape: cohorts, outcomes, rate specifications, caps, guarantees, nothing counted', () => {
    const zero = parseAmount('0.000');
    const ledger = emptyLedger({ cohorts: 2, outcomes: 3, rateSpecs: 2, participantCaps: 2, guarantees: 1, rulePrices: [[P1500], []] }, false, zero);
    expect(ledger.participants).toBe(0);
    expect(ledger.cohorts).toHaveLength(2);
    const cohort = cohortOf(ledger, 1);
    expect(cohort.tally.outcomes).toHaveLength(3);
    expect(cohort.rates).toHaveLength(2);
    expect(cohort.groups.size).toBe(0);
    expect(cohort.claims.size).toBe(0);
    expect(days(cohort.tally.enrolled)).toEqual([]);
    // one priced entry per rule, none for a rule without prices
    expect(cohort.priced.map((p) => (p === undefined ? 'none' : p.prices.map((x) => x.toFixed()).join(',')))).toEqual(['1500', 'none']);
    expect(ledger.participantCaps).toHaveLength(2);
    expect(ledger.participantCaps[0]?.claims).toBe(0);
    expect(ledger.participantCaps[0]?.amount).toBe(zero); // the zero given
    expect(ledger.participantCaps[0]?.participants).toBeUndefined();
    expect(ledger.participantCaps[0]?.byClaim.size).toBe(0);
    expect(ledger.guarantees).toHaveLength(1);
    expect(ledger.guarantees[0]?.undecided).toBe(0);
    // histograms are distinct objects
    expect(cohort.tally.outcomes[0]?.achieved).not.toBe(cohort.tally.outcomes[0]?.failed);
    expect(cohortOf(ledger, 0).tally.enrolled).not.toBe(cohort.tally.enrolled);
  });

  it('the prices of a rule are kept once per value, the first object of each value', () => {
    const cohort = cohortOf(ledgerOf(false));
    const prices = cohort.priced[0]?.prices ?? [];
    expect(prices.map((p) => p.toFixed(2))).toEqual(['1500.00', '800.00']);
    expect(prices[0]).toBe(P1500);
    expect(cohort.priced[0]?.counts).toHaveLength(2);
    expect(cohort.priced[1]).toBeUndefined();
  });

  it('keeping participant ids: no priced counts, cap cut records keep ids', () => {
    const ledger = ledgerOf(true);
    expect(cohortOf(ledger).priced).toEqual([]);
    expect(ledger.participantCaps[0]?.participants).toEqual([]);
  });
});

describe('groupTally', () => {
  it('creates a group tally on first use and returns the same one after', () => {
    const cohort = cohortOf(ledgerOf(false));
    const tally = groupTally(cohort, 'rsa', 2);
    expect(tally.outcomes).toHaveLength(2);
    expect(cohort.groups.get('rsa')).toBe(tally);
    expect(groupTally(cohort, 'rsa', 5)).toBe(tally);
    expect(groupTally(cohort, 'other', 1)).not.toBe(tally);
    expect([...cohort.groups.keys()]).toEqual(['rsa', 'other']);
  });
});

describe('addClaim', () => {
  it('a claim at a price (same object or an equal one) is counted, then read in one bucket at the price object', () => {
    const cohort = cohortOf(ledgerOf(false));
    addClaim(cohort, 0, 100, P1500, 'P1', false);
    addClaim(cohort, 0, 100, parseAmount('1500'), 'P2', false); // equal value, another object
    addClaim(cohort, 0, 101, P800, 'P3', false);
    expect(cohort.claims.size).toBe(0); // counted, not yet in buckets
    const read = [...claimBuckets(cohort)];
    expect(buckets(cohort)).toEqual(['0@100 1500.00×2', '0@101 800.00×1']);
    expect(read[0]?.amount).toBe(P1500);
    expect(read[0]?.participants).toBeUndefined();
    expect(read[0]?.version).toBeUndefined();
    expect(read[0]?.cut).toBeUndefined();
  });

  it('another amount, a rule without prices, a version or a cut go to a bucket at once', () => {
    const cohort = cohortOf(ledgerOf(false));
    const odd = parseAmount('999.99');
    addClaim(cohort, 0, 100, odd, 'P1', false);
    addClaim(cohort, 1, 100, P1500, 'P2', false); // rule 1 has no prices
    addClaim(cohort, 0, 100, P1500, 'P3', false, 2);
    addClaim(cohort, 0, 100, P1500, 'P4', false, undefined, { caps: ['cap'], listed: parseAmount('2000') });
    expect(buckets(cohort)).toEqual(['0@100 999.99×1', '0@100 1500.00×1 v2', '0@100 1500.00×1 cut cap from 2000.00', '1@100 1500.00×1']);
  });

  it('claims of the same rule, date and amount share a bucket (found by identity, else by value); other rules and dates do not', () => {
    const cohort = cohortOf(ledgerOf(false));
    const odd = parseAmount('10.5');
    addClaim(cohort, 1, 100, odd, 'P1', false);
    addClaim(cohort, 1, 100, odd, 'P2', false);
    addClaim(cohort, 1, 100, parseAmount('10.50'), 'P3', false);
    addClaim(cohort, 1, 101, odd, 'P4', false);
    addClaim(cohort, 2, 100, odd, 'P5', false);
    addClaim(cohort, 1, -100, odd, 'P6', false);
    addClaim(cohort, 1, 100, parseAmount('10.51'), 'P7', false);
    expect(buckets(cohort)).toEqual(['1@100 10.50×3', '1@100 10.51×1', '1@101 10.50×1', '2@100 10.50×1', '1@-100 10.50×1']);
  });

  it('participant ids are kept when asked, in the order added', () => {
    const cohort = cohortOf(ledgerOf(true));
    addClaim(cohort, 0, 100, P1500, 'P2', true);
    addClaim(cohort, 0, 100, P1500, 'P1', true);
    addClaim(cohort, 0, 100, P800, 'P3', true);
    expect(buckets(cohort)).toEqual(['0@100 1500.00×2 [P2,P1]', '0@100 800.00×1 [P3]']);
  });

  it('a bucket keeps the latest version of its claims', () => {
    const cohort = cohortOf(ledgerOf(false));
    addClaim(cohort, 0, 100, P1500, 'P1', false, 1);
    expect(buckets(cohort)).toEqual(['0@100 1500.00×1 v1']);
    addClaim(cohort, 0, 100, P1500, 'P2', false, 3);
    expect(buckets(cohort)).toEqual(['0@100 1500.00×2 v3']);
    addClaim(cohort, 0, 100, P1500, 'P3', false, 2); // lower: kept at 3
    addClaim(cohort, 0, 100, P1500, 'P4', false, 3); // equal
    expect(buckets(cohort)).toEqual(['0@100 1500.00×4 v3']);
    // version 0 counts as a version
    const other = cohortOf(ledgerOf(false));
    addClaims(other, 1, 100, P800, 1);
    addClaim(other, 1, 100, P800, 'P1', false, 0);
    expect(buckets(other)).toEqual(['1@100 800.00×2 v0']);
  });

  it('claims cut alike share a bucket: same caps in the same order, the same listed amount', () => {
    const cohort = cohortOf(ledgerOf(false));
    const amount = parseAmount('300');
    addClaim(cohort, 1, 100, amount, 'P1', false, undefined, { caps: ['a', 'b'], listed: parseAmount('500') });
    addClaim(cohort, 1, 100, amount, 'P2', false, undefined, { caps: ['a', 'b'], listed: parseAmount('500.00') });
    addClaim(cohort, 1, 100, amount, 'P3', false, undefined, { caps: ['b', 'a'], listed: parseAmount('500') });
    addClaim(cohort, 1, 100, amount, 'P4', false, undefined, { caps: ['a'], listed: parseAmount('500') });
    addClaim(cohort, 1, 100, amount, 'P5', false, undefined, { caps: ['a', 'b'], listed: parseAmount('600') });
    addClaim(cohort, 1, 100, amount, 'P6', false);
    addClaim(cohort, 1, 100, parseAmount('300.0'), 'P7', false, undefined, { caps: ['a'], listed: parseAmount('500') });
    expect(buckets(cohort)).toEqual([
      '1@100 300.00×2 cut a+b from 500.00',
      '1@100 300.00×1 cut b+a from 500.00',
      '1@100 300.00×2 cut a from 500.00',
      '1@100 300.00×1 cut a+b from 600.00',
      '1@100 300.00×1',
    ]);
  });
});

describe('addClaims and addCountedClaims', () => {
  it('addClaims: many claims at once, always in a bucket, no ids', () => {
    const cohort = cohortOf(ledgerOf(false));
    addClaims(cohort, 0, 100, P1500, 12);
    expect(cohort.claims.size).toBe(1); // in a bucket at once, though the amount is a price
    addClaims(cohort, 0, 100, P1500, 3, 1);
    expect(buckets(cohort)).toEqual(['0@100 1500.00×15 v1']);
  });

  it('addCountedClaims: at a price, counted by date; another amount or a version, in a bucket', () => {
    const cohort = cohortOf(ledgerOf(false));
    addCountedClaims(cohort, 0, 100, P1500, 12);
    addCountedClaims(cohort, 0, 100, parseAmount('1500.0'), 3);
    expect(cohort.claims.size).toBe(0);
    addCountedClaims(cohort, 0, 100, parseAmount('7'), 2);
    addCountedClaims(cohort, 2, 100, P800, 4, 1);
    addCountedClaims(cohort, 1, 100, P800, 5); // rule without prices
    expect(cohort.claims.size).toBe(3);
    expect(buckets(cohort)).toEqual(['0@100 7.00×2', '0@100 1500.00×15', '2@100 800.00×4 v1', '1@100 800.00×5']);
  });
});

describe('claimBuckets', () => {
  it('moves counted claims into the bucket already there for their amount; buckets keep their identity', () => {
    const cohort = cohortOf(ledgerOf(false));
    addClaims(cohort, 0, 100, P1500, 2);
    addClaim(cohort, 0, 100, P1500, 'P1', false);
    const first = [...claimBuckets(cohort)];
    expect(first).toHaveLength(1);
    expect(first[0]?.count).toBe(3);
    addClaim(cohort, 0, 100, P1500, 'P2', false);
    const second = [...claimBuckets(cohort)];
    expect(second[0]).toBe(first[0]);
    expect(second[0]?.count).toBe(4);
    // reading twice moves nothing twice
    expect([...claimBuckets(cohort)][0]?.count).toBe(4);
  });
});

describe('addCutClaim', () => {
  it('counts the claim and the amount cut, by cohort, rule and date, summing usedBefore, requested and cut', () => {
    const ledger = ledgerOf(true);
    const cuts = ledger.participantCaps[0];
    if (cuts === undefined) throw new Error('no cap');
    // 1000 requested, 800 paid: 200 cut, 200 used before
    addCutClaim(cuts, 0, 1, 100, parseAmount('200'), parseAmount('1000'), parseAmount('800'), 'P1');
    // same cohort, rule, date: 500 requested, 0 paid (500 cut), 1000 used before
    addCutClaim(cuts, 0, 1, 100, parseAmount('1000'), parseAmount('500'), ZERO, 'P2');
    // another date
    addCutClaim(cuts, 0, 1, 101, ZERO, parseAmount('50'), parseAmount('20'), 'P3');
    expect(cuts.claims).toBe(3);
    expect(cuts.amount.toFixed(2)).toBe('730.00'); // 200 + 500 + 30
    expect(cuts.participants).toEqual(['P1', 'P2', 'P3']);
    expect([...cuts.byClaim.keys()]).toEqual(['1|0|100', '1|0|101']);
    const first = cuts.byClaim.get('1|0|100');
    expect(first?.count).toBe(2);
    expect(first?.usedBefore.toFixed(2)).toBe('1200.00');
    expect(first?.requested.toFixed(2)).toBe('1500.00');
    expect(first?.cut.toFixed(2)).toBe('700.00');
    expect(first?.participants).toEqual(['P1', 'P2']);
    expect(first?.rule).toBe(0);
    expect(first?.cohort).toBe(1);
    expect(first?.date).toBe(100);
    expect(cuts.byClaim.get('1|0|101')?.cut.toFixed(2)).toBe('30.00');
    // the cap's list of ids and the claim's are separate arrays
    expect(first?.participants).not.toBe(cuts.participants);
  });

  it('without ids: no participant lists', () => {
    const ledger = ledgerOf(false);
    const cuts = ledger.participantCaps[0];
    if (cuts === undefined) throw new Error('no cap');
    addCutClaim(cuts, 2, 0, 5, ZERO, parseAmount('10'), parseAmount('4'), 'P1');
    addCutClaim(cuts, 2, 0, 5, ZERO, parseAmount('10'), parseAmount('4'), 'P2');
    expect(cuts.participants).toBeUndefined();
    expect(cuts.byClaim.get('0|2|5')?.participants).toBeUndefined();
    expect(cuts.byClaim.get('0|2|5')?.count).toBe(2);
    expect(cuts.amount.toFixed(2)).toBe('12.00');
  });
});

/** A ledger with something in every part (no ids). */
function filled(): Ledger {
  const ledger = ledgerOf(false);
  const cohort = cohortOf(ledger);
  cohort.tally.enrolled.add(100, 2);
  cohort.tally.outcomes[0]?.achieved.add(110);
  cohort.tally.outcomes[0]?.failed.add(120);
  groupTally(cohort, 'g', 1).enrolled.add(100);
  cohort.rates[0]?.denominator.add(100, 2);
  cohort.rates[0]?.achieved.add(110);
  cohort.rates[0]?.failed.add(120);
  addClaim(cohort, 0, 110, P1500, 'P1', false);
  addClaim(cohort, 1, 110, P800, 'P2', false, 1);
  const cuts = ledger.participantCaps[0];
  if (cuts === undefined) throw new Error('no cap');
  cuts.dates.add(110);
  addCutClaim(cuts, 1, 0, 110, ZERO, parseAmount('1000'), parseAmount('800'), 'P2');
  ledger.guarantees[0]?.qualified.add(110);
  ledger.guarantees[0]?.hired.add(130);
  if (ledger.guarantees[0] !== undefined) ledger.guarantees[0].undecided = 3;
  ledger.participants = 2;
  return ledger;
}

/** Everything a ledger counts, as text. */
function snapshot(ledger: Ledger): unknown {
  return {
    participants: ledger.participants,
    cohorts: ledger.cohorts.map((cohort) => ({
      enrolled: days(cohort.tally.enrolled),
      outcomes: cohort.tally.outcomes.map((o) => [days(o.achieved), days(o.failed)]),
      groups: [...cohort.groups].map(([id, tally]) => [id, days(tally.enrolled), tally.outcomes.map((o) => [days(o.achieved), days(o.failed)])]),
      rates: cohort.rates.map((r) => [days(r.denominator), days(r.achieved), days(r.failed)]),
      buckets: buckets(cohort),
    })),
    caps: ledger.participantCaps.map((cuts) => ({
      claims: cuts.claims,
      dates: days(cuts.dates),
      amount: cuts.amount.toFixed(2),
      byClaim: [...cuts.byClaim].map(([key, c]) => `${key} ${c.count} ${c.usedBefore.toFixed(2)} ${c.requested.toFixed(2)} ${c.cut.toFixed(2)}`),
    })),
    guarantees: ledger.guarantees.map((g) => [days(g.qualified), days(g.hired), g.undecided]),
  };
}

describe('clearLedger', () => {
  it('empties every count and claim; group tallies stay, empty', () => {
    const ledger = filled();
    clearLedger(ledger);
    expect(snapshot(ledger)).toEqual({
      participants: 0,
      cohorts: [{ enrolled: [], outcomes: [[[], []]], groups: [['g', [], [[[], []]]]], rates: [[[], [], []]], buckets: [] }],
      caps: [{ claims: 0, dates: [], amount: '0.00', byClaim: [] }],
      guarantees: [[[], [], 0]],
    });
    expect(ledger.participantCaps[0]?.amount).toBe(ZERO);
    // counted claims at prices are cleared too
    const cohort = cohortOf(ledger);
    addCountedClaims(cohort, 0, 100, P1500, 2);
    clearLedger(ledger);
    expect(buckets(cohort)).toEqual([]);
  });

  it('refuses a ledger that keeps participant ids', () => {
    expect(() => { clearLedger(ledgerOf(true)); }).toThrow('outcome-pay internal error: clearLedger on a ledger that keeps participant ids');
    // one with no participant caps has nothing to refuse
    const noCaps = ledgerOf(true, { participantCaps: 0 });
    noCaps.participants = 4;
    clearLedger(noCaps);
    expect(noCaps.participants).toBe(0);
  });
});

describe('copyLedger', () => {
  it('copies every count and claim, without participant ids, and changes on its own', () => {
    const ledger = filled();
    const before = snapshot(ledger);
    const copy = copyLedger(ledger);
    expect(snapshot(copy)).toEqual(before);
    expect(snapshot(copy)).toEqual({
      participants: 2,
      cohorts: [
        {
          enrolled: ['100:2'],
          outcomes: [[['110:1'], ['120:1']]],
          groups: [['g', ['100:1'], [[[], []]]]],
          rates: [[['100:2'], ['110:1'], ['120:1']]],
          buckets: ['1@110 800.00×1 v1', '0@110 1500.00×1'],
        },
      ],
      caps: [{ claims: 1, dates: ['110:1'], amount: '200.00', byClaim: ['0|1|110 1 0.00 1000.00 200.00'] }],
      guarantees: [[['110:1'], ['130:1'], 3]],
    });
    // change the copy in every part: the original is unchanged
    const cohort = cohortOf(copy);
    cohort.tally.enrolled.add(100);
    cohort.tally.outcomes[0]?.achieved.add(110);
    cohort.tally.outcomes[0]?.failed.add(110);
    cohort.groups.get('g')?.enrolled.add(100);
    cohort.groups.get('g')?.outcomes[0]?.achieved.add(100);
    cohort.groups.get('g')?.outcomes[0]?.failed.add(100);
    cohort.rates[0]?.denominator.add(100);
    cohort.rates[0]?.achieved.add(100);
    cohort.rates[0]?.failed.add(100);
    addCountedClaims(cohort, 0, 110, P1500, 5);
    addClaims(cohort, 1, 110, P800, 5, 1);
    const cuts = copy.participantCaps[0];
    if (cuts === undefined) throw new Error('no cap');
    cuts.dates.add(110);
    addCutClaim(cuts, 1, 0, 110, ZERO, parseAmount('1000'), parseAmount('800'), 'P3');
    copy.guarantees[0]?.qualified.add(1);
    copy.guarantees[0]?.hired.add(1);
    copy.participants = 9;
    expect(snapshot(ledger)).toEqual(before);
  });

  it('drops participant ids', () => {
    const ledger = ledgerOf(true);
    addClaim(cohortOf(ledger), 0, 100, P1500, 'P1', true);
    const cuts = ledger.participantCaps[0];
    if (cuts === undefined) throw new Error('no cap');
    addCutClaim(cuts, 0, 0, 100, ZERO, P1500, P800, 'P1');
    const copy = copyLedger(ledger);
    expect([...claimBuckets(cohortOf(copy))][0]?.participants).toBeUndefined();
    expect(copy.participantCaps[0]?.participants).toBeUndefined();
    expect(copy.participantCaps[0]?.byClaim.get('0|0|100')?.participants).toBeUndefined();
    expect(cohortOf(copy).priced).toEqual([]);
  });
});

describe('mergeLedger', () => {
  it('adds every count, claim, cut and guarantee of one ledger to another', () => {
    const into = filled();
    const from = filled();
    groupTally(cohortOf(from), 'h', 1).outcomes[0]?.achieved.add(111);
    mergeLedger(into, from);
    expect(snapshot(into)).toEqual({
      participants: 4,
      cohorts: [
        {
          enrolled: ['100:4'],
          outcomes: [[['110:2'], ['120:2']]],
          groups: [
            ['g', ['100:2'], [[[], []]]],
            ['h', [], [[['111:1'], []]]],
          ],
          rates: [[['100:4'], ['110:2'], ['120:2']]],
          buckets: ['1@110 800.00×2 v1', '0@110 1500.00×2'],
        },
      ],
      caps: [{ claims: 2, dates: ['110:2'], amount: '400.00', byClaim: ['0|1|110 2 0.00 2000.00 400.00'] }],
      guarantees: [[['110:2'], ['130:2'], 6]],
    });
  });

  it('merges participant ids, copying them', () => {
    const into = ledgerOf(true);
    const from = ledgerOf(true);
    addClaim(cohortOf(into), 0, 100, P1500, 'P1', true);
    addClaim(cohortOf(from), 0, 100, P1500, 'P2', true);
    addClaim(cohortOf(from), 0, 101, P1500, 'P3', true);
    const fromCuts = from.participantCaps[0];
    if (fromCuts === undefined) throw new Error('no cap');
    addCutClaim(fromCuts, 0, 0, 100, ZERO, P1500, P800, 'P2');
    mergeLedger(into, from);
    expect(buckets(cohortOf(into))).toEqual(['0@100 1500.00×2 [P1,P2]', '0@101 1500.00×1 [P3]']);
    expect(into.participantCaps[0]?.participants).toEqual(['P2']);
    expect(into.participantCaps[0]?.byClaim.get('0|0|100')?.participants).toEqual(['P2']);
    // the merged lists are copies: adding to the target leaves the source alone
    addClaim(cohortOf(into), 0, 101, P1500, 'P4', true);
    expect(buckets(cohortOf(from))).toEqual(['0@100 1500.00×1 [P2]', '0@101 1500.00×1 [P3]']);
    into.participantCaps[0]?.byClaim.get('0|0|100')?.participants?.push('X');
    expect(fromCuts.byClaim.get('0|0|100')?.participants).toEqual(['P2']);
  });

  it('a source with more cohorts, rates, caps or guarantees than the target: the extra ones are left out', () => {
    const into = ledgerOf(false, { cohorts: 1, rateSpecs: 0, participantCaps: 0, guarantees: 0, outcomes: 0 });
    const from = ledgerOf(false, { cohorts: 2, rateSpecs: 1, participantCaps: 1, guarantees: 1, outcomes: 1 });
    cohortOf(from, 1).tally.enrolled.add(5);
    cohortOf(from, 0).tally.enrolled.add(6);
    cohortOf(from, 0).tally.outcomes[0]?.achieved.add(6);
    from.participants = 2;
    mergeLedger(into, from);
    expect(into.participants).toBe(2);
    expect(days(cohortOf(into).tally.enrolled)).toEqual(['6:1']);
    expect(into.cohorts).toHaveLength(1);
  });
});


describe('the ledger where mutants survived the tests above', () => {
  it('a lower version added after a higher one leaves the bucket at the higher', () => {
    const cohort = cohortOf(ledgerOf(false));
    addClaim(cohort, 0, 100, P1500, 'P1', false, 3);
    addClaim(cohort, 0, 100, P1500, 'P2', false, 2); // 2 < 3: stays v3
    expect(buckets(cohort)).toEqual(['0@100 1500.00×2 v3']);
    addClaim(cohort, 0, 100, P1500, 'P3', false); // no version: stays v3
    expect(buckets(cohort)).toEqual(['0@100 1500.00×3 v3']);
  });

  it('cuts by more caps, or by other caps, than the bucket was cut by are not cut alike', () => {
    const cohort = cohortOf(ledgerOf(false));
    const amount = parseAmount('300');
    const listed = parseAmount('500');
    addClaim(cohort, 1, 100, amount, 'P1', false, undefined, { caps: ['a'], listed });
    addClaim(cohort, 1, 100, amount, 'P2', false, undefined, { caps: ['a', 'b'], listed }); // a prefix is not the same
    addClaim(cohort, 1, 100, amount, 'P3', false, undefined, { caps: ['a', 'c'], listed }); // first cap the same, second not
    expect(buckets(cohort)).toEqual(['1@100 300.00×1 cut a from 500.00', '1@100 300.00×1 cut a+b from 500.00', '1@100 300.00×1 cut a+c from 500.00']);
  });

  it('claims of no one in particular added to a bucket with ids, and the reverse: counted, the bucket keeps what it had', () => {
    const withIds = cohortOf(ledgerOf(true));
    addClaim(withIds, 0, 100, P1500, 'P1', true);
    addClaims(withIds, 0, 100, P1500, 2);
    expect(buckets(withIds)).toEqual(['0@100 1500.00×3 [P1]']);
    const withoutIds = cohortOf(ledgerOf(true));
    addClaims(withoutIds, 0, 100, P1500, 2);
    addClaim(withoutIds, 0, 100, P1500, 'P1', true); // the bucket keeps no list: none is started for one id
    expect(buckets(withoutIds)).toEqual(['0@100 1500.00×3']);
  });

  it('copies the claims still counted at their prices (not yet moved into buckets)', () => {
    const ledger = ledgerOf(false);
    addClaim(cohortOf(ledger), 0, 100, P1500, 'P1', false);
    addClaim(cohortOf(ledger), 2, 101, P800, 'P2', false);
    const copy = copyLedger(ledger);
    expect(buckets(cohortOf(copy))).toEqual(['0@100 1500.00×1', '2@101 800.00×1']);
  });

  it('merging a ledger with ids into one without, and the reverse: every count added, the cut records keep the target’s choice', () => {
    const cut = (ledger: Ledger, participant: string): void => {
      const cuts = ledger.participantCaps[0];
      if (cuts === undefined) throw new Error('no cap');
      addCutClaim(cuts, 0, 0, 100, ZERO, P1500, P800, participant); // 1500 cut to 800: 700 cut
    };
    for (const [intoKeeps, fromKeeps] of [
      [false, true],
      [true, false],
    ] as const) {
      const into = ledgerOf(intoKeeps);
      const from = ledgerOf(fromKeeps);
      addClaim(cohortOf(into), 0, 100, P800, 'P1', intoKeeps);
      addClaim(cohortOf(from), 0, 100, P800, 'P2', fromKeeps);
      cut(into, 'P1');
      cut(from, 'P2');
      mergeLedger(into, from);
      // two claims of 800.00 on day 100; two cut claims: 1500 + 1500 requested, 700 + 700 cut
      expect([...claimBuckets(cohortOf(into))].map((bucket) => `${bucket.amount.toFixed(2)}×${bucket.count}`)).toEqual(['800.00×2']);
      const cuts = into.participantCaps[0];
      expect(cuts?.claims).toBe(2);
      expect(cuts?.amount.toFixed(2)).toBe('1400.00');
      expect(cuts?.participants).toEqual(intoKeeps ? ['P1'] : undefined);
      const claims = cuts?.byClaim.get('0|0|100');
      expect([claims?.count, claims?.requested.toFixed(2), claims?.cut.toFixed(2), claims?.participants]).toEqual([2, '3000.00', '1400.00', intoKeeps ? ['P1'] : undefined]);
    }
  });
});
