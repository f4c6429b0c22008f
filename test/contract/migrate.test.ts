/**
 * Version 1.0 of the contract format, read by upgrading it (docs/contract.md, "Versions"): every
 * 1.0 example (kept as it was in test/fixtures/v1/) reads to the contract its 2.0 rewrite reads
 * to, settles to the same document byte for byte, and the settlements a 1.0 library made of it
 * are continued with the 2.0 file. The 1.0 copies are the files as they were committed before
 * version 2.0 (and the expected settlements there were made by the library that read and wrote
 * 1.0), so they are evidence independent of the upgrade code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT_SCHEMA_VERSION, migrateContractText, parseContract, type Contract } from '../../src/contract/index.js';
import { contractInVersion1, upgradeContract } from '../../src/contract/migrate.js';
import type { Issue } from '../../src/errors.js';
import { contractJsonSchema } from '../../src/schema/json-schema.js';
import { contractFingerprint, version1ContractFingerprint } from '../../src/settlement/contract-fingerprint.js';
import type { Settlement } from '../../src/settlement/index.js';
import { loadExample, readRecordsText, settlementText } from '../examples/helpers.js';
import { PROGRAMMES } from '../examples/programmes.js';
import { runs } from '../runs.js';
import { settleWith } from '../settlement/settle-helper.js';
import { settle } from '../../src/index.js';
import { settleStream } from '../../src/streaming.js';
import { contractArbitrary } from './arbitrary.js';
import { applyPatch, type PatchOp } from './json-patch.js';

const V1 = 'test/fixtures/v1';

/** Example contracts written after format 1.0, with mechanics 1.0 never had: they have no 1.0 copy. */
const AFTER_1_0 = new Set(['buenos-aires-youth-employment.json', 'uk-whp-fees.json', 'world-bank-results.json', 'uk-earnings.json', 'wioa-quarters.json']);

/** The example programmes written before format 2.0 (the others use mechanics 1.0 never had). */
const VERSION_1_PROGRAMMES = PROGRAMMES.filter((programme) => programme.version1);

/** Every example contract of the repository, as the path of its 2.0 file (its 1.0 copy is under test/fixtures/v1/ at the same path). */
const EXAMPLE_CONTRACTS = [
  ...readdirSync('examples/contracts')
    .filter((file) => file.endsWith('.json') && !AFTER_1_0.has(file))
    .map((file) => `examples/contracts/${file}`),
  ...VERSION_1_PROGRAMMES.map((programme) => `examples/${programme.name}/contract.json`),
];

const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function parsed(input: unknown): { value: Contract; issues: readonly Issue[] } {
  const result = parseContract(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return { value: result.value, issues: result.issues ?? [] };
}

function codesAndPaths(input: unknown): [string, (string | number)[]][] {
  const result = parseContract(input);
  return (result.ok ? [] : result.issues).map((issue) => [issue.code, [...issue.path]]);
}

describe('version 2.0 names the discriminator of every variant "kind"', () => {
  /** The property each union of objects of the published schema tells its variants apart by (a property with a `const` in every variant). */
  function discriminators(schema: unknown, found: Set<string> = new Set()): Set<string> {
    if (Array.isArray(schema)) {
      for (const item of schema) discriminators(item, found);
      return found;
    }
    if (typeof schema !== 'object' || schema === null) return found;
    const node = schema as Record<string, unknown>;
    for (const key of ['oneOf', 'anyOf']) {
      const options = node[key];
      if (!Array.isArray(options) || options.length < 2) continue;
      const constants = options.map((option) => {
        const properties = (option as { properties?: Record<string, { const?: unknown }> }).properties ?? {};
        return new Set(Object.entries(properties).filter(([, property]) => typeof property.const === 'string').map(([name]) => name));
      });
      for (const name of constants[0] ?? []) if (constants.every((names) => names.has(name))) found.add(name);
    }
    for (const value of Object.values(node)) discriminators(value, found);
    return found;
  }

  it('in the published JSON Schema: every union of objects is told apart by kind, and the schema is of version 2.0', () => {
    const schema = contractJsonSchema();
    expect([...discriminators(schema)]).toEqual(['kind']);
    expect(JSON.stringify(schema)).not.toMatch(/"(mode|basis)"/);
    expect((schema['properties'] as Record<string, { const?: unknown }>)['schemaVersion']?.const).toBe('2.0');
    expect(CONTRACT_SCHEMA_VERSION).toBe('2.0');
  });

  it('no example, vector or corpus contract of the repository says mode or basis any more', () => {
    const files = [
      ...EXAMPLE_CONTRACTS,
      ...readdirSync('test/vectors').map((file) => `test/vectors/${file}`),
      ...readdirSync('test/corpus/contracts').filter((file) => file.endsWith('.json')).map((file) => `test/corpus/contracts/${file}`),
    ];
    const old = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /"(mode|basis)"\s*:/.test(text) || /"schemaVersion"\s*:\s*"1\.0"/.test(text);
    });
    expect(old).toEqual([]);
  });
});

