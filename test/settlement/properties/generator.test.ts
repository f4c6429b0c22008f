/**
 * The generators themselves: every scenario is valid (the contract parses, every record passes
 * strict validation inside its cohort's enrolment window, settlement succeeds), and, measured over
 * a fixed seed, the scenarios exercise what the properties claim to test: at least 90 % earn a
 * non-zero amount, every variant of every union of the contract format appears in at least 5 % of
 * them (except what a subset leaves out by design, listed below), at least 20 % bind a cap and
 * 10 % fire an exit clause. Records carry every optional field often.
 *
 * `GENERATOR_REPORT=1` prints the measured figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContract, parseDate, validateRecords } from '../../../src/index.js';
import { runs } from '../../runs.js';
import { bindsCap, firesExit, pays, scenarioArbitrary, UNIONS, variantShares, type Scenario, type ScenarioOptions, type WireRecord } from '../arbitraries/index.js';
import { settleScenario } from '../settle-helper.js';

const SEED = 42;
/** Every term. */
const ALL: ScenarioOptions = {};
const SAMPLE = 300;
const report = process.env['GENERATOR_REPORT'] === '1';

/**
 * The generator variants the properties run on, with the union variants each leaves out by design
 * (`union: [variants]`, or `union: 'all'`): the monotone subset drops the terms under which one more
 * outcome can lower the total (see monotonicity.test.ts). Every other property, the reference
 * agreement included, runs on all terms.
 */
const GENERATORS: readonly { name: string; options: ScenarioOptions; leavesOut: Readonly<Record<string, readonly string[] | 'all'>> }[] = [
  { name: 'all terms', options: ALL, leavesOut: {} },
  {
    name: 'monotone subset',
    options: { monotone: true },
    leavesOut: {
      'rule kinds': ['cohortRate', 'bonus'],
      'cap kinds': ['participant', 'outcomeVolume', 'payer', 'share'],
      'share cap roundings': 'all',
      'partial payment': ['false'],
      'claim orders': 'all',
      'exit conditions': 'all',
      'exit effects': 'all',
      'pay on exit': 'all',
      'rate schedules': 'all',
      'denominators': 'all',
      'pending participants': 'all',
      'pooling': 'all',
      'amount bases': 'all',
      'empty cohorts': 'all',
      'baseline sources': 'all',
      'baseline applies to': 'all',
      'bonus triggers': 'all',
      'bonus scopes': 'all',
      'bonus payments': 'all',
    },
  },
];

function contextOf(scenario: Scenario): { cohortIds: Set<string>; groupIds: Set<string> } {
  return { cohortIds: new Set(scenario.contract.cohorts.map((c) => c.id)), groupIds: new Set((scenario.contract.groups ?? []).map((g) => g.id)) };
}

function insideWindow(scenario: Scenario, record: WireRecord): boolean {
  const cohort = scenario.contract.cohorts.find((c) => c.id === record.cohort);
  const day = parseDate(record.enrolledOn);
  return cohort !== undefined && parseDate(cohort.enrolmentStart) <= day && day <= parseDate(cohort.enrolmentEnd);
}

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

const samples = new Map<ScenarioOptions, Scenario[]>();
/** The scenarios measured: SAMPLE of them over the fixed seed, drawn once per generator. */
function sampled(options: ScenarioOptions): Scenario[] {
  const known = samples.get(options) ?? fc.sample(scenarioArbitrary(options), { seed: SEED, numRuns: SAMPLE });
  samples.set(options, known);
  return known;
}

