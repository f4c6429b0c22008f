/**
 * Results indicators (docs/mechanics/results-indicators.md) on generated scenarios:
 *
 * - conservation: in every line of the rule, each period's earned + rolled over + lapsed + pending
 *   is its allocation, and in total; what the rule's lines earn over the tranches of a settlement
 *   (suspended ones included: they take and withhold) is what its last line says its periods
 *   earned (the ratchet pays each amount once);
 * - monotonicity in achievement: a higher verified value for a period never lowers what the rule
 *   earns;
 * - time-slicing: settling at an earlier date, then at a later one with the earlier settlement as
 *   previous, makes due in all what one settlement at the later date makes due, and earns the same.
 *
 * Sums in integer minor units of the scenario's currency, never with the engine's decimals. Each
 * property runs only on scenarios with the rule (fc.pre), and a measurement over a fixed seed
 * shows the generators reach what it is about: the rule paying money, a catch-up (a period assessed
 * on a later verification's higher value, and earning on it), a lapse, a per-unit cap binding.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Settlement } from '../../../src/index.js';
import { runs, timeLimit } from '../../runs.js';
import { later, scenarioArbitrary, type Scenario } from '../arbitraries/index.js';
import { settleScenario } from '../settle-helper.js';
import { moneyOf, type MoneyOf } from './helpers.js';

vi.setConfig({ testTimeout: timeLimit(60_000) });

type Rule = Extract<Scenario['contract']['rules'][number], { kind: 'resultsIndicator' }>;
type Line = Settlement['tranches'][number]['lines'][number];

const ruleOf = (scenario: Scenario): Rule | undefined => scenario.contract.rules.find((rule): rule is Rule => rule.kind === 'resultsIndicator');

/** The rule's lines of a settlement, in settlement order. */
const linesOf = (s: Settlement, rule: Rule): Line[] => s.tranches.flatMap((tranche) => tranche.lines.filter((line) => line.rule === rule.id));

function settled(scenario: Scenario, extra: Parameters<typeof settleScenario>[1] = {}): Settlement {
  const result = settleScenario(scenario, extra);
  if (!result.ok) expect.fail(JSON.stringify(result.issues.slice(0, 2)));
  return result.value;
}

/** A period's figure in a line's inputs, in minor units (0 when the line does not show it). */
function figure(line: Line, m: MoneyOf, period: string, name: string): bigint {
  const value = line.inputs[`period ${period} ${name}`];
  return value === undefined ? 0n : m.of(String(value));
}

/** The rule's periods' earnings at the end of a settlement: its last line's, in minor units. */
function earnedInLastLine(lines: readonly Line[], rule: Rule, m: MoneyOf): bigint {
  const last = lines.at(-1);
  return last === undefined ? 0n : rule.periods.reduce((total, period) => total + figure(last, m, period.id, 'earned'), 0n);
}

