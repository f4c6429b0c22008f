import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { ROUNDING_MODES } from '../../src/money/index.js';
import { CONTRACT_ROUNDING_MODES, ContractSchema, parseContract, type Contract } from '../../src/contract/index.js';
import { applyPatch, type PatchOp } from './json-patch.js';

const root = join(import.meta.dirname, '..', '..');
const minimal: unknown = JSON.parse(readFileSync(join(root, 'test/corpus/contracts/bases/minimal.json'), 'utf8'));
const patched = (...ops: PatchOp[]) => parseContract(applyPatch(minimal, ops));
const codes = (result: ReturnType<typeof parseContract>) => (result.ok ? [] : result.issues.map((i) => i.code));

describe('parseContract robustness: never throws for bad data', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', '{"schemaVersion":"2.0"}'],
    ['an array', []],
    ['a bigint', 10n],
    ['a function', () => 1],
  ])('refuses %s with CONTRACT_NOT_OBJECT', (_name, input) => {
    expect(codes(parseContract(input))).toEqual(['CONTRACT_NOT_OBJECT']);
  });

  it('reports an empty object with one CONTRACT_REQUIRED per required top-level field', () => {
    const result = parseContract({});
    const required = result.ok ? [] : result.issues.filter((i) => i.code === 'CONTRACT_REQUIRED').map((i) => i.path[0]);
    // schemaVersion, id, name, currency, rounding, period, parties, cohorts, outcomes, rules, tranches
    expect(required.sort()).toEqual(
      ['cohorts', 'currency', 'id', 'name', 'outcomes', 'parties', 'period', 'rounding', 'rules', 'schemaVersion', 'tranches'].sort(),
    );
  });

  it('refuses a cycle without overflowing the stack', () => {
    const cyclic = applyPatch(minimal, []) as Record<string, unknown>;
    cyclic.self = cyclic;
    expect(codes(parseContract(cyclic))).toContain('CONTRACT_UNREADABLE');
  });

  it('refuses absurd nesting', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
    const input = applyPatch(minimal, []) as Record<string, unknown>;
    input.description = deep;
    expect(codes(parseContract(input))).toEqual(['CONTRACT_TOO_DEEP']);
  });

  it('reports a getter that throws instead of throwing', () => {
    const input = applyPatch(minimal, []) as Record<string, unknown>;
    Object.defineProperty(input, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(codes(parseContract(input))).toContain('CONTRACT_UNREADABLE');
  });

  it('refuses a __proto__ key created by JSON.parse without polluting anything', () => {
    const text = readFileSync(join(root, 'test/corpus/contracts/bases/minimal.json'), 'utf8').replace('{', '{"__proto__": {"polluted": true},');
    const result = parseContract(JSON.parse(text));
    expect(codes(result)).toEqual(['FORBIDDEN_KEY']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseContract reports every problem, not just the first', () => {
  it('collects structural problems across the document', () => {
    const result = patched(
      { op: 'add', path: '/nmae', value: 'x' },
      { op: 'replace', path: '/rounding', value: 'bankers' },
      { op: 'replace', path: '/rules/0/price', value: 1000 },
    );
    expect(codes(result).sort()).toEqual(['CONTRACT_ENUM', 'CONTRACT_TYPE', 'CONTRACT_UNKNOWN_KEY']);
  });

  it('collects cross-field problems together', () => {
    const result = patched(
      { op: 'replace', path: '/parties/payers/1/share', value: '0.3' },
      { op: 'replace', path: '/tranches/0/dueOn', value: '2025-01-01' },
      { op: 'replace', path: '/rules/0/outcome', value: 'nowhere' },
    );
    expect(codes(result).sort()).toEqual(['DATE_ORDER', 'PAYER_SHARES_SUM', 'UNKNOWN_REFERENCE']);
  });

  it('names the offending field and value in the message', () => {
    const result = patched({ op: 'replace', path: '/rules/0/price', value: '1,000.00' });
    expect(result.ok).toBe(false);
    expect(result.issues?.[0]?.message).toContain('rules[0].price');
    expect(result.issues?.[0]?.message).toContain('"1,000.00"');
  });
});

describe('cross-field checks: exact decimals and calendar dates', () => {
  it('accepts shares 0.1 + 0.2 + 0.7, which sum to exactly 1 in decimal (not in float: 0.1 + 0.2 + 0.7 = 0.9999999999999999)', () => {
    const result = patched({
      op: 'replace',
      path: '/parties/payers',
      value: [
        { id: 'a', name: 'A', share: '0.1' },
        { id: 'b', name: 'B', share: '0.2' },
        { id: 'c', name: 'C', share: '0.7' },
      ],
    });
    expect(codes(result)).toEqual([]);
  });

  it('accepts shares written with trailing zeros ("0.60" + "0.400" = 1)', () => {
    const result = patched(
      { op: 'replace', path: '/parties/payers/0/share', value: '0.60' },
      { op: 'replace', path: '/parties/payers/1/share', value: '0.400' },
    );
    expect(codes(result)).toEqual([]);
  });

  it('accepts "1500.50" and "1500.500" in EUR (trailing zeros are not extra precision), refuses "1500.505"', () => {
    expect(codes(patched({ op: 'replace', path: '/rules/0/price', value: '1500.500' }))).toEqual([]);
    expect(codes(patched({ op: 'replace', path: '/rules/0/price', value: '1500.505' }))).toEqual(['AMOUNT_PRECISION']);
  });

  it('tranche timing uses month-end clamping: enrolment 2023-08-31 + 6 months = 2024-02-29', () => {
    // cohort opens 2023-08-31; 6-month retention earliest 2024-02-29 (leap year, clamped from 31 Feb)
    const base: PatchOp[] = [
      { op: 'replace', path: '/period/start', value: '2023-08-01' },
      { op: 'replace', path: '/cohorts/0/enrolmentStart', value: '2023-08-31' },
      { op: 'replace', path: '/cohorts/0/enrolmentEnd', value: '2023-12-31' },
    ];
    const on = (date: string) =>
      codes(patched(...base, { op: 'replace', path: '/tranches/0/measuredOn', value: date }, { op: 'replace', path: '/tranches/0/dueOn', value: date }));
    expect(on('2024-02-29')).toEqual([]);
    expect(on('2024-02-28')).toEqual(['TRANCHE_BEFORE_OUTCOME']);
  });

  it('checks every cohort of a tranche: a later cohort can make the tranche too early', () => {
    const result = patched(
      { op: 'add', path: '/cohorts/-', value: { id: '2024-B', enrolmentStart: '2025-01-01', enrolmentEnd: '2025-06-30' } },
      { op: 'add', path: '/tranches/0/cohorts/-', value: '2024-B' },
    );
    // 2024-B opens 2025-01-01: retention 6m earliest 2025-07-01 > measuredOn 2025-06-30
    expect(result.issues?.map((i) => [i.code, i.message.includes('2024-B')])).toEqual([['TRANCHE_BEFORE_OUTCOME', true]]);
  });

  it('reports an impossible date once and skips order checks on it', () => {
    expect(codes(patched({ op: 'replace', path: '/period/end', value: '2026-02-30' }))).toEqual(['DATE_IMPOSSIBLE']);
  });
});

describe('the parsed value', () => {
  const result = parseContract(minimal);
  const contract = result.ok ? result.value : undefined;

  it('is deeply frozen', () => {
    expect(contract).toBeDefined();
    const c = contract as Contract;
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.rules)).toBe(true);
    expect(Object.isFrozen(c.rules[0])).toBe(true);
    expect(Object.isFrozen(c.parties.payers[0])).toBe(true);
  });

  it('is a copy: the input stays mutable and unchanged', () => {
    expect(Object.isFrozen(minimal)).toBe(false);
    expect(contract).toEqual(minimal);
    expect(contract).not.toBe(minimal);
  });
});

describe('schema export', () => {
  it('names the same rounding modes as the money core', () => {
    expect([...CONTRACT_ROUNDING_MODES]).toEqual([...ROUNDING_MODES]);
  });

  it('exports to JSON Schema (io: input) with closed objects', () => {
    const schema = z.toJSONSchema(ContractSchema, { io: 'input' }) as { additionalProperties?: unknown; required?: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('rules');
    expect(JSON.stringify(schema)).toContain('"oneOf"');
  });
});
