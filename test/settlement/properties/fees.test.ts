/**
 * Fees as real contracts set them (docs/mechanics/fees.md): a delivery fee as a share of the
 * contract's value in monthly instalments, deferred or withheld by a suspended tranche, and an
 * attachment fee phased down by enrolment date. The expected figures are worked out here, in
 * bigint minor units and with date-fns (the reference's dates), never with the engine's money or
 * calendar:
 *
 * - conservation: the instalments sum exactly to `share × contractValue` rounded once; each is the
 *   total over the months, rounded down, plus one minor unit for the earliest (total mod months);
 *   each tranche takes exactly the instalments dated since the previous tranche;
 * - a suspended tranche withholds its instalments for good, or (`whenSuspended: "deferred"`) leaves
 *   them to the next tranche: then the whole fee is paid;
 * - time-slicing: settling at each measurement date in turn, with the settlements before as
 *   `previous`, makes each instalment due once: the dues sum to the instalments, and settling
 *   again owes nothing;
 * - a phased start fee charges each start the amount of the last phase starting on or before its
 *   enrolment: never above the first phase's when the phases go down;
 * - the scenario generators reach both (a measurement over a fixed seed), and the independent
 *   reference (test/settlement/reference) agrees with the engine on those scenarios.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settlement } from '../../../src/index.js';
import { runs } from '../../runs.js';
import { CURRENCIES, moneyText, type Currency } from '../arbitraries/currencies.js';
import { refAddDuration, refDay } from '../reference/dates.js';
import { D, roundMinor } from '../reference/decimal.js';
import { scenarioArbitrary } from '../arbitraries/index.js';
import { referenceSettlement } from '../reference/settle.js';
import { settleOk, settleWith } from '../settle-helper.js';

const MODES = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;

/** Day number → `YYYY-MM-DD` (UTC arithmetic on whole days, no time zone). */
function dayText(day: number): string {
  const civil = new Date(Date.UTC(1970, 0, 1 + day));
  return civil.toISOString().slice(0, 10);
}

/** Minor units of a money text with `places` decimals. */
function units(text: string, places: number): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0') || '0');
}

interface InstalmentCase {
  readonly currency: Currency;
  readonly shareBasisPoints: number;
  readonly valueUnits: number;
  readonly months: number;
  readonly firstOn: string;
  readonly mode: (typeof MODES)[number];
  /** Days between measurement dates. */
  readonly gaps: readonly number[];
}

