/**
 * Outcomes in a calendar quarter after the exit quarter, resolved one participant at a time
 * (docs/outcomes.md "Quarter after exit", docs/mechanics/quarters-after-exit.md): which quarter,
 * the day its data is due, which observations count, the minimum. Every date and figure worked out
 * by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/contract/schema.js';
import { parseAmount } from '../../src/money/index.js';
import type { OutcomeRecord } from '../../src/records/schema.js';
import { d, record, resolveText, type ResolutionText } from './helpers.js';

type QuarterOutcome = Extract<Outcome, { kind: 'quarterAfterExit' }>;

function outcome(extra: Partial<QuarterOutcome> = {}): QuarterOutcome {
  return { kind: 'quarterAfterExit', id: 'q', name: 'Employed in the 2nd quarter after exit', quarter: 2, dataLag: { unit: 'months', count: 3 }, ...extra };
}

/** A record exited on `exitedOn` with pay periods [from, to, amount], sorted by period end as validation sorts them. */
function paid(exitedOn: string | undefined, periods: readonly (readonly [string, string, string])[], groups?: string[]): OutcomeRecord {
  const earnings = periods.map(([from, to, amount]) => ({ from: d(from), to: d(to), amount: parseAmount(amount) })).sort((a, b) => a.to - b.to);
  const base = record({ enrolledOn: '2023-01-02', ...(exitedOn === undefined ? {} : { exitedOn }) });
  return { ...base, ...(groups === undefined ? {} : { groups }), earnings };
}

function resolve(o: QuarterOutcome, r: OutcomeRecord, asOf: string): ResolutionText {
  const [only] = resolveText([o], r, asOf);
  if (only === undefined) throw new Error('no resolution');
  return only;
}

describe('the quarter and the day its data is due', () => {
  it('counts calendar quarters from the quarter of the exit, and is decided on the last day of the 3rd month after the quarter', () => {
    // exit 2023-06-30, in April-June: the 2nd quarter after is October-December 2023; due 2024-03-31
    const r = paid('2023-06-30', [['2023-10-01', '2023-12-31', '100.00']]);
    expect(resolve(outcome(), r, '2024-03-30')).toEqual({ status: 'pending', reason: 'AWAITING_QUARTER_DATA' });
    expect(resolve(outcome(), r, '2024-03-31')).toEqual({ status: 'achieved', on: '2024-03-31', reason: 'EMPLOYED_IN_QUARTER' });
    // exit one day later, 2023-07-01, in July-September: the 2nd quarter after is January-March 2024, due 2024-06-30
    const later = paid('2023-07-01', [['2023-10-01', '2023-12-31', '100.00']]);
    expect(resolve(outcome(), later, '2024-06-30')).toEqual({ status: 'failed', on: '2024-06-30', reason: 'NOT_EMPLOYED_IN_QUARTER' });
  });

  it('a lag in months lands on a month end; in days it counts from the quarter\'s last day', () => {
    const r = paid('2024-02-10', [['2024-07-01', '2024-09-30', '100.00']]);
    // exit in January-March 2024: the 2nd quarter after is July-September 2024
    // 1 month: the end of October, 2024-10-31 (not 2024-10-30, which 30 September + 1 month would give)
    expect(resolve(outcome({ dataLag: { unit: 'months', count: 1 } }), r, '2024-10-31')).toEqual({ status: 'achieved', on: '2024-10-31', reason: 'EMPLOYED_IN_QUARTER' });
    expect(resolve(outcome({ dataLag: { unit: 'months', count: 1 } }), r, '2024-10-30').status).toBe('pending');
    // 30 days: 2024-09-30 + 30 = 2024-10-30
    expect(resolve(outcome({ dataLag: { unit: 'days', count: 30 } }), r, '2024-10-30')).toEqual({ status: 'achieved', on: '2024-10-30', reason: 'EMPLOYED_IN_QUARTER' });
    // 0 days: decided on the quarter's last day
    expect(resolve(outcome({ dataLag: { unit: 'days', count: 0 } }), r, '2024-09-30')).toEqual({ status: 'achieved', on: '2024-09-30', reason: 'EMPLOYED_IN_QUARTER' });
    expect(resolve(outcome({ dataLag: { unit: 'days', count: 0 } }), r, '2024-09-29').status).toBe('pending');
    // the 4th quarter after: January-March 2025, nothing in it; due 2025-03-31 + 2 months = 2025-05-31
    expect(resolve(outcome({ quarter: 4, dataLag: { unit: 'months', count: 2 } }), r, '2025-06-30')).toEqual({ status: 'failed', on: '2025-05-31', reason: 'NOT_EMPLOYED_IN_QUARTER' });
  });

  it('is pending while the exit is not known, or is dated after the as-of date', () => {
    expect(resolve(outcome(), paid(undefined, []), '2030-01-01')).toEqual({ status: 'pending', reason: 'AWAITING_EXIT' });
    expect(resolve(outcome(), paid('2024-06-30', []), '2024-06-29')).toEqual({ status: 'pending', reason: 'AWAITING_EXIT' });
  });
});

