// Hand checks of examples/world-bank-results (a World Bank Program-for-Results style programme,
// docs/mechanics/results-indicators.md): the figures of its README, worked out by hand there and
// recomputed here in integer cents from the contract's terms and the verified values, sharing
// nothing with the engine; and expected-settlement.json, a snapshot of the engine's settlement at
// 2028-06-30, unchanged and equal to them.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Settlement } from '../../src/index.js';
import { settleWith } from '../settlement/settle-helper.js';
import { settlementText } from './helpers.js';

const dir = 'examples/world-bank-results/';
const contract = JSON.parse(readFileSync(`${dir}contract.json`, 'utf8')) as unknown;
const indicators = JSON.parse(readFileSync(`${dir}indicators.json`, 'utf8')) as Record<string, Record<string, string>>;
const AS_OF = '2028-06-30';
const cents = (text: string): bigint => BigInt(text.replace('.', ''));
const value = (id: string): bigint => BigInt(indicators[id]?.['*'] ?? 'missing');

/** Earned in cents by a band from `lower` to `upper` on cumulative `achieved`: proportional (rounded down), or per unit capped. */
function band(allocation: string, lower: bigint, upper: bigint, achieved: bigint, perUnit?: string): bigint {
  const units = achieved < lower ? 0n : achieved > upper ? upper - lower : achieved - lower;
  if (perUnit === undefined) return (cents(allocation) * units) / (upper - lower);
  const earned = cents(perUnit) * units;
  return earned > cents(allocation) ? cents(allocation) : earned;
}

function settled(): Settlement {
  const result = settleWith(contract, [], { asOf: AS_OF, indicators });
  if (!result.ok) expect.fail(JSON.stringify(result.issues));
  return result.value;
}

describe('examples/world-bank-results, checked by hand', () => {
  // DLI 1, proportional with rollover until 2028-06-30: bands 0-1000, 1000-2500, 2500-4000
  const dli1 = {
    2026: band('4000000.00', 0n, 1000n, value('dli1-2025')),
    2027: band('4000000.00', 0n, 1000n, value('dli1-2026')) + band('6000000.00', 1000n, 2500n, value('dli1-2026')),
    2028: band('4000000.00', 0n, 1000n, value('dli1-2027')) + band('6000000.00', 1000n, 2500n, value('dli1-2027')) + band('6000000.00', 2500n, 4000n, value('dli1-2027')),
  };
  // DLI 2, 1,500.00 per graduate above the previous target, capped, no rollover: bands 800-2000, 2000-3500
  const dli2 = { 2026: band('1500000.00', 800n, 2000n, value('dli2-2025'), '1500.00'), 2027: band('2000000.00', 2000n, 3500n, value('dli2-2026'), '1500.00') };

  it('the figures of the README: 4,780,000.00, 6,646,500.00, 6,060,000.00 and 0.00 at closing, 17,486,500.00 in all', () => {
    expect([dli1[2026], dli1[2027], dli1[2028]]).toEqual([328_000_000n, 856_000_000n, 1_462_000_000n]);
    expect([dli2[2026], dli2[2027]]).toEqual([150_000_000n, 136_650_000n]);
    const s = settled();
    const earned = Object.fromEntries(s.tranches.map((tranche) => [tranche.id, cents(tranche.earned)]));
    expect(earned).toEqual({
      'disbursement-2026': dli1[2026] + dli2[2026],
      'disbursement-2027': dli1[2027] - dli1[2026] + dli2[2027],
      'disbursement-2028': dli1[2028] - dli1[2027],
      closing: 0n,
    });
    expect(cents(s.totals.earned)).toBe(1_748_650_000n);
  });

  it('the closing tranche shows what lapsed: 1,380,000.00 of DLI 1 for 2027; DLI 2 for 2026 lapsed 633,500.00 at its verification', () => {
    const s = settled();
    const closing = s.tranches.find((tranche) => tranche.id === 'closing')?.lines.find((line) => line.rule === 'dli-1');
    expect(closing?.inputs).toMatchObject({ 'period 2025 lapsed': '0', 'period 2026 lapsed': '0', 'period 2027 lapsed': '1380000', 'period 2027 rolledOver': '0' });
    const dli2Line = s.tranches.find((tranche) => tranche.id === 'disbursement-2027')?.lines.find((line) => line.rule === 'dli-2');
    expect(dli2Line?.inputs).toMatchObject({ 'period 2025 earned': '1500000', 'period 2026 earned': '1366500', 'period 2026 lapsed': '633500' });
  });

  it('expected-settlement.json, a snapshot of the settlement at 2028-06-30, is unchanged', () => {
    const text = settlementText(settled());
    if (process.env['REGENERATE_EXAMPLES'] === '1') {
      // regeneration writes the snapshot (the hand checks above still hold it to the README)
      writeFileSync(`${dir}expected-settlement.json`, text);
      return;
    }
    expect(text).toBe(readFileSync(`${dir}expected-settlement.json`, 'utf8'));
  });
});