describe('settlement generators', () => {
  for (const { name, options } of GENERATORS) {
    it(`${name}: every contract parses, every record is valid and inside its enrolment window, settlement succeeds`, () => {
      fc.assert(
        fc.property(scenarioArbitrary(options), (scenario) => {
          const parsed = parseContract(scenario.contract);
          expect(parsed.ok ? [] : parsed.issues).toEqual([]);
          expect(scenario.records.length).toBeGreaterThan(0);
          const validated = validateRecords(scenario.records, contextOf(scenario), { mode: 'strict' });
          expect(validated.ok ? [] : validated.issues).toEqual([]);
          expect(scenario.records.filter((r) => !insideWindow(scenario, r)).map((r) => r.id)).toEqual([]);
          for (const record of scenario.records) expect(JSON.stringify(record)).not.toMatch(/"(baselineWage|monthlyWage)":\d/); // amounts as strings
          const result = settleScenario(scenario, { records: 'strict' });
          expect(result.ok ? [] : result.issues).toEqual([]);
        }),
        { numRuns: runs(50) },
      );
    });
  }

  for (const { name, options, leavesOut } of GENERATORS) {
    it(`${name}, measured over seed ${SEED}: pays, binds caps, fires exits and reaches every variant it should`, () => {
      const scenarios = sampled(options);
      const settled = scenarios.map((scenario) => {
        const result = settleScenario(scenario, { records: 'strict' });
        if (!result.ok) throw new Error(`settle failed: ${JSON.stringify(result.issues.slice(0, 2))}`);
        return { settlement: result.value, places: scenario.currency.places };
      });
      const share = (test: (s: (typeof settled)[number]) => boolean): number => settled.filter(test).length / settled.length;
      const paying = share((s) => pays(s.settlement, s.places));
      const capping = share((s) => bindsCap(s.settlement, s.places));
      const firing = share((s) => firesExit(s.settlement));
      const shares = variantShares(scenarios.map((s) => s.contract));
      const rare: string[] = [];
      const table: string[] = [];
      for (const union of UNIONS) {
        const left = leavesOut[union.name];
        for (const [variant, value] of shares.get(union.name) ?? []) {
          table.push(`${union.name}: ${variant} ${percent(value)}`);
          const excluded = left === 'all' || (left ?? []).includes(variant);
          if (excluded) expect(value, `${union.name}: ${variant} is left out of the ${name}`).toBe(0);
          else if (value < 0.05) rare.push(`${union.name}: ${variant} in ${percent(value)}`);
        }
      }
      if (report) console.log(`${name}: pays ${percent(paying)}, binds a cap ${percent(capping)}, fires an exit ${percent(firing)}\n  ${table.join('\n  ')}`);
      expect(paying).toBeGreaterThanOrEqual(0.9);
      expect(capping).toBeGreaterThanOrEqual(0.2);
      if (name === 'all terms') expect(firing).toBeGreaterThanOrEqual(0.1);
      expect(rare).toEqual([]);
    });
  }

  it('records carry every optional field often (measured over the same seed)', () => {
    const records = sampled(ALL).flatMap((s) => s.records);
    const spells = records.flatMap((r) => r.spells ?? []);
    const fields: [string, number][] = [
      ['groups', records.filter((r) => (r.groups ?? []).length > 0).length / records.length],
      ['exitedOn', records.filter((r) => r.exitedOn !== undefined).length / records.length],
      ['baselineWage', records.filter((r) => r.baselineWage !== undefined).length / records.length],
      ['spells', records.filter((r) => spells.length > 0 && (r.spells ?? []).length > 0).length / records.length],
      ['two spells or more', records.filter((r) => (r.spells ?? []).length >= 2).length / records.length],
      ['wages', records.filter((r) => (r.wages ?? []).length > 0).length / records.length],
      ['events', records.filter((r) => (r.events ?? []).length > 0).length / records.length],
      ['spell end', spells.filter((s) => s.end !== undefined).length / spells.length],
      ['spell open', spells.filter((s) => s.end === undefined).length / spells.length],
      ['spell hoursPerWeek', spells.filter((s) => s.hoursPerWeek !== undefined).length / spells.length],
      ['spell contractType', spells.filter((s) => s.contractType !== undefined).length / spells.length],
      ['spell monthlyWage', spells.filter((s) => s.monthlyWage !== undefined).length / spells.length],
    ];
    if (report) console.log(`records (${records.length}): ${fields.map(([field, value]) => `${field} ${percent(value)}`).join(', ')}`);
    expect(fields.filter(([, value]) => value < 0.1).map(([field]) => field)).toEqual([]);
  });
});
