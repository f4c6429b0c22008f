/**
 * The evidence fingerprint of the records: recomputed here independently (canonical JSON of each
 * record through the generic canonicalJson, SHA-256 of each, hex lines sorted as text), and held
 * to order, sharding, streaming and changes of value.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatDate, formatDecimal, parseContract, settle, validateRecords, type OutcomeRecord } from '../../src/index.js';
import { checkOptions, openSession, readPrevious } from '../../src/internal.js';
import { canonicalJson } from '../../src/settlement/canonical-json.js';
import { issueIdentity } from '../../src/settlement/records-fingerprint.js';
import { recordEvidenceText } from '../../src/settlement/records-evidence.js';
import { sha256Hex } from '../../src/settlement/sha256.js';
import { runs, timeLimit } from '../runs.js';
import { fromArray } from '../streaming/fixtures.js';
import { scenarioArbitrary, type Scenario } from './arbitraries/index.js';
import { scenarioOptions, settleScenario, settleStreamWith } from './settle-helper.js';

vi.setConfig({ testTimeout: timeLimit(30_000) });

/** The record as a plain JSON object, built without the code under test. */
function plain(record: OutcomeRecord): unknown {
  return {
    id: record.id,
    cohort: record.cohort,
    groups: record.groups,
    enrolledOn: formatDate(record.enrolledOn),
    exitedOn: record.exitedOn === undefined ? undefined : formatDate(record.exitedOn),
    baselineWage: record.baselineWage === undefined ? undefined : formatDecimal(record.baselineWage),
    spells: record.spells.map((s) => ({
      start: formatDate(s.start),
      end: s.end === undefined ? undefined : formatDate(s.end),
      hoursPerWeek: s.hoursPerWeek,
      contractType: s.contractType,
      monthlyWage: s.monthlyWage === undefined ? undefined : formatDecimal(s.monthlyWage),
      sector: s.sector,
      employer: s.employer,
    })),
    wages: record.wages.map((w) => ({ on: formatDate(w.on), monthlyWage: formatDecimal(w.monthlyWage) })),
    events: record.events.map((e) => ({ kind: e.kind, on: formatDate(e.on) })),
    // only a record with earnings has the key (a record without keeps the evidence it had)
    ...(Object.hasOwn(record, 'earnings') ? { earnings: (record.earnings ?? []).map((e) => ({ from: formatDate(e.from), to: formatDate(e.to), amount: formatDecimal(e.amount) })) } : {}),
  };
}

function validated(scenario: Scenario, records: readonly unknown[] = scenario.records): { records: readonly OutcomeRecord[]; issues: readonly import('../../src/index.js').Issue[] } {
  const contract = parseContract(scenario.contract);
  if (!contract.ok) throw new Error('contract');
  const context = { cohortIds: new Set(contract.value.cohorts.map((c) => c.id)), groupIds: new Set((contract.value.groups ?? []).map((g) => g.id)) };
  const result = validateRecords(records, context, { mode: 'lenient' });
  if (!result.ok) throw new Error('records');
  return { records: result.value.records, issues: result.issues };
}

/** The recipe of docs/settlement.md, with generic tools: sorted hex lines, then SHA-256. */
function independentEvidence(records: readonly OutcomeRecord[], issues: readonly import('../../src/index.js').Issue[]): string {
  const lines = (texts: string[]) => texts.map((t) => sha256Hex(t)).sort().map((hex) => `${hex}\n`).join('');
  return sha256Hex(`records\n${lines(records.map((r) => canonicalJson(plain(r))))}issues\n${lines(issues.map(issueIdentity))}`);
}

const withWages = (scenario: Scenario): unknown[] =>
  scenario.records.map((r, i) => (i % 2 === 0 ? { ...r, baselineWage: `${1000 + i}.50`, wages: [{ on: r.enrolledOn, monthlyWage: '1650.5' }] } : r));

