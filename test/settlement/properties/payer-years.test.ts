/**
 * Yearly payer caps (docs/mechanics/payer-funding.md#a-payers-commitment-per-budget-year), on
 * contracts drawn here: two or three payers (decimal shares, thirds or weights), some with a yearly
 * cap (calendar or fiscal from any month; notPaid, deferred, or taken by a later payer, so chains
 * and no cycles), tranches due in several budget years. Checked in integer minor units, with the
 * budget year of each due date computed here from the date text, not by the engine:
 * - no payer's total within a budget year exceeds its commitment;
 * - conservation: each audit line's requested = part + taken + carried = paid + over, and over the
 *   settlement the lines' paid = earned + not paid + lapsed + deferred to a tranche not yet settled;
 *   every deferral paid is carried exactly once by the tranche it names; every amount taken by a
 *   payer with a yearly cap shows once in its line;
 * - chained with previous settlements, what the chain makes due per payer is the last settlement's
 *   earned: a deferral is never paid twice.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Settlement } from '../../../src/index.js';
import { runs, timeLimit } from '../../runs.js';
import { settleWith } from '../settle-helper.js';

vi.setConfig({ testTimeout: timeLimit(60_000) });

const cents = (text: string): bigint => {
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return text.startsWith('-') ? -value : value;
};
const text = (value: bigint): string => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;

/** Day offsets from 2024-01-01 to YYYY-MM-DD, by plain calendar counting (no Date object). */
function dateOf(offset: number): string {
  const lengths = (y: number): number[] => [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let year = 2024;
  let left = offset;
  for (;;) {
    const days = lengths(year).reduce((a, b) => a + b, 0);
    if (left < days) break;
    left -= days;
    year += 1;
  }
  let month = 0;
  while (left >= (lengths(year)[month] ?? 0)) left -= lengths(year)[month++] ?? 0;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(left + 1).padStart(2, '0')}`;
}

/** The first day of the budget year of `date` (YYYY-MM-DD) starting in `startMonth`. */
function yearStart(date: string, startMonth: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${month >= startMonth ? year : year - 1}-${String(startMonth).padStart(2, '0')}-01`;
}

type Overflow = 'notPaid' | 'deferred' | { takenBy: string };
interface Drawn {
  readonly contract: Record<string, unknown>;
  readonly records: unknown[];
  readonly asOfs: string[];
  readonly caps: { id: string; payer: string; amount: bigint; startMonth: number; overflow: Overflow }[];
}

const PAYERS = ['region', 'state', 'fund'];

