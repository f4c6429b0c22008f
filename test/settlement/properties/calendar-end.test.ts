/**
 * Extreme but valid inputs: every day and month count of a contract at its schema maximum (or 0),
 * records whose exits, spells, wages and events reach the calendar's last day, as-of dates up to
 * 9999-12-31. A valid date plus a valid duration may then pass the calendar's end; settlement must
 * treat that end as later than every date (the outcome stays pending), never throw.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAX_DATE, formatDate, parseDate, type CalendarDate } from '../../../src/calendar/index.js';
import { MAX_CONTRACT_COUNT, MAX_CONTRACT_DAYS, MAX_CONTRACT_MONTHS, MAX_CONTRACT_WEEKS, parseContract, type ContractInput } from '../../../src/contract/index.js';
import { runs, timeLimit } from '../../runs.js';
import { moneyText, scenarioArbitrary, type Scenario, type WireRecord } from '../arbitraries/index.js';
import { settleScenario } from '../settle-helper.js';

vi.setConfig({ testTimeout: timeLimit(60_000) });

type Gen = fc.GeneratorValue;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A count at one of its extremes, a random value in range, or left as it was. */
function extreme(g: Gen, original: number, min: number, max: number): number {
  return g(() => fc.constantFrom(original, min, max, max - 1)) === original ? original : g(() => fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max })));
}

const shift = (text: string, days: number): string => formatDate((parseDate(text) + days) as CalendarDate);

/** The contract of `s`, its counts pushed to their limits, tranches moved towards the calendar's end, a wage outcome and a hiring guarantee added. */
function extremeContract(g: Gen, input: ContractInput, places: number): ContractInput {
  const money = (units: number): string => moneyText(BigInt(units) * 10n ** BigInt(places), places);
  const c = structuredClone(input) as Mutable<ContractInput>;
  const days = (n: number, min = 0): number => extreme(g, n, min, MAX_CONTRACT_DAYS);
  const months = (n: number, min = 0): number => extreme(g, n, min, MAX_CONTRACT_MONTHS);
  const count = (n: number, min = 0): number => extreme(g, n, min, MAX_CONTRACT_COUNT);
  c.period = { start: c.period.start, end: '9999-12-31' };
  c.cohorts = c.cohorts.map((cohort) => ({ ...cohort, targetSize: count(cohort.targetSize ?? 0) }));
  c.outcomes = c.outcomes.map((o) => {
    switch (o.kind) {
      case 'placement':
        return { ...o, window: { ...o.window, days: days(o.window.days) }, ...(o.minSpellDays === undefined ? {} : { minSpellDays: days(o.minSpellDays) }) };
      case 'retention': {
        const measure = o.measure.kind === 'continuous' ? { ...o.measure, allowedGapDays: days(o.measure.allowedGapDays) } : o.measure.kind === 'cumulative' ? { ...o.measure, minDays: days(o.measure.minDays) } : o.measure;
        const { months: m, weeks: w, days: n, ...rest } = o;
        const duration = m !== undefined ? { months: months(m, 1) } : w !== undefined ? { weeks: extreme(g, w, 1, MAX_CONTRACT_WEEKS) } : { days: days(n ?? 1, 1) };
        return { ...rest, ...duration, measure };
      }
      case 'milestone':
        return o.within === undefined ? o : { ...o, within: { ...o.within, days: days(o.within.days) } };
      default:
        return o;
    }
  });
  const wageMonths = months(12);
  c.outcomes.push({ kind: 'wageProgression', id: 'wage-at-end', name: 'Wage', placementOutcome: 'placement', months: wageMonths, baseline: g(() => fc.constantFrom('preProgramme' as const, 'placement' as const)), threshold: { kind: 'percent', percent: '10' } });
  c.rules = c.rules.map((r) => {
    if (r.kind === 'sustainment') {
      const periodDays = days(r.periodDays, 1);
      return { ...r, periodDays, maxPayments: count(r.maxPayments, 1), allowedGapDays: days(r.allowedGapDays), paymentLagDays: days(r.paymentLagDays), windowDays: days(r.windowDays, 1) };
    }
    if (r.kind === 'bonus' && r.trigger.kind === 'volume') return { ...r, trigger: { ...r.trigger, afterUnits: count(r.trigger.afterUnits) } };
    return r;
  });
  c.rules.push({ kind: 'rateCard', id: 'pay-wage-at-end', name: 'Wage', outcome: 'wage-at-end', price: money(100), groupPricing: { kind: 'flat' }, prerequisites: [] });
  // the new line is funded by the first payer, which the generators make fund a line alone when payers are scoped (arbitraries/payer-funding.ts)
  c.parties = {
    ...c.parties,
    payers: c.parties.payers.map((p, i) => {
      if (i > 0 || p.funds === undefined) return p;
      const { rules, outcomes } = p.funds;
      return { ...p, funds: { ...p.funds, ...(rules === undefined ? {} : { rules: [...rules, 'pay-wage-at-end'] }), ...(outcomes === undefined ? {} : { outcomes: [...outcomes, 'wage-at-end'] }) } };
    }),
  };
  c.caps = (c.caps ?? []).map((cap) => (cap.kind === 'outcomeVolume' ? { ...cap, targetUnits: count(cap.targetUnits) } : cap));
  if (c.caps.length === 0) delete c.caps;
  c.hiringGuarantees = [
    { id: 'hire', employer: 'Employer', cohorts: c.cohorts.map((cohort) => cohort.id), positions: count(5, 1), qualifyingOutcome: 'placement', placementOutcome: 'placement', withinDays: days(60), shortfallAmountPerPosition: money(10) },
  ];
  // Tranches move to dates at least two centuries after enrolment, as late as the calendar allows,
  // so that every outcome can be achieved before they are measured (whatever the counts).
  const measured = c.tranches.map((t) => parseDate(t.measuredOn));
  const lastDue = Math.max(...c.tranches.map((t) => parseDate(t.dueOn)));
  const earliest = parseDate('2230-01-01') - Math.min(...measured);
  const by = g(() => fc.oneof(fc.constant(MAX_DATE - lastDue), fc.integer({ min: earliest, max: MAX_DATE - lastDue })));
  c.tranches = c.tranches.map((t, i) => ({ ...t, rules: i === c.tranches.length - 1 ? [...t.rules, 'pay-wage-at-end'] : t.rules, measuredOn: shift(t.measuredOn, by), dueOn: shift(t.dueOn, by) }));
  return c;
}

