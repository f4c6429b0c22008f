/**
 * Previous settlements (issue #13): each document is checked against the settlement schema and
 * its figures, must be of this contract (or of an earlier version stated in amendedFrom), and the
 * documents together must be one complete chain, none twice. Payers an amendment removed keep
 * what they paid visible; a settlement that recovers everything needs a confirmation.
 *
 * Figures of the region-sud example (examples/region-sud, checked by hand in
 * test/examples/region-sud.test.ts): t1 (measured 2024-06-30) earns 56760.00, split 60/40 as
 * 34056.00 (region) and 22704.00 (agency); t2 (measured 2025-06-30) earns 57200.00, split 34320.00
 * and 22880.00; in all 113960.00 as of 2025-06-30.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type Settlement, type SettleOptions } from '../../src/index.js';
import { readRecords } from '../../src/readers.js';

const example = new URL('../../examples/region-sud/', import.meta.url);
const contract = JSON.parse(readFileSync(new URL('contract.json', example), 'utf8')) as Record<string, unknown>;
const read = readRecords(readFileSync(new URL('records.csv', example), 'utf8'), 'csv');
if (!read.ok) throw new Error('example records');
const records = read.value;

function settled(asOf: string, options: Partial<SettleOptions> = {}, of: unknown = contract): Settlement {
  const result = settle(of, records, { asOf, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return JSON.parse(JSON.stringify(result.value)) as Settlement;
}

function codes(asOf: string, options: Partial<SettleOptions>, of: unknown = contract): string[] {
  const result = settle(of, records, { asOf, ...options });
  return result.ok ? [] : [...new Set(result.issues.map((issue) => issue.code))];
}

type Path = readonly (string | number)[];

/** A deep copy of a settlement with values set at paths. */
function altered(settlement: Settlement, ...changes: readonly (readonly [Path, unknown])[]): Record<string, unknown> {
  const doc = JSON.parse(JSON.stringify(settlement)) as Record<string, unknown>;
  for (const [path, value] of changes) {
    let at = doc as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path.at(-1) as string | number] = value;
  }
  return doc;
}

// Settled inside each test that uses them, never while the file loads: a mutation run counts code run at
// load as covered by no test (a "static" mutant, tried against every test of the folder).
const s1 = (): Settlement => settled('2024-12-31');
const s2 = (): Settlement => settled('2025-03-31', { previous: [s1()] });

describe('the same settlement twice (item 1)', () => {
  it('is refused, not counted as paid twice', () => {
    expect(codes('2025-06-30', { previous: [s1(), s1()] })).toEqual(['PREVIOUS_DUPLICATE']);
  });

  it('given once, t1 is paid and only t2 is due: 113960.00 − 56760.00 = 57200.00', () => {
    const s = settled('2025-06-30', { previous: [s1()] });
    expect(s.totals).toMatchObject({ earned: '113960.00', previouslyPaid: '56760.00', due: '57200.00' });
    expect(s.tranches.map((t) => [t.id, t.due])).toEqual([['t1', '0.00'], ['t2', '57200.00'], ['t3', '0.00']]);
    expect(s.previous.settlements).toEqual([{ inputs: s1().fingerprint.inputs, asOf: '2024-12-31', contract: s1().fingerprint.contract }]);
  });
});

