/**
 * The benchmark's amounts check in `npm test`: the engine settles the first 10,000 generated
 * benchmark records, and bench/expected.mjs, an independent computation sharing no code with the
 * engine, must give the very same figures (totals, tranches, payers, lines, participant cap,
 * exit figures, tallies) and the same amount for every participant. The bench runs the same
 * check on every size it measures (docs/performance.md). 10,000 rather than fewer: rarer boundary
 * cases (a gap of exactly 16 days in a 6-month retention) first occur between 2,000 and 5,000.
 */
import { describe, expect, test } from 'vitest';
import { settle, type Settlement } from '../../src/index.js';
import { AS_OF, benchContract } from '../../bench/contract.mjs';
import { expectedRun, type ExpectedParticipant } from '../../bench/expected.mjs';
import { differences, settlementFigures, type Figures } from '../../bench/figures.mjs';
import { generatedRecords } from '../../bench/generate.mjs';

const COUNT = 10_000;

function settled(records: readonly unknown[]): Settlement {
  const result = settle(benchContract(), records, { asOf: AS_OF, detail: 'participants' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.value;
}

function expected(records: readonly unknown[]): { figures: Figures; participants: ExpectedParticipant[] } {
  const run = expectedRun(benchContract(), AS_OF);
  const participants: ExpectedParticipant[] = [];
  for (const record of records) {
    const participant = run.add(record);
    if (participant !== undefined) participants.push(participant);
  }
  return { figures: run.figures(), participants };
}

/** Cents of a unit such as "1320" or "250.5" (integers, never a float amount). */
function unitCents(unit: string): number {
  const [whole = '', fraction = ''] = unit.split('.');
  return Number.parseInt(whole, 10) * 100 + Number.parseInt(fraction.padEnd(2, '0'), 10);
}

/** Cents of a money text such as "4422140.00". */
const moneyCents = (money: string | undefined): bigint => BigInt((money ?? '').replace('.', ''));

describe(`the benchmark contract on ${COUNT} generated records`, () => {
  const records = [...generatedRecords(COUNT)];
  const settlement = settled(records);
  const reference = expected(records);

  test('the engine gives exactly the figures of the independent computation', () => {
    expect(differences(reference.figures, settlementFigures(settlement))).toEqual([]);
  });

  test('and the same amount for every participant (claims in the settled tranches, after the participant cap)', () => {
    const engine = new Map<string, number>();
    for (const tranche of settlement.tranches) {
      for (const line of tranche.lines) {
        if (line.unit === null || line.participants === undefined) continue;
        for (const id of line.participants) engine.set(id, (engine.get(id) ?? 0) + unitCents(line.unit));
      }
    }
    const mismatched = reference.participants.filter((p) => (engine.get(p.id) ?? 0) !== p.paidNow).map((p) => p.id);
    expect(mismatched).toEqual([]);
    expect(reference.participants.filter((p) => p.paidNow > 0).length).toBe(engine.size);
  });

  test('the figures are not trivial: two tranches paid, the participant cap cuts, no contract or payer cap cuts, the exit clause does not fire', () => {
    const [t1, t2, t3] = reference.figures.tranches;
    expect([t1?.status, t2?.status, t3?.status]).toEqual(['settled', 'settled', 'scheduled']);
    expect(moneyCents(t1?.earned)).toBeGreaterThan(0n);
    expect(moneyCents(t2?.earned)).toBeGreaterThan(0n);
    expect(reference.figures.participantCaps[0]?.claimsCut).toBeGreaterThan(0);
    // the tranches report only the per-participant cap's cuts, which add up to its total
    const cuts = settlement.tranches.flatMap((t) => t.capCuts);
    expect(cuts.filter((cut) => cut.kind !== 'participant')).toEqual([]);
    expect(cuts.reduce((sum, cut) => sum + moneyCents(cut.cut), 0n)).toBe(moneyCents(settlement.participantCaps[0]?.amountCut));
    expect(settlement.exits.map((e) => e.outcome)).toEqual(['notFired']);
    // Some settled participants are paid nothing now, some are cut by the cap (4000.00 each at most).
    expect(reference.participants.some((p) => p.paidNow === 0)).toBe(true);
    expect(Math.max(...reference.participants.map((p) => p.amount))).toBe(400_000);
  });

  test('the amounts grow with the records: the first half earns less than the whole, and more than nothing', () => {
    const half = expected(records.slice(0, COUNT / 2)).figures.totals.earned;
    const whole = reference.figures.totals.earned;
    expect(moneyCents(half)).toBeGreaterThan(0n);
    expect(moneyCents(whole)).toBeGreaterThan(moneyCents(half));
    expect(settled(records.slice(0, COUNT / 2)).totals.earned).toBe(half);
  });
});
