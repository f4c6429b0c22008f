/**
 * Reading previous settlements (src/settlement/previous.ts) directly: the program's argument
 * checks, each refusal with its code, path and message, the chain's order, what it paid per
 * tranche and payer, and the full-recovery refusal. One small settlement of the minimal contract
 * (one participant placed and retained: t1 earns 1000.00 + 500.00 = 1500.00, split 0.6 / 0.4 as
 * 900.00 and 600.00) is made inside the tests that need a document, and altered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/calendar/index.js';
import { parseContract, settle, type Contract, type Settlement } from '../../../src/index.js';
import { ZERO, parseAmount, type Amount } from '../../../src/money/index.js';
import { version1ContractFingerprint } from '../../../src/settlement/contract-fingerprint.js';
import { fullRecoveryRefusal, lastLinesOf, readPrevious, type PreviousPayments } from '../../../src/settlement/previous.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const AS_OF = parseDate('2025-12-31');

function contract(): Contract {
  const parsed = parseContract(minimal);
  if (!parsed.ok) throw new Error('minimal contract');
  return parsed.value;
}

/** The settlement as of 2025-06-30 of one participant placed on 2024-02-01 and still working. */
function settlement(): Settlement {
  const result = settle(minimal, [{ id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] }], { asOf: '2025-06-30' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return JSON.parse(JSON.stringify(result.value)) as Settlement;
}

/** A settlement whose fields a test may change. */
type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
type Doc = Mutable<Settlement>;
type Part = Doc['payers'][number];

const copy = (doc: Settlement): Doc => JSON.parse(JSON.stringify(doc)) as Doc;

function at<T>(list: readonly T[], index: number): T {
  const found = list[index];
  if (found === undefined) throw new Error(`no element ${String(index)}`);
  return found;
}
/** The document's first tranche (t1). */
const t1 = (doc: Doc): Doc['tranches'][number] => at(doc.tranches, 0);
const issuesOf = (documents: readonly unknown[], amendedFrom: readonly string[] = []) =>
  readPrevious(documents, contract(), AS_OF, amendedFrom).issues.map((issue) => ({ code: issue.code, path: issue.path, message: issue.message }));

function paidText(previous: PreviousPayments): string[] {
  return [...previous.paid].flatMap(([tranche, byPayer]) => [...byPayer].map(([payer, amount]) => `${tranche}/${payer}: ${amount.toFixed(2)}`));
}

describe('readPrevious: the program’s arguments', () => {
  it('throws on a contract that is not parsed, an as-of date that is not a day, amendedFrom that is not strings', () => {
    expect(() => readPrevious([], {} as Contract, AS_OF)).toThrow(/^readPrevious: contract/);
    expect(() => readPrevious([], contract(), '2025-12-31' as unknown as number)).toThrow('readPrevious: asOf must be a day number (from parseDate), not the string "2025-12-31"');
    expect(() => readPrevious([], contract(), AS_OF, 'abc' as unknown as string[])).toThrow(
      'readPrevious: amendedFrom must be an array of contract fingerprints (strings), not the string "abc"',
    );
    expect(() => readPrevious([], contract(), AS_OF, ['abc', 3] as unknown as string[])).toThrow(
      'readPrevious: amendedFrom must be an array of contract fingerprints (strings), not an array',
    );
  });

  it('no documents: nothing paid, no issue', () => {
    const { value, issues } = readPrevious([], contract(), AS_OF);
    expect(issues).toEqual([]);
    expect(value).toEqual({ paid: new Map(), tranches: [], payers: [], settlements: [], amendedFrom: [], fingerprints: [] });
    expect(lastLinesOf(value)).toBeUndefined();
  });
});

describe('readPrevious: documents that are not a list of settlements', () => {
  it('not an array, or an array that cannot be read: OPTIONS_PREVIOUS', () => {
    expect(issuesOf('x' as unknown as unknown[])).toEqual([
      { code: 'OPTIONS_PREVIOUS', path: ['options', 'previous'], message: 'previous must be an array of settlement documents, not the string "x"' },
    ]);
    const unreadable: unknown[] = [];
    Object.defineProperty(unreadable, 0, { get: () => { throw new Error('boom'); }, enumerable: true });
    expect(issuesOf(unreadable)).toEqual([
      { code: 'OPTIONS_PREVIOUS', path: ['options', 'previous'], message: 'previous must be an array of settlement documents, not an array that cannot be read (boom)' },
    ]);
    expect(readPrevious('x' as unknown as unknown[], contract(), AS_OF).value).toEqual({ paid: new Map(), tranches: [], payers: [], settlements: [], amendedFrom: [], fingerprints: [] });
  });

  it('a document that is not plain data, not an object, or of another format: PREVIOUS_NOT_SETTLEMENT at its index', () => {
    expect(issuesOf([{ format: 'outcome-pay/settlement', f: () => 1 }])).toEqual([
      { code: 'PREVIOUS_NOT_SETTLEMENT', path: ['previous', 0], message: 'previous settlement 0: is not plain JSON data' },
    ]);
    const notSettlement = (index: number) => ({ code: 'PREVIOUS_NOT_SETTLEMENT', path: ['previous', index], message: `previous settlement ${index}: is not an outcome-pay settlement document` });
    expect(issuesOf([null, [], 'text', { format: 'outcome-pay/contract' }])).toEqual([notSettlement(0), notSettlement(1), notSettlement(2), notSettlement(3)]);
  });

  it('another format version: PREVIOUS_FORMAT_VERSION at formatVersion', () => {
    expect(issuesOf([{ format: 'outcome-pay/settlement', formatVersion: 1 }])).toEqual([
      {
        code: 'PREVIOUS_FORMAT_VERSION',
        path: ['previous', 0, 'formatVersion'],
        message:
          'previous settlement 0: has formatVersion 1; this library reads version 2 (version 1 documents do not record the settlements they deducted: settle that date again with this version)',
      },
    ]);
  });

  it('another contract id or currency, or no contract part: PREVIOUS_OTHER_CONTRACT', () => {
    const other = { code: 'PREVIOUS_OTHER_CONTRACT', path: ['previous', 0, 'contract'], message: 'previous settlement 0: belongs to another contract (expected "minimal" in EUR)' };
    const doc = (part: unknown) => ({ format: 'outcome-pay/settlement', formatVersion: 2, contract: part });
    expect(issuesOf([doc({ id: 'other', currency: 'EUR' })])).toEqual([other]);
    expect(issuesOf([doc({ id: 'minimal', currency: 'GBP' })])).toEqual([other]);
    expect(issuesOf([doc(['minimal'])])).toEqual([other]);
    expect(issuesOf([doc(undefined)])).toEqual([other]);
  });
});

describe('readPrevious: sound documents', () => {
  it('one settlement: what it made due is paid, its tranches, payers, fingerprint and lines kept', () => {
    const s1 = settlement();
    const { value, issues } = readPrevious([s1], contract(), AS_OF);
    expect(issues).toEqual([]);
    expect(paidText(value)).toEqual(['t1/region: 900.00', 't1/agency: 600.00']);
    expect(value.tranches).toEqual([{ id: 't1', name: 'Tranche 1', measuredOn: '2025-06-30', dueOn: '2025-07-31' }]);
    expect(value.payers).toEqual(['region', 'agency']);
    expect(value.settlements).toEqual([{ inputs: s1.fingerprint.inputs, asOf: '2025-06-30', contract: s1.fingerprint.contract }]);
    expect(value.fingerprints).toEqual([s1.fingerprint.inputs]);
    expect(value.amendedFrom).toEqual([]);
    expect(lastLinesOf(value)?.get('t1')).toEqual(s1.tranches[0]?.lines);
  });

  it('a document dated after the as-of date: PREVIOUS_AFTER_AS_OF; on the as-of date it is read', () => {
    const s1 = settlement();
    expect(readPrevious([s1], contract(), parseDate('2025-06-29')).issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['PREVIOUS_AFTER_AS_OF', ['previous', 0, 'asOf'], 'previous settlement 0: is dated 2025-06-30, after the as-of date of this settlement'],
    ]);
    expect(readPrevious([s1], contract(), parseDate('2025-06-30')).issues).toEqual([]);
  });

  it('a document of another version of the contract: PREVIOUS_CONTRACT_CHANGED unless amendedFrom names it', () => {
    const s1 = copy(settlement());
    const current = s1.fingerprint.contract;
    const other = 'f'.repeat(64);
    s1.fingerprint.contract = other;
    expect(issuesOf([s1])).toEqual([
      {
        code: 'PREVIOUS_CONTRACT_CHANGED',
        path: ['previous', 0, 'fingerprint', 'contract'],
        message: `previous settlement 0: was made with another version of contract "minimal" (contract fingerprint ${other}, this one ${current}); if this contract amends that one, say so with amendedFrom (CLI --amended-from ${other})`,
      },
    ]);
    const read = readPrevious([s1], contract(), AS_OF, [other]);
    expect(read.issues).toEqual([]);
    expect(read.value.amendedFrom).toEqual([other]);
  });

  it('an amendedFrom no document carries: PREVIOUS_AMENDMENT_UNUSED, saying when it is this contract’s own', () => {
    const s1 = settlement();
    const current = s1.fingerprint.contract;
    const unused = 'e'.repeat(64);
    // only the first unused one is named
    expect(issuesOf([s1], [unused, current])).toEqual([
      { code: 'PREVIOUS_AMENDMENT_UNUSED', path: ['options', 'amendedFrom', 0], message: `amendedFrom names the contract fingerprint ${unused}, which no previous settlement carries` },
    ]);
    expect(issuesOf([s1], [current])).toEqual([
      {
        code: 'PREVIOUS_AMENDMENT_UNUSED',
        path: ['options', 'amendedFrom', 0],
        message: `amendedFrom names the contract fingerprint ${current}, which no previous settlement carries (it is the fingerprint of this contract)`,
      },
    ]);
    // the fingerprint this contract had in format 1.0 is its own too
    const version1 = version1ContractFingerprint(contract());
    expect(version1).not.toBe(current);
    expect(issuesOf([s1], [version1])).toEqual([
      {
        code: 'PREVIOUS_AMENDMENT_UNUSED',
        path: ['options', 'amendedFrom', 0],
        message: `amendedFrom names the contract fingerprint ${version1}, which no previous settlement carries (it is the fingerprint of this contract written in format 1.0)`,
      },
    ]);
    // without documents too
    expect(issuesOf([], [unused]).map((issue) => issue.code)).toEqual(['PREVIOUS_AMENDMENT_UNUSED']);
  });

  it('the same document twice: PREVIOUS_DUPLICATE at the second, naming the first', () => {
    const s1 = settlement();
    expect(issuesOf([s1, settlement(), s1])).toEqual([
      {
        code: 'PREVIOUS_DUPLICATE',
        path: ['previous', 1],
        message: `previous settlement 1 is previous settlement 0 again (fingerprint.inputs ${s1.fingerprint.inputs}): what it made due would be counted as paid twice`,
      },
      {
        code: 'PREVIOUS_DUPLICATE',
        path: ['previous', 2],
        message: `previous settlement 2 is previous settlement 0 again (fingerprint.inputs ${s1.fingerprint.inputs}): what it made due would be counted as paid twice`,
      },
    ]);
  });

  it('two documents made without each other: PREVIOUS_CHAIN_FORK at the later index', () => {
    const a = settlement();
    const b = copy(a);
    b.fingerprint.inputs = 'b'.repeat(64);
    expect(issuesOf([a, b])).toEqual([
      {
        code: 'PREVIOUS_CHAIN_FORK',
        path: ['previous', 1],
        message:
          'previous settlements 0 (as of 2025-06-30) and 1 (as of 2025-06-30) were each made without the other: their due amounts cannot both have been paid on top of the same earlier settlements; give only the one that was paid, and the ones before it',
      },
    ]);
  });

  it('a document that deducted one not given: PREVIOUS_CHAIN_INCOMPLETE at the deducted settlement', () => {
    const b = copy(settlement());
    const missing = { inputs: 'c'.repeat(64), asOf: '2025-03-31', contract: b.fingerprint.contract };
    b.previous.settlements = [missing];
    const found = issuesOf([b]).filter((issue) => issue.code === 'PREVIOUS_CHAIN_INCOMPLETE');
    expect(found).toEqual([
      {
        code: 'PREVIOUS_CHAIN_INCOMPLETE',
        path: ['previous', 0, 'previous', 'settlements', 0],
        message: `previous settlement 0 (as of 2025-06-30) deducted the settlement as of 2025-03-31 with fingerprint.inputs ${'c'.repeat(64)}, which is not given: what that one made due would be missing from previouslyPaid; give every settlement of the chain`,
      },
    ]);
  });

  it('a chain given in any order is read in the order it was made; previouslyPaid must match what came before', () => {
    const a = settlement();
    // b: made after a, deducting it; it says the payers had paid a's due amounts and owes nothing more
    const b = copy(a);
    b.fingerprint.inputs = 'b'.repeat(64);
    b.previous.settlements = [{ inputs: a.fingerprint.inputs, asOf: a.asOf, contract: a.fingerprint.contract }];
    for (const payer of t1(b).payers) {
      payer.previouslyPaid = payer.earned;
      payer.due = '0.00';
    }
    t1(b).previouslyPaid = '1500.00';
    t1(b).due = '0.00';
    b.totals.previouslyPaid = '1500.00';
    b.totals.due = '0.00';
    for (const payer of b.payers) {
      payer.previouslyPaid = payer.earned;
      payer.due = '0.00';
    }
    const read = readPrevious([b, a], contract(), AS_OF);
    expect(read.issues).toEqual([]);
    expect(read.value.settlements.map((s) => s.inputs)).toEqual([a.fingerprint.inputs, 'b'.repeat(64)]);
    // a made 900.00 and 600.00 due, b nothing more
    expect(paidText(read.value)).toEqual(['t1/region: 900.00', 't1/agency: 600.00']);
    // both list t1 and both payers: each once
    expect(read.value.tranches).toEqual([{ id: 't1', name: 'Tranche 1', measuredOn: '2025-06-30', dueOn: '2025-07-31' }]);
    expect(read.value.payers).toEqual(['region', 'agency']);

    // a settlement a′ like a but splitting t1 900.01 / 599.99 (its figures still add up): b, which says the
    // payers had paid 900.00 and 600.00, does not follow it
    const moved = copy(a);
    const setPart = (payer: Part, amount: string): void => {
      payer.earned = amount;
      payer.due = amount;
    };
    setPart(at(t1(moved).payers, 0), '900.01');
    setPart(at(t1(moved).payers, 1), '599.99');
    setPart(at(moved.payers, 0), '900.01');
    setPart(at(moved.payers, 1), '599.99');
    expect(issuesOf([moved])).toEqual([]);
    expect(issuesOf([moved, b])).toEqual([
      {
        code: 'PREVIOUS_PAID_MISMATCH',
        path: ['previous', 1, 'tranches', 0, 'payers', 0, 'previouslyPaid'],
        message: 'previous settlement 1 (as of 2025-06-30) says payer "region" had paid 900.00 in tranche "t1", but the settlements before it made 900.01 due',
      },
      {
        code: 'PREVIOUS_PAID_MISMATCH',
        path: ['previous', 1, 'tranches', 0, 'payers', 1, 'previouslyPaid'],
        message: 'previous settlement 1 (as of 2025-06-30) says payer "agency" had paid 600.00 in tranche "t1", but the settlements before it made 599.99 due',
      },
    ]);
    // an amendedFrom no document carries is refused first: the payments along the chain are not read
    expect(issuesOf([moved, b], ['e'.repeat(64)]).map((issue) => issue.code)).toEqual(['PREVIOUS_AMENDMENT_UNUSED']);
  });
});

