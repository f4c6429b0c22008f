/**
 * A price derived by a group multiplier and rounded to a named increment (`groupPricing.increment`,
 * docs/mechanics/rounding-increment.md): the unit a settlement pays is a multiple of the increment,
 * less than one increment from the exact product, on the side the rounding mode says (ties of the
 * `half-*` modes as named). Checked on settlements of generated contracts, in integer arithmetic
 * of their own (bigint minor units), never with the engine's decimals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../runs.js';
import { CURRENCIES, minor, moneyText } from '../arbitraries/currencies.js';
import { settleWith } from '../settle-helper.js';

const MODES = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;
type Mode = (typeof MODES)[number];

/** Whether `price` (a multiple of `step`) is where `mode` rounds `exact` to, all in the same integer units; both non-negative. */
function roundsTo(exact: bigint, price: bigint, step: bigint, mode: Mode): string | undefined {
  if (price % step !== 0n) return 'not a multiple of the increment';
  const diff = price - exact;
  const gap = diff < 0n ? -diff : diff;
  if (gap >= step) return 'an increment or more away';
  if (exact % step === 0n) return diff === 0n ? undefined : 'an exact multiple was moved';
  switch (mode) {
    case 'up':
    case 'ceiling':
      return diff > 0n ? undefined : 'not above the exact product';
    case 'down':
    case 'floor':
      return diff < 0n ? undefined : 'not below the exact product';
    default: {
      if (2n * gap > step) return 'not the nearest multiple';
      if (2n * gap < step) return undefined;
      // a tie, halfway between two multiples
      if (mode === 'half-up') return diff > 0n ? undefined : 'a tie not rounded up';
      if (mode === 'half-down') return diff < 0n ? undefined : 'a tie not rounded down';
      return (price / step) % 2n === 0n ? undefined : 'a tie not rounded to the even multiple';
    }
  }
}

/** A decimal text without trailing fraction zeros ("58962.40" → "58962.4", "1750.00" → "1750"). */
function plain(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

const caseArbitrary = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  /** Base price in minor units. */
  base: fc.integer({ min: 1, max: 2_000_000_000 }),
  /** Multiplier: digits over a power of ten (ties are common: 1.5, 1.25, 0.5...). */
  multiplier: fc.record({ digits: fc.integer({ min: 1, max: 40_000 }), places: fc.integer({ min: 0, max: 4 }) }),
  /** Increment in minor units: one minor unit to a hundred thousand of them, often a round figure. */
  increment: fc.oneof(fc.constantFrom(1, 5, 10, 50, 100, 1_000, 100_000), fc.integer({ min: 1, max: 100_000 })),
  mode: fc.constantFrom(...MODES),
});

describe('a price derived by a multiplier and rounded to an increment', () => {
  it('is a multiple of the increment, less than one increment from the exact product, on the side of the rounding mode', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ currency, base, multiplier, increment, mode }) => {
        const places = currency.places;
        const multiplierText = moneyText(multiplier.digits, multiplier.places);
        const contract = {
          schemaVersion: '2.0',
          id: 'increment',
          name: 'Increment',
          currency: currency.code,
          rounding: 'half-even',
          period: { start: '2024-01-01', end: '2025-12-31' },
          parties: { payers: [{ id: 'city', name: 'City', share: '1' }], provider: { id: 'provider', name: 'Provider' } },
          cohorts: [{ id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' }],
          groups: [{ id: 'ev', name: 'Extremely vulnerable', priceMultiplier: multiplierText }],
          outcomes: [{ kind: 'placement', id: 'placement', name: 'Job', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' }],
          rules: [{
            kind: 'rateCard', id: 'pay', name: 'Pay', outcome: 'placement', price: moneyText(base, places),
            groupPricing: { kind: 'multipliers', rounding: mode, increment: moneyText(increment, places), severalGroups: 'highest' }, prerequisites: [],
          }],
          tranches: [{ id: 'T1', name: 'T1', rules: ['pay'], cohorts: ['A'], measuredOn: '2024-12-31', dueOn: '2024-12-31' }],
        };
        const records = [{ id: 'P1', cohort: 'A', enrolledOn: '2024-01-15', groups: ['ev'], spells: [{ start: '2024-02-01' }] }];
        const result = settleWith(contract, records, { asOf: '2025-01-31' });
        if (!result.ok) expect.fail(JSON.stringify(result.issues));
        const lines = result.value.tranches[0]?.lines ?? [];
        // a price rounded to zero is a claim of nothing: no line
        expect(lines.length).toBeLessThanOrEqual(1);
        const line = lines[0];
        if (line !== undefined) expect(line.claims).toBe(1);
        // in units of 10^-(places + multiplier places): exact = base × digits, price × 10^k, increment × 10^k
        const scale = 10n ** BigInt(multiplier.places);
        const exact = BigInt(base) * BigInt(multiplier.digits);
        const price = line?.unit === undefined || line.unit === null ? 0n : minor(line.unit, places) * scale;
        expect(roundsTo(exact, price, BigInt(increment) * scale, mode), `${moneyText(base, places)} × ${multiplierText} to ${moneyText(increment, places)} ${mode}: ${line?.unit ?? 'no line'}`).toBeUndefined();
        // the line shows the derivation (unless the derived price is the list price itself: the line then pays the list price)
        if (line !== undefined && minor(line.unit ?? '0', places) !== BigInt(base)) {
          expect(line.inputs).toMatchObject({ listPrice: plain(moneyText(base, places)), multiplier: multiplierText, unrounded: plain(moneyText(exact, places + multiplier.places)), roundingIncrement: plain(moneyText(increment, places)), roundingMode: mode });
        }
      }),
      { numRuns: runs(150) },
    );
  });
});
