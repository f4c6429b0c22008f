/**
 * Conservation: parts sum to the whole, to the minor unit, at every level of the settlement, in
 * currencies with 0, 2 and 3 decimals. One settlement per case, every check on it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settlement } from '../../../src/index.js';
import { runs } from '../../runs.js';
import { scenarioArbitrary } from '../arbitraries/index.js';
import { settleOk } from '../settle-helper.js';
import { moneyOf, type MoneyOf } from './helpers.js';

/** Per tranche: Σ payer earned = earned, Σ lines paid − payer-cap cuts = earned, Σ payer due = due, toProvider = earned − reinvested. */
function checkTranches(s: Settlement, m: MoneyOf): void {
  for (const t of s.tranches) {
    expect(m.sum(t.payers.map((p) => p.earned)), `tranche ${t.id} payers`).toBe(m.of(t.earned));
    expect(m.sum(t.payers.map((p) => p.due)), `tranche ${t.id} due`).toBe(m.of(t.due));
    const payerCuts = m.sum(t.capCuts.filter((c) => c.kind === 'payer').map((c) => c.cut));
    expect(m.sum(t.lines.map((l) => l.paid)) - payerCuts, `tranche ${t.id} lines`).toBe(m.of(t.earned));
    expect(m.of(t.toProvider)).toBe(m.of(t.earned) - m.of(t.reinvested));
    expect(m.sum(t.reinvestment.map((r) => r.amount))).toBe(m.of(t.reinvested));
    if (t.status === 'scheduled' || t.status === 'cancelled') expect(m.of(t.earned)).toBe(0n);
    if (t.status === 'suspended') {
      expect(m.of(t.earned)).toBe(0n);
      expect(m.of(t.withheld)).toBe(m.sum(t.lines.map((l) => l.earned)));
    }
  }
}

/** Totals and payer totals are the sums over the tranches. */
function checkTotals(s: Settlement, m: MoneyOf): void {
  for (const key of ['earned', 'previouslyPaid', 'due', 'reinvested', 'withheld'] as const) {
    expect(m.of(s.totals[key]), key).toBe(m.sum(s.tranches.map((t) => t[key])));
  }
  s.payers.forEach((payer, index) => {
    for (const key of ['earned', 'previouslyPaid', 'due'] as const) {
      expect(m.of(payer[key])).toBe(m.sum(s.tranches.map((t) => t.payers[index]?.[key] ?? '0')));
    }
  });
  expect(m.sum(s.payers.map((p) => p.earned))).toBe(m.of(s.totals.earned));
}

/** Each line: paid ≤ earned, and a claim line earns claims × unit (units are whole minor units). */
function checkLines(s: Settlement, m: MoneyOf): void {
  for (const t of s.tranches) {
    for (const line of t.lines) {
      expect(m.of(line.paid) <= m.of(line.earned), `${t.id} ${line.rule}`).toBe(true);
      if (line.claims !== null && line.unit !== null) expect(m.of(line.earned), `${t.id} ${line.rule}`).toBe(BigInt(line.claims) * m.of(line.unit));
    }
  }
}

describe('settlement conservation', () => {
  it('tranches, totals, payers and lines add up to the minor unit', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const s = settleOk(scenario);
        const m = moneyOf(scenario);
        checkTranches(s, m);
        checkTotals(s, m);
        checkLines(s, m);
      }),
      { numRuns: runs(150) },
    );
  });
});