describe('results indicators', () => {
  it('conservation: per period and in total, earned + rolled over + lapsed + pending = allocation; the lines pay what the periods earned, once', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const rule = ruleOf(scenario);
        fc.pre(rule !== undefined);
        const m = moneyOf(scenario);
        const s = settled(scenario);
        // lines in the order of the tranches' measurement dates (the ratchet's order); a suspended
        // tranche's lines count: it takes what the rule earned by then and withholds it
        const byDate = [...s.tranches].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
        const lines = byDate.flatMap((tranche) => tranche.lines.filter((line) => line.rule === rule.id));
        for (const line of lines) {
          let all = 0n;
          for (const period of rule.periods) {
            const parts = ['earned', 'rolledOver', 'lapsed', 'pending'].map((name) => figure(line, m, period.id, name));
            expect(parts.every((part) => part >= 0n)).toBe(true);
            const sum = parts.reduce((a, b) => a + b, 0n);
            expect(sum, `period ${period.id}`).toBe(m.of(period.allocation));
            all += sum;
          }
          expect(all).toBe(m.sum(rule.periods.map((period) => period.allocation)));
        }
        expect(m.sum(lines.map((line) => line.earned))).toBe(earnedInLastLine(lines, rule, m));
      }),
      { numRuns: runs(60) },
    );
  });

  it('monotonicity: a higher verified value for one period never lowers what the rule earns', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), fc.integer({ min: 1, max: 400 }), (scenario, which, more) => {
        const rule = ruleOf(scenario);
        // a rule on indicator values (one counting participants is monotone with the records: monotonicity.test.ts)
        fc.pre(rule !== undefined && rule.participants === undefined);
        const m = moneyOf(scenario);
        const period = rule.periods[which % rule.periods.length] as Rule['periods'][number];
        const indicator = period.indicator ?? '';
        const before = scenario.indicators?.[indicator]?.['*'] ?? '0';
        const raised: Scenario = { ...scenario, indicators: { ...scenario.indicators, [indicator]: { '*': String(Number(before) + more) } } };
        const low = m.sum(linesOf(settled(scenario), rule).map((line) => line.earned));
        const high = m.sum(linesOf(settled(raised), rule).map((line) => line.earned));
        expect(high >= low, `${indicator} ${before} → +${more}: ${low} → ${high}`).toBe(true);
      }),
      { numRuns: runs(50) },
    );
  });

  it('time-slicing: an earlier settlement then a later one with it as previous make due what one settlement at the later date does', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.integer({ min: 1, max: 400 }), (scenario, days) => {
        const rule = ruleOf(scenario);
        fc.pre(rule !== undefined);
        const m = moneyOf(scenario);
        const first = settled(scenario);
        const laterScenario: Scenario = { ...scenario, asOf: later(scenario.asOf, days) };
        const second = settled(laterScenario, { previous: [JSON.parse(JSON.stringify(first)) as Settlement] });
        const once = settled(laterScenario);
        expect(m.of(second.totals.earned)).toBe(m.of(once.totals.earned));
        expect(m.of(first.totals.due) + m.of(second.totals.due)).toBe(m.of(once.totals.due));
        expect(m.sum(linesOf(second, rule).map((line) => line.earned))).toBe(m.sum(linesOf(once, rule).map((line) => line.earned)));
      }),
      { numRuns: runs(40) },
    );
  });

  it('the generators reach the rule paying money, a catch-up, a lapse and a per-unit cap binding (measured over a fixed seed)', () => {
    const scenarios = fc.sample(scenarioArbitrary(), { seed: 7, numRuns: 300 }).filter((scenario) => ruleOf(scenario) !== undefined);
    let paying = 0;
    let catchUp = 0;
    let lapse = 0;
    let capped = 0;
    for (const scenario of scenarios) {
      const rule = ruleOf(scenario) as Rule;
      const m = moneyOf(scenario);
      const lines = linesOf(settled(scenario), rule);
      if (lines.some((line) => m.of(line.earned) > 0n)) paying += 1;
      // caught up: a period assessed on a later, higher verified value than its own, and earning on it
      const own = (period: Rule['periods'][number]): string | undefined => (period.indicator === undefined ? undefined : scenario.indicators?.[period.indicator]?.['*']);
      const caughtUp = (line: Line): boolean =>
        rule.periods.some((period) => {
          const value = own(period);
          const assessed = line.inputs[`period ${period.id} achievement`];
          return value !== undefined && assessed !== undefined && Number(assessed) > Number(value) && figure(line, m, period.id, 'earned') > 0n;
        });
      if (lines.some(caughtUp)) catchUp += 1;
      if (lines.some((line) => rule.periods.some((period) => figure(line, m, period.id, 'lapsed') > 0n))) lapse += 1;
      if (rule.payment.kind === 'perUnit') {
        const amount = m.of(rule.payment.amount);
        const periodsOf = rule.periods;
        // capped: a period earned its whole allocation with units whose amount exceeds it
        if (lines.some((line) => periodsOf.some((period, j) => {
          const achieved = line.inputs[`period ${period.id} achievement`];
          if (achieved === undefined || figure(line, m, period.id, 'earned') !== m.of(period.allocation)) return false;
          const lower = Number(j === 0 ? rule.baseline : periodsOf[j - 1]?.target);
          const units = Math.min(Number(achieved) - lower, Number(period.target) - lower);
          return units > 0 && amount * BigInt(Math.floor(units)) > m.of(period.allocation);
        }))) capped += 1;
      }
    }
    const share = (n: number): number => n / scenarios.length;
    expect(scenarios.length).toBeGreaterThan(60);
    expect(share(paying), 'pays money').toBeGreaterThan(0.5);
    expect(share(catchUp), 'catches up').toBeGreaterThan(0.03);
    expect(share(lapse), 'lapses').toBeGreaterThan(0.2);
    expect(share(capped), 'per-unit cap binds').toBeGreaterThan(0.05);
  });
});