describe('each previous settlement is checked against the settlement schema and its figures', () => {
  const refused = (altered: unknown): string[] => codes('2025-06-30', { previous: [altered] });

  it('amounts: canonical money in EUR minor units, negative only where settle writes a negative', () => {
    expect(refused(altered(s1(), [['tranches', 0, 'earned'], '56760.0']))).toEqual(['PREVIOUS_AMOUNT']);
    expect(refused(altered(s1(), [['tranches', 0, 'earned'], '56760.000']))).toEqual(['PREVIOUS_AMOUNT']);
    expect(refused(altered(s1(), [['tranches', 0, 'earned'], '-56760.00']))).toEqual(['PREVIOUS_AMOUNT']);
    expect(refused(altered(s1(), [['tranches', 0, 'payers', 0, 'previouslyPaid'], '-1.00']))).toEqual(['PREVIOUS_AMOUNT']);
    expect(refused(altered(s1(), [['tranches', 0, 'payers', 0, 'due'], 34056]))).toEqual(['PREVIOUS_MALFORMED']);
    expect(refused(altered(s1(), [['tranches', 1, 'due'], '-0.00']))).toEqual(['PREVIOUS_AMOUNT']);
  });

  it('figures that do not add up: a payer part moved by a cent, a total, an adjustment invented', () => {
    // the region's t1 part and its due moved by a cent, so that the payer itself balances
    expect(refused(altered(s1(), [['tranches', 0, 'payers', 0, 'earned'], '34056.01'], [['tranches', 0, 'payers', 0, 'due'], '34056.01']))).toEqual(['PREVIOUS_FIGURES']);
    expect(refused(altered(s1(), [['totals', 'due'], '56760.01']))).toEqual(['PREVIOUS_FIGURES']);
    const invented = { tranche: 't1', payer: 'region', previouslyPaid: '0.00', earned: '34056.00', amount: '34056.00', reason: 'x' };
    expect(refused(altered(s1(), [['adjustments'], [invented]]))).toEqual(['PREVIOUS_FIGURES']);
  });

  it('shape: format version, unknown and missing keys, impossible dates, not a settlement', () => {
    expect(refused(altered(s1(), [['formatVersion'], 1]))).toEqual(['PREVIOUS_FORMAT_VERSION']);
    expect(refused(altered(s1(), [['extra'], true]))).toEqual(['PREVIOUS_MALFORMED']);
    expect(refused(altered(s1(), [['previous'], undefined]))).toEqual(['PREVIOUS_MALFORMED']);
    expect(refused(altered(s1(), [['asOf'], '2024-02-30']))).toEqual(['PREVIOUS_MALFORMED']);
    expect(refused({ format: 'something else' })).toEqual(['PREVIOUS_NOT_SETTLEMENT']);
    expect(refused(altered(s1(), [['asOf'], '2025-07-01']))).toEqual(['PREVIOUS_AFTER_AS_OF']);
    const inherited = Object.create(altered(s1())) as object; // only own properties count
    expect(refused(inherited)).toEqual(['PREVIOUS_NOT_SETTLEMENT']);
  });
});

describe('an unknown key of a previous settlement', () => {
  it('is named by its own path, one issue per key (the path of the document alone named no key)', () => {
    const doc = altered(s1(), [['paidOn'], '2025-01-15'], [['tranches', 1, 'note'], 'x']);
    Object.defineProperty(doc, '__proto__', { value: { totals: {} }, enumerable: true });
    const result = settle(contract, records, { asOf: '2025-06-30', previous: [doc] });
    const found = result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path]);
    expect(found).toHaveLength(3);
    expect(found).toEqual(expect.arrayContaining([
      ['PREVIOUS_MALFORMED', ['previous', 0, 'paidOn']],
      ['PREVIOUS_MALFORMED', ['previous', 0, '__proto__']],
      ['PREVIOUS_MALFORMED', ['previous', 0, 'tranches', 1, 'note']],
    ]));
  });
});

describe('contract identity and amendments', () => {
  const amended = { ...contract, name: `${String(contract['name'])} (amendment 1)` };

  it('a previous settlement of another contract fingerprint is refused unless amendedFrom states it', () => {
    expect(codes('2025-06-30', { previous: [s1()] }, amended)).toEqual(['PREVIOUS_CONTRACT_CHANGED']);
    const s = settled('2025-06-30', { previous: [s1()], amendedFrom: [s1().fingerprint.contract] }, amended);
    expect(s.previous.amendedFrom).toEqual([s1().fingerprint.contract]);
    expect(s.previous.settlements[0]?.contract).toBe(s1().fingerprint.contract);
    expect(s.fingerprint.contract).not.toBe(s1().fingerprint.contract);
    expect(s.totals).toMatchObject({ previouslyPaid: '56760.00', due: '57200.00' });
  });

  it('an amendedFrom that no previous settlement carries, or that is not a fingerprint, is refused', () => {
    expect(codes('2025-06-30', { previous: [s1()], amendedFrom: [s1().fingerprint.contract] })).toEqual(['PREVIOUS_AMENDMENT_UNUSED']);
    expect(codes('2025-06-30', { amendedFrom: ['7E02'] })).toEqual(['OPTIONS_AMENDED_FROM']);
  });
});

