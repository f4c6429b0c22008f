/**
 * The generators themselves: every scenario is valid (the contract parses, every record passes
 * strict validation inside its cohort's enrolment window, settlement succeeds), and, measured over
 * a fixed seed, the scenarios exercise what the properties claim to test: at least 90 % earn a
 * non-zero amount, every variant of every union of the contract format appears in at least 5 % of
 * them (except what a subset leaves out by design, listed below), at least 20 % bind a cap and
 * 10 % fire an exit clause. Records carry every optional field often.
 *
 * "Every variant of every union" is read from the zod schema (test/contract/choice-points.ts):
 * each variant of each discriminated union and union, each value of each enum, both values of
 * each boolean, and both presence and absence of each optional field, wherever it sits in the
 * format (`rules[]:cohortRate.schedule = linear`, `tranches[].outcomes? = present`). A union,
 * variant or optional field added to the format is measured without any list to update, and fails
 * here until the generators draw it.
 *
 * `GENERATOR_REPORT=1` prints the measured figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContract, parseDate, validateRecords } from '../../../src/index.js';
import { OutcomeRecordSchema } from '../../../src/records/index.js';
import { choicePoints, choicesIn } from '../../contract/choice-points.js';
import { runs } from '../../runs.js';
import { bindsCap, choicesOf, firesExit, pays, scenarioArbitrary, UNIONS, variantShares, type Scenario, type ScenarioOptions, type WireRecord } from '../arbitraries/index.js';
import { D } from '../reference/decimal.js';
import { settleScenario } from '../settle-helper.js';

const SEED = 42;
/** Every term. */
const ALL: ScenarioOptions = {};
const SAMPLE = 300;
const report = process.env['GENERATOR_REPORT'] === '1';

/**
 * The generator variants the properties run on, with the choices each leaves out by design:
 * `path: 'all'` leaves out every choice point at that path and below it (`rules[]:cohortRate`
 * covers `rules[]:cohortRate.schedule`), `path: [variants]` those variants of that choice point.
 * The monotone subset drops the terms under which one more outcome can lower the total (see
 * monotonicity.test.ts). Every other property, the reference agreement included, runs on all terms.
 */
/**
 * Yearly payer caps (`per`, `overflow`; docs/mechanics/payer-funding.md) are settled by their
 * hand-worked vectors 72-78 and test/settlement/properties/payer-years.test.ts, but not drawn by the
 * scenario generators yet. Left out explicitly, so this test fails (value must be 0) the day a
 * generator draws them without this list being removed.
 */
/** Investor terms that change no settlement amount, read by the simulation's investor view only. */
const INVESTOR_TERMS_NOT_YET_GENERATED: Readonly<Record<string, readonly string[] | 'all'>> = {
  'parties.investors[].terms.drawdowns?': ['present'],
  'parties.investors[].terms.firstLoss?': ['present'],
  'parties.investors[].terms.firstLoss': ['true', 'false'],
};

const YEARLY_PAYER_CAPS_NOT_YET_GENERATED: Readonly<Record<string, readonly string[] | 'all'>> = {
  'caps[]:payer.per?': ['present'],
  'caps[]:payer.per': ['calendarYear', 'fiscalYear'],
  'caps[]:payer.overflow?': ['present'],
  'caps[]:payer.overflow': ['enum', 'object'],
  'caps[]:payer.overflow:enum': ['notPaid', 'deferred'],
  // investor terms (drawdowns, first loss) change no settlement amount: they are read by the
  // simulation's investor view (test/simulation/investor*.test.ts), not drawn here yet
  ...INVESTOR_TERMS_NOT_YET_GENERATED,
};

const GENERATORS: readonly { name: string; options: ScenarioOptions; leavesOut: Readonly<Record<string, readonly string[] | 'all'>> }[] = [
  { name: 'all terms', options: ALL, leavesOut: YEARLY_PAYER_CAPS_NOT_YET_GENERATED },
  {
    name: 'monotone subset',
    options: { monotone: true },
    leavesOut: {
      ...INVESTOR_TERMS_NOT_YET_GENERATED,
      'rules[]': ['cohortRate', 'bonus'],
      'rules[]:cohortRate': 'all',
      'rules[]:bonus': 'all',
      'caps[]': ['participant', 'outcomeVolume', 'payer', 'share'],
      'caps[]:share': 'all',
      'caps[]:participant': 'all',
      'caps[]:payer': 'all',
      'caps[]:outcome.partialPayment': ['false'],
      'caps[]:cohort.partialPayment': ['false'],
      'caps[]:tranche.partialPayment': ['false'],
      'caps[]:contract.partialPayment': ['false'],
      'exitClauses?': ['present'],
      'exitClauses[]': 'all',
      // drawn on all terms only (drawLevels): the monotone properties are about outcomes and prices
      'minimumPerformance?': ['present'],
      'minimumPerformance[]': 'all',
    },
  },
];