describe('readPrevious: a payer the next settlement no longer lists', () => {
  it('what the settlements before made due to it must be listed: PREVIOUS_PAID_MISMATCH at the tranches', () => {
    const a = settlement();
    // b deducts a and lists the region only: t1 earns nothing now, the region's 900.00 is returned
    // (an adjustment of −900.00); the agency, to which a made 600.00 due, is not listed
    const b = copy(a);
    b.fingerprint.inputs = 'b'.repeat(64);
    b.previous.settlements = [{ inputs: a.fingerprint.inputs, asOf: a.asOf, contract: a.fingerprint.contract }];
    const region = { ...at(b.payers, 0), earned: '0.00', previouslyPaid: '900.00', due: '-900.00' };
    b.payers = [region];
    Object.assign(t1(b), { earned: '0.00', previouslyPaid: '900.00', due: '-900.00', toProvider: '0.00', lines: [], payers: [{ ...region }] });
    Object.assign(b.totals, { earned: '0.00', previouslyPaid: '900.00', due: '-900.00' });
    b.adjustments = [{ tranche: 't1', payer: 'region', previouslyPaid: '900.00', earned: '0.00', amount: '-900.00', reason: 'the tranche is no longer earned' }];
    expect(issuesOf([b]).filter((issue) => issue.code !== 'PREVIOUS_CHAIN_INCOMPLETE')).toEqual([]);
    expect(issuesOf([a, b])).toEqual([
      {
        code: 'PREVIOUS_PAID_MISMATCH',
        path: ['previous', 1, 'tranches'],
        message: 'previous settlement 1 (as of 2025-06-30) does not list payer "agency" in tranche "t1", to which the settlements before it made 600 due',
      },
    ]);
  });
});

