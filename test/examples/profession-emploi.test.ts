// Hand checks of examples/profession-emploi/expected-settlement.json (a snapshot of what the engine
// computes): the figures are recomputed here from the records and the contract, by code that shares
// nothing with the engine (the reference outcomes, and the payer split written out below from the
// contract's terms) or by arithmetic written out, never read back from the engine.
import { describe, expect, test } from 'vitest';
import type { Settlement } from '../../src/index.js';
import type { WireRecord } from '../../examples/wire-records.js';
import { refDay } from '../settlement/reference/dates.js';
import { refOutcomes } from '../settlement/reference/outcomes.js';
import { settleWith } from '../settlement/settle-helper.js';
import { cents, checkSettlementArithmetic, loadExample, money, plainNdjson } from './helpers.js';

// While regenerating, the files change under the tests: they run on the next plain run.
const REGENERATING = process.env['REGENERATE_EXAMPLES'] === '1';

const example = loadExample('profession-emploi');
const expected = JSON.parse(example.expected) as Settlement;
const records = plainNdjson<WireRecord>(example.ndjson);
const AS_OF = '2027-01-15';
const valid = records.filter((r) => r.id !== 'PE-X02');
const contract = example.contract as Parameters<typeof refOutcomes>[0];

const SECTORS: readonly string[] = ['logistique', 'sante', 'btp'];
const PRICES = { immersion: 20000n, job: 150000n, 'job-6m': 100000n } as const; // cents
const TRANCHES = [
  { id: '2025', measuredOn: '2025-12-31' },
  { id: '2026', measuredOn: '2026-12-31' },
] as const;

