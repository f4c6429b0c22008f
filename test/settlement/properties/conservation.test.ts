/**
 * Conservation: parts sum to the whole, to the cent, at every level of the settlement.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { scenarioArbitrary } from '../arbitraries.js';
import { RUNS, settleOk, sumCents, toCents } from './helpers.js';

// Property runs are CPU-bound; leave room for slow CI machines and parallel files.
vi.setConfig({ testTimeout: 30_000 });

describe('settlement conservation', () => {
  it('per tranche: Σ payer earned = earned, Σ lines paid − payer-cap cuts = earned, Σ payer due = due, toProvider = earned − reinvested', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const s = settleOk(scenario);
        for (const t of s.tranches) {
          expect(sumCents(t.payers.map((p) => p.earned)), `tranche ${t.id} payers`).toBe(toCents(t.earned));
          expect(sumCents(t.payers.map((p) => p.due)), `tranche ${t.id} due`).toBe(toCents(t.due));
          const payerCuts = sumCents(t.capCuts.filter((c) => c.kind === 'payer').map((c) => c.cut));
          expect(sumCents(t.lines.map((l) => l.paid)) - payerCuts, `tranche ${t.id} lines`).toBe(toCents(t.earned));
          expect(toCents(t.toProvider)).toBe(toCents(t.earned) - toCents(t.reinvested));
          expect(sumCents(t.reinvestment.map((r) => r.amount))).toBe(toCents(t.reinvested));
          if (t.status === 'scheduled' || t.status === 'cancelled') expect(toCents(t.earned)).toBe(0n);
          if (t.status === 'suspended') {
            expect(toCents(t.earned)).toBe(0n);
            expect(toCents(t.withheld)).toBe(sumCents(t.lines.map((l) => l.earned)));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('totals and payer totals are the sums over the tranches', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const s = settleOk(scenario);
        for (const key of ['earned', 'previouslyPaid', 'due', 'reinvested', 'withheld'] as const) {
          expect(toCents(s.totals[key]), key).toBe(sumCents(s.tranches.map((t) => t[key])));
        }
        s.payers.forEach((payer, index) => {
          for (const key of ['earned', 'previouslyPaid', 'due'] as const) {
            expect(toCents(payer[key])).toBe(sumCents(s.tranches.map((t) => t.payers[index]?.[key] ?? '0.00')));
          }
        });
        expect(sumCents(s.payers.map((p) => p.earned))).toBe(toCents(s.totals.earned));
      }),
      { numRuns: RUNS },
    );
  });

  it('each line: paid ≤ earned, and a claim line earns claims × unit', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const s = settleOk(scenario);
        for (const t of s.tranches) {
          for (const line of t.lines) {
            expect(toCents(line.paid) <= toCents(line.earned), `${t.id} ${line.rule}`).toBe(true);
            if (line.claims !== null && line.unit !== null && line.kind !== 'cohortRate') {
              // units are whole cents here (prices, group prices rounded, participant caps on cents)
              expect(toCents(line.earned)).toBe(BigInt(line.claims) * toCents(fixed2(line.unit)));
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** A plain decimal string with at most 2 decimals → exactly 2 decimals, without floats. */
function fixed2(text: string): string {
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length > 2) throw new Error(`unit with more than 2 decimals: ${text}`);
  return `${whole ?? '0'}.${fraction.padEnd(2, '0')}`;
}