describe('fullRecoveryRefusal', () => {
  const previous = (amounts: Record<string, string>): PreviousPayments => ({
    paid: new Map([['t1', new Map(Object.entries(amounts).map(([payer, amount]) => [payer, parseAmount(amount)] as [string, Amount]))]]),
    tranches: [],
    payers: [],
    settlements: [],
    amendedFrom: [],
    fingerprints: [],
  });

  it('refuses a settlement earning nothing after settlements that paid something', () => {
    // 900.00 + 600.00 = 1500.00 paid before
    expect(fullRecoveryRefusal(ZERO, previous({ region: '900.00', agency: '600.00' }), false)).toEqual({
      code: 'PREVIOUS_RECOVERS_ALL',
      path: ['options', 'allowFullRecovery'],
      message:
        'the settlement earns nothing, so it would recover everything the previous settlements paid (1500): this usually means records are missing from the input; if it is meant, confirm it with allowFullRecovery: true (CLI --allow-full-recovery)',
    });
    // a cent paid is enough
    expect(fullRecoveryRefusal(ZERO, previous({ region: '0.01' }), false)?.code).toBe('PREVIOUS_RECOVERS_ALL');
  });

  it('no refusal when allowed, when the settlement earns something, or when nothing (or less than nothing) was paid', () => {
    expect(fullRecoveryRefusal(ZERO, previous({ region: '900.00' }), true)).toBeUndefined();
    expect(fullRecoveryRefusal(parseAmount('0.01'), previous({ region: '900.00' }), false)).toBeUndefined();
    expect(fullRecoveryRefusal(ZERO, previous({ region: '0.00', agency: '0.00' }), false)).toBeUndefined();
    // 100.00 − 100.00 = 0 and −50.00: nothing paid in all
    expect(fullRecoveryRefusal(ZERO, previous({ region: '100.00', agency: '-100.00' }), false)).toBeUndefined();
    expect(fullRecoveryRefusal(ZERO, previous({ region: '-50.00' }), false)).toBeUndefined();
  });
});