describe('every 1.0 example reads to the contract of its 2.0 rewrite', () => {
  it.each(EXAMPLE_CONTRACTS)('%s', (path) => {
    const v1 = parsed(json(join(V1, path)));
    const v2 = parsed(json(path));
    expect(v1.value).toEqual(v2.value);
    expect(contractFingerprint(v1.value)).toBe(contractFingerprint(v2.value));
    expect(v2.issues).toEqual([]);
    expect(v1.issues.map((issue) => [issue.code, issue.path])).toEqual([['CONTRACT_UPGRADED', ['schemaVersion']]]);
    expect(v1.issues[0]?.message).toMatch(/^schemaVersion "1\.0" read as "2\.0": \d+ discriminators renamed "kind" \(outcomes\[\d+\]\.measure\.mode, .*; outcome-pay migrate rewrites the file$/);
  });

  it.each(EXAMPLE_CONTRACTS)('%s: its 2.0 file is its 1.0 copy rewritten by migrateContractText, every line but the renamed keys and the version as it was', (path) => {
    const before = readFileSync(join(V1, path), 'utf8');
    const after = readFileSync(path, 'utf8');
    const migrated = migrateContractText(before);
    expect(migrated.ok && migrated.value).toBe(after);
    // independently of the migration code: line by line, only "mode"/"basis" keys and the version differ
    const lines = [before.split('\n'), after.split('\n')] as const;
    expect(lines[1].length).toBe(lines[0].length);
    const changed = lines[0].flatMap((line, index) => (line === lines[1][index] ? [] : [[line, lines[1][index]]]));
    expect(changed.length).toBeGreaterThan(1);
    for (const [line, rewritten] of changed) {
      expect(line?.replace(/"(mode|basis)"(\s*:)/g, '"kind"$2').replace('"schemaVersion": "1.0"', '"schemaVersion": "2.0"')).toBe(rewritten);
    }
  });

  it.each(EXAMPLE_CONTRACTS)('%s: the 2.0 contract written back in 1.0 is the 1.0 copy (the form a 1.0 library fingerprinted)', (path) => {
    const v2 = parsed(json(path)).value;
    expect(contractInVersion1(v2)).toEqual(json(join(V1, path)));
  });
});

describe('every 1.0 example settles byte for byte as its 2.0 rewrite', () => {
  it.each(VERSION_1_PROGRAMMES.map((programme) => [programme.name, programme] as const))('examples/%s, at its as-of date, from both records files', (name, programme) => {
    const example = loadExample(name);
    for (const format of ['ndjson', 'csv'] as const) {
      const records = readRecordsText(format === 'csv' ? example.csv : example.ndjson, format);
      const options = { asOf: programme.asOf, ...(example.indicators === undefined ? {} : { indicators: example.indicators }) };
      const [v1, v2] = [json(join(V1, 'examples', name, 'contract.json')), example.contract].map((contract) => settleWith(contract, records, options));
      if (!v1?.ok || !v2?.ok) throw new Error('a settlement failed');
      expect(settlementText(v1.value)).toBe(settlementText(v2.value));
      expect(settlementText(v2.value)).toBe(example.expected);
    }
  });

  it.each(readdirSync('examples/contracts').filter((file) => file.endsWith('.json') && !AFTER_1_0.has(file)))('examples/contracts/%s, on the sample records, detail participants', (file) => {
    const records = json('examples/records/sample.json') as unknown[];
    const indicators = file === 'ppp-impact.json' ? { indicators: json('examples/ppp-impact/indicators.json') as Record<string, Record<string, string>> } : {};
    const options = { asOf: '2025-06-30', detail: 'participants' as const, ...indicators };
    const [v1, v2] = [json(join(V1, 'examples/contracts', file)), json(join('examples/contracts', file))].map((contract) => settleWith(contract, records, options));
    if (!v1?.ok || !v2?.ok) throw new Error(`a settlement failed: ${JSON.stringify(v1?.issues ?? v2?.issues)}`);
    expect(JSON.stringify(v1.value)).toBe(JSON.stringify(v2.value));
    expect(v1.issues?.map((issue) => issue.code)).toEqual(['CONTRACT_UPGRADED']);
  });
});

describe('a settlement made under a 1.0 file is continued with its 2.0 rewrite', () => {
  // test/fixtures/v1/examples/<name>/expected-settlement.json: made by the library that read and
  // wrote 1.0, from the 1.0 contract, at the programme's as-of date
  it.each(VERSION_1_PROGRAMMES.map((programme) => [programme.name, programme] as const))('examples/%s: the 1.0 settlement is deducted, without amendedFrom', (name, programme) => {
    const example = loadExample(name);
    const made = json(join(V1, 'examples', name, 'expected-settlement.json')) as Settlement;
    const records = readRecordsText(example.ndjson, 'ndjson');
    const indicators = example.indicators === undefined ? {} : { indicators: example.indicators };
    expect(made.fingerprint.contract).toBe(version1ContractFingerprint(parsed(example.contract).value));
    expect(made.fingerprint.contract).not.toBe(contractFingerprint(parsed(example.contract).value));
    for (const contract of [example.contract, json(join(V1, 'examples', name, 'contract.json'))]) {
      const again = settleWith(contract, records, { asOf: programme.asOf, previous: [made], ...indicators });
      if (!again.ok) throw new Error(JSON.stringify(again.issues, null, 2));
      // settled again at the same date on the same records: what was due then was paid, nothing more is due
      expect(again.value.totals.earned).toBe(made.totals.earned);
      expect(again.value.totals.previouslyPaid).toBe(made.totals.due);
      expect(again.value.totals.due).toBe('0.00');
      expect(again.value.previous).toEqual({ settlements: [{ inputs: made.fingerprint.inputs, asOf: made.asOf, contract: made.fingerprint.contract }], amendedFrom: [] });
      expect(again.value.adjustments).toEqual([]);
    }
  });

  it('naming the 1.0 fingerprint in amendedFrom is PREVIOUS_AMENDMENT_UNUSED (it is this contract)', () => {
    const example = loadExample('region-sud');
    const made = json(join(V1, 'examples/region-sud/expected-settlement.json')) as Settlement;
    const result = settleWith(example.contract, readRecordsText(example.ndjson, 'ndjson'), { asOf: '2025-06-30', previous: [made], amendedFrom: [made.fingerprint.contract] });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['PREVIOUS_AMENDMENT_UNUSED', expect.stringContaining('(it is the fingerprint of this contract written in format 1.0)')],
    ]);
  });

  it('a settlement of another contract written in 1.0 is still refused (PREVIOUS_CONTRACT_CHANGED)', () => {
    const example = loadExample('region-sud');
    const made = json(join(V1, 'examples/region-sud/expected-settlement.json')) as Settlement;
    const amended = JSON.parse(JSON.stringify(example.contract)) as { rules: { price?: string }[] };
    const rule = amended.rules[0];
    if (rule === undefined) throw new Error('no rule');
    rule.price = '1300.00';
    const result = settleWith(amended, readRecordsText(example.ndjson, 'ndjson'), { asOf: '2025-06-30', previous: [made] });
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['PREVIOUS_CONTRACT_CHANGED']);
  });
});