describe('the earnings of the quarter', () => {
  // exit 2023-05-15: the 2nd quarter after is 2023-10-01 to 2023-12-31, due 2024-03-31
  const at = (periods: readonly (readonly [string, string, string])[], o = outcome()) => resolve(o, paid('2023-05-15', periods), '2024-12-31');

  it('are those of the observations ending in it: one ending the day before or after does not count', () => {
    expect(at([['2023-07-01', '2023-09-30', '5000.00'], ['2024-01-01', '2024-01-01', '5000.00']]).status).toBe('failed');
    expect(at([['2023-10-01', '2023-10-01', '0.01']]).status).toBe('achieved');
    expect(at([['2023-12-31', '2023-12-31', '0.01']]).status).toBe('achieved');
  });

  it('count a period across the quarter start whole, in the quarter it ends in', () => {
    // 2023-09-16 to 2023-10-15 ends in the quarter: its 3000.00 counts, reaching a minimum of 3000.00
    expect(at([['2023-09-16', '2023-10-15', '3000.00']], outcome({ minimumEarnings: '3000.00' })).status).toBe('achieved');
  });

  it('of 0.00 are no employment', () => {
    expect(at([['2023-10-01', '2023-12-31', '0.00']])).toEqual({ status: 'failed', on: '2024-03-31', reason: 'NOT_EMPLOYED_IN_QUARTER' });
  });

  it('add up to the minimum: exactly it is employed, one cent less is not', () => {
    const o = outcome({ minimumEarnings: '9000.00' });
    // 2000.00 + 2000.00 + 5000.00 = 9000.00
    const months: [string, string, string][] = [['2023-10-01', '2023-10-31', '2000.00'], ['2023-11-01', '2023-11-30', '2000.00'], ['2023-12-01', '2023-12-31', '5000.00']];
    expect(at(months, o).status).toBe('achieved');
    const short = months.map(([f, t, a], i): [string, string, string] => [f, t, i === 2 ? '4999.99' : a]);
    expect(at(short, o)).toEqual({ status: 'failed', on: '2024-03-31', reason: 'NOT_EMPLOYED_IN_QUARTER' });
  });
});

describe('restricted to groups', () => {
  it('fails a participant in none of them on the enrolment date', () => {
    const o = outcome({ participants: { groups: ['youth'] } });
    const r = paid('2023-05-15', [['2023-10-01', '2023-12-31', '100.00']], ['adult']);
    expect(resolve(o, r, '2024-12-31')).toEqual({ status: 'failed', on: '2023-01-02', reason: 'NOT_IN_GROUPS' });
    expect(resolve(o, { ...r, groups: ['youth'] }, '2024-12-31').status).toBe('achieved');
  });
});
