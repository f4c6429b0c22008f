import { describe, expect, it } from 'vitest';
import { parseAmount, type Amount } from '../../src/money/index.js';
import { applyMoneyCaps } from '../../src/settlement/caps/money-caps.js';
import type { Line } from '../../src/settlement/lines.js';

/** A line of a rate card paying `paid` (the fields the caps read). */
function line(paid: string): Line {
  const amount = parseAmount(paid);
  return { rule: 'r', kind: 'rateCard', cohort: 'c', outcome: 'o', claims: 1, unit: amount, inputs: {}, formula: '', exact: amount, amount, paid: amount, participants: undefined };
}

const cap = { kind: 'contract', id: 'cap', amount: '100.00', partialPayment: true } as const;
const text = (amount: Amount | undefined): string | undefined => amount?.toFixed(2);

describe('applyMoneyCaps', () => {
  it('cuts nothing when every line fits in what is left, and counts them as used', () => {
    // 40.00 + 30.00 = 70.00 of the 100.00 left after 20.00 used before: 80.00 left, nothing cut
    const lines = [line('40.00'), line('30.00')];
    const used = new Map([['cap', parseAmount('20.00')]]);
    expect(applyMoneyCaps([cap], lines, 't1', used)).toEqual([]);
    expect(lines.map((l) => text(l.paid))).toEqual(['40.00', '30.00']);
    expect(text(used.get('cap'))).toBe('90.00');
  });

  it('walks the lines in order when one is negative, even if their sum fits: a line above what is left is cut', () => {
    // 150.00 then -100.00 under a cap of 100.00: the sum (50.00) fits, but the first line takes
    // 100.00 (cut 50.00), which leaves 0.00; the clawback of -100.00 is paid and leaves 100.00.
    // Paid 100.00 − 100.00 = 0.00 of 50.00 asked: 50.00 cut.
    const lines = [line('150.00'), line('-100.00')];
    const used = new Map<string, Amount>();
    const cuts = applyMoneyCaps([cap], lines, 't1', used);
    expect(lines.map((l) => text(l.paid))).toEqual(['100.00', '-100.00']);
    expect(cuts.map((cut) => [cut.cap, text(cut.requested), text(cut.cut)])).toEqual([['cap', '50.00', '50.00']]);
    expect(text(used.get('cap'))).toBe('0.00');
  });
});
