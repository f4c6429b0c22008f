/**
 * Determinism: shuffled records give the same document byte for byte (fingerprint included);
 * two sessions over two halves of the records, merged, give the same document as one session
 * over all of them; and the document survives a JSON round trip unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  checkOptions,
  openSession,
  parseContract,
  readPrevious,
  settle,
  validateRecords,
  type Settlement,
} from '../../../src/index.js';
import { scenarioArbitrary, type Scenario } from '../arbitraries.js';
import { RUNS, settleOk } from './helpers.js';

// Property runs are CPU-bound; leave room for slow CI machines and parallel files.
vi.setConfig({ testTimeout: 30_000 });

function sessionsSettlement(scenario: Scenario, split: number, detail: 'totals' | 'participants'): { whole: string; merged: string } {
  const parsed = parseContract(scenario.contract);
  if (!parsed.ok) throw new Error('contract');
  const checked = checkOptions({ asOf: scenario.asOf, detail }, parsed.value);
  if (checked.options === undefined) throw new Error('options');
  const context = { cohortIds: new Set(parsed.value.cohorts.map((c) => c.id)), groupIds: new Set((parsed.value.groups ?? []).map((g) => g.id)) };
  const validated = validateRecords(scenario.records, context, { mode: 'strict' });
  if (!validated.ok) throw new Error('records');
  const records = validated.value.records;
  const previous = readPrevious([], parsed.value, checked.options.asOf).value;
  const dataQuality = { recordsRead: records.length, recordsSettled: records.length, recordsExcluded: 0, issues: [] };
  const whole = openSession(parsed.value, checked.options, previous);
  for (const record of records) whole.add(record);
  const left = openSession(parsed.value, checked.options, previous);
  const right = openSession(parsed.value, checked.options, previous);
  records.forEach((record, index) => { (index < split ? left : right).add(record); });
  left.merge(right);
  const a = whole.finish(dataQuality, 'options');
  const b = left.finish(dataQuality, 'options');
  if (!a.ok || !b.ok) throw new Error('finish');
  return { whole: JSON.stringify(a.value), merged: JSON.stringify(b.value) };
}

const MONEY_KEYS = new Set(['earned', 'paid', 'previouslyPaid', 'due', 'withheld', 'reinvested', 'toProvider', 'amount', 'usedBefore', 'requested', 'cut', 'amountCut']);

function checkJsonValues(value: unknown, path: string, problems: string[]): void {
  if (value === undefined) problems.push(`${path} is undefined`);
  else if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`${path} is ${value}`);
  else if (Array.isArray(value)) value.forEach((item, i) => { checkJsonValues(item, `${path}[${i}]`, problems); });
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (MONEY_KEYS.has(key) && !path.includes('.inputs') && !/^-?\d+\.\d{2}$/.test(String(item))) problems.push(`${path}.${key} = ${String(item)} is not EUR money`);
      checkJsonValues(item, `${path}.${key}`, problems);
    }
  }
}

describe('settlement determinism', () => {
  it('shuffled records give the same document, byte for byte', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.boolean(), fc.nat(), (scenario, participants, seed) => {
        const detail = participants ? 'participants' : 'totals';
        const shuffled = fc.sample(fc.shuffledSubarray(scenario.records, { minLength: scenario.records.length }), { seed, numRuns: 1 })[0] ?? [];
        const reversed = [...scenario.records].reverse();
        const a = JSON.stringify(settleOk(scenario, { detail }));
        expect(JSON.stringify(settleOk({ ...scenario, records: shuffled }, { detail }))).toBe(a);
        expect(JSON.stringify(settleOk({ ...scenario, records: reversed }, { detail }))).toBe(a);
      }),
      { numRuns: RUNS },
    );
  });

  it('the records fingerprint does not depend on order, invalid and duplicated records included', () => {
    // An invalid record (unknown cohort, or an exit before enrolment) and a record whose id repeats
    // are excluded and enter the fingerprint by their problems: what they are, not where they were.
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), fc.nat(), (scenario, pick, seed) => {
        const records: unknown[] = [...scenario.records];
        records.push({ id: 'BAD-1', cohort: 'no-such-cohort', enrolledOn: '2024-01-01' });
        records.push({ id: 'BAD-2', cohort: scenario.contract.cohorts[0]?.id, enrolledOn: '2024-01-10', exitedOn: '2024-01-01' });
        const twin = scenario.records[pick % Math.max(1, scenario.records.length)];
        if (twin !== undefined) records.push({ ...twin });
        const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length }), { seed, numRuns: 1 })[0] ?? [];
        const a = settle(scenario.contract, records, { asOf: scenario.asOf, allowEmpty: true, maxExcluded: '100%' });
        const b = settle(scenario.contract, [...records].reverse(), { asOf: scenario.asOf, allowEmpty: true, maxExcluded: '100%' });
        const c = settle(scenario.contract, shuffled, { asOf: scenario.asOf, allowEmpty: true, maxExcluded: '100%' });
        if (!a.ok || !b.ok || !c.ok) throw new Error('settle failed');
        expect(a.value.dataQuality.recordsExcluded).toBe(twin === undefined ? 2 : 4);
        expect(b.value.fingerprint.records).toBe(a.value.fingerprint.records);
        expect(c.value.fingerprint.records).toBe(a.value.fingerprint.records);
        expect(c.value.fingerprint.inputs).toBe(a.value.fingerprint.inputs);
      }),
      { numRuns: RUNS },
    );
  });

  it('two sessions over two halves, merged, equal one session over all the records', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), fc.boolean(), (scenario, at, participants) => {
        const split = scenario.records.length === 0 ? 0 : at % (scenario.records.length + 1);
        const { whole, merged } = sessionsSettlement(scenario, split, participants ? 'participants' : 'totals');
        expect(merged).toBe(whole);
      }),
      { numRuns: RUNS },
    );
  });

  it('the document is plain JSON: round trip unchanged, no undefined, money as EUR strings', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.boolean(), (scenario, participants) => {
        const s: Settlement = settleOk(scenario, { detail: participants ? 'participants' : 'totals' });
        expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
        const problems: string[] = [];
        checkJsonValues(s, '$', problems);
        expect(problems).toEqual([]);
        expect(s.fingerprint.inputs).toMatch(/^[0-9a-f]{64}$/);
      }),
      { numRuns: RUNS },
    );
  });
});