describe('lastLinesOf', () => {
  it('reads the last lines as an own property only', () => {
    const own = { paid: new Map(), tranches: [], payers: [], settlements: [], amendedFrom: [], fingerprints: [], lastLines: new Map([['t1', []]]) };
    expect(lastLinesOf(own)?.get('t1')).toEqual([]);
    const inherited = Object.create({ lastLines: new Map([['t1', []]]) }) as PreviousPayments;
    expect(lastLinesOf(inherited)).toBeUndefined();
  });
});

describe('readPrevious: a chain over two amendments', () => {
  it('the amendments the chain used, in the order of their fingerprints', () => {
    const records = [{ id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] }];
    const named = (name: string): unknown => ({ ...(minimal as Record<string, unknown>), name });
    const first = settle(named('amendment 2'), records, { asOf: '2025-06-30' });
    if (!first.ok) throw new Error('first');
    const s1 = JSON.parse(JSON.stringify(first.value)) as Settlement;
    const fp1 = s1.fingerprint.contract;
    const second = settle(named('amendment 3'), records, { asOf: '2025-07-31', previous: [s1], amendedFrom: [fp1] });
    if (!second.ok) throw new Error('second');
    const s2 = JSON.parse(JSON.stringify(second.value)) as Settlement;
    const fp2 = s2.fingerprint.contract;
    // the names were chosen so that the first settlement's fingerprint sorts after the second's
    expect(fp1 > fp2).toBe(true);
    const read = readPrevious([s1, s2], contract(), AS_OF, [fp1, fp2]);
    expect(read.issues).toEqual([]);
    expect(read.value.amendedFrom).toEqual([fp2, fp1]);
  });
});


