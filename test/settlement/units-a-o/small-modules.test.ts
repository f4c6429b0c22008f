/**
 * The small modules of src/settlement/[a-o]*.ts: canonical JSON (sorted keys, undefined left out,
 * what JSON cannot write), claim units (the finest place, the limits of nine places and 2^40
 * units, negative amounts), the contract fingerprints (SHA-256 computed here with node:crypto),
 * the compiled contract (indexes, tranches in settlement order, unresolved references) and the
 * total paid over lines.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/calendar/index.js';
import type { Contract } from '../../../src/contract/index.js';
import { contractInVersion1 } from '../../../src/contract/migrate.js';
import { parseAmount } from '../../../src/money/index.js';
import { canonicalJson } from '../../../src/settlement/canonical-json.js';
import { amountOfUnits, claimUnits } from '../../../src/settlement/claim-units.js';
import { contractFingerprint, version1ContractFingerprint } from '../../../src/settlement/contract-fingerprint.js';
import { compileContract, resolveIndex } from '../../../src/settlement/indexed-contract.js';
import { paidTotal, type Line } from '../../../src/settlement/lines.js';
import { PAY, PLACEMENT, unitContract } from './contract.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonicalJson', () => {
  it('writes scalars as JSON does; what JSON cannot write is null', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(() => 1)).toBe('null');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(false)).toBe('false');
  });

  it('sorts keys at every level, leaves out undefined values, keeps array order and nulls', () => {
    expect(canonicalJson({ b: 1, a: [true, null, undefined, { d: 'x', c: undefined, 'é"': 2 }], c: null, e: undefined })).toBe('{"a":[true,null,null,{"d":"x","é\\"":2}],"b":1,"c":null}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson([[1, 2], []])).toBe('[[1,2],[]]');
    expect(canonicalJson({ z: { y: { x: 1, w: 2 } } })).toBe('{"z":{"y":{"w":2,"x":1}}}');
  });
});

describe('claimUnits and amountOfUnits', () => {
  it('counts every amount in units of the finest decimal place among them', () => {
    const price = parseAmount('1500.00');
    const odd = parseAmount('1320.25');
    const units = claimUnits([price, odd]);
    // 1500.00 has no decimal place that matters, 1320.25 has two: units of 0.01
    expect(units?.unit.toFixed()).toBe('0.01');
    expect(units?.of.get(price)).toBe(150000);
    expect(units?.of.get(odd)).toBe(132025);
    expect(units === undefined ? '' : amountOfUnits(units, 75).toFixed()).toBe('0.75');
    // whole amounts: units of 1
    const whole = claimUnits([parseAmount('3'), parseAmount('0')]);
    expect(whole?.unit.toFixed()).toBe('1');
    expect([...(whole?.of.values() ?? [])]).toEqual([3, 0]);
    const none = claimUnits([]);
    expect(none?.unit.toFixed()).toBe('1');
    expect(none?.of.size).toBe(0);
  });

  it('nine decimal places are counted; ten, a negative amount or more than 2^40 units are not', () => {
    const nine = parseAmount('0.000000001');
    expect(claimUnits([nine])?.of.get(nine)).toBe(1);
    expect(claimUnits([parseAmount('0.0000000001')])).toBeUndefined();
    expect(claimUnits([parseAmount('1'), parseAmount('-0.01')])).toBeUndefined();
    // 2^40 = 1099511627776
    const limit = parseAmount('1099511627776');
    expect(claimUnits([limit])?.of.get(limit)).toBe(1099511627776);
    expect(claimUnits([parseAmount('1099511627777')])).toBeUndefined();
    // in units of 0.01: 10995116277.76 is 2^40 units, one more hundredth is too many
    expect(claimUnits([parseAmount('10995116277.76')])?.unit.toFixed()).toBe('0.01');
    expect(claimUnits([parseAmount('10995116277.77')])).toBeUndefined();
    expect(claimUnits([parseAmount('10995116277.76'), parseAmount('0.001')])).toBeUndefined();
  });
});

const CHANGES = {
  currency: 'GBP',
  rounding: 'half-up',
  outcomes: [PLACEMENT, { ...PLACEMENT, id: 'late', name: 'Late job', window: { from: 'enrolment', days: 180 } }],
  rules: [PAY, { ...PAY, id: 'pay-late', name: 'pay late', outcome: 'late', price: '500.00' }],
  tranches: [
    { id: 'T3', name: 'T3', rules: ['pay', 'pay-late'], cohorts: ['B'], measuredOn: '2024-12-31', dueOn: '2025-01-31' },
    { id: 'T1', name: 'T1', rules: ['pay'], cohorts: ['A', 'B'], measuredOn: '2024-06-30', dueOn: '2024-07-31' },
    { id: 'T2', name: 'T2', rules: ['pay-late'], cohorts: ['A'], measuredOn: '2024-06-30', dueOn: '2024-08-31' },
  ],
};

const contract = (): Contract => unitContract(CHANGES);

describe('contractFingerprint and version1ContractFingerprint', () => {
  it('the SHA-256 of the canonical JSON', () => {
    expect(contractFingerprint({ b: 1, a: 'x' } as unknown as Contract)).toBe(sha256('{"a":"x","b":1}'));
    const parsed = contract();
    expect(contractFingerprint(parsed)).toBe(sha256(canonicalJson(parsed)));
    expect(version1ContractFingerprint(parsed)).toBe(sha256(canonicalJson(contractInVersion1(parsed))));
    expect(version1ContractFingerprint(parsed)).not.toBe(contractFingerprint(parsed));
  });
});

describe('compileContract', () => {
  it('indexes ids, parses tranche dates and orders tranches by measurement date, ties in contract order', () => {
    const parsed = contract();
    const compiled = compileContract(parsed);
    expect(compiled.contract).toBe(parsed);
    expect(compiled.currency).toBe('GBP');
    expect(compiled.rounding).toBe('half-up');
    expect([...compiled.cohortIndex]).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
    expect([...compiled.outcomeIndex]).toEqual([
      ['placement', 0],
      ['late', 1],
    ]);
    expect([...compiled.ruleIndex]).toEqual([
      ['pay', 0],
      ['pay-late', 1],
    ]);
    expect(compiled.groupIndex.size).toBe(0);
    expect(compiled.versions).toBeUndefined();
    expect(compiled.tranches.map((t) => ({ id: t.source.id, index: t.index, measuredOn: t.measuredOn, dueOn: t.dueOn, rules: [...t.rules], cohorts: [...t.cohorts] }))).toEqual([
      { id: 'T1', index: 1, measuredOn: parseDate('2024-06-30'), dueOn: parseDate('2024-07-31'), rules: [0], cohorts: [0, 1] },
      { id: 'T2', index: 2, measuredOn: parseDate('2024-06-30'), dueOn: parseDate('2024-08-31'), rules: [1], cohorts: [0] },
      { id: 'T3', index: 0, measuredOn: parseDate('2024-12-31'), dueOn: parseDate('2025-01-31'), rules: [0, 1], cohorts: [1] },
    ]);
    expect(compiled.tranches[0]?.source).toBe(parsed.tranches[1]);
    expect(compiled.payerSplit).toBeDefined();
  });

  it('groups are indexed too; a reference the contract lacks is an internal error', () => {
    const withGroups = { ...contract(), groups: [{ id: 'rsa' }, { id: 'youth' }] } as unknown as Contract;
    expect([...compileContract(withGroups).groupIndex]).toEqual([
      ['rsa', 0],
      ['youth', 1],
    ]);
    const broken = { ...contract(), tranches: [{ ...contract().tranches[0], rules: ['nowhere'] }] } as unknown as Contract;
    expect(() => compileContract(broken)).toThrow('outcome-pay internal error: unresolved reference nowhere');
    expect(resolveIndex(new Map([['a', 3]]), 'a')).toBe(3);
    expect(() => resolveIndex(new Map(), 'b')).toThrow('outcome-pay internal error: unresolved reference b');
  });
});

describe('paidTotal', () => {
  it('adds the paid amounts of the lines, not what they earned', () => {
    const line = (amount: string, paid: string): Line => ({ paid: parseAmount(paid), amount: parseAmount(amount) }) as unknown as Line;
    expect(paidTotal([line('10.00', '7.25'), line('5', '5'), line('3', '0.10')]).toFixed(2)).toBe('12.35');
    expect(paidTotal([]).toFixed(2)).toBe('0.00');
  });
});