const drawn: fc.Arbitrary<Drawn> = fc
  .record({
    payers: fc.integer({ min: 2, max: 3 }),
    basis: fc.constantFrom('decimal', 'thirds', 'weights'),
    weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
    price: fc.integer({ min: 1, max: 300_000 }),
    caps: fc.array(
      fc.record({
        on: fc.boolean(),
        amount: fc.integer({ min: 0, max: 1_000_000 }),
        fiscal: fc.boolean(),
        startMonth: fc.integer({ min: 1, max: 12 }),
        overflow: fc.constantFrom('notPaid', 'deferred', 'takenBy'),
        taker: fc.nat(),
      }),
      { minLength: 3, maxLength: 3 },
    ),
    tranches: fc.uniqueArray(fc.integer({ min: 30, max: 1400 }), { minLength: 1, maxLength: 6 }),
    lags: fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 6, maxLength: 6 }),
    records: fc.array(fc.record({ enrolled: fc.integer({ min: 0, max: 1000 }), after: fc.integer({ min: 0, max: 80 }) }), { maxLength: 14 }),
    asOfs: fc.uniqueArray(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 3 }),
    contractCap: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }),
  })
  .map((d) => {
    const ids = PAYERS.slice(0, d.payers);
    const payers = ids.map((id, p) => {
      if (d.basis === 'weights') return { id, name: id, weight: String(d.weights[p] ?? 1) };
      if (d.basis === 'thirds') return { id, name: id, share: d.payers === 3 ? '1/3' : p === 0 ? '2/3' : '1/3' };
      return { id, name: id, share: d.payers === 3 ? ['0.5', '0.3', '0.2'][p] ?? '0' : p === 0 ? '0.6' : '0.4' };
    });
    const caps: Drawn['caps'] = [];
    d.caps.slice(0, d.payers).forEach((cap, p) => {
      if (!cap.on) return;
      const later = ids.slice(p + 1); // a taker listed later: chains, never a cycle
      const overflow: Overflow = cap.overflow === 'takenBy' && later.length > 0 ? { takenBy: later[cap.taker % later.length] ?? '' } : cap.overflow === 'takenBy' ? 'notPaid' : (cap.overflow);
      caps.push({ id: `cap-${ids[p] ?? ''}`, payer: ids[p] ?? '', amount: BigInt(cap.amount), startMonth: cap.fiscal ? cap.startMonth : 1, overflow });
    });
    const sorted = [...d.tranches].sort((a, b) => a - b);
    const tranches = sorted.map((measured, t) => ({
      id: `T${t + 1}`,
      name: `T${t + 1}`,
      rules: ['pay-pl'],
      cohorts: ['A'],
      measuredOn: dateOf(measured),
      dueOn: dateOf(Math.min(measured + (d.lags[t] ?? 0), 1460)),
    }));
    const contract = {
      schemaVersion: '2.0',
      id: 'years',
      name: 'years',
      currency: 'EUR',
      rounding: 'half-even',
      period: { start: '2024-01-01', end: '2027-12-31' },
      parties: { payers, provider: { id: 'provider', name: 'Provider' } },
      cohorts: [{ id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2026-12-31' }],
      outcomes: [{ kind: 'placement', id: 'placement', name: 'placement', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' }],
      rules: [{ kind: 'rateCard', id: 'pay-pl', name: 'pay-pl', outcome: 'placement', price: text(BigInt(d.price)), groupPricing: { kind: 'flat' }, prerequisites: [] }],
      caps: [
        ...caps.map((cap) => ({
          kind: 'payer',
          id: cap.id,
          payer: cap.payer,
          amount: text(cap.amount),
          partialPayment: true,
          per: cap.startMonth === 1 && !d.caps[ids.indexOf(cap.payer)]?.fiscal ? { kind: 'calendarYear' } : { kind: 'fiscalYear', startMonth: cap.startMonth },
          overflow: cap.overflow,
        })),
        ...(d.contractCap === undefined ? [] : [{ kind: 'contract', id: 'cap-all', amount: text(BigInt(d.contractCap)), partialPayment: true }]),
      ],
      tranches,
    };
    const records = d.records.map((r, i) => ({ id: `P${i + 1}`, cohort: 'A', enrolledOn: dateOf(r.enrolled), spells: [{ start: dateOf(r.enrolled + r.after) }] }));
    return { contract, records, asOfs: [...d.asOfs].sort((a, b) => a - b).map(dateOf), caps };
  });

function settled(d: Drawn, asOf: string, previous: Settlement[] = []): Settlement {
  const result = settleWith(d.contract, d.records, { asOf, previous: previous.map((s) => JSON.parse(JSON.stringify(s)) as unknown) });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function checkCommitments(d: Drawn, s: Settlement): void {
  for (const cap of d.caps) {
    const perYear = new Map<string, bigint>();
    for (const tranche of s.tranches) {
      const part = tranche.payers.find((p) => p.payer === cap.payer);
      const year = yearStart(tranche.dueOn, cap.startMonth);
      perYear.set(year, (perYear.get(year) ?? 0n) + cents(part?.earned ?? '0'));
    }
    for (const [year, total] of perYear) expect(total <= cap.amount, `${cap.id} in the year from ${year}: ${text(total)} > ${text(cap.amount)}`).toBe(true);
  }
}

function checkConservation(d: Drawn, s: Settlement): void {
  const capped = new Set(d.caps.map((cap) => cap.payer));
  const status = new Map(s.tranches.map((t) => [t.id, t.status]));
  let linesPaid = 0n;
  let earned = 0n;
  let notPaid = 0n;
  let lapsed = 0n;
  let waiting = 0n;
  let takenOut = 0n;
  let takenIn = 0n;
  const carried = new Map<string, bigint>(); // cap, source tranche, tranche carrying it → amount
  for (const tranche of s.tranches) {
    for (const entry of tranche.budgetYears ?? []) for (const c of entry.carriedFrom) carried.set(`${entry.cap}\u0000${c.tranche}\u0000${tranche.id}`, cents(c.amount));
  }
  for (const tranche of s.tranches) {
    linesPaid += tranche.lines.reduce((sum, line) => sum + cents(line.paid), 0n);
    earned += cents(tranche.earned);
    for (const entry of tranche.budgetYears ?? []) {
      const taken = entry.takenFrom.reduce((sum, t) => sum + cents(t.amount), 0n);
      const carry = entry.carriedFrom.reduce((sum, c) => sum + cents(c.amount), 0n);
      expect(cents(entry.part) + taken + carry).toBe(cents(entry.requested));
      expect(cents(entry.paid) + cents(entry.over)).toBe(cents(entry.requested));
      expect(cents(entry.paid) <= cents(entry.limit), entry.explanation).toBe(true);
      takenIn += taken;
      const over = cents(entry.over);
      if (over === 0n) continue;
      if (entry.overflow === 'notPaid') notPaid += over;
      else if (entry.overflow === 'takenBy') takenOut += entry.to !== null && capped.has(entry.to) ? over : 0n; // a taker without a yearly cap has no line
      else if (entry.to === null) lapsed += over;
      else if (status.get(entry.to) !== 'settled') waiting += over;
      else {
        const key = `${entry.cap}\u0000${tranche.id}\u0000${entry.to}`;
        expect(carried.get(key), `${entry.explanation}: carried once by ${entry.to}`).toBe(over);
        carried.delete(key);
      }
    }
  }
  expect([...carried.keys()], 'every carried amount comes from one deferral').toEqual([]);
  expect(takenIn).toBe(takenOut);
  expect(linesPaid, `lines ${text(linesPaid)} = earned ${text(earned)} + not paid ${text(notPaid)} + lapsed ${text(lapsed)} + waiting ${text(waiting)}`).toBe(earned + notPaid + lapsed + waiting);
}

describe('yearly payer caps', () => {
  it('no payer pays more than its commitment in any budget year, and every amount above it is paid, deferred, taken or cut exactly once', () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const s = settled(d, d.asOfs[d.asOfs.length - 1] ?? '2027-12-31');
        checkCommitments(d, s);
        checkConservation(d, s);
      }),
      { numRuns: runs(150) },
    );
  });

  it('binds: the drawn contracts defer, take and cut in some cases (the properties above are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(drawn, (d) => {
        const s = settled(d, '2027-12-31');
        for (const t of s.tranches) for (const e of t.budgetYears ?? []) if (e.over !== '0.00') seen.add(e.overflow === 'deferred' && e.to !== null ? 'carried' : e.overflow);
      }),
      { numRuns: 150, seed: 16 },
    );
    expect([...seen].sort()).toEqual(['carried', 'deferred', 'notPaid', 'takenBy']);
  });

  it('chained with previous settlements, each payer is made due in all exactly what the last settlement earns: a deferral is paid once', () => {
    fc.assert(
      fc.property(drawn, (d) => {
        fc.pre(d.asOfs.length >= 2);
        const chain: Settlement[] = [];
        const dueByPayer = new Map<string, bigint>();
        for (const asOf of d.asOfs) {
          const s = settled(d, asOf, chain);
          chain.push(s);
          for (const payer of s.payers) dueByPayer.set(payer.payer, (dueByPayer.get(payer.payer) ?? 0n) + cents(payer.due));
          checkCommitments(d, s);
        }
        const last = chain[chain.length - 1] as Settlement;
        for (const payer of last.payers) expect(dueByPayer.get(payer.payer), payer.payer).toBe(cents(payer.earned));
        // and settled again on the same data, nothing more is due
        const again = settled(d, last.asOf, chain);
        expect(again.totals.due).toBe('0.00');
        expect(again.adjustments).toEqual([]);
      }),
      { numRuns: runs(60) },
    );
  });
});