const instalmentCase: fc.Arbitrary<InstalmentCase> = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  shareBasisPoints: fc.integer({ min: 1, max: 10_000 }),
  valueUnits: fc.integer({ min: 1, max: 2_000_000_000 }),
  months: fc.integer({ min: 1, max: 30 }),
  // a day of 2024 whose day of month is often 29, 30 or 31 (month-end clamping)
  firstOn: fc.oneof(
    fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }),
    fc.record({ month: fc.constantFrom(1, 3, 5, 8, 10, 12), day: fc.integer({ min: 29, max: 31 }) }),
  ).map(({ month, day }) => `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
  mode: fc.constantFrom(...MODES),
  gaps: fc.array(fc.integer({ min: 20, max: 200 }), { minLength: 1, maxLength: 8 }),
});

/** `share` as written: basis points over 10,000. */
const shareText = (basisPoints: number): string => (basisPoints === 10_000 ? '1' : `0.${String(basisPoints).padStart(4, '0')}`);

/** The instalments worked out here: the rounded total's minor units split equally, the leftover to the earliest; dates by date-fns. */
function expectedInstalments(c: InstalmentCase): { total: bigint; parts: { day: number; units: bigint }[] } {
  const places = c.currency.places;
  const total = BigInt(roundMinor(new D(shareText(c.shareBasisPoints)).times(moneyText(c.valueUnits, places)), places, c.mode).times(new D(10).pow(places)).toFixed(0));
  const months = BigInt(c.months);
  const first = refDay(c.firstOn);
  const parts = Array.from({ length: c.months }, (_, k) => ({ day: refAddDuration(first, { months: k }), units: total / months + (BigInt(k) < total % months ? 1n : 0n) }));
  return { total, parts };
}

/** Measurement days: after the first instalment by the case's gaps, the last on or after the last instalment. */
function measurements(c: InstalmentCase, lastInstalment: number): number[] {
  const days: number[] = [];
  let at = refDay(c.firstOn);
  for (const gap of c.gaps) days.push((at += gap));
  if ((days.at(-1) ?? 0) < lastInstalment) days.push(lastInstalment + 1);
  return days;
}

function feeContract(c: InstalmentCase, measured: readonly number[], whenSuspended: 'withheld' | 'deferred' | undefined, suspend: number | undefined): unknown {
  const last = measured.at(-1) ?? 0;
  return {
    schemaVersion: '2.0',
    id: 'fees',
    name: 'Fees',
    currency: c.currency.code,
    rounding: c.mode,
    period: { start: '2024-01-01', end: dayText(last + 31) },
    parties: { payers: [{ id: 'dwp', name: 'DWP', share: '1' }], provider: { id: 'provider', name: 'Provider' } },
    cohorts: [{ id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-01-31' }],
    outcomes: [{ kind: 'placement', id: 'placement', name: 'Job', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' }],
    rules: [{
      kind: 'fee', id: 'delivery', name: 'Delivery fee',
      charge: { kind: 'shareOfValue', share: shareText(c.shareBasisPoints), contractValue: moneyText(c.valueUnits, c.currency.places), months: c.months, firstOn: c.firstOn, ...(whenSuspended === undefined ? {} : { whenSuspended }) },
    }],
    tranches: measured.map((day, i) => ({ id: `T${i + 1}`, name: `T${i + 1}`, rules: ['delivery'], cohorts: ['A'], measuredOn: dayText(day), dueOn: dayText(day) })),
    ...(suspend === undefined
      ? {}
      : { exitClauses: [{ id: 'improvement', name: 'Improvement action', checkOn: '2024-01-01', condition: { kind: 'datePassed', date: '2024-01-01' }, effect: { kind: 'suspendTranches', tranches: [`T${suspend + 1}`] } }] }),
  };
}

const RECORDS = [{ id: 'P1', cohort: 'A', enrolledOn: '2024-01-02' }];

function settled(contract: unknown, asOf: number, previous: readonly Settlement[] = []): Settlement {
  const result = settleWith(contract, RECORDS, { asOf: dayText(asOf), previous: [...previous] });
  if (!result.ok) expect.fail(JSON.stringify(result.issues.slice(0, 3)));
  return result.value;
}

/** The instalments dated in each tranche's window (after the previous measurement, up to its own). */
function perTranche(parts: readonly { day: number; units: bigint }[], measured: readonly number[]): bigint[] {
  return measured.map((day, i) => parts.filter((part) => part.day > (i === 0 ? -Infinity : (measured[i - 1] as number)) && part.day <= day).reduce((sum, part) => sum + part.units, 0n));
}

describe('a delivery fee as a share of the contract value, in monthly instalments', () => {
  it('conservation: the instalments sum exactly to the rounded share of the value, differ by at most one minor unit (the earliest larger), and each tranche takes those dated in its window', () => {
    fc.assert(
      fc.property(instalmentCase, (c) => {
        const { total, parts } = expectedInstalments(c);
        expect(parts.reduce((sum, part) => sum + part.units, 0n)).toBe(total);
        const measured = measurements(c, parts.at(-1)?.day ?? 0);
        const settlement = settled(feeContract(c, measured, undefined, undefined), measured.at(-1) ?? 0);
        const places = c.currency.places;
        expect(units(settlement.totals.earned, places)).toBe(total);
        expect(settlement.tranches.map((t) => units(t.earned, places))).toEqual(perTranche(parts, measured));
        // the instalments the lines list, as amounts: non-increasing, at most one minor unit apart
        const listed = settlement.tranches.flatMap((t) => t.lines.flatMap((line) => String(line.inputs['payments'] ?? '').split('; ').filter((p) => p !== '').map((p) => units(p.split(': ')[1]?.split(' ')[0] ?? '', places))));
        expect(listed).toEqual(parts.map((part) => part.units));
      }),
      { numRuns: runs(150) },
    );
  });

  it('a suspended tranche withholds its instalments for good, or defers them to the next tranche (then the whole fee is paid)', () => {
    let deferredSome = 0;
    fc.assert(
      fc.property(instalmentCase, fc.nat(), fc.boolean(), (c, pickSuspended, defer) => {
        const { total, parts } = expectedInstalments(c);
        const measured = measurements(c, parts.at(-1)?.day ?? 0);
        fc.pre(measured.length >= 2);
        // any tranche but the last, with at least one instalment in its window
        const suspend = pickSuspended % (measured.length - 1);
        const windows = perTranche(parts, measured);
        fc.pre((windows[suspend] ?? 0n) > 0n);
        const settlement = settled(feeContract(c, measured, defer ? 'deferred' : undefined, suspend), measured.at(-1) ?? 0);
        const places = c.currency.places;
        expect(settlement.tranches[suspend]?.status).toBe('suspended');
        const held = windows[suspend] ?? 0n;
        if (defer) {
          deferredSome++;
          expect(units(settlement.totals.earned, places)).toBe(total);
          expect(units(settlement.totals.withheld, places)).toBe(0n);
          // the next tranche takes the deferred instalments with its own
          expect(units(settlement.tranches[suspend + 1]?.earned ?? '', places)).toBe(held + (windows[suspend + 1] ?? 0n));
        } else {
          expect(units(settlement.totals.earned, places)).toBe(total - held);
          expect(units(settlement.totals.withheld, places)).toBe(held);
        }
      }),
      { numRuns: runs(150) },
    );
    expect(deferredSome).toBeGreaterThan(20);
  });

  it('time-slicing: settled at each measurement date with the settlements before, each instalment is due once, and settling again owes nothing', () => {
    fc.assert(
      fc.property(instalmentCase, fc.boolean(), (c, defer) => {
        const { total, parts } = expectedInstalments(c);
        const measured = measurements(c, parts.at(-1)?.day ?? 0);
        const contract = feeContract(c, measured, defer ? 'deferred' : undefined, undefined);
        const windows = perTranche(parts, measured);
        const places = c.currency.places;
        const chain: Settlement[] = [];
        measured.forEach((day, i) => {
          const settlement = settled(contract, day, chain);
          expect(units(settlement.totals.due, places), `due at ${dayText(day)}`).toBe(windows[i]);
          chain.push(settlement);
        });
        const dues = chain.reduce((sum, s) => sum + units(s.totals.due, places), 0n);
        expect(dues).toBe(total);
        const again = settled(contract, measured.at(-1) ?? 0, chain);
        expect(units(again.totals.due, places)).toBe(0n);
        expect(again.adjustments).toEqual([]);
      }),
      { numRuns: runs(40) },
    );
  });
});

interface PhasedCase {
  readonly currency: Currency;
  readonly base: number;
  /** Phase starts (days after 2024-01-01, strictly increasing after sorting) and how much each amount falls. */
  readonly phases: readonly { offset: number; fall: number }[];
  readonly rising: boolean;
  readonly enrolments: readonly number[];
}

const phasedCase: fc.Arbitrary<PhasedCase> = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  base: fc.integer({ min: 0, max: 10_000_000 }),
  phases: fc.uniqueArray(fc.record({ offset: fc.integer({ min: 1, max: 364 }), fall: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(100)) }), { minLength: 1, maxLength: 4, selector: (p) => p.offset }),
  rising: fc.boolean(),
  enrolments: fc.array(fc.integer({ min: 0, max: 364 }), { minLength: 1, maxLength: 30 }),
});

describe('an attachment fee phased by enrolment date', () => {
  it('charges each start the amount of the last phase starting on or before its enrolment (never above the first phase when they go down), and a phase of 0 charges nothing', () => {
    let lowerPhase = 0;
    let zeroPhase = 0;
    fc.assert(
      fc.property(phasedCase, (c) => {
        const places = c.currency.places;
        const start = refDay('2024-01-01');
        const sorted = [...c.phases].sort((a, b) => a.offset - b.offset);
        // going down: each amount a percentage of the one before; rising: the other way round
        let amount = BigInt(c.base);
        const phases = sorted.map((p) => {
          amount = c.rising ? amount + BigInt(p.fall) * 1000n : (amount * BigInt(100 - p.fall)) / 100n;
          return { from: start + p.offset, units: amount };
        });
        const contract = {
          schemaVersion: '2.0', id: 'phased', name: 'Phased', currency: c.currency.code, rounding: 'half-even',
          period: { start: '2024-01-01', end: '2025-12-31' },
          parties: { payers: [{ id: 'dwp', name: 'DWP', share: '1' }], provider: { id: 'provider', name: 'Provider' } },
          cohorts: [{ id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-12-31' }],
          outcomes: [{ kind: 'placement', id: 'placement', name: 'Job', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' }],
          rules: [{ kind: 'fee', id: 'attachment', name: 'Attachment fee', charge: { kind: 'perStart', amount: moneyText(c.base, places), phases: phases.map((p) => ({ from: dayText(p.from), amount: moneyText(p.units, places) })) } }],
          tranches: [{ id: 'T1', name: 'T1', rules: ['attachment'], cohorts: ['A'], measuredOn: '2025-01-31', dueOn: '2025-01-31' }],
        };
        const records = c.enrolments.map((offset, i) => ({ id: `P${i}`, cohort: 'A', enrolledOn: dayText(start + offset) }));
        const result = settleWith(contract, records, { asOf: '2025-01-31', detail: 'participants' });
        if (!result.ok) expect.fail(JSON.stringify(result.issues.slice(0, 3)));
        const feeOn = (day: number): bigint => phases.filter((p) => p.from <= day).at(-1)?.units ?? BigInt(c.base);
        const fees = c.enrolments.map((offset) => feeOn(start + offset));
        expect(units(result.value.totals.earned, places)).toBe(fees.reduce((sum, fee) => sum + fee, 0n));
        const lines = result.value.tranches[0]?.lines ?? [];
        // one line per amount charged, each naming its participants; no line for a fee of 0
        for (const line of lines) {
          const unit = units(String(line.unit), places);
          expect(unit).toBeGreaterThan(0n);
          if (!c.rising) expect(unit).toBeLessThanOrEqual(BigInt(c.base));
          for (const participant of line.participants ?? []) expect(fees[Number(participant.slice(1))]).toBe(unit);
        }
        if (fees.some((fee) => fee < BigInt(c.base) && fee > 0n)) lowerPhase++;
        if (fees.some((fee) => fee === 0n)) zeroPhase++;
      }),
      { numRuns: runs(150) },
    );
    // the cases reach starts in a lower phase, and starts charged nothing
    expect(lowerPhase).toBeGreaterThan(10);
    expect(zeroPhase).toBeGreaterThan(5);
  });
});

describe('generated scenarios', () => {
  it('reach instalments deferred and withheld by suspended tranches and phased start fees (measured over seed 42), and the reference agrees on them', () => {
    const scenarios = fc.sample(scenarioArbitrary({ maxRecords: 16 }), { seed: 42, numRuns: 300 });
    const reached = { deferred: 0, withheld: 0, phased: 0 };
    for (const scenario of scenarios) {
      const settlement = settleOk(scenario);
      const lines = settlement.tranches.flatMap((t) => t.lines.map((line) => ({ line, suspended: t.status === 'suspended' })));
      const deferred = lines.some(({ line, suspended }) => suspended && line.rule === 'fee-share' && line.inputs['deferred'] !== undefined);
      const withheld = lines.some(({ line, suspended }) => suspended && line.rule === 'fee-share' && line.inputs['deferred'] === undefined);
      const phased = lines.some(({ line }) => line.rule === 'fee-start' && line.inputs['feePhase'] !== undefined);
      if (!deferred && !withheld && !phased) continue;
      reached.deferred += deferred ? 1 : 0;
      reached.withheld += withheld ? 1 : 0;
      reached.phased += phased ? 1 : 0;
      const reference = referenceSettlement(scenario.contract, scenario.records, scenario.asOf, scenario.indicators);
      expect(settlement.tranches.map((t) => ({ id: t.id, status: t.status, earned: t.earned }))).toEqual(reference.tranches.map((t) => ({ id: t.id, status: t.status, earned: t.earned })));
    }
    expect(reached.deferred).toBeGreaterThanOrEqual(5);
    expect(reached.withheld).toBeGreaterThanOrEqual(5);
    expect(reached.phased).toBeGreaterThanOrEqual(30);
  });
});