describe('the previous settlements form one complete chain', () => {
  it('a settlement given without one it deducted is refused', () => {
    // s2 deducted s1: with s2 alone, previouslyPaid would miss the 56760.00 s1 made due
    expect(codes('2025-06-30', { previous: [s2()] })).toEqual(['PREVIOUS_CHAIN_INCOMPLETE']);
    const s3 = settled('2025-06-30', { previous: [s2(), s1()] });
    expect(s3.totals).toMatchObject({ previouslyPaid: '56760.00', due: '57200.00' });
    expect(s3.previous.settlements.map((s) => s.asOf)).toEqual(['2024-12-31', '2025-03-31']);
  });

  it('two settlements made without each other are refused', () => {
    const other = settled('2025-04-30', { previous: [s1()] }); // made on s1() too, without s2()
    expect(codes('2025-06-30', { previous: [s1(), s2(), other] })).toEqual(['PREVIOUS_CHAIN_FORK']);
    const again = settled('2025-01-31'); // a second first settlement
    expect(codes('2025-06-30', { previous: [s1(), again] })).toEqual(['PREVIOUS_CHAIN_FORK']);
  });

  it("a settlement whose previouslyPaid is not what the ones before it made due is refused", () => {
    // s2 altered consistently (its own figures add up): the region said to have paid 1.00 more in t1
    const doc = altered(
      s2(),
      [['tranches', 0, 'payers', 0, 'previouslyPaid'], '34057.00'],
      [['tranches', 0, 'payers', 0, 'due'], '-1.00'],
      [['tranches', 0, 'previouslyPaid'], '56761.00'],
      [['tranches', 0, 'due'], '-1.00'],
      [['payers', 0, 'previouslyPaid'], '34057.00'],
      [['payers', 0, 'due'], '-1.00'],
      [['totals', 'previouslyPaid'], '56761.00'],
      [['totals', 'due'], '-1.00'],
      [['adjustments'], [{ tranche: 't1', payer: 'region', previouslyPaid: '34057.00', earned: '34056.00', amount: '-1.00', reason: 'x' }]],
    );
    expect(codes('2025-03-31', { previous: [doc, s1()] })).toEqual(['PREVIOUS_PAID_MISMATCH']);
  });
});

describe('payers an amendment removed (item 2)', () => {
  const parties = contract['parties'] as Record<string, unknown>;
  const regionOnly = { ...contract, parties: { ...parties, payers: [{ id: 'region', name: 'Région Sud', share: '1' }] } };

  it('keep what they paid visible and returned; every level still adds up', () => {
    const s = settled('2025-06-30', { previous: [s1()], amendedFrom: [s1().fingerprint.contract] }, regionOnly);
    // region now pays all: t1 56760.00 of which it paid 34056.00 (due 22704.00), t2 57200.00;
    // agency paid 22704.00 in t1 and is no longer a payer: earned 0.00, due −22704.00
    expect(s.payers).toEqual([
      { payer: 'region', share: '1', earned: '113960.00', previouslyPaid: '34056.00', due: '79904.00' },
      { payer: 'agency', share: null, earned: '0.00', previouslyPaid: '22704.00', due: '-22704.00' },
    ]);
    // 79904.00 − 22704.00 = 57200.00 = 113960.00 − 56760.00
    expect(s.totals).toMatchObject({ earned: '113960.00', previouslyPaid: '56760.00', due: '57200.00' });
    const t1 = s.tranches[0];
    expect(t1?.payers.map((p) => [p.payer, p.earned, p.previouslyPaid, p.due])).toEqual([
      ['region', '56760.00', '34056.00', '22704.00'],
      ['agency', '0.00', '22704.00', '-22704.00'],
    ]);
    expect(t1?.due).toBe('0.00');
    expect(s.adjustments.map((a) => [a.tranche, a.payer, a.amount])).toEqual([['t1', 'region', '22704.00'], ['t1', 'agency', '-22704.00']]);
    expect(s.adjustments[1]?.reason).toContain('not a payer of the contract as amended');
    // the next settlement: agency's part is settled (paid 22704.00, returned 22704.00) and no longer listed
    const next = settled('2025-06-30', { previous: [s1(), s], amendedFrom: [s1().fingerprint.contract] }, regionOnly);
    expect(next.payers.map((p) => [p.payer, p.previouslyPaid, p.due])).toEqual([['region', '113960.00', '0.00']]);
    expect(next.totals.due).toBe('0.00');
  });
});

