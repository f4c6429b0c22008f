/**
 * Yearly payer caps (src/settlement/caps/payer-years.ts) on hand-made parts: budget years
 * (calendar and fiscal, at their first and last days), the givers-before-takers order, and each
 * overflow (notPaid, deferred with its carry and lapse, takenBy within the taker's own cap), with
 * the audit lines in words. Expected figures are worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from '../../../src/calendar/index.js';
import type { Contract } from '../../../src/contract/index.js';
import { parseAmount, type Amount } from '../../../src/money/index.js';
import type { CapCut } from '../../../src/settlement/caps/money-caps.js';
import {
  applyYearCaps,
  budgetYear,
  describeBudgetYear,
  noteScheduled,
  yearCapState,
  yearCaps,
  yearUseKey,
  type BudgetYear,
  type BudgetYearEntry,
  type YearCap,
} from '../../../src/settlement/caps/payer-years.js';

type Caps = NonNullable<Contract['caps']>;
const PAYERS = ['region', 'state', 'agency'];
const contractOf = (caps: Caps): Contract => ({ parties: { payers: PAYERS.map((id) => ({ id })) }, caps }) as unknown as Contract;
const yearText = (year: BudgetYear): string => `${formatDate(year.from)}..${formatDate(year.to)}`;
const amounts = (...texts: string[]): Amount[] => texts.map((t) => parseAmount(t));
const money = (amount: Amount): string => amount.toFixed(2);
const cutText = (cut: CapCut): string => `${cut.cap}/${cut.kind}: limit ${money(cut.limit)}, before ${money(cut.usedBefore)}, asked ${money(cut.requested)}, cut ${money(cut.cut)}`;
function entryText(entry: BudgetYearEntry): string {
  const taken = entry.takenFrom.map((t) => `+${money(t.amount)} from ${t.payer}`).join('');
  const carried = entry.carriedFrom.map((c) => `+${money(c.amount)} from ${c.tranche} ${yearText(c.year)}`).join('');
  return `${entry.cap} ${entry.payer} ${yearText(entry.year)} limit ${money(entry.limit)} before ${money(entry.usedBefore)} part ${money(entry.part)}${taken}${carried} asked ${money(entry.requested)} paid ${money(entry.paid)} over ${money(entry.over)} ${entry.overflow} to ${entry.to ?? '-'}`;
}
const cap = (id: string, payer: string, amount: string, overflow: 'notPaid' | 'deferred' | { takenBy: string }, startMonth?: number): Caps[number] => ({
  kind: 'payer',
  id,
  payer,
  amount,
  partialPayment: true,
  per: startMonth === undefined ? { kind: 'calendarYear' } : { kind: 'fiscalYear', startMonth },
  overflow,
});

describe('budgetYear', () => {
  it('a fiscal year from April: a day before April belongs to the year that started the April before', () => {
    expect(yearText(budgetYear(parseDate('2025-02-10'), 4))).toBe('2024-04-01..2025-03-31');
    expect(yearText(budgetYear(parseDate('2025-03-31'), 4))).toBe('2024-04-01..2025-03-31');
  });
  it('the first day of the start month begins a new year', () => {
    expect(yearText(budgetYear(parseDate('2025-04-01'), 4))).toBe('2025-04-01..2026-03-31');
    expect(yearText(budgetYear(parseDate('2025-12-31'), 4))).toBe('2025-04-01..2026-03-31');
  });
  it('the calendar year (start month 1), across a leap day', () => {
    expect(yearText(budgetYear(parseDate('2024-02-29'), 1))).toBe('2024-01-01..2024-12-31');
    expect(yearText(budgetYear(parseDate('2024-01-01'), 1))).toBe('2024-01-01..2024-12-31');
  });
  it('a fiscal year from December', () => {
    expect(yearText(budgetYear(parseDate('2025-11-30'), 12))).toBe('2024-12-01..2025-11-30');
    expect(yearText(budgetYear(parseDate('2025-12-01'), 12))).toBe('2025-12-01..2026-11-30');
  });
});

describe('yearUseKey', () => {
  it('is the cap id and the first day of the year, apart', () => {
    const year = budgetYear(parseDate('2025-02-10'), 4);
    expect(yearUseKey('cap-x', year)).toBe(`cap-x\u0000${year.from}`);
  });
});

describe('yearCaps', () => {
  it('compiles yearly payer caps only: payer index, limit, start month, overflow', () => {
    const caps = yearCaps(
      contractOf([
        cap('y-region', 'region', '1000.00', 'notPaid'),
        { kind: 'payer', id: 'life', payer: 'region', amount: '5.00', partialPayment: true },
        { kind: 'contract', id: 'total', amount: '5.00', partialPayment: true },
        cap('y-agency', 'agency', '250.50', 'deferred', 4),
      ]),
    );
    const shown = caps.map((c: YearCap) => ({ id: c.id, payer: c.payer, limit: money(c.limit), startMonth: c.startMonth, overflow: c.overflow }));
    expect(shown).toEqual([
      { id: 'y-region', payer: 0, limit: '1000.00', startMonth: 1, overflow: { kind: 'notPaid' } },
      { id: 'y-agency', payer: 2, limit: '250.50', startMonth: 4, overflow: { kind: 'deferred' } },
    ]);
  });
  it('a contract without caps has none', () => {
    expect(yearCaps({ parties: { payers: [{ id: 'region' }] } } as unknown as Contract)).toEqual([]);
  });
  it('puts a cap whose overflow another payer takes before that payer\'s cap', () => {
    // state's cap listed first, but region's overflow goes to state: region, then state; agency
    // (nobody gives to it) stays where contract order puts it among the ready ones
    const caps = yearCaps(contractOf([cap('y-state', 'state', '100.00', 'notPaid'), cap('y-region', 'region', '100.00', { takenBy: 'state' }), cap('y-agency', 'agency', '100.00', 'notPaid')]));
    expect(caps.map((c) => c.id)).toEqual(['y-region', 'y-state', 'y-agency']);
    expect(caps[0]?.overflow).toEqual({ kind: 'takenBy', payer: 1 });
  });
  it('orders a chain: agency gives to region, region to state', () => {
    const caps = yearCaps(contractOf([cap('y-state', 'state', '1.00', 'notPaid'), cap('y-region', 'region', '1.00', { takenBy: 'state' }), cap('y-agency', 'agency', '1.00', { takenBy: 'region' })]));
    expect(caps.map((c) => c.id)).toEqual(['y-agency', 'y-region', 'y-state']);
  });
});

describe('applyYearCaps', () => {
  it('notPaid: cuts the part above the year\'s commitment, counts the use per year', () => {
    const state = yearCapState(yearCaps(contractOf([cap('y-region', 'region', '1000.00', 'notPaid')])));
    // T1 2025-03-01: 1500 → 1000, 500 not paid
    const t1 = amounts('1500.00', '200.00');
    const r1 = applyYearCaps(state, PAYERS, 'T1', parseDate('2025-03-01'), t1);
    expect(t1.map(money)).toEqual(['1000.00', '200.00']);
    expect(r1.entries.map(entryText)).toEqual(['y-region region 2025-01-01..2025-12-31 limit 1000.00 before 0.00 part 1500.00 asked 1500.00 paid 1000.00 over 500.00 notPaid to -']);
    expect(r1.cuts.map(cutText)).toEqual(['y-region/payer: limit 1000.00, before 0.00, asked 1500.00, cut 500.00']);
    // T2 2025-09-01, same year: 1000 used, 300 → 0
    const t2 = amounts('300.00');
    const r2 = applyYearCaps(state, PAYERS, 'T2', parseDate('2025-09-01'), t2);
    expect(t2.map(money)).toEqual(['0.00']);
    expect(r2.cuts.map(cutText)).toEqual(['y-region/payer: limit 1000.00, before 1000.00, asked 300.00, cut 300.00']);
    // T3 2026-01-01: a new year, 800 fits, no cut
    const t3 = amounts('800.00');
    const r3 = applyYearCaps(state, PAYERS, 'T3', parseDate('2026-01-01'), t3);
    expect(t3.map(money)).toEqual(['800.00']);
    expect(r3.cuts).toEqual([]);
    expect(r3.entries.map(entryText)).toEqual(['y-region region 2026-01-01..2026-12-31 limit 1000.00 before 0.00 part 800.00 asked 800.00 paid 800.00 over 0.00 notPaid to -']);
    expect(money(state.used.get(yearUseKey('y-region', budgetYear(parseDate('2025-06-01'), 1))) as Amount)).toBe('1000.00');
    expect(money(state.used.get(yearUseKey('y-region', budgetYear(parseDate('2026-06-01'), 1))) as Amount)).toBe('800.00');
  });

  it('a part equal to what is left is paid in full', () => {
    const state = yearCapState(yearCaps(contractOf([cap('y-region', 'region', '1000.00', 'notPaid')])));
    const parts = amounts('1000.00');
    const { entries, cuts } = applyYearCaps(state, PAYERS, 'T1', parseDate('2025-03-01'), parts);
    expect(parts.map(money)).toEqual(['1000.00']);
    expect(cuts).toEqual([]);
    expect(entries.map((e) => money(e.over))).toEqual(['0.00']);
  });

  it('a payer with nothing to pay has no audit line', () => {
    const state = yearCapState(yearCaps(contractOf([cap('y-region', 'region', '1000.00', 'notPaid')])));
    expect(applyYearCaps(state, PAYERS, 'T1', parseDate('2025-03-01'), amounts('0', '50.00'))).toEqual({ entries: [], cuts: [] });
    expect(state.used.size).toBe(0);
  });

  it('a year already used beyond its commitment pays nothing (never a negative amount)', () => {
    const state = yearCapState(yearCaps(contractOf([cap('y-region', 'region', '1000.00', 'notPaid')])));
    const year = budgetYear(parseDate('2025-03-01'), 1);
    state.used.set(yearUseKey('y-region', year), parseAmount('1200.00'));
    const parts = amounts('100.00');
    const { cuts } = applyYearCaps(state, PAYERS, 'T1', parseDate('2025-03-01'), parts);
    expect(parts.map(money)).toEqual(['0.00']);
    expect(cuts.map(cutText)).toEqual(['y-region/payer: limit 1000.00, before 1200.00, asked 100.00, cut 100.00']);
  });

  it('deferred: carried to the first tranche of a later budget year, within that year\'s commitment', () => {
    // fiscal years from April, commitment 1000
    const state = yearCapState(yearCaps(contractOf([cap('y-agency', 'agency', '1000.00', 'deferred', 4)])));
    // T1 2025-03-01 (year 2024-04..2025-03): 1500 → 1000, 500 deferred
    const t1 = amounts('0', '0', '1500.00');
    const r1 = applyYearCaps(state, PAYERS, 'T1', parseDate('2025-03-01'), t1);
    expect(t1.map(money)).toEqual(['0.00', '0.00', '1000.00']);
    expect(r1.cuts).toEqual([]);
    // T2 2025-03-31, same year: 1000 used, 200 → 0, 200 deferred; T1's 500 not paid with it (same year)
    const t2 = amounts('0', '0', '200.00');
    const r2 = applyYearCaps(state, PAYERS, 'T2', parseDate('2025-03-31'), t2);
    expect(t2.map(money)).toEqual(['0.00', '0.00', '0.00']);
    expect(r2.entries.map(entryText)).toEqual(['y-agency agency 2024-04-01..2025-03-31 limit 1000.00 before 1000.00 part 200.00 asked 200.00 paid 0.00 over 200.00 deferred to -']);
    // T3 2025-04-01 (year 2025-04..2026-03): 600 + 500 + 200 = 1300 → 1000, 300 deferred again
    const t3 = amounts('0', '0', '600.00');
    const r3 = applyYearCaps(state, PAYERS, 'T3', parseDate('2025-04-01'), t3);
    expect(t3.map(money)).toEqual(['0.00', '0.00', '1000.00']);
    expect(r3.entries.map(entryText)).toEqual([
      'y-agency agency 2025-04-01..2026-03-31 limit 1000.00 before 0.00 part 600.00+500.00 from T1 2024-04-01..2025-03-31+200.00 from T2 2024-04-01..2025-03-31 asked 1300.00 paid 1000.00 over 300.00 deferred to -',
    ]);
    expect(r1.entries[0]?.to).toBe('T3');
    expect(r2.entries[0]?.to).toBe('T3');
    // what waits now: T3's 300
    expect(state.pending.get('y-agency')?.map((c) => `${c.tranche} ${money(c.amount)}`)).toEqual(['T3 300.00']);
    // noteScheduled: a tranche in the same year does not take it, one in a later year does, and the first one named keeps it
    noteScheduled(state, 'T4', parseDate('2026-03-31'));
    expect(r3.entries[0]?.to).toBeNull();
    noteScheduled(state, 'T5', parseDate('2026-04-01'));
    expect(r3.entries[0]?.to).toBe('T5');
    noteScheduled(state, 'T6', parseDate('2027-04-01'));
    expect(r3.entries[0]?.to).toBe('T5');
  });

  it('deferred: with no tranche in a later year the deferral lapses (its line names no tranche)', () => {
    const state = yearCapState(yearCaps(contractOf([cap('y-region', 'region', '100.00', 'deferred')])));
    const { entries, cuts } = applyYearCaps(state, PAYERS, 'T1', parseDate('2025-06-30'), amounts('150.00'));
    expect(cuts).toEqual([]);
    expect(entries[0]?.to).toBeNull();
    const text = describeBudgetYear(entries[0] as BudgetYearEntry, money, () => 'settled');
    expect(text).toBe(
      'region 150.00 against its commitment of 100.00 for 2025-01-01 to 2025-12-31 (0.00 used before): 100.00 paid, 50.00 above the commitment deferred, but no later tranche falls due in a later budget year: not paid (lapsed)',
    );
  });

  it('noteScheduled leaves caps without a waiting deferral alone', () => {
    const state = yearCapState(yearCaps(contractOf([cap('y-region', 'region', '100.00', 'deferred'), cap('y-state', 'state', '100.00', 'deferred')])));
    const { entries } = applyYearCaps(state, PAYERS, 'T1', parseDate('2025-06-30'), amounts('50.00', '150.00'));
    noteScheduled(state, 'T2', parseDate('2026-01-01'));
    expect(entries.map((e) => `${e.cap} ${e.to ?? '-'}`)).toEqual(['y-region -', 'y-state T2']);
  });

  it('takenBy: the overflow goes to the taker, within the taker\'s own cap', () => {
    // region 1000 taken by state; state 600 not paid. Parts region 1500, state 400.
    // region: 1500 → 1000, 500 to state (state's part 400 + 500 = 900).
    // state: part 400, taken 500, asked 900 → 600, 300 not paid.
    const state = yearCapState(yearCaps(contractOf([cap('y-state', 'state', '600.00', 'notPaid'), cap('y-region', 'region', '1000.00', { takenBy: 'state' })])));
    const parts = amounts('1500.00', '400.00', '70.00');
    const { entries, cuts } = applyYearCaps(state, PAYERS, 'T1', parseDate('2025-05-01'), parts);
    expect(parts.map(money)).toEqual(['1000.00', '600.00', '70.00']);
    expect(entries.map(entryText)).toEqual([
      'y-region region 2025-01-01..2025-12-31 limit 1000.00 before 0.00 part 1500.00 asked 1500.00 paid 1000.00 over 500.00 takenBy to state',
      'y-state state 2025-01-01..2025-12-31 limit 600.00 before 0.00 part 400.00+500.00 from region asked 900.00 paid 600.00 over 300.00 notPaid to -',
    ]);
    expect(cuts.map(cutText)).toEqual(['y-state/payer: limit 600.00, before 0.00, asked 900.00, cut 300.00']);
    expect(describeBudgetYear(entries[1] as BudgetYearEntry, money, () => undefined)).toBe(
      'state 400.00 + 500.00 taken from region = 900.00 against its commitment of 600.00 for 2025-01-01 to 2025-12-31 (0.00 used before): 600.00 paid, 300.00 above the commitment not paid',
    );
    expect(describeBudgetYear(entries[0] as BudgetYearEntry, money, () => undefined)).toBe(
      'region 1500.00 against its commitment of 1000.00 for 2025-01-01 to 2025-12-31 (0.00 used before): 1000.00 paid, 500.00 above the commitment taken by state',
    );
  });

  it('takenBy a payer without a yearly cap: it pays the overflow in full; two givers to one taker', () => {
    // region 100 → state, agency 100 → state; parts 250, 0, 130: region over 150, agency over 30; state pays 180
    const state = yearCapState(yearCaps(contractOf([cap('y-region', 'region', '100.00', { takenBy: 'state' }), cap('y-agency', 'agency', '100.00', { takenBy: 'state' })])));
    const parts = amounts('250.00', '0', '130.00');
    const { entries, cuts } = applyYearCaps(state, PAYERS, 'T1', parseDate('2025-05-01'), parts);
    expect(parts.map(money)).toEqual(['100.00', '180.00', '100.00']);
    expect(cuts).toEqual([]);
    expect(entries.map((e) => `${e.cap} over ${money(e.over)} to ${e.to ?? '-'}`)).toEqual(['y-region over 150.00 to state', 'y-agency over 30.00 to state']);
  });

  it('describes a deferral paid with, or to be paid with, a later tranche', () => {
    const state = yearCapState(yearCaps(contractOf([cap('y-agency', 'agency', '1000.00', 'deferred', 4)])));
    const r1 = applyYearCaps(state, PAYERS, 'T1', parseDate('2025-03-01'), amounts('0', '0', '1500.00'));
    const r2 = applyYearCaps(state, PAYERS, 'T2', parseDate('2025-06-01'), amounts('0', '0', '100.00'));
    const first = r1.entries[0] as BudgetYearEntry;
    expect(describeBudgetYear(first, money, (t) => (t === 'T2' ? 'settled' : undefined))).toBe(
      'agency 1500.00 against its commitment of 1000.00 for 2024-04-01 to 2025-03-31 (0.00 used before): 1000.00 paid, 500.00 above the commitment deferred to the next budget year: paid with tranche T2',
    );
    expect(describeBudgetYear(first, money, () => 'scheduled')).toBe(
      'agency 1500.00 against its commitment of 1000.00 for 2024-04-01 to 2025-03-31 (0.00 used before): 1000.00 paid, 500.00 above the commitment deferred to the next budget year: to be paid with tranche T2',
    );
    // T2: 100 + 500 carried = 600, within 1000: no overflow
    expect(describeBudgetYear(r2.entries[0] as BudgetYearEntry, money, () => 'settled')).toBe(
      'agency 100.00 + 500.00 deferred from T1 (2024-04-01 to 2025-03-31) = 600.00 against its commitment of 1000.00 for 2025-04-01 to 2026-03-31 (0.00 used before): 600.00 paid',
    );
  });
});
