/**
 * Determinism: shuffled records give the same document byte for byte (fingerprint included);
 * two sessions over two halves of the records, merged, give the same document as one session
 * over all of them; and the document survives a JSON round trip unchanged, money written with the
 * currency's decimals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settlement } from '../../../src/index.js';
import { runs } from '../../runs.js';
import { scenarioArbitrary } from '../arbitraries/index.js';
import { scenarioSessions, settleOk, settleScenario } from '../settle-helper.js';
import { moneyPattern } from './helpers.js';

const MONEY_KEYS = new Set(['earned', 'paid', 'previouslyPaid', 'due', 'withheld', 'reinvested', 'toProvider', 'amount', 'usedBefore', 'requested', 'cut', 'amountCut', 'limit']);

function checkJsonValues(value: unknown, path: string, money: RegExp, problems: string[]): void {
  if (value === undefined) problems.push(`${path} is undefined`);
  else if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`${path} is ${value}`);
  else if (Array.isArray(value)) value.forEach((item, i) => { checkJsonValues(item, `${path}[${i}]`, money, problems); });
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (MONEY_KEYS.has(key) && !path.includes('.inputs') && !money.test(String(item))) problems.push(`${path}.${key} = ${String(item)} is not money of the contract's currency`);
      checkJsonValues(item, `${path}.${key}`, money, problems);
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
        expect(JSON.stringify(settleOk(scenario, { detail }, shuffled))).toBe(a);
        expect(JSON.stringify(settleOk(scenario, { detail }, reversed))).toBe(a);
      }),
      { numRuns: runs(60) },
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
        const a = settleScenario(scenario, {}, records);
        const b = settleScenario(scenario, {}, [...records].reverse());
        const c = settleScenario(scenario, {}, shuffled);
        if (!a.ok || !b.ok || !c.ok) throw new Error('settle failed');
        expect(a.value.dataQuality.recordsExcluded).toBe(twin === undefined ? 2 : 4);
        expect(b.value.fingerprint.records).toBe(a.value.fingerprint.records);
        expect(c.value.fingerprint.records).toBe(a.value.fingerprint.records);
        expect(c.value.fingerprint.inputs).toBe(a.value.fingerprint.inputs);
      }),
      { numRuns: runs(100) },
    );
  });

  it('two sessions over two halves, merged, equal one session over all the records', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), fc.boolean(), (scenario, at, participants) => {
        const sessions = scenarioSessions(scenario, { detail: participants ? 'participants' : 'totals' });
        const split = at % (sessions.records.length + 1);
        const whole = sessions.open();
        for (const record of sessions.records) whole.add(record);
        const left = sessions.open();
        const right = sessions.open();
        sessions.records.forEach((record, index) => { (index < split ? left : right).add(record); });
        left.merge(right);
        expect(JSON.stringify(sessions.finish(left))).toBe(JSON.stringify(sessions.finish(whole)));
      }),
      { numRuns: runs(100) },
    );
  });

  it('the document is plain JSON: round trip unchanged, no undefined, money with the currency decimals', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.boolean(), (scenario, participants) => {
        const s: Settlement = settleOk(scenario, { detail: participants ? 'participants' : 'totals' });
        expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
        const problems: string[] = [];
        checkJsonValues(s, '$', moneyPattern(scenario.currency.places), problems);
        expect(problems).toEqual([]);
        expect(s.fingerprint.inputs).toMatch(/^[0-9a-f]{64}$/);
      }),
      { numRuns: runs(60) },
    );
  });
});