describe('a settlement that recovers everything paid before (item 8)', () => {
  // one valid record that earns nothing (no employment): as if the real records were missing
  const nothing = [{ id: 'X', cohort: '2023-A', enrolledOn: '2023-01-10' }];

  it('is refused without allowFullRecovery, and recovers 56760.00 with it', () => {
    const refused = settle(contract, nothing, { asOf: '2025-06-30', previous: [s1()] });
    expect(refused.ok ? [] : refused.issues.map((issue) => issue.code)).toEqual(['PREVIOUS_RECOVERS_ALL']);
    const allowed = settle(contract, nothing, { asOf: '2025-06-30', previous: [s1()], allowFullRecovery: true });
    if (!allowed.ok) throw new Error('allowed');
    expect(allowed.value.totals).toMatchObject({ earned: '0.00', previouslyPaid: '56760.00', due: '-56760.00' });
    // without previous payments there is nothing to recover: no confirmation needed
    expect(settle(contract, nothing, { asOf: '2025-06-30' }).ok).toBe(true);
    expect(settle(contract, nothing, { asOf: '2025-06-30', allowFullRecovery: 'yes' as unknown as boolean })).toMatchObject({ ok: false, issues: [{ code: 'OPTIONS_ALLOW_FULL_RECOVERY' }] });
  });
});

describe('an exit clause that fires on a date an earlier settlement had passed', () => {
  // s2 (as of 2025-03-31) passed the mid-term review (2025-01-31) with 2023-A's placement rate
  // above 30 %: no exit tranche. Twenty 2023-A participants reported late (enrolled, left, never
  // placed) pull the rate below 30 % on the same review date, so the clause fires retroactively
  // and the exit tranche, measured 2025-01-31, appears in a settlement made after s2. s2 settled
  // that date at nothing: the exit tranche's amount is a correction, an adjustment per payer, and
  // the settlement can itself be given as previous (before the fix it was refused with
  // PREVIOUS_FIGURES: the chain the library had written could not be continued).
  const late = Array.from({ length: 20 }, (_, i) => ({ id: `LATE-${i}`, cohort: '2023-A', enrolledOn: '2023-03-01', exitedOn: '2023-06-30' }));
  const withLate = { ...records, records: [...records.records, ...late], lines: [...records.lines, ...late.map((_, i) => records.lines.length + i + 2)] };
  const settleLate = (asOf: string, previous: readonly Settlement[]): Settlement => {
    const result = settle(contract, withLate, { asOf, previous });
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    return JSON.parse(JSON.stringify(result.value)) as Settlement;
  };

  it('shows the exit tranche as adjustments, and the next settlement accepts the chain and owes nothing more', () => {
    expect(s2().tranches.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    const s3 = settleLate('2025-06-30', [s1(), s2()]);
    const exit = s3.tranches.find((t) => t.id === 'exit:mid-term-review');
    expect(exit?.measuredOn).toBe('2025-01-31');
    expect(exit?.previouslyPaid).toBe('0.00');
    expect(Number(exit?.earned)).toBeGreaterThan(0);
    // one adjustment per payer of the exit tranche, for exactly its due; t2, measured after the
    // exit and not yet settled (2025-06-30 > 2025-03-31), pays nothing and is no adjustment
    expect(s3.adjustments.map((a) => [a.tranche, a.payer, a.previouslyPaid, a.amount])).toEqual(
      (exit?.payers ?? []).map((p) => ['exit:mid-term-review', p.payer, '0.00', p.due]),
    );
    const s4 = settleLate('2025-06-30', [s1(), s2(), s3]);
    expect(s4.totals.due).toBe('0.00');
    expect(s4.adjustments).toEqual([]);
  });
});
