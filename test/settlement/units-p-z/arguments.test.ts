/**
 * The argument checks of src/settlement/session-checks.ts (a session opened by a caller, the
 * fields of checked options and previous payments) and settlement-argument.ts (a settlement
 * document given to the API): each refusal with its code, message and path, and what passes
 * through unchanged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../../src/errors.js';
import { expectFields } from '../../../src/guard.js';
import { settle, validateRecords, type Settlement } from '../../../src/index.js';
import { CHECKED_OPTIONS_FIELDS, PREVIOUS_FIELDS, checkedSession } from '../../../src/settlement/session-checks.js';
import type { SettlementSession } from '../../../src/settlement/session.js';
import { settlementArgument } from '../../../src/settlement/settlement-argument.js';

function thrown(run: () => unknown): { code: string; message: string; path: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof OutcomePayError) return { code: error.code, message: error.message, path: error.path };
    throw error;
  }
  throw new Error('nothing thrown');
}

async function rejected(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof OutcomePayError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('the fields of checked options and previous payments', () => {
  const options = { asOf: 20000, indicators: new Map(), keepParticipants: false, records: 'strict', evidence: false, amendedFrom: [], allowFullRecovery: false, maxExcluded: {}, allowEmpty: false };
  const check = (value: unknown) => thrown(() => { expectFields('f', 'options', value, 'checked options', CHECKED_OPTIONS_FIELDS); }).message;

  it('checked options pass; each field of another type is named', () => {
    expect(() => { expectFields('f', 'options', options, 'checked options', CHECKED_OPTIONS_FIELDS); }).not.toThrow();
    expect(() => { expectFields('f', 'options', { ...options, records: 'lenient' }, 'checked options', CHECKED_OPTIONS_FIELDS); }).not.toThrow();
    expect(check({ ...options, asOf: 1.5 })).toBe('f: options.asOf must be a day number in checked options, not the number 1.5');
    expect(check({ ...options, indicators: {} })).toBe('f: options.indicators must be a Map in checked options, not an object');
    expect(check({ ...options, keepParticipants: 'no' })).toBe('f: options.keepParticipants must be true or false in checked options, not the string "no"');
    expect(check({ ...options, records: 'loose' })).toBe('f: options.records must be "strict" or "lenient" in checked options, not the string "loose"');
    expect(check({ ...options, evidence: 1 })).toBe('f: options.evidence must be true or false in checked options, not the number 1');
    expect(check({ ...options, amendedFrom: 'x' })).toBe('f: options.amendedFrom must be an array in checked options, not the string "x"');
    expect(check({ ...options, allowFullRecovery: null })).toBe('f: options.allowFullRecovery must be true or false in checked options, not null');
    expect(check({ ...options, maxExcluded: 5 })).toBe('f: options.maxExcluded must be an object in checked options, not the number 5');
    expect(check({ ...options, allowEmpty: undefined })).toBe('f: options.allowEmpty must be true or false in checked options, not undefined');
  });

  it('previous payments pass; each field of another type is named', () => {
    const previous = { paid: new Map(), tranches: [], payers: [], settlements: [], amendedFrom: [], fingerprints: [] };
    const of = (value: unknown) => thrown(() => { expectFields('f', 'previous', value, 'previous payments', PREVIOUS_FIELDS); }).message;
    expect(() => { expectFields('f', 'previous', previous, 'previous payments', PREVIOUS_FIELDS); }).not.toThrow();
    expect(of({ ...previous, paid: {} })).toBe('f: previous.paid must be a Map in previous payments, not an object');
    for (const key of ['tranches', 'payers', 'settlements', 'amendedFrom', 'fingerprints']) {
      expect(of({ ...previous, [key]: {} })).toBe(`f: previous.${key} must be an array in previous payments, not an object`);
    }
  });
});

describe('checkedSession', () => {
  function inner(): { session: SettlementSession; calls: string[] } {
    const calls: string[] = [];
    const session = {
      ledger: 'the ledger',
      digest: 'the digest',
      evidence: 'the evidence',
      present: 'the present',
      add: (record: { id: string }) => calls.push(`add ${record.id}`),
      merge: () => calls.push('merge'),
      finish: (_: unknown, text: string) => {
        calls.push(`finish ${text}`);
        return 'finished';
      },
      finishDelivering: (_: unknown, text: string) => {
        calls.push(`finishDelivering ${text}`);
        return Promise.resolve('delivered');
      },
    } as unknown as SettlementSession;
    return { session, calls };
  }
  const quality = { recordsRead: 0, recordsSettled: 0, recordsExcluded: 0, issues: [] };
  function record(): unknown {
    const validated = validateRecords([{ id: 'P1', cohort: 'A', enrolledOn: '2024-01-02' }], { cohortIds: new Set(['A']), groupIds: new Set() });
    if (!validated.ok) throw new Error('record');
    return validated.value.records[0];
  }

  it('passes the inner session’s state through', () => {
    const checked = checkedSession(inner().session);
    expect([checked.ledger, checked.digest, checked.evidence, checked.present]).toEqual(['the ledger', 'the digest', 'the evidence', 'the present']);
  });

  it('add: a record that is not one is refused before the inner session sees it', () => {
    const { session, calls } = inner();
    const checked = checkedSession(session);
    const error = thrown(() => { checked.add({ id: 'P1' } as never); });
    expect(error.code).toBe('ARGUMENT_INVALID');
    expect(error.message).toMatch(/^session\.add: record\./);
    expect(calls).toEqual([]);
  });

  it('merge: another session is checked for its ledger, digest and merge', () => {
    const { session, calls } = inner();
    const checked = checkedSession(session);
    expect(thrown(() => { checked.merge('x' as never); }).message).toBe('session.merge: other must be a settlement session (from openSession), not the string "x"');
    expect(thrown(() => { checked.merge({ ledger: {}, digest: {}, merge: 1 } as never); }).message).toBe(
      'session.merge: other.merge must be a function in a settlement session (from openSession), not the number 1',
    );
    expect(thrown(() => { checked.merge({ ledger: 1, digest: {}, merge: () => 1 } as never); }).message).toBe(
      'session.merge: other.ledger must be an object in a settlement session (from openSession), not the number 1',
    );
    expect(calls).toEqual([]);
    checked.merge({ ledger: {}, digest: {}, merge: () => 1 } as never);
    expect(calls).toEqual(['merge']);
  });

  it('finish: the data quality, the options text and the excluded cohorts are checked', () => {
    const { session, calls } = inner();
    const checked = checkedSession(session);
    expect(thrown(() => checked.finish({ ...quality, recordsRead: -1 }, 'text')).message).toBe(
      'session.finish: dataQuality.recordsRead must be a whole number from 0 in data-quality counts: { recordsRead, recordsSettled, recordsExcluded, issues }, not the number -1',
    );
    expect(thrown(() => checked.finish({ ...quality, decisionsAtRisk: 'x' } as never, 'text')).message).toMatch(/^session\.finish: dataQuality\.decisionsAtRisk must be an array or absent/);
    expect(thrown(() => checked.finish({ ...quality, issuesDelivered: 1.5 }, 'text')).message).toMatch(/^session\.finish: dataQuality\.issuesDelivered must be a whole number or absent/);
    expect(thrown(() => checked.finish(quality, 3 as never)).message).toBe('session.finish: optionsText must be a string (the canonical text of the options), not the number 3');
    expect(thrown(() => checked.finish(quality, 'text', { byCohort: {}, unknown: 0 } as never)).message).toBe(
      'session.finish: excluded.byCohort must be a Map of cohort id to count in the cohorts of the excluded records: { byCohort, unknown }, not an object',
    );
    expect(thrown(() => checked.finish(quality, 'text', { byCohort: new Map(), unknown: -1 })).message).toBe(
      'session.finish: excluded.unknown must be a whole number from 0 in the cohorts of the excluded records: { byCohort, unknown }, not the number -1',
    );
    expect(calls).toEqual([]);
    expect(checked.finish(quality, 'text')).toBe('finished');
    expect(checked.finish({ ...quality, decisionsAtRisk: [], issuesDelivered: 0 }, 'more', { byCohort: new Map(), unknown: 0 })).toBe('finished');
    expect(calls).toEqual(['finish text', 'finish more']);
  });

  it('finishDelivering: the same checks, and the delivered issues', async () => {
    const { session, calls } = inner();
    const checked = checkedSession(session);
    expect((await rejected(() => checked.finishDelivering(quality, 3 as never, { each: () => undefined } as never))).message).toBe(
      'session.finishDelivering: optionsText must be a string (the canonical text of the options), not the number 3',
    );
    expect((await rejected(() => checked.finishDelivering(quality, 'text', { each: 1 } as never))).message).toBe(
      'session.finishDelivering: delivered.each must be a function in delivered issues: { each(visit) }, not the number 1',
    );
    expect(calls).toEqual([]);
    expect(await checked.finishDelivering(quality, 'text', { each: () => undefined } as never)).toBe('delivered');
    expect(calls).toEqual(['finishDelivering text']);
  });

  it('finish: each count of the data quality, and its issues, named with what it must be (2026-12-07 survivors)', () => {
    const { session, calls } = inner();
    const checked = checkedSession(session);
    const what = 'in data-quality counts: { recordsRead, recordsSettled, recordsExcluded, issues }';
    expect(thrown(() => checked.finish({ ...quality, recordsSettled: -1 }, 'text')).message).toBe(`session.finish: dataQuality.recordsSettled must be a whole number from 0 ${what}, not the number -1`);
    expect(thrown(() => checked.finish({ ...quality, recordsExcluded: 0.5 }, 'text')).message).toBe(`session.finish: dataQuality.recordsExcluded must be a whole number from 0 ${what}, not the number 0.5`);
    expect(thrown(() => checked.finish({ ...quality, issues: 'none' } as never, 'text')).message).toBe(`session.finish: dataQuality.issues must be an array of issues ${what}, not the string "none"`);
    expect(calls).toEqual([]);
  });

  it('merge: another session without a digest object is named (2026-12-07 survivors)', () => {
    const { session, calls } = inner();
    expect(thrown(() => { checkedSession(session).merge({ ledger: {}, digest: 'd', merge: () => 1 } as never); }).message).toBe(
      'session.merge: other.digest must be an object in a settlement session (from openSession), not the string "d"',
    );
    expect(calls).toEqual([]);
  });

  it('a record that is one is passed to the inner session', () => {
    const { session, calls } = inner();
    checkedSession(session).add(record() as never);
    expect(calls).toEqual(['add P1']);
  });
});

describe('settlementArgument', () => {
  const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
  function settlement(): Settlement {
    const result = settle(minimal, [], { asOf: '2025-06-30', allowEmpty: true });
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
    return JSON.parse(JSON.stringify(result.value)) as Settlement;
  }
  const EXPECTED = 'a settlement document as settle returns it (its value when ok)';

  it('a settlement passes, as plain data equal to it', () => {
    const s = settlement();
    const checked = settlementArgument('f', s);
    expect(checked).toEqual(s);
    expect(checked).not.toBe(s);
  });

  it('not an object: ARGUMENT_INVALID naming the function and what it is', () => {
    expect(thrown(() => settlementArgument('settlementCsv', 'x'))).toEqual({ code: 'ARGUMENT_INVALID', message: `settlementCsv: settlement must be ${EXPECTED}, not the string "x"`, path: ['settlement'] });
    expect(thrown(() => settlementArgument('f', [])).message).toBe(`f: settlement must be ${EXPECTED}, not an array`);
  });

  it('not plain data: could not be read', () => {
    const error = thrown(() => settlementArgument('f', { ...settlement(), extra: () => 1 }));
    expect(error.code).toBe('ARGUMENT_INVALID');
    expect(error.message).toMatch(/^f: settlement could not be read \(.+\)$/);
  });

  it('no contract, or one in an unknown currency', () => {
    const unknown = `f: settlement must be ${EXPECTED}, in a known currency, not an object`;
    expect(thrown(() => settlementArgument('f', {})).message).toBe(unknown);
    expect(thrown(() => settlementArgument('f', { contract: 'EUR' })).message).toBe(unknown);
    expect(thrown(() => settlementArgument('f', { ...settlement(), contract: { ...settlement().contract, currency: 'XXX' } })).message).toBe(unknown);
  });

  it('a document of another shape: the first problem, and how many more', () => {
    const one = thrown(() => settlementArgument('f', { ...settlement(), extra: 1 }));
    expect(one.code).toBe('ARGUMENT_INVALID');
    expect(one.path).toEqual(['settlement']);
    expect(one.message).toMatch(new RegExp(`^f: settlement is not ${EXPECTED.replace(/[()]/g, '\\$&')}: .+`));
    expect(one.message).not.toMatch(/more problems\)$/);
    const two = thrown(() => settlementArgument('f', { ...settlement(), extra: 1, other: 2 }));
    expect(two.message).toMatch(/ \(and 1 more problems\)$/);
    // the first problem's path starts at settlement, and one problem says no more
    expect(one.message).toBe(`f: settlement is not ${EXPECTED}: settlement.extra: is not a field of a settlement document here`);
    expect(two.message).toBe(`f: settlement is not ${EXPECTED}: settlement.extra: is not a field of a settlement document here (and 1 more problems)`);
    const inherited = Object.create(settlement()) as object; // nothing inherited is read: no format, no contract
    expect(thrown(() => settlementArgument('f', inherited)).message).toBe(`f: settlement must be ${EXPECTED}, in a known currency, not an object`);
  });
});