/** Per tranche, per sector, per outcome: the claims, each paid in the first tranche measured on or after its date. */
function claimsByTranche(): Map<string, Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, Map<string, number>>>(TRANCHES.map((t) => [t.id, new Map(SECTORS.map((s) => [s, new Map<string, number>()]))]));
  for (const record of valid) {
    const resolved = refOutcomes(contract, record, refDay(AS_OF));
    for (const outcome of Object.keys(PRICES)) {
      const status = resolved.get(outcome);
      if (status?.status !== 'achieved' || status.on === undefined) continue;
      const tranche = TRANCHES.find((t) => (status.on ?? Infinity) <= refDay(t.measuredOn));
      if (tranche === undefined) continue;
      const counts = out.get(tranche.id)?.get(record.cohort);
      counts?.set(outcome, (counts.get(outcome) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * One tranche split as the convention says, in thirds of a cent: France Travail 1/5 of each
 * six-month line; the rest of every line 2/3 to the Région and 1/3 to the club of the line's sector.
 * Each payer's exact part rounded down to the cent, the cents left over to the largest remainders
 * (ties to the payer listed first). Returns cents per payer in contract order.
 */
function splitTranche(bySector: Map<string, Map<string, number>>): bigint[] {
  // exact parts in 1/15 of a cent (the denominators are 3 and 5)
  const exact = [0n, 0n, 0n, 0n, 0n]; // region, club-logistique, club-sante, club-btp, france-travail
  for (const [s, sector] of SECTORS.entries()) {
    for (const [outcome, price] of Object.entries(PRICES)) {
      const line = BigInt(bySector.get(sector)?.get(outcome) ?? 0) * price * 15n;
      const topUp = outcome === 'job-6m' ? line / 5n : 0n;
      exact[4] = (exact[4] ?? 0n) + topUp;
      exact[0] = (exact[0] ?? 0n) + ((line - topUp) * 2n) / 3n;
      exact[s + 1] = (exact[s + 1] ?? 0n) + (line - topUp) / 3n;
    }
  }
  const total = exact.reduce((a, b) => a + b, 0n) / 15n;
  const floors = exact.map((e) => e / 15n);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = exact.map((e, i) => ({ i, rem: e % 15n })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors;
}

function settledAlone(id: string): Settlement {
  const settled = settleWith(example.contract, records.filter((r) => r.id === id), { asOf: AS_OF });
  if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
  return settled.value;
}

describe.skipIf(REGENERATING)('examples/profession-emploi, checked by hand', () => {
  test('every amount adds up: lines, tranches, payers, totals', () => {
    expect(checkSettlementArithmetic(expected)).toEqual([]);
  });

  test('the claims of each tranche, sector and result, counted from the records by the reference outcomes', () => {
    const claims = claimsByTranche();
    const rules = { 'pay-immersion': 'immersion', 'pay-job': 'job', 'pay-job-6m': 'job-6m' } as const;
    for (const { id } of TRANCHES) {
      const shown = expected.tranches.find((t) => t.id === id)?.lines.map((l) => [l.rule, l.cohort, l.claims]) ?? [];
      const counted = Object.entries(rules).flatMap(([rule, outcome]) =>
        SECTORS.flatMap((s) => {
          const n = claims.get(id)?.get(s)?.get(outcome) ?? 0;
          return n === 0 ? [] : [[rule, s, n]];
        }),
      );
      expect(shown).toEqual(counted);
    }
  });

  test('payer parts: thirds and a fifth top-up split to the cent, the construction club held to its 12000.00 commitment', () => {
    const claims = claimsByTranche();
    let btpUsed = 0n;
    for (const { id } of TRANCHES) {
      const parts = splitTranche(claims.get(id) ?? new Map<string, Map<string, number>>());
      // the club-btp commitment: 12000.00 over the contract; what is above it is not paid by anyone
      const btp = parts[3] ?? 0n;
      const allowed = btp < 1200000n - btpUsed ? btp : 1200000n - btpUsed;
      parts[3] = allowed;
      btpUsed += allowed;
      const tranche = expected.tranches.find((t) => t.id === id);
      expect(tranche?.payers.map((p) => cents(p.earned))).toEqual(parts);
      expect(tranche?.earned).toBe(money(parts.reduce((a, b) => a + b, 0n)));
    }
    expect(btpUsed).toBe(1200000n);
  });

  test('both tranches worked out in full', () => {
    // 2025 lines (claims × price): immersions 31 + 34 + 31 = 96 × 200.00 = 19200.00; jobs (19 + 15 + 14) × 1500.00
    // = 72000.00; kept six months (7 + 4 + 7) × 1000.00 = 18000.00; in all 109200.00.
    // France Travail: 0.2 × 18000.00 = 3600.00. The rest, 105600.00: Région 2/3 = 70400.00; logistics club
    // (6200 + 28500 + 0.8 × 7000) / 3 = 40300 / 3 = 13433.33⅓; care (6800 + 22500 + 3200) / 3 = 10833.33⅓;
    // construction (6200 + 21000 + 5600) / 3 = 10933.33⅓. Rounded down they leave 1 cent; the three
    // remainders tie (⅓), so it goes to the payer listed first: logistics 13433.34. No cap binds
    // (construction 10933.33 < 12000.00).
    const t2025 = expected.tranches.find((t) => t.id === '2025');
    expect(t2025?.payers.map((p) => [p.payer, p.earned])).toEqual([
      ['region', '70400.00'],
      ['club-logistique', '13433.34'],
      ['club-sante', '10833.33'],
      ['club-btp', '10933.33'],
      ['france-travail', '3600.00'],
    ]);
    expect(t2025?.earned).toBe('109200.00');
    expect(t2025?.capCuts).toEqual([]);
    // 2026: only six-month retentions, 6 + 7 + 5 = 18 × 1000.00 = 18000.00: France Travail 3600.00, Région
    // 2/3 × 14400.00 = 9600.00, clubs 4800 / 3 = 1600.00, 5600 / 3 = 1866.66⅔ and 4000 / 3 = 1333.33⅓: the
    // leftover cent to the larger remainder (⅔, care) = 1866.67. Construction is held to what is left of
    // its commitment, 12000.00 − 10933.33 = 1066.67, cut 1333.33 − 1066.67 = 266.66 (not paid by anyone).
    // Tranche 18000.00 − 266.66 = 17733.34. Due in all 109200.00 + 17733.34 = 126933.34.
    const t2026 = expected.tranches.find((t) => t.id === '2026');
    expect(t2026?.payers.map((p) => [p.payer, p.earned])).toEqual([
      ['region', '9600.00'],
      ['club-logistique', '1600.00'],
      ['club-sante', '1866.67'],
      ['club-btp', '1066.67'],
      ['france-travail', '3600.00'],
    ]);
    expect(t2026?.capCuts.map((c) => [c.cap, c.usedBefore, c.requested, c.cut])).toEqual([['club-btp-commitment', '10933.33', '1333.33', '266.66']]);
    expect(t2026?.earned).toBe('17733.34');
    expect(expected.totals.due).toBe('126933.34');
    // per payer over both: 70400.00 + 9600.00; 13433.34 + 1600.00; 10833.33 + 1866.67; 10933.33 + 1066.67; 3600.00 × 2
    expect(expected.payers.map((p) => [p.payer, p.due])).toEqual([
      ['region', '80000.00'],
      ['club-logistique', '15033.34'],
      ['club-sante', '12700.00'],
      ['club-btp', '12000.00'],
      ['france-travail', '7200.00'],
    ]);
  });

  test('PE-X01, a permanent job of 20 hours a week: the immersion only (200.00, all Région and construction club)', () => {
    const alone = settledAlone('PE-X01');
    expect(alone.totals.earned).toBe('200.00');
    // 200.00 × 2/3 = 133.33⅓ and × 1/3 = 66.66⅔: the leftover cent to the larger remainder, the club
    expect(alone.payers.map((p) => [p.payer, p.earned])).toEqual([
      ['region', '133.33'],
      ['club-logistique', '0.00'],
      ['club-sante', '0.00'],
      ['club-btp', '66.67'],
      ['france-travail', '0.00'],
    ]);
  });

  test('PE-X03, a gap of 31 days between two jobs: immersion and job paid (1700.00), the six-month retention not', () => {
    // 2025-06-30 to 2025-08-01: out of work 2025-07-01 .. 2025-07-31 = 31 days > 30 allowed
    expect(refOutcomes(contract, records.find((r) => r.id === 'PE-X03') as WireRecord, refDay(AS_OF)).get('job-6m')?.status).toBe('failed');
    expect(settledAlone('PE-X03').totals.earned).toBe('1700.00');
  });

  test('data quality: the impossible date 2025-02-29 of PE-X02 excludes that record (120 read, 119 settled)', () => {
    expect(expected.dataQuality.issues.map((i) => [i.code, i.participantId])).toEqual([['DATE_IMPOSSIBLE', 'PE-X02']]);
    expect([expected.dataQuality.recordsRead, expected.dataQuality.recordsSettled]).toEqual([120, 119]);
  });
});
