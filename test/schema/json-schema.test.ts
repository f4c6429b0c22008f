import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { contractJsonSchema, recordsJsonSchema } from '../../src/schema/json-schema.js';

/**
 * The published JSON Schemas are checked with an independent validator (ajv), on every example
 * file of the repository: a service in another language must accept what outcome-pay accepts.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateContract = ajv.compile(contractJsonSchema());
const validateRecords = ajv.compile(recordsJsonSchema());

function exampleContracts(): string[] {
  const files = readdirSync('examples/contracts').map((name) => join('examples/contracts', name));
  for (const folder of readdirSync('examples')) {
    const candidate = join('examples', folder, 'contract.json');
    if (existsSync(candidate)) files.push(candidate);
  }
  return files.filter((file) => file.endsWith('.json'));
}

describe('contract.schema.json', () => {
  const files = exampleContracts();
  it('has example contracts to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of files) {
    it(`accepts ${file}`, () => {
      const valid = validateContract(JSON.parse(readFileSync(file, 'utf8')));
      expect(validateContract.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });
  }
  it('rejects a typo in a key, like parseContract', () => {
    const contract = JSON.parse(readFileSync(files[0] ?? '', 'utf8')) as Record<string, unknown>;
    contract['currencyy'] = 'EUR';
    expect(validateContract(contract)).toBe(false);
  });
  it('accepts a retention in weeks or days, and rejects one stating no duration or two, like parseContract (DURATION_UNITS)', () => {
    const base = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8')) as { outcomes: Record<string, unknown>[] };
    const withDuration = (duration: Record<string, number>): unknown => {
      const contract = structuredClone(base);
      const retention = { ...contract.outcomes[1] };
      delete retention['months'];
      contract.outcomes[1] = { ...retention, ...duration };
      return contract;
    };
    expect(validateContract(withDuration({ months: 6 }))).toBe(true);
    expect(validateContract(withDuration({ weeks: 26 }))).toBe(true);
    expect(validateContract(withDuration({ days: 182 }))).toBe(true);
    expect(validateContract(withDuration({}))).toBe(false);
    expect(validateContract(withDuration({ months: 6, weeks: 26 }))).toBe(false);
    expect(validateContract(withDuration({ weeks: 26, days: 182 }))).toBe(false);
  });
  it('accepts a yearly payer cap in each of its forms and rejects a malformed one, like parseContract', () => {
    const vector = JSON.parse(readFileSync('test/vectors/72-payer-year-cap-deferred-fiscal.json', 'utf8')) as { contract: { caps: Record<string, unknown>[] } };
    const withCap = (change: Record<string, unknown>): unknown => {
      const contract = structuredClone(vector.contract);
      contract.caps[0] = { ...contract.caps[0], ...change };
      return contract;
    };
    expect(validateContract(withCap({}))).toBe(true);
    expect(validateContract(withCap({ per: { kind: 'calendarYear' }, overflow: 'notPaid' }))).toBe(true);
    expect(validateContract(withCap({ overflow: { takenBy: 'fund' } }))).toBe(true);
    expect(validateContract(withCap({ per: { kind: 'fiscalYear', startMonth: 13 } }))).toBe(false);
    expect(validateContract(withCap({ per: { kind: 'fiscalYear' } }))).toBe(false);
    expect(validateContract(withCap({ per: { kind: 'calendarYear', startMonth: 4 } }))).toBe(false);
    expect(validateContract(withCap({ overflow: 'later' }))).toBe(false);
    expect(validateContract(withCap({ overflow: { takenBy: 'fund', share: '0.5' } }))).toBe(false);
  });
  it('rejects an amount written as a number', () => {
    const contract = JSON.parse(readFileSync('examples/contracts/uk-rate-card.json', 'utf8')) as { rules: { price?: unknown }[] };
    const rule = contract.rules.find((candidate) => candidate.price !== undefined);
    if (rule === undefined) throw new Error('example has no priced rule');
    rule.price = 1500.5;
    expect(validateContract(contract)).toBe(false);
  });
});

describe('records.schema.json', () => {
  it('accepts the JSON example and each NDJSON line', () => {
    expect(validateRecords(JSON.parse(readFileSync('examples/records/sample.json', 'utf8')))).toBe(true);
    const lines = readFileSync('examples/records/sample.ndjson', 'utf8').split('\n').filter((line) => line.trim() !== '');
    for (const line of lines) expect(validateRecords([JSON.parse(line)]), line).toBe(true);
  });
  it('rejects an impossible date, a wage written as a JSON number and an unknown key', () => {
    const base = { id: 'P1', cohort: '2023-A', enrolledOn: '2023-02-01' };
    expect(validateRecords([base])).toBe(true);
    expect(validateRecords([{ ...base, enrolledOn: '2023-02-29' }])).toBe(false);
    expect(validateRecords([{ ...base, baselineWage: 1500.5 }])).toBe(false);
    expect(validateRecords([{ ...base, baselineWage: 1500 }])).toBe(false);
    expect(validateRecords([{ ...base, baselineWage: '1500' }])).toBe(true);
    expect(validateRecords([{ ...base, enroledOn: '2023-02-01' }])).toBe(false);
  });
});