describe('readPrevious: once something is refused, nothing more is read', () => {
  const none = { paid: new Map(), tranches: [], payers: [], settlements: [], amendedFrom: [], fingerprints: [] };
  /** A sound settlement (the minimal one, under another inputs fingerprint) that deducted one not given, as of 2025-03-31. */
  const deductingMissing = (inputs: string): Doc => {
    const doc = copy(settlement());
    doc.fingerprint.inputs = inputs;
    doc.previous.settlements = [{ inputs: 'd'.repeat(64), asOf: '2025-03-31', contract: doc.fingerprint.contract }];
    return doc;
  };
  const incomplete = (index: number) => ({
    code: 'PREVIOUS_CHAIN_INCOMPLETE',
    path: ['previous', index, 'previous', 'settlements', 0],
    message: `previous settlement ${index} (as of 2025-06-30) deducted the settlement as of 2025-03-31 with fingerprint.inputs ${'d'.repeat(64)}, which is not given: what that one made due would be missing from previouslyPaid; give every settlement of the chain`,
  });

  it('a document refused: the sound ones are not compared for duplicates, nor their chain checked', () => {
    const s1 = settlement();
    const notSettlement = { code: 'PREVIOUS_NOT_SETTLEMENT', path: ['previous', 2], message: 'previous settlement 2: is not an outcome-pay settlement document' };
    // s1 twice would be PREVIOUS_DUPLICATE at 1, were the documents compared
    expect(issuesOf([s1, s1, 'text'])).toEqual([notSettlement]);
    // the first deducted a settlement not given: PREVIOUS_CHAIN_INCOMPLETE, were the chain checked
    expect(issuesOf([deductingMissing('b'.repeat(64)), settlement(), 'text'])).toEqual([notSettlement]);
  });

  it('a duplicate: the chain is not checked', () => {
    const s1 = settlement();
    // the third deducted a settlement not given, which only the chain's check would say
    expect(issuesOf([s1, s1, deductingMissing('b'.repeat(64))])).toEqual([
      {
        code: 'PREVIOUS_DUPLICATE',
        path: ['previous', 1],
        message: `previous settlement 1 is previous settlement 0 again (fingerprint.inputs ${s1.fingerprint.inputs}): what it made due would be counted as paid twice`,
      },
    ]);
  });

  it('an incomplete chain is not checked for forks: two documents that deducted the same missing one', () => {
    // neither deducted the other, a PREVIOUS_CHAIN_FORK were the forks looked for
    expect(issuesOf([deductingMissing('b'.repeat(64)), deductingMissing('c'.repeat(64))])).toEqual([incomplete(0), incomplete(1)]);
  });

  it('a fork: nothing is paid, and no settlement, tranche or payer of the documents is listed', () => {
    const a = settlement();
    const b = copy(a);
    b.fingerprint.inputs = 'b'.repeat(64);
    const read = readPrevious([a, b], contract(), AS_OF);
    expect(read.issues.map((issue) => issue.code)).toEqual(['PREVIOUS_CHAIN_FORK']);
    expect(read.value).toEqual(none);
    expect(lastLinesOf(read.value)).toBeUndefined();
  });
});