describe('evidence fingerprint of the records', () => {
  it('a record is written as the canonical JSON of its values', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        for (const record of validated(scenario, withWages(scenario)).records) expect(recordEvidenceText(record)).toBe(canonicalJson(plain(record)));
      }),
      { numRuns: runs(100) },
    );
  });

  it('is the SHA-256 of the sorted record and issue digests, whatever the order of the records', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), (scenario, seed) => {
        const records: unknown[] = [...withWages(scenario), { id: 'BAD', cohort: 'none', enrolledOn: '2024-01-01' }];
        const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length }), { seed, numRuns: 1 })[0] ?? [];
        const a = settleScenario(scenario, { evidenceFingerprint: true }, records);
        const b = settleScenario(scenario, { evidenceFingerprint: true }, shuffled);
        if (!a.ok || !b.ok) throw new Error('settle');
        const expected = validated(scenario, records);
        expect(a.value.fingerprint.recordsEvidence).toBe(independentEvidence(expected.records, expected.issues));
        expect(b.value.fingerprint.recordsEvidence).toBe(a.value.fingerprint.recordsEvidence);
        expect(b.value.fingerprint.inputs).toBe(a.value.fingerprint.inputs);
      }),
      { numRuns: runs(100) },
    );
  });

  it('sessions over two halves, merged, give the value of one session', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), (scenario, at) => {
        const contract = parseContract(scenario.contract);
        if (!contract.ok) throw new Error('contract');
        const checked = checkOptions(scenarioOptions(scenario, { evidenceFingerprint: true }), contract.value);
        if (checked.options === undefined) throw new Error('options');
        const { records } = validated(scenario);
        const previous = readPrevious([], contract.value, checked.options.asOf).value;
        const whole = openSession(contract.value, checked.options, previous);
        const left = openSession(contract.value, checked.options, previous);
        const right = openSession(contract.value, checked.options, previous);
        const split = at % (records.length + 1);
        records.forEach((record, i) => {
          whole.add(record);
          (i < split ? left : right).add(record);
        });
        left.merge(right);
        expect(left.evidence?.hex()).toBe(whole.evidence?.hex());
        expect(whole.evidence?.hex()).toBe(independentEvidence(records, []));
      }),
      { numRuns: runs(100) },
    );
  });

  it('changes with a value, not with how an amount is written; absent without the option', () => {
    const contract = {
      schemaVersion: '2.0', id: 'c', name: 'C', currency: 'EUR', rounding: 'half-up', period: { start: '2024-01-01', end: '2025-12-31' },
      parties: { payers: [{ id: 'p', name: 'P', share: '1' }], provider: { id: 'v', name: 'V' } },
      cohorts: [{ id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-12-31' }],
      outcomes: [{ kind: 'placement', id: 'placement', name: 'Placed', window: { from: 'exit', days: 90 }, contractTypes: 'any' }],
      rules: [{ kind: 'rateCard', id: 'r', name: 'R', outcome: 'placement', price: '100.00', groupPricing: { kind: 'flat' }, prerequisites: [] }],
      tranches: [{ id: 't', name: 'T', rules: ['r'], cohorts: ['A'], measuredOn: '2024-12-31', dueOn: '2025-01-31' }],
    };
    const record = (wage: string) => [{ id: 'P1', cohort: 'A', enrolledOn: '2024-02-01', baselineWage: wage }];
    const evidence = (wage: string) => {
      const result = settle(contract, record(wage), { asOf: '2024-12-31', evidenceFingerprint: true });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.value.fingerprint.recordsEvidence;
    };
    expect(evidence('1650.50')).toBe(evidence('1650.5'));
    expect(evidence('1650.51')).not.toBe(evidence('1650.5'));
    // one record: the SHA-256 of "records\n<hex of its canonical JSON>\nissues\n"
    const text = '{"baselineWage":"1650.5","cohort":"A","enrolledOn":"2024-02-01","events":[],"groups":[],"id":"P1","spells":[],"wages":[]}';
    expect(evidence('1650.50')).toBe(sha256Hex(`records\n${sha256Hex(text)}\nissues\n`));
    const plainSettlement = settle(contract, record('1650.5'), { asOf: '2024-12-31' });
    expect(plainSettlement.ok && plainSettlement.value.fingerprint.recordsEvidence).toBeNull();
    expect(settle(contract, [], { asOf: '2024-12-31', evidenceFingerprint: 'yes' as unknown as boolean })).toMatchObject({ ok: false, issues: [{ code: 'OPTIONS_EVIDENCE_FINGERPRINT' }] });
  });

  it('settleStream gives the value settle gives', async () => {
    const samples = fc.sample(scenarioArbitrary(), { seed: 7, numRuns: 20 });
    for (const scenario of samples) {
      const records: unknown[] = [...withWages(scenario), { id: 'BAD', cohort: 'none', enrolledOn: '2024-01-01' }];
      const whole = settleScenario(scenario, { evidenceFingerprint: true }, records);
      const streamed = await settleStreamWith(scenario.contract, () => fromArray(records), scenarioOptions(scenario, { evidenceFingerprint: true }));
      if (!whole.ok || !streamed.ok) throw new Error('settle');
      expect(streamed.value.fingerprint).toEqual(whole.value.fingerprint);
    }
  });
});