describe('the upgrade renames at the known places only, and tells problems as written', () => {
  const base = json(join(V1, 'examples/contracts/region-agency-convention.json')) as Record<string, unknown>;
  const edit = (...ops: PatchOp[]): Record<string, unknown> => applyPatch(base, ops) as Record<string, unknown>;

  it('a mode key elsewhere than at a 1.0 discriminator is not renamed: it is an unknown key, as written', () => {
    const placement = edit({ op: 'add', path: '/outcomes/0/mode', value: 'x' });
    expect(codesAndPaths(placement)).toEqual([['CONTRACT_UNKNOWN_KEY', ['outcomes', 0, 'mode']]]);
    // a rate card's schedule (a cohort rate's field) is not a place of the rate card
    const misplaced = edit({ op: 'add', path: '/rules/0/schedule', value: { mode: 'allOrNothing', threshold: '0.5', amount: '1.00' } });
    expect(codesAndPaths(misplaced)).toEqual([['CONTRACT_UNKNOWN_KEY', ['rules', 0, 'schedule']]]);
    expect(JSON.stringify(upgradeContract(misplaced).value)).toContain('"schedule":{"mode":"allOrNothing"');
  });

  it('an unknown value and a missing discriminator are told under their 1.0 names', () => {
    const unknown = parseContract(edit({ op: 'replace', path: '/rules/3/groupPricing/mode', value: 'flatt' }));
    expect(unknown.ok ? [] : unknown.issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['CONTRACT_UNKNOWN_KIND', ['rules', 3, 'groupPricing', 'mode'], expect.stringMatching(/^rules\[3\]\.groupPricing\.mode: "flatt" is not one of /)],
    ]);
    const missing = parseContract(edit({ op: 'remove', path: '/outcomes/2/measure/mode' }));
    expect(missing.ok ? [] : missing.issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['CONTRACT_REQUIRED', ['outcomes', 2, 'measure', 'mode'], expect.stringMatching(/^outcomes\[2\]\.measure\.mode: required "mode" is missing/)],
    ]);
  });

  it('a 1.0 document that says kind where 1.0 says mode or basis is refused, not guessed at', () => {
    const both = edit({ op: 'add', path: '/rules/3/groupPricing/kind', value: 'flat' });
    expect(codesAndPaths(both)).toEqual([['CONTRACT_UNKNOWN_KEY', ['rules', 3, 'groupPricing', 'kind']]]);
    const instead = edit({ op: 'replace', path: '/exitClauses/0/condition/denominator', value: { kind: 'enrolled' } });
    expect(codesAndPaths(instead)).toEqual([['CONTRACT_UNKNOWN_KEY', ['exitClauses', 0, 'condition', 'denominator', 'kind']]]);
    // the same denominator in a 2.0 document is right
    expect(codesAndPaths({ ...upgradeOnly(instead), schemaVersion: '2.0' })).toEqual([]);
  });

  /** The other 1.0 places of a document renamed, the mixed one left as it is (to build a 2.0 document from a mixed one). */
  function upgradeOnly(document: Record<string, unknown>): Record<string, unknown> {
    const text = JSON.stringify(document).replaceAll('"mode":', '"kind":').replaceAll('"basis":', '"kind":');
    return JSON.parse(text) as Record<string, unknown>;
  }

  it('never modifies its input, reads own properties only, and leaves other versions alone', () => {
    const frozen = structuredClone(base);
    const deepFreeze = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      Object.freeze(value);
      for (const item of Object.values(value)) deepFreeze(item);
    };
    deepFreeze(frozen);
    const upgrade = upgradeContract(frozen);
    expect(upgrade.from).toBe('1.0');
    expect(frozen).toEqual(base);
    expect(upgrade.value).not.toBe(frozen);
    // an inherited schemaVersion is not the document's
    const inherited = Object.create({ schemaVersion: '1.0' }) as Record<string, unknown>;
    expect(upgradeContract(inherited)).toEqual({ value: inherited, from: undefined, places: [], edits: [], issues: [] });
    for (const other of [null, [], 'x', { schemaVersion: '2.0' }, { schemaVersion: '1.1' }, { schemaVersion: 1 }]) {
      expect(upgradeContract(other).from).toBeUndefined();
      expect(upgradeContract(other).value).toBe(other);
    }
    expect(codesAndPaths({ ...base, schemaVersion: '1.1' })).toContainEqual(['CONTRACT_SCHEMA_VERSION', ['schemaVersion']]);
  });

  it('on generated contracts: written back in 1.0 and read again, the same contract and fingerprint', () => {
    fc.assert(
      fc.property(contractArbitrary(), (input) => {
        const contract = parseContract(input);
        // contractArbitrary draws valid contracts only (arbitrary.test.ts): a refusal is a failure, not a case to skip
        if (!contract.ok) expect.fail(JSON.stringify(contract.issues.slice(0, 2)));
        const version1 = contractInVersion1(contract.value);
        expect(JSON.stringify(version1)).not.toMatch(/"schemaVersion":"2\.0"/);
        const again = parsed(version1);
        expect(again.value).toEqual(contract.value);
        expect(again.issues.map((issue) => issue.code)).toEqual(['CONTRACT_UPGRADED']);
        expect(contractFingerprint(again.value)).toBe(contractFingerprint(contract.value));
        expect(version1ContractFingerprint(again.value)).toBe(version1ContractFingerprint(contract.value));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('migrateContractText', () => {
  it('gives a 2.0 contract back as it is, without notice', () => {
    const text = readFileSync('examples/contracts/uk-rate-card.json', 'utf8');
    expect(migrateContractText(text)).toEqual({ ok: true, value: text });
  });

  it('reads bytes (a byte-order mark kept) and CRLF line ends, and says what it renamed', () => {
    const text = `\ufeff${readFileSync(join(V1, 'examples/contracts/uk-rate-card.json'), 'utf8').replaceAll('\n', '\r\n')}`;
    const migrated = migrateContractText(new TextEncoder().encode(text));
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.issues));
    expect(migrated.value).toBe(`\ufeff${readFileSync('examples/contracts/uk-rate-card.json', 'utf8').replaceAll('\n', '\r\n')}`);
    expect(migrated.issues?.map((issue) => [issue.code, issue.path])).toEqual([['CONTRACT_UPGRADED', ['schemaVersion']]]);
    expect(migrated.issues?.[0]?.message).toMatch(
      /^schemaVersion "1\.0" rewritten as "2\.0": 7 discriminators renamed "kind" \(outcomes\[2\]\.measure\.mode, outcomes\[3\]\.measure\.mode, rules\[1\]\.groupPricing\.mode, rules\[2\]\.groupPricing\.mode, and 3 more\)$/,
    );
  });

  it('refuses an invalid contract or JSON text with every problem, paths as written, and no text', () => {
    const text = readFileSync(join(V1, 'examples/contracts/uk-rate-card.json'), 'utf8');
    const invalid = migrateContractText(text.replace('"mode": "continuous"', '"mode": "always"'));
    expect(invalid.ok ? [] : invalid.issues.map((issue) => [issue.code, issue.path])).toEqual([['CONTRACT_UNKNOWN_KIND', ['outcomes', 2, 'measure', 'mode']]]);
    const broken = migrateContractText(text.slice(0, -3));
    expect(broken.ok ? [] : broken.issues.map((issue) => issue.code)).toEqual(['JSON_SYNTAX']);
    expect(() => migrateContractText(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'ARGUMENT_INVALID' }));
  });
});

describe('settling a 1.0 contract keeps the upgrade notice', () => {
  it('settle and settleStream return the notice of parseContract in the ok result, and a 2.0 contract none', async () => {
    const v1 = json(join(V1, 'examples/region-sud/contract.json'));
    const v2 = json('examples/region-sud/contract.json');
    const options = { asOf: '2025-06-30', allowEmpty: true };
    const codes = (result: { ok: boolean; issues?: readonly { code: string; path: readonly unknown[] }[] }): unknown => [result.ok, (result.issues ?? []).map((issue) => [issue.code, issue.path])];
    expect(codes(settle(v1, [], options))).toEqual([true, [['CONTRACT_UPGRADED', ['schemaVersion']]]]);
    expect(codes(settle(v2, [], options))).toEqual([true, []]);
    const stream = await settleStream(v1, { format: 'ndjson', chunks: () => (async function* () {})() }, options);
    expect(codes(stream)).toEqual([true, [['CONTRACT_UPGRADED', ['schemaVersion']]]]);
  });
});