/** A record of `s` whose life after enrolment is moved (as a whole, so it stays valid) to end on or just before 9999-12-31. */
function lateRecord(g: Gen, record: WireRecord): WireRecord {
  const r = structuredClone(record) as WireRecord & { wages?: { on: string; monthlyWage: string }[] };
  r.baselineWage = '1500.00';
  r.wages = [{ on: r.enrolledOn, monthlyWage: '1600.00' }];
  if (!g(fc.boolean)) return r;
  const dates = [r.exitedOn, ...(r.spells ?? []).flatMap((s) => [s.start, s.end]), ...(r.events ?? []).map((e) => e.on)].filter((d): d is string => d !== undefined);
  const latest = Math.max(parseDate(r.enrolledOn), ...dates.map((text) => parseDate(text)));
  const by = MAX_DATE - latest - g(fc.integer, { min: 0, max: 3 });
  if (r.exitedOn !== undefined) r.exitedOn = shift(r.exitedOn, by);
  if (r.spells !== undefined) r.spells = r.spells.map((s) => ({ ...s, start: shift(s.start, by), ...(s.end === undefined ? {} : { end: shift(s.end, by) }) }));
  if (r.events !== undefined) r.events = r.events.map((e) => ({ ...e, on: shift(e.on, by) }));
  const last = r.spells?.at(-1);
  if (last?.end !== undefined && g(fc.boolean)) last.end = formatDate(MAX_DATE);
  r.wages.push({ on: formatDate((MAX_DATE - g(fc.integer, { min: 0, max: 40 })) as CalendarDate), monthlyWage: '1700.00' });
  return r;
}

const extremeScenario: fc.Arbitrary<Scenario> = fc.tuple(scenarioArbitrary(), fc.gen()).map(([s, g]) => {
  const contract = extremeContract(g, s.contract, s.currency.places);
  const records = s.records.map((r) => lateRecord(g, r));
  const lastDue = Math.max(...contract.tranches.map((t) => parseDate(t.dueOn)));
  const asOf = g(() => fc.oneof(fc.constant(MAX_DATE), fc.integer({ min: MAX_DATE - 400, max: MAX_DATE }), fc.integer({ min: parseDate(contract.period.start), max: lastDue })));
  return { ...s, contract, records, asOf: formatDate(asOf as CalendarDate) };
});

describe('counts at their limits and dates at the end of the calendar', () => {
  it('a contract valid under the schema and valid records settle without throwing', () => {
    fc.assert(
      fc.property(extremeScenario, (s) => {
        const parsed = parseContract(s.contract);
        expect(parsed.ok ? [] : parsed.issues).toEqual([]);
        const result = settleScenario(s);
        expect(result.ok ? [] : result.issues).toEqual([]);
      }),
      { numRuns: runs(100) },
    );
  });
});