/** Whether `path` is `prefix` or lies under it. */
function under(path: string, prefix: string): boolean {
  return path === prefix || (path.startsWith(prefix) && ['.', ':', '[', '?'].includes(path.charAt(prefix.length)));
}

/** Whether a generator leaves out a variant of a choice point by design. */
function leftOut(leavesOut: Readonly<Record<string, readonly string[] | 'all'>>, union: string, variant: string): boolean {
  return Object.entries(leavesOut).some(([path, which]) => (which === 'all' ? under(union, path) : union === path && which.includes(variant)));
}

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
        for (const [variant, value] of shares.get(union.name) ?? []) {
          table.push(`${union.name} = ${variant}: ${percent(value)}`);
          if (leftOut(leavesOut, union.name, variant)) expect(value, `${union.name} = ${variant} is left out of the ${name}`).toBe(0);
          else if (value < 0.05) rare.push(`${union.name} = ${variant} in ${percent(value)}`);
        }
      }
      if (report) console.log(`${name}: pays ${percent(paying)}, binds a cap ${percent(capping)}, fires an exit ${percent(firing)}\n  ${table.join('\n  ')}`);
      expect(paying).toBeGreaterThanOrEqual(0.9);
      expect(capping).toBeGreaterThanOrEqual(0.2);
      if (name === 'all terms') expect(firing).toBeGreaterThanOrEqual(0.1);
      expect(rare).toEqual([]);
    });
  }

  // The options the earnings and quarters properties draw with (an earnings outcome, a ladder, a
  // quarter outcome in every contract) keep what the scenarios reach: measured over seed 42 with 150
  // scenarios each, pays 93 %, binds a cap 60–62 % (44 % monotone) and fires an exit 34 % (all
  // terms; monotone scenarios have no exit clause), as the defaults do; and each option gives what
  // it promises in every contract.
  const FORCED: readonly { name: string; options: ScenarioOptions; has: (scenario: Scenario) => boolean }[] = [
    { name: "earnings: 'always'", options: { earnings: 'always' }, has: (s) => s.contract.outcomes.some((o) => o.kind === 'earningsThreshold') },
    { name: "earnings: 'always', monotone", options: { earnings: 'always', monotone: true }, has: (s) => s.contract.outcomes.some((o) => o.kind === 'earningsThreshold') },
    {
      name: "earnings: 'ladder'",
      options: { earnings: 'ladder' },
      has: (s) => {
        const [low, high] = ['earnings', 'earnings-step-2'].map((id) => s.contract.outcomes.find((o) => o.id === id));
        if (low?.kind !== 'earningsThreshold' || high?.kind !== 'earningsThreshold' || low.threshold.kind !== 'amount' || high.threshold.kind !== 'amount') return false;
        return low.participants === undefined && new D(low.threshold.amount).lte(high.threshold.amount);
      },
    },
    { name: 'quarters: true', options: { quarters: true }, has: (s) => s.contract.outcomes.some((o) => o.kind === 'quarterAfterExit') },
    { name: 'quarters: true, monotone', options: { quarters: true, monotone: true }, has: (s) => s.contract.outcomes.some((o) => o.kind === 'quarterAfterExit') },
  ];
  it.each(FORCED.map((forced) => [forced.name, forced] as const))('%s, measured over seed 42: every contract has what it asks, and the scenarios pay, bind caps and fire exits', (_, { options, has }) => {
    const scenarios = fc.sample(scenarioArbitrary(options), { seed: SEED, numRuns: 150 });
    expect(scenarios.filter((scenario) => !has(scenario)).length).toBe(0);
    let paying = 0;
    let capping = 0;
    let firing = 0;
    for (const scenario of scenarios) {
      const result = settleScenario(scenario, { records: 'strict' });
      if (!result.ok) throw new Error(`settle failed: ${JSON.stringify(result.issues.slice(0, 2))}`);
      if (pays(result.value, scenario.currency.places)) paying += 1;
      if (bindsCap(result.value, scenario.currency.places)) capping += 1;
      if (firesExit(result.value)) firing += 1;
    }
    expect(paying / scenarios.length).toBeGreaterThanOrEqual(0.9);
    expect(capping / scenarios.length).toBeGreaterThanOrEqual(0.2);
    if (options.monotone !== true) expect(firing / scenarios.length).toBeGreaterThanOrEqual(0.1);
  });

  it('the measure reads every choice of the contract format from its schema, and each generated contract makes only choices the format has', () => {
    const names = new Set(UNIONS.map((u) => u.name));
    // the unions issue #14 names: rule, outcome, cap, schedule, denominator, bonus trigger and
    // payment, exit condition and effect, reinvestment trigger and destination, fee basis, group pricing mode
    const named = [
      'rules[]',
      'outcomes[]',
      'caps[]',
      'rules[]:cohortRate.schedule',
      'rules[]:cohortRate.denominator',
      'exitClauses[].condition:outcomeRateBelow.denominator',
      'rules[]:bonus.trigger',
      'rules[]:bonus.payment',
      'exitClauses[].condition',
      'exitClauses[].effect',
      'exitClauses[].effect:terminate.payOnExit',
      'reinvestment[].trigger',
      'reinvestment[].destination',
      'rules[]:fee.charge',
      'rules[]:rateCard.groupPricing',
    ];
    expect(named.filter((name) => !names.has(name))).toEqual([]);
    expect(UNIONS.find((u) => u.name === 'caps[]')?.variants).toEqual(['participant', 'outcome', 'outcomeVolume', 'cohort', 'tranche', 'payer', 'contract', 'share']);
    expect(UNIONS.length).toBeGreaterThan(70); // every enum, boolean and optional field too (77 in format 2.0)
    for (const { name, leavesOut } of GENERATORS) {
      for (const path of Object.keys(leavesOut)) expect([...names].some((n) => under(n, path)), `${name} leaves out ${path}, which has no choice point`).toBe(true);
    }
    const declared = new Set(UNIONS.flatMap((u) => u.variants.map((v) => `${u.name} = ${v}`)));
    for (const scenario of sampled(ALL).slice(0, 50)) expect([...choicesOf(scenario.contract)].filter((c) => !declared.has(c))).toEqual([]);
  });

  it('records carry every optional field often, and often leave it out (measured over the same seed)', () => {
    const records = sampled(ALL).flatMap((s) => s.records);
    const spells = records.flatMap((r) => r.spells ?? []);
    const share = (test: (made: Set<string>) => boolean, made: readonly Set<string>[]): number => made.filter(test).length / made.length;
    // each optional field of the record schema, at any depth, present and absent (read from the schema, so a new field is measured)
    const made = records.map((r) => new Set(choicesIn(OutcomeRecordSchema, r).map(([path, variant]) => `${path} = ${variant}`)));
    const fromSchema = choicePoints(OutcomeRecordSchema).flatMap((point) => point.variants.map((variant): [string, number] => [`${point.path} = ${variant}`, share((m) => m.has(`${point.path} = ${variant}`), made)]));
    const fields: [string, number][] = [
      ...fromSchema,
      ['groups non-empty', records.filter((r) => (r.groups ?? []).length > 0).length / records.length],
      ['two spells or more', records.filter((r) => (r.spells ?? []).length >= 2).length / records.length],
      ['spell open', spells.filter((s) => s.end === undefined).length / spells.length],
      ['spell closed', spells.filter((s) => s.end !== undefined).length / spells.length],
    ];
    expect(fromSchema.length).toBeGreaterThanOrEqual(20); // 10 optional fields in the record format today
    if (report) console.log(`records (${records.length}): ${fields.map(([field, value]) => `${field} ${percent(value)}`).join(', ')}`);
    // present in at least 10 % of records; absent in at least 5 %, the bar of a contract variant (7 % of participants never work)
    const least = (field: string): number => (field.endsWith('= absent') ? 0.05 : 0.1);
    expect(fields.filter(([field, value]) => value < least(field)).map(([field, value]) => `${field} ${percent(value)}`)).toEqual([]);
  });
});
